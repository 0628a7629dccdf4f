/** `@damdang <message>` in a channel: answered in a thread under the question. */
import type { webApi } from '@slack/bolt';
import { renderSlack } from '../../render/slack.js';
import { admit, ask, type SlackDeps, fromSlackText, slackOrigin } from './context.js';

export interface MentionArgs {
  event: { text: string; ts: string; thread_ts?: string | undefined; channel: string; user?: string | undefined; team?: string | undefined };
  body: { team_id?: string | undefined };
  context: { botUserId?: string | undefined };
  client: Pick<webApi.WebClient, 'chat'>;
}

export function mentionListener(deps: SlackDeps) {
  return async ({ event, body, context, client }: MentionArgs): Promise<void> => {
    const question = fromSlackText(event.text, context.botUserId);
    const origin = slackOrigin(body.team_id ?? event.team, event.channel, event.user);
    const admission = admit(deps, origin);
    // A refusal is said briefly in the thread: the asker otherwise hears nothing.
    const reply = admission.allowed ? await ask(deps, admission.pass, { kind: 'text', text: question }) : admission.reply;
    if (admission.allowed) deps.shown.remember(origin, question, reply, deps.now().getTime());
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...renderSlack(reply, { question, feedback: true }),
    });
  };
}

/** `@damdang <message>` in a channel: answered in a thread under the question. */
import type { webApi } from '@slack/bolt';
import { renderSlack } from '../../render/slack.js';
import { ask, type SlackDeps, fromSlackText, slackOrigin, textInbound } from './context.js';

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
    const reply = await ask(deps.service, textInbound(question, origin, deps.now()), deps.log);
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...renderSlack(reply, { question, feedback: true }),
    });
  };
}

/** A direct message to the app: answered in the DM. Channel messages are the mention listener's. */
import type { webApi } from '@slack/bolt';
import { renderSlack } from '../../render/slack.js';
import { admit, ask, type SlackDeps, fromSlackText, slackOrigin } from './context.js';

export interface MessageArgs {
  event: {
    channel: string;
    channel_type?: string | undefined;
    subtype?: string | undefined;
    bot_id?: string | undefined;
    text?: string | undefined;
    user?: string | undefined;
    team?: string | undefined;
  };
  body: { team_id?: string | undefined };
  context: { botUserId?: string | undefined };
  client: Pick<webApi.WebClient, 'chat'>;
}

export function messageListener(deps: SlackDeps) {
  return async ({ event, body, context, client }: MessageArgs): Promise<void> => {
    // Edits, joins, bot posts (ours included) are not questions, and cost no one a question.
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.text) return;
    const question = fromSlackText(event.text, context.botUserId);
    const origin = slackOrigin(body.team_id ?? event.team, event.channel, event.user);
    const admission = admit(deps, origin, true);
    const reply = admission.allowed ? await ask(deps, admission.pass, { kind: 'text', text: question }) : admission.reply;
    if (admission.allowed) deps.shown.remember(origin, question, reply, deps.now().getTime());
    await client.chat.postMessage({ channel: event.channel, ...renderSlack(reply, { question, feedback: true }) });
  };
}

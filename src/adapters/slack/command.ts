/** `/damdang <message>`: ack at once, answer after, visible to the asker only, with share and feedback buttons. */
import type { SlashCommand } from '@slack/bolt';
import { renderSlack } from '../../render/slack.js';
import type { Respond } from './response-url.js';
import { admit, ask, type SlackDeps, fromSlackText, slackOrigin } from './context.js';

export interface CommandArgs {
  command: Pick<SlashCommand, 'text' | 'team_id' | 'channel_id' | 'user_id'>;
  ack: () => Promise<void>;
  respond: Respond;
}

export function commandListener(deps: SlackDeps) {
  return async ({ command, ack, respond }: CommandArgs): Promise<void> => {
    await ack();
    const question = fromSlackText(command.text);
    const origin = slackOrigin(command.team_id, command.channel_id, command.user_id);
    const admission = admit(deps, origin);
    if (!admission.allowed) {
      await respond({ response_type: 'ephemeral', ...renderSlack(admission.reply) });
      return;
    }
    const reply = await ask(deps, admission.pass, { kind: 'text', text: question });
    deps.shown.remember(origin, question, reply, deps.now().getTime());
    await respond({
      response_type: 'ephemeral',
      ...renderSlack(reply, { question, share: reply.kind !== 'error', feedback: true }),
    });
  };
}

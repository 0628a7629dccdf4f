/**
 * Buttons on an answer: a follow-up question, "share in the channel", and 👍/👎 feedback (a 👎 opens a modal
 * asking what was wrong). Buttons carry the question, never the answer: a click re-answers it, so the shared
 * blocks are the same blocks and nothing is trusted from the payload but the question text.
 */
import type { webApi } from '@slack/bolt';
import { renderText } from '../../render/text.js';
import { ACTIONS, renderSlack } from '../../render/slack.js';
import type { Verdict } from '../../store/feedback.js';
import type { Respond } from './response-url.js';
import { ask, type SlackDeps, slackOrigin, textInbound } from './context.js';

export const FEEDBACK_MODAL = 'damdang_feedback_modal';
export const FEEDBACK_INPUT = { block: 'what', action: 'text' } as const;

export interface ActionArgs {
  action: { action_id: string; value?: string | undefined };
  body: {
    trigger_id?: string | undefined;
    user: { id: string; team_id?: string | undefined };
    team?: { id: string } | null | undefined;
    channel?: { id: string } | undefined;
    container?: { is_ephemeral?: boolean | undefined; thread_ts?: string | undefined; message_ts?: string | undefined } | undefined;
    message?: { ts: string; thread_ts?: string | undefined } | undefined;
  };
  ack: () => Promise<void>;
  respond: Respond;
  client: Pick<webApi.WebClient, 'chat' | 'views'>;
}

export function actionListener(deps: SlackDeps) {
  return async ({ action, body, ack, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const question = (action.value ?? '').trim();
    if (!question) return;
    const origin = slackOrigin(body.team?.id ?? body.user.team_id, body.channel?.id, body.user.id);
    const ephemeral = body.container?.is_ephemeral ?? !body.message;

    if (action.action_id === ACTIONS.feedbackUp || action.action_id === ACTIONS.feedbackDown) {
      const verdict: Verdict = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
      const reply = await ask(deps.reanswer, textInbound(question, origin, deps.now()), deps.log);
      const id = deps.feedback?.record({ ...origin, at: deps.now(), question, reply, replyText: renderText(reply), verdict });
      deps.log.info('feedback', { verdict, channel: origin.channel, user: origin.user });
      if (verdict === 'down' && id !== undefined && body.trigger_id) {
        await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(id) });
      } else {
        await respond({ response_type: 'ephemeral', replace_original: false, text: '고맙습니다. 피드백을 남겼습니다.' });
      }
      return;
    }

    const share = action.action_id === ACTIONS.share;
    const reply = await ask(share ? deps.reanswer : deps.service, textInbound(question, origin, deps.now()), deps.log);
    if (share) {
      await respond({ response_type: 'in_channel', replace_original: false, ...renderSlack(reply, { question, feedback: true }) });
    } else if (ephemeral || !body.channel) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderSlack(reply, { question, share: true, feedback: true }),
      });
    } else {
      const thread = body.message?.thread_ts ?? body.container?.thread_ts ?? body.message?.ts;
      await client.chat.postMessage({
        channel: body.channel.id,
        ...(thread ? { thread_ts: thread } : {}),
        ...renderSlack(reply, { question, feedback: true }),
      });
    }
  };
}

function feedbackModal(feedbackId: number) {
  return {
    type: 'modal' as const,
    callback_id: FEEDBACK_MODAL,
    private_metadata: String(feedbackId),
    title: { type: 'plain_text' as const, text: '무엇이 틀렸나요?' },
    submit: { type: 'plain_text' as const, text: '보내기' },
    close: { type: 'plain_text' as const, text: '닫기' },
    blocks: [
      {
        type: 'input' as const,
        block_id: FEEDBACK_INPUT.block,
        label: { type: 'plain_text' as const, text: '틀린 내용이나 맞는 값 (예: 내선번호가 2581로 바뀌었습니다)' },
        element: {
          type: 'plain_text_input' as const,
          action_id: FEEDBACK_INPUT.action,
          multiline: true,
          max_length: 1000,
        },
      },
    ],
  };
}

export interface ViewArgs {
  ack: () => Promise<void>;
  view: { private_metadata: string; state: { values: Record<string, Record<string, { value?: string | null | undefined }>> } };
}

/** The 👎 modal's submission: attaches the comment to the verdict already stored. */
export function feedbackSubmitListener(deps: SlackDeps) {
  return async ({ ack, view }: ViewArgs): Promise<void> => {
    await ack();
    const id = Number(view.private_metadata);
    const comment = view.state.values[FEEDBACK_INPUT.block]?.[FEEDBACK_INPUT.action]?.value ?? '';
    if (Number.isInteger(id) && comment.trim()) deps.feedback?.comment(id, comment);
  };
}

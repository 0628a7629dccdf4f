/**
 * Buttons on an answer: a follow-up question, "share in the channel", and 👍/👎 feedback (a 👎 opens a modal
 * asking what was wrong). Every click goes through the guard first (access lists, rate limit), like a typed
 * question. A click never runs a command with side effects: share reposts the reply already shown and 👍/👎
 * record it (both from the replies kept in `deps.shown`); only when that reply is no longer kept is the question
 * answered again, and then as a replay, which refuses digest subscribe / unsubscribe / send. A follow-up button
 * is a replay too. The payload's question text is the only thing read from it, and it is untrusted.
 */
import type { webApi } from '@slack/bolt';
import type { Pass } from '../../core/access.js';
import { isReplayRefusal } from '../../core/command.js';
import { type Reply, reply as makeReply, text } from '../../core/reply.js';
import { renderText } from '../../render/text.js';
import { ACTIONS, renderSlack } from '../../render/slack.js';
import type { Verdict } from '../../store/feedback.js';
import type { Respond } from './response-url.js';
import { admit, ask, isDirectChannel, type SlackDeps, slackOrigin } from './context.js';

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

/** Stored with a verdict whose reply is neither kept nor safe to make again (a side-effect command's). */
export const NOT_REPLAYED = 'not_replayed';

const NOT_SHARED = makeReply('error', '이 답은 다시 만들 수 없어 채널에 공유하지 않았습니다.', [
  text('무언가를 바꾸는 명령(구독·해지·보내기)의 답이거나 오래된 답입니다. 필요하면 다시 입력해 주세요.'),
]);

export function actionListener(deps: SlackDeps) {
  return async ({ action, body, ack, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const question = (action.value ?? '').trim();
    if (!question) return;
    const origin = slackOrigin(body.team?.id ?? body.user.team_id, body.channel?.id, body.user.id);
    const ephemeral = body.container?.is_ephemeral ?? !body.message;
    const admission = admit(deps, origin);
    if (!admission.allowed) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(admission.reply) });
      return;
    }
    const { pass } = admission;
    const at = deps.now().getTime();
    /** The reply this user was shown for the question, else the question answered again as a replay. */
    const shownOrReplayed = async (): Promise<Reply> =>
      deps.shown.recall(origin, question, at) ?? (await ask(deps, pass, { kind: 'text', text: question, replay: true }));

    if (action.action_id === ACTIONS.feedbackUp || action.action_id === ACTIONS.feedbackDown) {
      const verdict: Verdict = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
      const reply = await shownOrReplayed();
      const kept = !isReplayRefusal(reply);
      const id = deps.feedback?.record({
        ...origin,
        at: pass.at,
        question,
        reply: kept ? reply : { kind: NOT_REPLAYED, sources: [] },
        replyText: kept ? renderText(reply) : '',
        verdict,
      });
      deps.log.info('feedback', { verdict, channel: origin.channel, user: origin.user });
      if (verdict === 'down' && id !== undefined && body.trigger_id) {
        await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(id, origin.channel) });
      } else {
        await respond({ response_type: 'ephemeral', replace_original: false, text: '고맙습니다. 피드백을 남겼습니다.' });
      }
      return;
    }

    if (action.action_id === ACTIONS.share) {
      const reply = await shownOrReplayed();
      if (isReplayRefusal(reply)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(NOT_SHARED) });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...renderSlack(reply, { question, feedback: true }) });
      return;
    }

    await followUp(deps, pass, question, { ephemeral, body, respond, client });
  };
}

/** A follow-up button: its question answered as a replay, where the answer it follows was shown. */
async function followUp(
  deps: SlackDeps,
  pass: Pass,
  question: string,
  where: { ephemeral: boolean; body: ActionArgs['body']; respond: Respond; client: ActionArgs['client'] },
): Promise<void> {
  const { body } = where;
  const reply = await ask(deps, pass, { kind: 'text', text: question, replay: true });
  deps.shown.remember(pass.origin, question, reply, deps.now().getTime());
  if (where.ephemeral || !body.channel) {
    await where.respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderSlack(reply, { question, share: reply.kind !== 'error', feedback: true }),
    });
    return;
  }
  const thread = body.message?.thread_ts ?? body.container?.thread_ts ?? body.message?.ts;
  await where.client.chat.postMessage({
    channel: body.channel.id,
    ...(thread ? { thread_ts: thread } : {}),
    ...renderSlack(reply, { question, feedback: true }),
  });
}

/** The modal carries the verdict's id and the channel it was given in: its submission is guarded there too. */
function feedbackModal(feedbackId: number, channel: string | null) {
  return {
    type: 'modal' as const,
    callback_id: FEEDBACK_MODAL,
    private_metadata: JSON.stringify({ id: feedbackId, channel }),
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
  body: { user: { id: string; team_id?: string | undefined }; team?: { id: string } | null | undefined };
  view: { private_metadata: string; state: { values: Record<string, Record<string, { value?: string | null | undefined }>> } };
}

/** The 👎 modal's submission: attaches the comment to the verdict already stored, once the guard admits it. */
export function feedbackSubmitListener(deps: SlackDeps) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    await ack();
    const { id, channel } = modalMetadata(view.private_metadata);
    const origin = slackOrigin(body.team?.id ?? body.user.team_id, channel, body.user.id);
    if (!admit(deps, origin, isDirectChannel(channel)).allowed) return;
    const comment = view.state.values[FEEDBACK_INPUT.block]?.[FEEDBACK_INPUT.action]?.value ?? '';
    if (id !== null && comment.trim()) deps.feedback?.comment(id, comment);
  };
}

function modalMetadata(raw: string): { id: number | null; channel: string | null } {
  try {
    const m = JSON.parse(raw) as { id?: unknown; channel?: unknown };
    return {
      id: Number.isInteger(m.id) ? (m.id as number) : null,
      channel: typeof m.channel === 'string' ? m.channel : null,
    };
  } catch {
    return { id: null, channel: null };
  }
}

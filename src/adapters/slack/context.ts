/**
 * What every Slack listener shares: the answering service (already behind access lists and the rate limit),
 * the raw service for re-answering a clicked question, the feedback log, the App Home facts and a logger.
 * Listeners take these as arguments, so each can be called in a test without a running Bolt app.
 */
import type { AnsweringService, Inbound, Origin } from '../../core/inbound.js';
import { type Reply, reply } from '../../core/reply.js';
import type { FeedbackLog } from '../../store/feedback.js';
import { answerTurns } from '../turns.js';

/** The logger shape listeners need (the project logger fits it). */
export interface SlackLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface SlackDeps {
  /** Questions: access lists and the rate limit apply. */
  service: AnsweringService;
  /** Re-answering a question already answered (feedback): no second rate-limit charge. */
  reanswer: AnsweringService;
  feedback: FeedbackLog | null;
  /** "What damdang knows" for the App Home tab. */
  about: () => Reply;
  log: SlackLog;
  now: () => Date;
}

export const slackOrigin = (team: string | null | undefined, channel: string | null | undefined, user: string | null | undefined): Origin => ({
  platform: 'slack',
  workspace: team ?? null,
  channel: channel ?? null,
  user: user ?? null,
});

/**
 * What the user typed, as plain text: Slack sends &, <, > escaped and mentions as <@U…>; the app's own mention
 * is dropped, other mentions and links keep their readable part.
 */
export function fromSlackText(text: string, botUserId?: string | null): string {
  let t = text;
  if (botUserId) t = t.split(`<@${botUserId}>`).join(' ');
  return t
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const nextTurn = answerTurns();

/**
 * A question to the service, in a turn of its own (callers ack first); any failure becomes a short Korean
 * reply (details only in the log).
 */
export async function ask(service: AnsweringService, inbound: Inbound, log: SlackLog): Promise<Reply> {
  await nextTurn();
  try {
    return await service.handle(inbound);
  } catch (err) {
    log.error('answer failed', { error: (err as Error).message, channel: inbound.origin.channel });
    return reply('error', '답을 만드는 중 문제가 생겼습니다. 잠시 뒤 다시 물어봐 주세요.');
  }
}

export const textInbound = (text: string, origin: Origin, at: Date): Inbound => ({
  kind: 'text',
  text: text || 'help',
  origin,
  at,
});

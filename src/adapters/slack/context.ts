/**
 * What every Slack listener shares: the guarded answering service (access lists and the rate limit come before
 * anything else, core/access.ts; listeners never hold the service itself), the replies already shown, the
 * feedback log, the App Home facts and a logger. Listeners take these as arguments, so each can be called in a
 * test without a running Bolt app.
 */
import type { Admission, GuardedService, Pass, Question } from '../../core/access.js';
import type { Origin } from '../../core/inbound.js';
import { type Reply, reply } from '../../core/reply.js';
import type { FeedbackLog } from '../../store/feedback.js';
import { answerTurns } from '../turns.js';
import type { ShownReplies } from './shown.js';

/** The logger shape listeners need (the project logger fits it). */
export interface SlackLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface SlackDeps {
  /** Every way in asks it first (`admit`), then answers through it: the one guard of slash, mention, DM, buttons, modal and Home. */
  guard: GuardedService;
  /** Replies shown with share or feedback buttons: a click reposts or records exactly what was shown. */
  shown: ShownReplies;
  feedback: FeedbackLog | null;
  /** "What damdang knows" for the App Home tab. */
  about: () => Reply;
  log: SlackLog;
  now: () => Date;
}

/** Slack's DM channel ids start with D: a DM passes the channel allow-list (never the team list). */
export const isDirectChannel = (channel: string | null | undefined): boolean => channel?.startsWith('D') ?? false;

/** The guard's decision for this origin, now. */
export function admit(deps: SlackDeps, origin: Origin, direct = isDirectChannel(origin.channel)): Admission {
  return deps.guard.admit(origin, deps.now(), { direct });
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
 * The answer for an admitted origin, in a turn of its own (callers ack first); any failure becomes a short
 * Korean reply (details only in the log).
 */
export async function ask(deps: SlackDeps, pass: Pass, question: Question): Promise<Reply> {
  await nextTurn();
  try {
    return await deps.guard.answer(pass, question.kind === 'text' ? { ...question, text: question.text || 'help' } : question);
  } catch (err) {
    deps.log.error('answer failed', { error: (err as Error).message, channel: pass.origin.channel });
    return reply('error', '답을 만드는 중 문제가 생겼습니다. 잠시 뒤 다시 물어봐 주세요.');
  }
}

/**
 * Who may ask, and how often: optional allow-lists of workspaces (Slack teams, Discord guilds) and channels,
 * checked on the platform-free Origin, then a per-user rate limit. An empty list means "no restriction".
 * Direct messages pass the channel list (they are private to the asker) but never the workspace list.
 *
 * Every way in of every adapter — slash command, mention, DM, each button, a modal's submission, the Slack
 * App Home, Discord autocomplete — goes through one guard before doing anything: `guardService` wraps the
 * answering service, and adapters hold only the guard, never the service itself. What does not reach the
 * service (a 👍 recorded, the Home tab published) asks `admit` first; what does uses `handle`, or `answer`
 * with the pass `admit` gave, so one click costs one question.
 */
import type { AnsweringService, Inbound, Origin } from './inbound.js';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { type Reply, reply } from './reply.js';

export interface AccessLists {
  workspaces: readonly string[];
  channels: readonly string[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'workspace' | 'channel' };

export function checkAccess(lists: AccessLists, origin: Origin, direct = false): AccessDecision {
  if (lists.workspaces.length > 0 && !(origin.workspace && lists.workspaces.includes(origin.workspace)))
    return { allowed: false, reason: 'workspace' };
  if (!direct && lists.channels.length > 0 && !(origin.channel && lists.channels.includes(origin.channel)))
    return { allowed: false, reason: 'channel' };
  return { allowed: true };
}

export const REFUSAL_TEXT = '이 워크스페이스나 채널에서는 담당을 쓸 수 없습니다. 관리자에게 문의해 주세요.';

export const refusalReply = (): Reply => reply('error', REFUSAL_TEXT);

export type RefusalReason = 'workspace' | 'channel' | 'rate';

/**
 * Autocomplete runs on every keystroke, so it has a bucket of its own: sharing the question bucket would spend a
 * user's ten questions while they type one. 30 at once, then one every 300 ms, keeps a search per keystroke
 * possible for a fast typist and bounds the work one user can cause (about three index searches a second).
 */
export const TYPING_RATE_LIMIT: RateLimitOptions = { burst: 30, refillMs: 300, maxKeys: 10_000 };

export interface GuardOptions {
  access: AccessLists;
  limiter: RateLimiter;
  /** The bucket of `admit(…, { typing: true })` (autocomplete); TYPING_RATE_LIMIT unless given. */
  typingLimiter?: RateLimiter;
  /** Whether this inbound came from a direct message (passes the channel list). */
  isDirect?: (inbound: Inbound) => boolean;
  /** Called for every refused request (for the log; never with message text). */
  onRefused?: (origin: Origin, reason: RefusalReason) => void;
}

declare const PASS: unique symbol;

/** Proof that an origin was admitted at a time: only `admit` makes one, and `answer` asks for it. */
export interface Pass {
  readonly origin: Origin;
  readonly at: Date;
  readonly [PASS]: true;
}

export type Admission = { allowed: true; pass: Pass } | { allowed: false; reason: RefusalReason; reply: Reply };

/** What a question asks, without who or when (the pass says that). */
export type Question =
  | { kind: 'text'; text: string; replay?: boolean }
  | { kind: 'command'; command: string; args: Readonly<Record<string, string>>; replay?: boolean };

export interface GuardedService extends AnsweringService {
  /** Access lists, then the rate limit (the typing bucket when `typing`); a refusal carries its short reply. */
  admit(origin: Origin, at: Date, how?: { direct?: boolean; typing?: boolean }): Admission;
  /** The answer for an admitted origin, at no second charge (a 👍 that re-answers its question). */
  answer(pass: Pass, question: Question): Promise<Reply>;
  /** `admit`, then `answer`: what a question (slash, mention, DM, button) uses. */
  handle(inbound: Inbound): Promise<Reply>;
}

/** Wraps the answering service: access lists first, then the per-user rate limit, then the answer. */
export function guardService(service: AnsweringService, options: GuardOptions): GuardedService {
  const typing = options.typingLimiter ?? createRateLimiter(TYPING_RATE_LIMIT);
  const admit: GuardedService['admit'] = (origin, at, how = {}) => {
    const decision = checkAccess(options.access, origin, how.direct ?? false);
    if (!decision.allowed) {
      options.onRefused?.(origin, decision.reason);
      return { allowed: false, reason: decision.reason, reply: refusalReply() };
    }
    const limited = (how.typing ? typing : options.limiter).take(limitKey(origin), at.getTime());
    if (!limited.allowed) {
      options.onRefused?.(origin, 'rate');
      return { allowed: false, reason: 'rate', reply: rateLimitedReply(limited.retryAfterMs) };
    }
    return { allowed: true, pass: { origin, at } as Pass };
  };
  const answer: GuardedService['answer'] = (pass, question) => service.handle({ ...question, origin: pass.origin, at: pass.at });
  return {
    admit,
    answer,
    async handle(inbound: Inbound): Promise<Reply> {
      const admission = admit(inbound.origin, inbound.at, { direct: options.isDirect?.(inbound) ?? false });
      if (!admission.allowed) return admission.reply;
      return service.handle(inbound);
    },
  };
}

const limitKey = (o: Origin) => `${o.platform}:${o.workspace ?? ''}:${o.user ?? ''}`;

export function rateLimitedReply(retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply('error', `질문이 조금 많습니다. ${seconds}초 뒤에 다시 물어봐 주세요.`);
}

/**
 * Who may ask: optional allow-lists of workspaces (Slack teams, Discord guilds) and channels, checked on the
 * platform-free Origin so every adapter shares them. An empty list means "no restriction".
 * Direct messages pass the channel list (they are private to the asker) but never the workspace list.
 */
import type { AnsweringService, Inbound, Origin } from './inbound.js';
import type { RateLimiter } from './rate-limit.js';
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

export const refusalReply = (): Reply =>
  reply('error', '이 워크스페이스나 채널에서는 담당을 쓸 수 없습니다. 관리자에게 문의해 주세요.');

export interface GuardOptions {
  access: AccessLists;
  limiter: RateLimiter;
  /** Whether this inbound came from a direct message (passes the channel list). */
  isDirect?: (inbound: Inbound) => boolean;
  /** Called for every refused request (for the log; never with message text). */
  onRefused?: (origin: Origin, reason: 'workspace' | 'channel' | 'rate') => void;
}

/** Wraps the answering service: access lists first, then the per-user rate limit, then the answer. */
export function guardService(service: AnsweringService, options: GuardOptions): AnsweringService {
  return {
    async handle(inbound: Inbound): Promise<Reply> {
      const decision = checkAccess(options.access, inbound.origin, options.isDirect?.(inbound) ?? false);
      if (!decision.allowed) {
        options.onRefused?.(inbound.origin, decision.reason);
        return refusalReply();
      }
      const limited = options.limiter.take(limitKey(inbound.origin), inbound.at.getTime());
      if (!limited.allowed) {
        options.onRefused?.(inbound.origin, 'rate');
        return rateLimitedReply(limited.retryAfterMs);
      }
      return service.handle(inbound);
    },
  };
}

const limitKey = (o: Origin) => `${o.platform}:${o.workspace ?? ''}:${o.user ?? ''}`;

export function rateLimitedReply(retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply('error', `질문이 조금 많습니다. ${seconds}초 뒤에 다시 물어봐 주세요.`);
}

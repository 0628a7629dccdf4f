/**
 * Unprompted posts (digests) to a Discord channel. discord.js's shared REST manager queues a request that
 * met a 429 and retries it after Retry-After, without limit and unseen; that suits interaction replies, but a
 * digest has its own retry policy (bounded, logged, shown in `digest list`). So digests go through a REST
 * manager of their own that rejects on a rate limit and does not retry: every failure reaches the scheduler
 * as a DeliveryError, a 429 with its Retry-After.
 */
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { DeliveryError } from '../../core/port.js';
import type { DiscordMessage } from '../../render/discord.js';

export interface ChannelPoster {
  /** Resolves with the created message's id, recorded with the digest part it carried. */
  post(channel: string, message: DiscordMessage): Promise<string | null>;
}

export function createChannelPoster(config: Pick<DiscordConfig, 'token' | 'apiUrl'>): ChannelPoster {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), rejectOnRateLimit: () => true, retries: 0 });
  rest.setToken(config.token);
  return {
    async post(channel, message) {
      const { content, ...withoutContent } = message;
      try {
        const created = (await rest.post(Routes.channelMessages(channel), { body: content ? message : withoutContent })) as {
          id?: unknown;
        } | null;
        return typeof created?.id === 'string' ? created.id : null;
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
  };
}

/** discord.js's errors as the port's DeliveryError: rate limits and server or network failures are retryable. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof RateLimitError) {
    const retryAfterMs = err.retryAfter > 0 ? err.retryAfter : undefined;
    return new DeliveryError(`discord: 429 rate limited${err.global ? ' (global)' : ''}`, { status: 429, retryAfterMs, cause: err });
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 429) {
      const seconds = (err.rawError as { retry_after?: unknown }).retry_after;
      const retryAfterMs = typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds * 1000) : undefined;
      return new DeliveryError('discord: 429 rate limited', { status: 429, retryAfterMs, cause: err });
    }
    // 4xx (missing access, unknown channel, invalid body) will not get better by trying again.
    return new DeliveryError(`discord: ${err.status} ${err.message}`, { status: err.status, retryable: err.status >= 500, cause: err });
  }
  if (err instanceof HTTPError) return new DeliveryError(`discord: HTTP ${err.status}`, { status: err.status, cause: err });
  const e = err as Error;
  const code = (e.cause as { code?: string } | undefined)?.code;
  return new DeliveryError(`discord: ${e.message}${code ? ` (${code})` : ''}`, { cause: err });
}

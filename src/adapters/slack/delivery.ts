/**
 * Unprompted posts (digests) to a Slack channel. Bolt's WebClient pauses its queue on a 429 and retries after
 * Retry-After (ten retries over about thirty minutes), unseen; that suits answers, but a digest has its own retry
 * policy (bounded, logged, shown in `digest list`). So digests go through a WebClient of their own that rejects
 * rate-limited calls and does not retry: every failure reaches the scheduler as a DeliveryError.
 */
import { webApi } from '@slack/bolt';

// Bolt re-exports its own web-api: no second copy to keep in step.
const { ErrorCode, WebClient } = webApi;
type ChatPostMessageArguments = webApi.ChatPostMessageArguments;
import { DeliveryError } from '../../core/port.js';

export interface SlackChannelPoster {
  /** Resolves with the message's ts (Slack's id for it), recorded with the digest part it carried. */
  post(message: ChatPostMessageArguments): Promise<string | null>;
}

export function createSlackChannelPoster(token: string, apiUrl: string | null | undefined): SlackChannelPoster {
  const client = new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  return {
    async post(message) {
      try {
        const res = await client.chat.postMessage(message);
        return res.ts ?? null;
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
  };
}

/** web-api's errors as the port's DeliveryError: rate limits, HTTP and network failures are retryable. */
export function toDeliveryError(err: unknown): DeliveryError {
  const e = err as Error & { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; original?: Error };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError('slack: 429 ratelimited', {
        status: 429,
        retryAfterMs: typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter * 1000 : undefined,
        cause: err,
      });
    case ErrorCode.PlatformError:
      // channel_not_found, not_in_channel, invalid_auth: trying again will not help.
      return new DeliveryError(`slack: ${e.data?.error ?? e.message}`, { retryable: false, cause: err });
    case ErrorCode.HTTPError:
      return new DeliveryError(`slack: HTTP ${e.statusCode ?? '?'}`, { status: e.statusCode, cause: err });
    case ErrorCode.RequestError:
      return new DeliveryError(`slack: ${e.original?.message ?? e.message}`, { cause: err });
    default:
      return new DeliveryError(`slack: ${e.message}`, { cause: err });
  }
}

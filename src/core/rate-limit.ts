/**
 * A per-key token bucket (key = platform + workspace + user): a burst of `burst` questions, then one more every
 * `refillMs`. Synchronous and clock-injected, so it is exact in tests; idle users' buckets are swept so memory
 * stays bounded. Hand-written because it is this small; a library would add async calls on every message.
 */
export interface RateLimitOptions {
  burst: number;
  refillMs: number;
  /** Buckets kept before idle (full) ones are swept. */
  maxKeys?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 10, refillMs: 6_000, maxKeys: 10_000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string, nowMs: number): RateDecision;
}

export function createRateLimiter(options: RateLimitOptions = DEFAULT_RATE_LIMIT): RateLimiter {
  const { burst, refillMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  if (!(burst >= 1) || !(refillMs > 0)) throw new Error(`rate limit: burst ≥ 1 and refillMs > 0 (${burst}, ${refillMs})`);
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (b: { tokens: number; at: number }, now: number) =>
    Math.min(burst, b.tokens + Math.max(0, now - b.at) / refillMs);

  // Full buckets carry no state; if every bucket is busy, the oldest entries go (they refill in a minute anyway).
  const sweep = (now: number) => {
    for (const [k, b] of buckets) if (level(b, now) >= burst) buckets.delete(k);
    for (const k of buckets.keys()) {
      if (buckets.size <= maxKeys) break;
      buckets.delete(k);
    }
  };

  return {
    take(key, now) {
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      const tokens = level(bucket, now);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * refillMs) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > maxKeys) sweep(now);
      return { allowed: true };
    },
  };
}

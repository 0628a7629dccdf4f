/**
 * The adapter port: every chat platform (console, Slack, Discord, the test fake) implements it, so the
 * composition root and the digest scheduler start, stop and post without knowing the platform.
 */
import type { Platform } from './inbound.js';
import type { Reply } from './reply.js';

/** Where a reply is posted unprompted (a digest): the channel of a subscription, optionally a thread. */
export interface PostTarget {
  platform: Platform;
  workspace: string | null;
  channel: string;
  thread?: string | undefined;
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the platform accepted the post, with its message id where the platform gives one. */
  post(target: PostTarget, reply: Reply): Promise<PostReceipt | void>;
}

/** What a platform returned for a post: its id for the message (Slack's ts, Discord's snowflake). */
export interface PostReceipt {
  messageId: string | null;
}

/**
 * A post that did not reach the platform. Adapters throw it for rate limits (429 with Retry-After) and network
 * failures, so the digest scheduler can retry without knowing the platform; `retryable: false` stops retries.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly options: { retryAfterMs?: number | undefined; retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  get retryable(): boolean {
    return this.options.retryable ?? true;
  }
}

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
  post(target: PostTarget, reply: Reply): Promise<void>;
}

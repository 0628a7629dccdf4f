/**
 * What reaches the answering service from any way in (console, `ask`, Slack, Discord, the digest scheduler).
 * Free text is parsed for intent; a command with arguments (a slash command's subcommand and options) is
 * routed as it is and never turned back into text.
 */
import type { Reply } from './reply.js';

export type Platform = 'console' | 'cli' | 'slack' | 'discord' | 'scheduler' | 'test';

/** Who asked, and where: enough for access lists, rate limits, feedback and digest subscriptions. */
export interface Origin {
  platform: Platform;
  /** Slack team id, Discord guild id; null where the platform has none (console). */
  workspace: string | null;
  channel: string | null;
  user: string | null;
}

/**
 * `replay`: the question came back from a button (a follow-up, 채널에 공유, 👍/👎) rather than being typed. Its
 * payload is untrusted and a click is no request to act again, so a command with side effects (digest
 * subscribe, unsubscribe, send) is refused instead of run.
 */
export type Inbound =
  | { kind: 'text'; text: string; origin: Origin; at: Date; replay?: boolean | undefined }
  | {
      kind: 'command';
      command: string;
      args: Readonly<Record<string, string>>;
      origin: Origin;
      at: Date;
      replay?: boolean | undefined;
    };

/** The one way in. Adapters translate their platform's events to an Inbound and render the Reply out. */
export interface AnsweringService {
  handle(inbound: Inbound): Promise<Reply>;
}

/** The contract of a chat command: platform-free, arguments validated by zod, a Reply out. */
import { z } from 'zod';
import type { DigestService } from '../digest/service.js';
import type { Origin } from './inbound.js';
import type { Knowledge } from './knowledge.js';
import type { PersonMatch } from './people.js';
import { type Reply, reply, text } from './reply.js';
import type { StoredRecord } from '../store/store.js';

/**
 * Lookups that routing and the command both need, done once per message: the router asks them to choose the
 * command, and the command reads the same answers instead of repeating the search.
 */
export interface Lookups {
  people(query: string): PersonMatch | null;
  department(query: string): StoredRecord | null;
}

export interface CommandContext {
  knowledge: Knowledge;
  /** YYYY-MM-DD */
  today: string;
  /** The whole message as typed, intent words included ("… 공개 기간"): what a fact question is matched on. */
  message?: string;
  lookups: Lookups;
  /** Who asked and where; absent for ways in that have no user (the `ask` command). */
  origin?: Origin | undefined;
  /** Digests and their subscriptions, where the process has them. */
  digests?: DigestService | undefined;
  /** The question came back from a button (Inbound.replay): a command with side effects is refused. */
  replay?: boolean | undefined;
}

export const QueryArgs = z.object({
  /** What the user asked about, intent words removed. */
  query: z.string().trim().max(500, '질문이 너무 깁니다 (500자 이하)'),
  /** The whole message as typed, for answers that quote what matched. */
  message: z.string().max(5000).default(''),
});
export type QueryArgs = z.infer<typeof QueryArgs>;

export interface Command<A extends z.ZodType = typeof QueryArgs> {
  name: string;
  /**
   * Every word that names the command: a message that begins with one runs it, and one found anywhere in a
   * message picks it (then leaves the search words). `leadingOnly` words are aliases that route only in front
   * ("사업 협치"), since inside a question they describe the thing asked about ("도서관 짓는 사업").
   */
  aliases: { ko: string[]; en: string[]; leadingOnly?: string[] };
  /** Which command wins when a message holds words of several: lower first (help 0 … project last). */
  precedence?: number;
  /** One line, Korean first. */
  description: string;
  args: A;
  examples: string[];
  /**
   * Whether running these arguments changes something beyond the answer (a subscription made or ended, a post
   * sent). Such a run happens only when typed: a button replaying the question is refused (see `replayRefusal`).
   * Absent: the command only reads.
   */
  sideEffects?: (args: z.infer<A>) => boolean;
  run(args: z.infer<A>, ctx: CommandContext): Reply;
}

export function defineCommand<A extends z.ZodType>(command: Command<A>): Command<A> {
  return command;
}

export const REPLAY_REFUSED = '버튼으로는 무언가를 바꾸는 명령을 실행하지 않습니다.';

/**
 * The refusal of a side-effect command replayed by a button; null when the command may run. Routing and the
 * bot both ask it after choosing the command and its arguments, so text and slash commands are judged alike.
 */
export function replayRefusal<A extends z.ZodType>(command: Command<A>, args: z.infer<A>, ctx: CommandContext): Reply | null {
  if (!ctx.replay || !command.sideEffects?.(args)) return null;
  return reply('error', REPLAY_REFUSED, [text('구독·해지·보내기처럼 무언가를 바꾸는 명령은 직접 입력해 주세요 (예: digest send 1).')]);
}

export const isReplayRefusal = (r: Reply): boolean => r.kind === 'error' && r.title === REPLAY_REFUSED;

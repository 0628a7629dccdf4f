/** The contract of a chat command: platform-free, arguments validated by zod, a Reply out. */
import { z } from 'zod';
import type { Knowledge } from './knowledge.js';
import type { Reply } from './reply.js';

export interface CommandContext {
  knowledge: Knowledge;
  /** YYYY-MM-DD */
  today: string;
  /** The whole message as typed, intent words included ("… 공개 기간"): what a fact question is matched on. */
  message?: string;
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
  aliases: { ko: string[]; en: string[] };
  /** One line, Korean first. */
  description: string;
  args: A;
  examples: string[];
  run(args: z.infer<A>, ctx: CommandContext): Reply;
}

export function defineCommand<A extends z.ZodType>(command: Command<A>): Command<A> {
  return command;
}

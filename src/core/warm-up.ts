/**
 * Before a chat platform is opened to users, the answer path runs once over questions built from the store's
 * own records: the first answers after a restart otherwise pay for compiling the search, the commands and the
 * renderers, and a burst of questions right after start-up waited ~150 ms for their acks. Replies are dropped.
 */
import type { AnsweringService } from './inbound.js';
import type { Knowledge } from './knowledge.js';

const QUESTION_WORDS = ['', ' 예산', ' 일정', ' 담당자', ' 현황', ' 조직'];
const RECORDS = 4;

export async function warmUp(service: AnsweringService, knowledge: Knowledge, at: Date): Promise<number> {
  const titles = knowledge.summaries.slice(0, RECORDS).map((s) => s.title);
  const questions = ['help', ...titles.flatMap((t) => QUESTION_WORDS.map((w) => `${t}${w}`))];
  for (const text of questions) {
    await service.handle({ kind: 'text', text, origin: { platform: 'console', workspace: null, channel: null, user: null }, at });
  }
  return questions.length;
}

/** A digest long enough to take many Slack posts, and what the resume tests share with their child process. */
import { list, type Reply, reply } from '../../src/core/reply.js';
import { partBudget, splitReply } from '../../src/digest/deliver.js';

export const DIGEST_CONFIG = { timeZone: 'Asia/Seoul', admins: ['U_ADMIN'], digest: { graceMinutes: 60, staleDays: 365 } };

export function longDigest(): Reply {
  const items = Array.from({ length: 240 }, (_, i) => `항목 ${i + 1} — ${'가'.repeat(70)} [문서.txt · ${i + 1}행]`);
  return reply('answer', '일일 요약 · 전체', [list(items, '다가오는 일정')], { sources: ['문서.txt'] });
}

/** The titles of its Slack parts, in order: "일일 요약 · 전체 (k/n)". */
export function longDigestTitles(): string[] {
  return splitReply(longDigest(), partBudget('slack')).map((p) => p.title);
}

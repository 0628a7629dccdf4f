import { defineCommand, QueryArgs } from '../src/core/command.js';
import { list, reply } from '../src/core/reply.js';
import { describeRecord, notFoundReply } from '../src/core/resolve.js';

export const searchCommand = defineCommand({
  name: 'search',
  aliases: { ko: ['찾기', '검색', '찾아줘', '찾아'], en: ['find'] },
  precedence: 70,
  description: '사업 검색: 관련 사업을 순위대로 한 줄씩 (기관·부서 포함)',
  args: QueryArgs,
  examples: ['찾기 인권', 'search 청년', '검색 ㅎㅊ'],
  run({ query }, ctx) {
    const outcome = ctx.knowledge.index.search(query, { limit: 10 });
    const hits = outcome.hits.map((h) => ctx.knowledge.get(h.id)).filter((r) => r !== undefined);
    if (outcome.verdict === 'none' || hits.length === 0) return notFoundReply(query, outcome.suggestions);
    return reply(
      'answer',
      `"${query}" 검색 결과 ${hits.length}건`,
      [list(hits.map(describeRecord))],
      {
        sources: [...new Set(hits.slice(0, 3).map((r) => r.document.name))],
        suggestions: hits.slice(0, 2).map((r) => r.record.code ?? r.record.title),
      },
    );
  },
});

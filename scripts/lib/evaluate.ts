/**
 * Search quality over the labelled query set: recall@1, recall@3, MRR per tag, and the share of out-of-scope
 * queries answered "not found". The query goes through the same intent parsing as a chat message.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COMMANDS } from '../../commands/index.js';
import { intentVocabulary, parseIntent } from '../../src/core/intent.js';
import type { Knowledge } from '../../src/core/knowledge.js';

export const LabelledQuerySchema = z.object({
  q: z.string(),
  /** Any of these (a title substring or a code) is a correct hit; null means out of scope. */
  expect: z.array(z.string()).nullable(),
  tags: z.array(z.string()).min(1),
});
export type LabelledQuery = z.infer<typeof LabelledQuerySchema>;

export function loadQueries(file: string): LabelledQuery[] {
  return z.array(LabelledQuerySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface TagScore {
  tag: string;
  n: number;
  /** Queries with an expected answer (all but out-of-scope ones). */
  inScope: number;
  recall1: number;
  recall3: number;
  mrr: number;
  /** Out-of-scope queries only: share answered "not found". */
  notFoundRate: number | null;
}

export interface QueryResult {
  query: LabelledQuery;
  rank: number | null;
  verdict: string;
  top: string | null;
}

const squash = (s: string) => s.replace(/[\s'‘’"“”]/g, '');

export function evaluate(
  knowledge: Knowledge,
  queries: LabelledQuery[],
): { results: QueryResult[]; tags: TagScore[]; overall: TagScore } {
  const vocabulary = intentVocabulary(COMMANDS);
  const results = queries.map((query): QueryResult => {
    const intent = parseIntent(query.q, vocabulary);
    const outcome = knowledge.index.search(intent.query || query.q, { limit: 10 });
    const titles = outcome.hits.map((h) => knowledge.get(h.id)?.record);
    const matches = (i: number) => {
      const rec = titles[i];
      if (!rec || !query.expect) return false;
      return query.expect.some(
        (e) =>
          squash(rec.title).includes(squash(e)) ||
          rec.code === e ||
          rec.aliases.some((a) => squash(a).includes(squash(e))),
      );
    };
    const idx = outcome.verdict === 'none' ? -1 : titles.findIndex((_, i) => matches(i));
    return { query, rank: idx >= 0 ? idx + 1 : null, verdict: outcome.verdict, top: titles[0]?.title ?? null };
  });
  const tags = [...new Set(queries.flatMap((q) => q.tags))].sort().map((tag) =>
    score(
      tag,
      results.filter((r) => r.query.tags.includes(tag)),
    ),
  );
  return { results, tags, overall: score('all', results) };
}

function score(tag: string, rs: QueryResult[]): TagScore {
  const inScope = rs.filter((r) => r.query.expect !== null);
  const oos = rs.filter((r) => r.query.expect === null);
  const share = (f: (r: QueryResult) => boolean) => (inScope.length ? inScope.filter(f).length / inScope.length : 0);
  return {
    tag,
    n: rs.length,
    inScope: inScope.length,
    recall1: share((r) => r.rank === 1),
    recall3: share((r) => r.rank !== null && r.rank <= 3),
    mrr: inScope.length ? inScope.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / inScope.length : 0,
    notFoundRate: oos.length ? oos.filter((r) => r.verdict === 'none').length / oos.length : null,
  };
}

export function formatTable(tags: TagScore[], overall: TagScore): string {
  const f = (x: number) => x.toFixed(3);
  const rows = [...tags, overall].map((t) => {
    const ranked = t.inScope ? `${f(t.recall1)} | ${f(t.recall3)} | ${f(t.mrr)}` : '– | – | –';
    return `| ${t.tag} | ${t.n} | ${ranked} | ${t.notFoundRate === null ? '' : f(t.notFoundRate)} |`;
  });
  return [
    '| tag | n | recall@1 | recall@3 | MRR | not-found (out of scope) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * Quality over the labelled query set. Search: recall@1, recall@3, MRR per tag and the share of out-of-scope
 * queries answered "not found" (the query goes through the same intent parsing as a chat message). Answers: the
 * share of queries whose reply, through the real dispatcher, contains every expected value as the document
 * writes it and no other value for the same measure.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COMMANDS } from '../../commands/index.js';
import { createRouter } from '../../src/core/dispatch.js';
import { intentVocabulary, parseIntent } from '../../src/core/intent.js';
import type { Knowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { renderText } from '../../src/render/text.js';

/** The real dispatcher over the real command registry, as the bot builds it. */
const router = createRouter(COMMANDS);

const AnswerSchema = z.union([
  z.object({
    /** Every entry must appear in the reply; "a|b" accepts either reading ("1,782억원|178,200백만원"). */
    values: z.array(z.string().min(1)).min(1),
    /** The measure the question is about (정원, 세출, …): a reply line naming it must give an expected figure. */
    measure: z.string().optional(),
  }),
  z.object({ notFound: z.literal(true) }),
]);
export type ExpectedAnswer = z.infer<typeof AnswerSchema>;

export const LabelledQuerySchema = z.object({
  q: z.string(),
  /** Search: any of these (a title substring or a code) is a correct hit; null means out of scope. */
  expect: z.array(z.string()).nullable().optional(),
  answer: AnswerSchema.optional(),
  /** The document the expected answer is written in: a path under data/samples or under the shared corpus. */
  doc: z.string().optional(),
  tags: z.array(z.string()).min(1),
});
export type LabelledQuery = z.infer<typeof LabelledQuerySchema>;

export function loadQueries(file: string): LabelledQuery[] {
  return z.array(LabelledQuerySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A query over one of the four sample documents (held to 1.0). */
export const isSampleQuery = (q: LabelledQuery) => q.doc?.startsWith('data/samples/') ?? false;

export interface TagScore {
  tag: string;
  n: number;
  /** Search queries with an expected answer (all but out-of-scope ones). */
  inScope: number;
  recall1: number;
  recall3: number;
  mrr: number;
  /** Out-of-scope queries only: share answered "not found". */
  notFoundRate: number | null;
  /** Queries with a labelled answer, and the share answered correctly (null when none). */
  answered: number;
  correctness: number | null;
}

export interface QueryResult {
  query: LabelledQuery;
  rank: number | null;
  verdict: string;
  top: string | null;
  /** Answer queries only. */
  correct?: boolean;
  why?: string;
  reply?: string;
}

/** Spaces and quotes out, but two figures side by side stay apart ("2023 1,820,057" is not "20231,820,057"). */
const squash = (s: string) => s.replace(/(\d)\s+(?=\d)/g, '$1|').replace(/[\s'‘’"“”]/g, '');

export function evaluate(
  knowledge: Knowledge,
  queries: LabelledQuery[],
): { results: QueryResult[]; tags: TagScore[]; overall: TagScore; samples: TagScore } {
  const results = queries.map((query): QueryResult => {
    const result: QueryResult = { query, rank: null, verdict: '-', top: null };
    if (query.expect !== undefined) Object.assign(result, searchResult(knowledge, query));
    if (query.answer) {
      const r = router.answer(query.q, knowledge);
      const verdict = judgeAnswer(r, query.answer, query.q);
      Object.assign(result, { correct: verdict.correct, why: verdict.why, reply: renderText(r) });
    }
    return result;
  });
  const tags = [...new Set(queries.flatMap((q) => q.tags))].sort().map((tag) =>
    score(
      tag,
      results.filter((r) => r.query.tags.includes(tag)),
    ),
  );
  return {
    results,
    tags,
    overall: score('all', results),
    samples: score('samples (4 docs)', results.filter((r) => isSampleQuery(r.query))),
  };
}

function searchResult(knowledge: Knowledge, query: LabelledQuery): Pick<QueryResult, 'rank' | 'verdict' | 'top'> {
  const intent = parseIntent(query.q, intentVocabulary(COMMANDS));
  const outcome = knowledge.index.search(intent.query || query.q, { limit: 10 });
  const titles = outcome.hits.map((h) => knowledge.get(h.id)?.record);
  const matches = (i: number) => {
    const rec = titles[i];
    if (!rec || !query.expect) return false;
    return query.expect.some(
      (e) =>
        squash(rec.title).includes(squash(e)) || rec.code === e || rec.aliases.some((a) => squash(a).includes(squash(e))),
    );
  };
  const idx = outcome.verdict === 'none' ? -1 : titles.findIndex((_, i) => matches(i));
  return { rank: idx >= 0 ? idx + 1 : null, verdict: outcome.verdict, top: titles[0]?.title ?? null };
}

/** The reply's own text: title and blocks, without the source footnote (its line numbers are not answers). */
export function replyBody(r: Reply): string {
  return renderText({ ...r, sources: [], suggestions: [] });
}

const NUMBER = /[△▲-]?\d[\d,]*(?:\.\d+)?/g;
const plainNumber = (s: string) => s.replace(/[△▲,-]/g, '');

/** `alt` occurs in `body` (both squashed) and a number in it is not the tail or head of a longer number. */
export function containsValue(body: string, alt: string): boolean {
  const b = squash(body);
  const a = squash(alt);
  for (let i = b.indexOf(a); i >= 0; i = b.indexOf(a, i + 1)) {
    const before = b[i - 1] ?? '';
    const after = b[i + a.length] ?? '';
    // The tail of a longer number: a digit before it, or a thousands comma ("1,820" is not "820"; "1팀,4부" is 4부).
    if (/^\d/.test(a) && (/\d/.test(before) || (before === ',' && /\d/.test(b[i - 2] ?? '') && /^\d{3}(?!\d)/.test(a)))) continue;
    if (/\d$/.test(a) && (/\d/.test(after) || (/[,.]/.test(after) && /\d/.test(b[i + a.length + 1] ?? '')))) continue;
    return true;
  }
  return false;
}

export function judgeAnswer(r: Reply, expected: ExpectedAnswer, question = ''): { correct: boolean; why: string } {
  if ('notFound' in expected)
    return r.kind === 'not_found'
      ? { correct: true, why: 'not found' }
      : { correct: false, why: `answered (${r.kind}) where the documents have nothing` };
  const body = replyBody(r);
  const missing = expected.values.filter((v) => !v.split('|').some((alt) => containsValue(body, alt)));
  if (missing.length) return { correct: false, why: `missing ${missing.join(', ')}` };
  if (expected.measure) {
    const allowed = new Set(
      expected.values.flatMap((v) => v.split('|').flatMap((alt) => (alt.match(NUMBER) ?? []).map(plainNumber))),
    );
    const percent = expected.values.some((v) => v.includes('%'));
    const conflict = measureConflict(r, squash(expected.measure), allowed, question, percent);
    if (conflict) return { correct: false, why: `another ${expected.measure} figure: ${conflict.slice(0, 80)}` };
  }
  return { correct: true, why: 'ok' };
}

/**
 * A line (or a table's total row) that gives the measure a figure other than the expected ones. Text lines: the
 * first figure after the measure word; tables: the total row's cell under a column headed by the measure.
 */
function measureConflict(
  r: Reply,
  measure: string,
  allowed: Set<string>,
  question: string,
  expectedPercent: boolean,
): string | null {
  if (allowed.size === 0) return null;
  const askedYears = new Set(question.match(/20\d\d(?=년)/g) ?? []);
  const percentExpected = expectedPercent;
  // The measure as a word of its own: not the tail of 사업예산, not the head of 집행률.
  const wordAt = (flat: string) =>
    [...flat.matchAll(new RegExp(measure, 'g'))].find(
      (m) => !/[가-힣]/.test(flat[m.index - 1] ?? '') && !/^[률율]/.test(flat.slice(m.index + measure.length)),
    )?.index;
  const firstFigure = (rest: string) =>
    [...rest.matchAll(NUMBER)].find((m) => {
      const after = rest.slice(m.index + m[0].length);
      if (/^(?:[년월일]|\.?(?:기준|까지)|\.\d)/.test(after)) return false;
      // A share ("市 예산의 2.7%") is not an amount of the measure, unless a rate is what is expected.
      if (/^%/.test(after) && !percentExpected) return false;
      const year = /^[^\d(]{0,4}\((20\d\d)년/.exec(after)?.[1];
      // Another year's figure is not this answer's, unless it is the figure expected ("102.9%(2023년)").
      return !year || askedYears.has(year) || allowed.has(plainNumber(m[0]));
    })?.[0];
  const wrong = (figure: string | undefined) => figure !== undefined && !allowed.has(plainNumber(figure));
  // A table row quoted as the source ("> 사업비 | 796,338 | 1,121,166 | …") under a field stating the expected
  // cell is evidence, not a statement: its first figure belongs to another column.
  const stated = r.blocks.some((b) => b.type === 'fields' && b.fields.some((f) => (f.value.match(NUMBER) ?? []).some((n) => allowed.has(plainNumber(n)))));
  const quotedRow = (line: string) => stated && /^>\s/.test(line) && line.includes(' | ');
  for (const block of r.blocks) {
    if (block.type === 'table') {
      const cols = block.headers.map((h, i) => (wordAt(squash(h)) !== undefined ? i : -1)).filter((i) => i > 0);
      for (const row of block.rows.filter((row) => /^(?:계|합계|총계|소계)$/.test(squash(row[0] ?? ''))))
        for (const c of cols) if (wrong(firstFigure(squash(row[c] ?? '')))) return row.join(' | ');
      continue;
    }
    const lines =
      block.type === 'text'
        ? block.text.split('\n')
        : block.type === 'list'
          ? block.items
          : block.fields.map((f) => `${f.label}: ${f.value}`);
    for (const line of [r.title, ...lines]) {
      if (quotedRow(line)) continue;
      const flat = squash(line);
      const at = wordAt(flat);
      if (at !== undefined && wrong(firstFigure(flat.slice(at + measure.length)))) return line;
    }
  }
  return null;
}

function score(tag: string, rs: QueryResult[]): TagScore {
  const searched = rs.filter((r) => r.query.expect !== undefined);
  const inScope = searched.filter((r) => r.query.expect !== null);
  const oos = searched.filter((r) => r.query.expect === null);
  const answered = rs.filter((r) => r.correct !== undefined);
  const share = (f: (r: QueryResult) => boolean) => (inScope.length ? inScope.filter(f).length / inScope.length : 0);
  return {
    tag,
    n: rs.length,
    inScope: inScope.length,
    recall1: share((r) => r.rank === 1),
    recall3: share((r) => r.rank !== null && r.rank <= 3),
    mrr: inScope.length ? inScope.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / inScope.length : 0,
    notFoundRate: oos.length ? oos.filter((r) => r.verdict === 'none').length / oos.length : null,
    answered: answered.length,
    correctness: answered.length ? answered.filter((r) => r.correct).length / answered.length : null,
  };
}

export function formatTable(tags: TagScore[], overall: TagScore, samples?: TagScore): string {
  const f = (x: number) => x.toFixed(3);
  const rows = [...tags, overall, ...(samples ? [samples] : [])].map((t) => {
    const ranked = t.inScope ? `${f(t.recall1)} | ${f(t.recall3)} | ${f(t.mrr)}` : '– | – | –';
    const correct = t.correctness === null ? '– | –' : `${t.answered} | ${f(t.correctness)}`;
    return `| ${t.tag} | ${t.n} | ${ranked} | ${t.notFoundRate === null ? '' : f(t.notFoundRate)} | ${correct} |`;
  });
  return [
    '| tag | n | recall@1 | recall@3 | MRR | not-found (out of scope) | answered | answer correctness |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Without the shared corpus, the queries answered from its folders cannot be asked. */
export function askableQueries(queries: LabelledQuery[], sharedPresent: boolean): LabelledQuery[] {
  if (sharedPresent) return queries;
  return queries.filter((q) => !q.doc || !/^(?:busan-plans|seoul-approvals|busan-press|budget-briefs|notices|hwp)\//.test(q.doc));
}

/**
 * Answer correctness per document family and per question shape, beside the keyword baseline over the same
 * store: the share of questions whose expected values stand in the 3 and in the 10 lines holding most question
 * words. Baseline figures count questions with values only (a keyword list cannot say "not found").
 */
import type { QueryResult } from './evaluate.js';
import { type BaselineLine, baselineFinds } from './keyword-baseline.js';

export function familyOf(doc: string | undefined): string {
  const d = doc ?? '';
  if (d.startsWith('data/samples/')) return 'samples';
  if (d.startsWith('scale/seoul-promises')) return 'unseen promises';
  if (d.startsWith('scale/seoul-openfinance')) return 'unseen budget records';
  if (/busan-press\//.test(d)) return 'press';
  if (/budget-briefs\//.test(d)) return 'budget briefs';
  if (/notices\//.test(d)) return 'notices';
  if (/^hwp\//.test(d)) return 'hwp';
  if (/busan-plans\/|plan-/.test(d)) return 'plans';
  if (/approval/.test(d)) return 'approvals';
  if (/promise/.test(d)) return 'promises';
  if (/openfinance/.test(d)) return 'budget records';
  return 'other';
}

const SHAPES = ['amount', 'date', 'count', 'person', 'phone', 'organisation', 'place', 'rate', 'state', 'fact'];

export function shapeOf(tags: string[]): string {
  return tags.find((t) => SHAPES.includes(t)) ?? '-';
}

interface Row {
  key: string;
  n: number;
  correct: number;
  withValues: number;
  correctWithValues: number;
  top3: number;
  top10: number;
}

export function familyTable(results: QueryResult[], lines: BaselineLine[], keyOf: (r: QueryResult) => string, title: string): string {
  const rows = new Map<string, Row>();
  const total: Row = { key: 'all', n: 0, correct: 0, withValues: 0, correctWithValues: 0, top3: 0, top10: 0 };
  for (const r of results) {
    if (r.correct === undefined) continue;
    const key = keyOf(r);
    const row = rows.get(key) ?? { key, n: 0, correct: 0, withValues: 0, correctWithValues: 0, top3: 0, top10: 0 };
    rows.set(key, row);
    for (const x of [row, total]) {
      x.n++;
      if (r.correct) x.correct++;
      const b3 = baselineFinds(lines, r.query, 3);
      if (b3 === null) continue;
      x.withValues++;
      if (r.correct) x.correctWithValues++;
      if (b3) x.top3++;
      if (baselineFinds(lines, r.query, 10)) x.top10++;
    }
  }
  const f = (a: number, b: number) => (b ? (a / b).toFixed(3) : '–');
  return [
    `| ${title} | n | damdang | damdang (with values) | keyword top-3 | keyword top-10 |`,
    '|---|---|---|---|---|---|',
    ...[...[...rows.values()].sort((a, b) => a.key.localeCompare(b.key)), total].map(
      (x) => `| ${x.key} | ${x.n} | ${f(x.correct, x.n)} | ${f(x.correctWithValues, x.withValues)} | ${f(x.top3, x.withValues)} | ${f(x.top10, x.withValues)} |`,
    ),
  ].join('\n');
}

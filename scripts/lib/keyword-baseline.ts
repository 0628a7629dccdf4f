/**
 * The keyword baseline an answer must beat: rank every line of every current document by how many of the
 * question's words it holds (particles off, spaces ignored), and count a question found when its expected values
 * all stand in the top 3 (or 10) lines together — what a person scanning a plain search's result list would see.
 */
import { withoutParticle } from '../../src/domain/vocabulary.js';
import { containsValue, type LabelledQuery } from './evaluate.js';

export interface BaselineLine {
  text: string;
  flat: string;
}

export function baselineLines(docs: Array<{ text: string }>): BaselineLine[] {
  const out: BaselineLine[] = [];
  for (const d of docs)
    for (const text of d.text.split('\n')) if (text.trim()) out.push({ text, flat: text.replace(/\s+/g, '').toLowerCase() });
  return out;
}

const words = (q: string) =>
  [...new Set(q.replace(/[?？!.,]/g, ' ').split(/\s+/).filter(Boolean).map((w) => (withoutParticle(w).at(-1) ?? w).toLowerCase()))].filter(
    (w) => w.length >= 2,
  );

/** Top-k lines by the number of question words they hold (ties: document order). */
export function topLines(lines: BaselineLine[], question: string, k: number): string[] {
  const ws = words(question);
  const scored: Array<{ i: number; n: number }> = [];
  lines.forEach((l, i) => {
    let n = 0;
    for (const w of ws) if (l.flat.includes(w)) n++;
    if (n > 0) scored.push({ i, n });
  });
  scored.sort((a, b) => b.n - a.n || a.i - b.i);
  return scored.slice(0, k).map((s) => lines[s.i]!.text);
}

/** Whether the expected values all stand in the top-k lines (questions with values only). */
export function baselineFinds(lines: BaselineLine[], q: LabelledQuery, k: number): boolean | null {
  if (!q.answer || !('values' in q.answer)) return null;
  const body = topLines(lines, q.q, k).join('\n');
  return q.answer.values.every((v) => v.split('|').some((alt) => containsValue(body, alt)));
}

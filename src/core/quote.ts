/**
 * "Anything else the documents say": the lines of a document that best match the question, quoted with their
 * line numbers, for facts that no stored field holds ("원가분석자문위원회 언제 구성했어?").
 */
import { tokenizeQuery } from '../search/korean-tokenizer.js';
import type { StoredRecord } from '../store/store.js';
import type { Knowledge } from './knowledge.js';

export interface QuotedLine {
  line: number;
  text: string;
  score: number;
}

export function bestLines(knowledge: Knowledge, r: StoredRecord, query: string, max = 3): QuotedLine[] {
  const terms = [...new Set(tokenizeQuery(query))].filter((t) => t.length >= 2);
  if (terms.length === 0) return [];
  const lines = knowledge.lines(r.document.versionId);
  const [from, to] = r.record.src.lines;
  const scored: QuotedLine[] = [];
  for (let n = from; n <= Math.min(to, lines.length); n++) {
    const t = lines[n - 1]!;
    if (t.trim().length < 4) continue;
    const compactLine = t.replace(/\s+/g, '');
    const hits = terms.filter((term) => compactLine.includes(term)).length;
    if (hits === 0) continue;
    scored.push({ line: n, text: t.trim(), score: hits / terms.length });
  }
  scored.sort((a, b) => b.score - a.score || a.line - b.line);
  const top = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= Math.max(0.5, top * 0.8)).slice(0, max);
}

/** Long table cells are cut around the first matching term so the quote stays short. */
export function clip(textLine: string, query: string, width = 160): string {
  if (textLine.length <= width) return textLine;
  const term = tokenizeQuery(query).find((t) => t.length >= 2 && textLine.includes(t));
  const at = term ? Math.max(0, textLine.indexOf(term) - 40) : 0;
  return `${at > 0 ? '…' : ''}${textLine.slice(at, at + width)}…`;
}

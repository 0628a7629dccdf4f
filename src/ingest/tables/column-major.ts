/**
 * Tables flattened one cell a line, column by column, as text taken from a 한글 form writes them: the corner cell,
 * the k row labels, then per column its header and k values. Read back into rows ("북미 | 78.1 | 51.3 | (△34.4)")
 * under their column headers, with the unit of the caption above. The cells are the lines' own text.
 */

import type { LineCellTable } from './model.js';

const VALUE = /^\(?[△▲▽-]?\s*\d[\d,]*(?:\.\d+)?\s*%?\)?$|^[-–—]$/;
const MAX_LABEL = 24;
const isValue = (t: string) => VALUE.test(t);
const isLabel = (t: string) => t !== '' && t.length <= MAX_LABEL && !isValue(t);

export function columnMajorTables(lines: string[]): LineCellTable[] {
  const text = lines.map((l) => l.replace(/^\f+/, '').trim());
  const out: LineCellTable[] = [];
  let i = 0;
  while (i < text.length) {
    const table = readAt(text, i);
    if (table) {
      out.push(table);
      i = table.end + 1;
    } else i++;
  }
  return out;
}

function readAt(text: string[], i: number): LineCellTable | null {
  if (!isLabel(text[i]!) || (i > 0 && isLabel(text[i - 1]!))) return null;
  let j = i;
  while (j < text.length && isLabel(text[j]!)) j++;
  const labels = j - i;
  let v = j;
  while (v < text.length && isValue(text[v]!)) v++;
  const k = v - j;
  // Corner, k row labels and the first column's header, then its k values.
  if (k < 2 || labels !== k + 2) return null;
  const rowLabels = text.slice(i + 1, i + 1 + k);
  const header = [text[i]!, text[i + k + 1]!];
  const headerLines = [i + 1, i + k + 2];
  const columns: string[][] = [text.slice(j, v)];
  let at = v;
  // Each further column: its header, then exactly k values.
  while (at + k < text.length && isLabel(text[at]!) && text.slice(at + 1, at + 1 + k).every(isValue)) {
    header.push(text[at]!);
    headerLines.push(at + 1);
    columns.push(text.slice(at + 1, at + 1 + k));
    at += k + 1;
  }
  const rows = rowLabels.map((label, r) => ({
    cells: [label, ...columns.map((c) => c[r]!)],
    lines: [i + 2 + r, ...columns.map((_, c) => columnStart(i, k, c) + r + 1)],
  }));
  return { start: i, end: at - 1, header, headerLines, rows, unit: captionUnit(text, i) };
}

/** 0-based line of column c's first value. */
const columnStart = (i: number, k: number, c: number) => i + k + 2 + c * (k + 1);

/** "< 지역별 동향(억 달러, %) >", "(단위: 백만원)": the unit of the figures, from the few lines above. */
function captionUnit(text: string[], i: number): string | null {
  for (let n = i - 1; n >= Math.max(0, i - 3); n--) {
    const t = text[n]!;
    const unit = /단\s*위\s*[:：]\s*([^)\]>,]+)/.exec(t) ?? /\(([^()]*(?:원|달러|명|개|건|톤|%)[^()]*)\)\s*>?\s*$/.exec(t);
    if (unit) return unit[1]!.split(/[,，]/)[0]!.trim();
  }
  return null;
}

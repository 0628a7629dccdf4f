/**
 * Tab-separated tables as the families read them: rows with their line numbers, runs of consecutive rows, the
 * header rows above the body, column labels carried over merged cells, and the caption line above a table.
 */
import { compact } from '../../domain/vocabulary.js';
import { headingText } from '../structure/headings.js';
import { tabCells } from './cells.js';

export interface TabRow {
  /** 1-based line number. */
  n: number;
  cells: string[];
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Every tab-separated line of `lines[from..to]` (1-based, inclusive), blank or prose lines between them skipped. */
export function tabRows(lines: string[], from: number, to: number): TabRow[] {
  const rows: TabRow[] = [];
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1] ?? '';
    if (line.includes('\t')) rows.push({ n, cells: tabCells(line) });
  }
  return rows;
}

/** The tables of `lines[from..to]`: runs of consecutive tab-separated lines; any other line ends a table. */
export function tabRuns(lines: string[], from: number, to: number): TabRow[][] {
  const runs: TabRow[][] = [];
  let current: TabRow[] | null = null;
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1] ?? '';
    if (!line.includes('\t')) {
      current = null;
      continue;
    }
    if (!current) {
      current = [];
      runs.push(current);
    }
    current.push({ n, cells: tabCells(line) });
  }
  return runs;
}

/** The table's rows under a header row (0-based index): tab lines, blank lines between them skipped. */
export function tabRowsBelow(lines: string[], header: number): TabRow[] {
  const rows: TabRow[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('\t')) {
      if (isBlank(line)) continue;
      break;
    }
    rows.push({ n: i + 1, cells: tabCells(line) });
  }
  return rows;
}

/** 0-based index of the first tab row from `from` on whose cells (letters closed up) include every word. */
export function findHeaderRow(
  lines: string[],
  words: readonly string[],
  from = 0,
  also: (cells: string[]) => boolean = () => true,
): number | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('\t')) continue;
    const cells = tabCells(line).map(compact);
    if (words.every((w) => cells.includes(w)) && also(cells)) return i;
  }
  return null;
}

/**
 * How many rows head the table: the first, and those under it whose first `labelColumns` cells are empty (the
 * header of a merged cell's sub-columns); the first row with a label starts the body.
 */
export function headerRowCount(rows: TabRow[], labelColumns: number): number {
  const k = rows.findIndex((r, i) => i > 0 && r.cells.slice(0, labelColumns).some((c) => c !== ''));
  return k < 0 ? rows.length : k;
}

/**
 * Column labels of a two-row header: a label of the top row spans the empty cells after it that have a sub-label
 * ("2021년" over "1분기 … 4분기"). Columns from `from` on that have a top label, carried or their own.
 */
export function spannedColumns(
  top: string[],
  sub: string[],
  from: number,
): Array<{ col: number; top: string; sub: string }> {
  const out: Array<{ col: number; top: string; sub: string }> = [];
  const width = Math.max(top.length, sub.length);
  let carried = '';
  for (let col = from; col < width; col++) {
    const t = top[col] ?? '';
    const s = sub[col] ?? '';
    if (t !== '') carried = t;
    const label = t !== '' ? t : s !== '' ? carried : '';
    if (label !== '') out.push({ col, top: label, sub: s });
  }
  return out;
}

/** The cells of the first non-blank line after `index` (0-based): a header row's values. */
export function rowBelow(lines: string[], index: number): { index: number; cells: string[] } {
  let i = index + 1;
  while (i < lines.length && isBlank(lines[i]!)) i++;
  return { index: i, cells: tabCells(lines[i] ?? '') };
}

/** "민선7기 시민과의 약속 정책실명제": a one-cell row or line right above a table (0-based header index) names it. */
export function tableCaption(lines: string[], header: number): string | null {
  for (let i = header - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const cells = tabCells(line).filter((c) => c !== '');
    return cells.length === 1 && !headingText(line) ? cells[0]! : null;
  }
  return null;
}

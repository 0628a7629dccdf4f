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

/**
 * One label per column of a two-row header, a sub-label in brackets after its top label, carried over the merged
 * cells it spans: "추진상황" over "완료 | 추진중 | 기타" → "추진상황(완료)", "추진상황(추진중)", "추진상황(기타)".
 */
export function bracketedHeaderCells(top: string[], sub: string[]): string[] {
  const out: string[] = [];
  let parent = '';
  for (let k = 0; k < Math.max(top.length, sub.length); k++) {
    const t = top[k] ?? '';
    const s = sub[k] ?? '';
    if (t) parent = t;
    out.push(s ? `${t || parent}(${s})` : t);
  }
  return out;
}

/**
 * A line with its 1-based number, as the document model read it (model/lines-read.ts): blank lines and rules are
 * no block's and are not among them, so a gap in the numbering is where a table's run of rows ends.
 */
export interface NumberedLine {
  n: number;
  text: string;
}

const isTabLine = (line: NumberedLine) => line.text.includes('\t');
const rowOf = (line: NumberedLine): TabRow => ({ n: line.n, cells: tabCells(line.text) });

/** Every tab-separated line numbered `from..to` (inclusive), other lines between them skipped. */
export function tabRowsOf(lines: readonly NumberedLine[], from: number, to: number): TabRow[] {
  return lines.filter((l) => l.n >= from && l.n <= to && isTabLine(l)).map(rowOf);
}

/** The tables numbered `from..to`: runs of tab-separated lines one under the other; any other line, a blank line or a rule ends one. */
export function tabRunsOf(lines: readonly NumberedLine[], from: number, to: number): TabRow[][] {
  const runs: TabRow[][] = [];
  let current: TabRow[] | null = null;
  for (const line of lines) {
    if (line.n < from || line.n > to) continue;
    if (!isTabLine(line)) {
      current = null;
      continue;
    }
    if (!current || current.at(-1)!.n !== line.n - 1) {
      current = [];
      runs.push(current);
    }
    current.push(rowOf(line));
  }
  return runs;
}

/** The table's rows under its header line: tab lines, up to the first line that is none (blank lines are skipped). */
export function tabRowsUnder(lines: readonly NumberedLine[], header: number): TabRow[] {
  const rows: TabRow[] = [];
  for (const line of lines) {
    if (line.n <= header || isBlank(line.text)) continue;
    if (!isTabLine(line)) break;
    rows.push(rowOf(line));
  }
  return rows;
}

/** The first tab line whose cells (letters closed up) include every word. */
export function headerLineOf(
  lines: readonly NumberedLine[],
  words: readonly string[],
  also: (cells: string[]) => boolean = () => true,
): NumberedLine | null {
  return (
    lines.find((line) => {
      if (!isTabLine(line)) return false;
      const cells = tabCells(line.text).map(compact);
      return words.every((w) => cells.includes(w)) && also(cells);
    }) ?? null
  );
}

/** The cells of the first line with words under a header line: the header's values (none: the line under it, empty). */
export function rowUnder(lines: readonly NumberedLine[], header: number): TabRow {
  const line = lines.find((l) => l.n > header && !isBlank(l.text));
  return line ? rowOf(line) : { n: header + 1, cells: [] };
}

/** "민선7기 시민과의 약속 정책실명제": a one-cell row or line right above a table's header line names it. */
export function captionAbove(lines: readonly NumberedLine[], header: number): string | null {
  const line = lines.findLast((l) => l.n < header && !isBlank(l.text));
  if (!line) return null;
  const cells = tabCells(line.text).filter((c) => c !== '');
  return cells.length === 1 && !headingText(line.text) ? cells[0]! : null;
}

/**
 * A page's text items → its lines as a layout-mode text shows them: items on one baseline ordered by x, a gap
 * between items written as spaces in proportion to it (a column gap is two spaces or more, placed near the column
 * the item's x gives, so columns laid out by spacing stay apart and roughly aligned from line to line, as the
 * layout-table readers expect), lines top to bottom, a blank line where the page leaves a line's height free.
 */
import { blocksToText, type TableCell } from '../layout.js';
import { findGrids, gridCells, inGrid, splitAtRules } from './tables.js';
import type { RawItem } from './worker-client.js';

export interface Item {
  text: string;
  x: number;
  y: number;
  sizeX: number;
  sizeY: number;
  end: number;
  /** The file's text has a space right before this item. */
  spaceBefore: boolean;
}

const FIGURE_END = /[\d%)]$/;
const FIGURE_START = /^[△▲-]?\d/;

/** Page numbers as 한글 prints them: "- 12 -", "– 3 –". */
const PAGE_NUMBER = /^[-–—]\s*\d{1,4}\s*[-–—]$/;

/**
 * Lines of one page; `left` is the document's left edge, so indentation compares across pages. A table drawn with
 * rules (`rules`, as the worker gives them, with `starts`, where the page placed its runs of text) is written where it stands as the layout writer writes a table: a row a
 * line, cells apart by a tab (label/value boxes as "label : value", sparse forms a cell a line); the rest of the page
 * as layout text.
 */
export function pageLines(
  raw: readonly RawItem[],
  left: number,
  rules: readonly number[] = [],
  starts: readonly number[] = [],
): string[] {
  const items = dropShadows(raw.map(toItem));
  if (items.length === 0) return [];
  const charWidth = averageCharWidth(items);
  const placed: Array<{ top: number; lines: string[]; table: boolean }> = [];
  let free = items;
  for (const grid of findGrids(rules)) {
    const inside = free.filter((i) => inGrid(grid, i));
    if (inside.length === 0) continue;
    const cells = gridCells(grid, inside.flatMap((i) => splitAtRules(grid, i, starts)), baselines, cellLine);
    // A box around text (one column holds all of it) is no table: its text stays laid out as it is.
    if (filledColumns(cells) < 2) continue;
    const lines = blocksToText([{ kind: 'table', cells, spansFill: true }]).lines;
    if (lines.length === 0) continue;
    placed.push({ top: grid.ys[0]!, lines, table: true });
    const taken = new Set(inside);
    free = free.filter((i) => !taken.has(i));
  }
  let previous: Item[] | null = null;
  for (const line of baselines(free)) {
    const text = layoutLine(line, left, charWidth);
    if (PAGE_NUMBER.test(text.trim())) continue;
    const out = previous && leavesALineFree(previous, line) ? ['', text] : [text];
    placed.push({ top: line[0]!.y + line[0]!.sizeY, lines: out, table: false });
    previous = line;
  }
  // Stable: lines and tables top to bottom, a table before a line beside it that starts lower.
  placed.sort((a, b) => b.top - a.top);
  const out: string[] = [];
  placed.forEach((p, i) => {
    const lines = p.lines[0] === '' && (out.length === 0 || out.at(-1) === '') ? p.lines.slice(1) : p.lines;
    // A table stands apart from the text around it, as the model reads a block.
    if (p.table && out.length > 0 && out.at(-1) !== '') out.push('');
    out.push(...lines);
    if (p.table && i + 1 < placed.length) out.push('');
  });
  while (out.at(-1) === '') out.pop();
  return out;
}

function filledColumns(cells: TableCell[]): number {
  return new Set(cells.filter((c) => c.content.length > 0).map((c) => c.col)).size;
}

/**
 * A line of a cell: words a space apart however the cell spreads them. A label spread over its cell a character at a
 * time ("관 광 정 책 과", "( 주 ) 벡 스 코") is closed up; figures ("1 / 1") are not.
 */
function cellLine(line: Item[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of line) {
    if (end !== -Infinity && item.x - end >= 0.15 * item.sizeX) text += ' ';
    text += item.text;
    end = Math.max(end, item.end);
  }
  const t = text.replace(/\s+/g, ' ').trim();
  return /^\S(?: \S)+$/.test(t) && /[가-힣]/.test(t) && !/\d/.test(t) ? t.replace(/ /g, '') : t;
}

/** The leftmost x of any item in the document. */
export function leftEdge(pages: ReadonlyArray<readonly RawItem[]>): number {
  let left = Infinity;
  for (const items of pages) for (const item of items) left = Math.min(left, item[1]);
  return Number.isFinite(left) ? left : 0;
}

function toItem([text, x, y, sizeX, sizeY, width, spaceBefore]: RawItem): Item {
  const size = { sizeX: sizeX || sizeY || 10, sizeY: sizeY || sizeX || 10 };
  return { text: closeLetterSpacedYear(text), x, y, ...size, end: x + Math.max(0, width), spaceBefore: spaceBefore === 1 };
}

/**
 * A cover's letter-spaced "2 0 2 5 년" (pdfjs writes the tracking as spaces) is "2025년". Only a run of single
 * characters holding a figure and a syllable: spaced syllables alone are closed up by normalisation, and single
 * figures alone may be a row of counts.
 */
function closeLetterSpacedYear(text: string): string {
  return /^(?:\S ){2,}\S$/.test(text) && /\d/.test(text) && /[가-힣]/.test(text) ? text.replace(/ /g, '') : text;
}

/** A heading drawn twice, the copy within a point or two of the first (한글's shadow and bold effects), counts once. */
function dropShadows(items: Item[]): Item[] {
  const seen = new Map<string, Item[]>();
  const kept: Item[] = [];
  for (const item of items) {
    const same = seen.get(item.text);
    if (same?.some((s) => Math.abs(s.x - item.x) <= 2.5 && Math.abs(s.y - item.y) <= 2.5)) continue;
    if (same) same.push(item);
    else seen.set(item.text, [item]);
    kept.push(item);
  }
  return kept;
}

/** Page points a character of the page's text takes on average: one column of the layout. */
function averageCharWidth(items: Item[]): number {
  let width = 0;
  let chars = 0;
  for (const item of items) {
    width += item.end - item.x;
    chars += [...item.text].length;
  }
  const average = chars > 0 ? width / chars : 0;
  return average > 1 ? average : 6;
}

/** Items grouped by baseline (within a third of the text's height), each group ordered by x; top of the page first. */
function baselines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  let current: Item[] = [];
  let baseline = 0;
  for (const item of sorted) {
    const tolerance = 0.35 * Math.min(item.sizeY, current[0]?.sizeY ?? item.sizeY);
    if (current.length > 0 && baseline - item.y <= tolerance) {
      current.push(item);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [item];
    baseline = item.y;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

function layoutLine(items: Item[], left: number, charWidth: number): string {
  let text = ' '.repeat(Math.max(0, Math.round((items[0]!.x - left) / charWidth)));
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const size = item.sizeX;
    if (end === -Infinity || gap < 0.15 * size) {
      // First item, or one that runs on from the last (a word drawn in pieces)
    } else if (gap < 0.9 * size) text += ' ';
    else if (item.spaceBefore && gap < 3 * size) {
      // A space written between words that justification stretched ("과장      박희연" in a cell): one space. A figure
      // that far from its neighbour stands in a column of its own ("7,541,072  7,541,072", "최영희  051-888-3150").
      text += FIGURE_END.test(text) || FIGURE_START.test(item.text) ? '  ' : ' ';
    }
    else {
      const column = Math.round((item.x - left) / charWidth);
      text += ' '.repeat(Math.max(gap >= 2 * size ? 3 : 2, column - [...text].length));
    }
    text += item.text;
    end = Math.max(end, item.end);
  }
  return text.trimEnd();
}

/** The page leaves more than a line free between two lines: a paragraph or block break. */
function leavesALineFree(above: Item[], below: Item[]): boolean {
  const height = Math.max(...above.map((i) => i.sizeY), ...below.map((i) => i.sizeY));
  return above[0]!.y - below[0]!.y > 2 * height;
}

/**
 * Tables from the rules a PDF page draws: the horizontal and vertical rules that meet make a grid; a cell is a box of
 * the grid with no rule inside it (so a cell spans rows or columns where the rules stop); each piece of text goes to
 * the cell its centre falls in. Gaps between words never find cells: letter-spaced labels ("관 광 정 책 과") are wider
 * apart than a label and its value. A table 한글 exports without left and right borders has its sides where its
 * horizontal rules end.
 */
import type { TableCell } from '../layout.js';
import type { Item } from './lines.js';

/** Points within which two rules are the same line, or a rule reaches another. */
const TOL = 2;
/** Rules closer than this are one border (a double line) and make no row or column between them. */
const MIN_BAND = 3.5;

interface HRule {
  y: number;
  x0: number;
  x1: number;
}
interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** A grid found on the page: its column borders left to right, row borders top to bottom (y falls). */
export interface Grid {
  xs: number[];
  ys: number[];
  h: HRule[];
  v: VRule[];
}

/** The grids of a page's rules (x0, y0, x1, y1 flat), top of the page first. */
export function findGrids(flat: readonly number[]): Grid[] {
  const hs: HRule[] = [];
  const vs: VRule[] = [];
  for (let i = 0; i + 3 < flat.length; i += 4) {
    const [x0, y0, x1, y1] = [flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!];
    if (y1 - y0 <= 0.5) hs.push({ y: (y0 + y1) / 2, x0, x1 });
    else vs.push({ x: (x0 + x1) / 2, y0, y1 });
  }
  const h = mergeH(hs);
  const v = mergeV(vs);
  // Rules meeting rules, as one union-find over both kinds: v[j] is element h.length + j.
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byX = v.map((r, j) => ({ r, j })).sort((a, b) => a.r.x - b.r.x);
  const xsSorted = byX.map((e) => e.r.x);
  h.forEach((hr, i) => {
    for (let k = lowerBound(xsSorted, hr.x0 - TOL); k < byX.length && byX[k]!.r.x <= hr.x1 + TOL; k++) {
      const { r, j } = byX[k]!;
      if (hr.y >= r.y0 - TOL && hr.y <= r.y1 + TOL) parent[find(i)] = find(h.length + j);
    }
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    // Two horizontal rules at least (a top and a bottom) and one vertical that divides or closes them.
    if (g.h.length < 2 || g.v.length === 0) continue;
    const left = Math.min(...g.h.map((r) => r.x0));
    const right = Math.max(...g.h.map((r) => r.x1));
    const ys = bands(g.h.map((r) => r.y)).sort((a, b) => b - a);
    const xs = bands([left, right, ...g.v.map((r) => r.x)].filter((x) => x >= left - TOL && x <= right + TOL)).sort((a, b) => a - b);
    if (ys.length < 2 || xs.length < 2) continue;
    grids.push({ xs, ys, h: g.h, v: g.v });
  }
  return grids.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Collinear rules that overlap or touch, as one. */
function mergeH(rules: HRule[]): HRule[] {
  return mergeLines(rules.map((r) => ({ at: r.y, from: r.x0, to: r.x1 }))).map((l) => ({ y: l.at, x0: l.from, x1: l.to }));
}

function mergeV(rules: VRule[]): VRule[] {
  return mergeLines(rules.map((r) => ({ at: r.x, from: r.y0, to: r.y1 }))).map((l) => ({ x: l.at, y0: l.from, y1: l.to }));
}

interface Line {
  at: number;
  from: number;
  to: number;
}

/** Lines on one position (within a point) whose extents overlap or touch, as one line. */
function mergeLines(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  const out: Line[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.at - sorted[i]!.at <= 1) j++;
    const same = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    let current: Line | null = null;
    for (const l of same) {
      if (current && l.from <= current.to + TOL) current.to = Math.max(current.to, l.to);
      else out.push((current = { ...l }));
    }
    i = j;
  }
  return out;
}

/** Positions closer than MIN_BAND as one (their mean). */
function bands(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! < MIN_BAND) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

/** A vertical rule at x runs through the band between y-top and y-bottom (its middle). */
function hasV(grid: Grid, x: number, top: number, bottom: number): boolean {
  const mid = (top + bottom) / 2;
  return grid.v.some((r) => Math.abs(r.x - x) <= TOL && r.y0 - TOL <= mid && mid <= r.y1 + TOL);
}

function hasH(grid: Grid, y: number, left: number, right: number): boolean {
  const mid = (left + right) / 2;
  return grid.h.some((r) => Math.abs(r.y - y) <= TOL && r.x0 - TOL <= mid && mid <= r.x1 + TOL);
}

/** A box of the grid in grid coordinates. */
interface Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The cells of a grid: from each place not yet covered, a cell runs right while no vertical rule divides, then down
 * while no horizontal rule closes it across its whole width. The outer sides are borders whether drawn or not.
 */
export function gridBoxes(grid: Grid): Box[] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const taken: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  const boxes: Box[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      const [top, bottom] = [grid.ys[r]!, grid.ys[r + 1]!];
      let colSpan = 1;
      while (c + colSpan < cols && !taken[r]![c + colSpan] && !hasV(grid, grid.xs[c + colSpan]!, top, bottom)) colSpan++;
      let rowSpan = 1;
      while (r + rowSpan < rows) {
        const y = grid.ys[r + rowSpan]!;
        let open = true;
        for (let k = c; k < c + colSpan && open; k++) {
          if (taken[r + rowSpan]![k] || hasH(grid, y, grid.xs[k]!, grid.xs[k + 1]!)) open = false;
        }
        if (!open) break;
        rowSpan++;
      }
      for (let i = r; i < r + rowSpan; i++) for (let k = c; k < c + colSpan; k++) taken[i]![k] = true;
      boxes.push({ row: r, col: c, rowSpan, colSpan });
    }
  return boxes;
}

/** Does the item's centre lie in the grid's outline? */
export function inGrid(grid: Grid, item: Item): boolean {
  const cx = (item.x + item.end) / 2;
  const cy = item.y + item.sizeY * 0.3;
  return cx > grid.xs[0]! && cx < grid.xs.at(-1)! && cy < grid.ys[0]! && cy > grid.ys.at(-1)!;
}

/**
 * An item that runs across a vertical rule of its row holds several cells' text ("2,696,477 389,254", or a label
 * spread over three cells "청 년 정 책 과 지 산 학 …", drawn as one run): it is cut where the rule passes. Where
 * the page placed each word of the run itself (`starts`, flat x, y), a word belongs to the side its start is on;
 * otherwise the cut is at the space nearest the rule, or between the characters it falls between, by their widths.
 */
export function splitAtRules(grid: Grid, item: Item, starts: readonly number[] = []): Item[] {
  const cy = item.y + item.sizeY * 0.3;
  const row = grid.ys.findIndex((y, i) => i + 1 < grid.ys.length && cy <= y && cy >= grid.ys[i + 1]!);
  if (row < 0) return [item];
  const cuts = grid.xs
    .slice(1, -1)
    .filter((x) => x > item.x + 1 && x < item.end - 1 && hasV(grid, x, grid.ys[row]!, grid.ys[row + 1]!));
  if (cuts.length === 0) return [item];
  const chars = [...item.text];
  const widths = charWidths(chars, item.sizeX, item.end - item.x);
  // at[i]: where character i starts, as estimated.
  const at: number[] = [item.x];
  widths.forEach((w, i) => at.push(at[i]! + w));
  const placed = placedWords(chars, item, starts);
  if (placed) {
    // Between the places the page gives, characters keep their estimated widths from the last place.
    for (const [i, x] of placed) {
      const shift = x - at[i]!;
      for (let j = i; j < at.length; j++) at[j] = at[j]! + shift;
    }
  }
  const bounds: number[] = [];
  for (const cut of cuts) {
    const from = (bounds.at(-1) ?? 0) + 1;
    let bound: number | undefined;
    if (placed) bound = placed.find(([i, x]) => i >= from && x >= cut - 0.5)?.[0];
    else {
      const nearest = (candidates: number[], x: (i: number) => number) =>
        candidates.filter((i) => i >= from && i < chars.length).sort((a, b) => Math.abs(x(a) - cut) - Math.abs(x(b) - cut))[0];
      const spaces = chars.flatMap((c, i) => (/\s/.test(c) ? [i] : []));
      // A space within a third of the item's width of the rule is where the cells part.
      const space = nearest(spaces, (i) => (at[i]! + at[i + 1]!) / 2);
      bound =
        space !== undefined && Math.abs((at[space]! + at[space + 1]!) / 2 - cut) <= (item.end - item.x) / 3
          ? space
          : nearest([...chars.keys()].slice(1), (i) => at[i]!);
    }
    if (bound !== undefined && bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  const out: Item[] = [];
  [0, ...bounds].forEach((start, k) => {
    const stop = bounds[k] ?? chars.length;
    const text = chars.slice(start, stop).join('').trim();
    if (!text) return;
    // A placed word ends where its characters do, not where the next cell's word starts.
    const last = stop - 1 - [...chars.slice(start, stop)].reverse().findIndex((c) => !/\s/.test(c));
    const end = Math.min(at[stop] ?? item.end, at[last]! + (placed ? baseWidth(chars[last]!, item.sizeX) : widths[last]!));
    out.push({ ...item, text, x: at[start]!, end, spaceBefore: start > 0 || item.spaceBefore });
  });
  return out.length > 0 ? out : [item];
}

/**
 * Where the page itself placed the parts of the run, as [character index, x]: the runs of text (`starts`: x, y,
 * glyphs) that begin on the run's baseline within it, when their glyphs add up to the run's characters (spaces
 * pdfjs wrote between them counted or not). Otherwise null.
 */
function placedWords(chars: string[], item: Item, starts: readonly number[]): Array<[number, number]> | null {
  const runs: Array<[x: number, glyphs: number]> = [];
  for (let i = 0; i + 2 < starts.length; i += 3)
    if (Math.abs(starts[i + 1]! - item.y) <= 0.5 && starts[i]! >= item.x - 0.5 && starts[i]! < item.end - 0.5)
      runs.push([starts[i]!, starts[i + 2]!]);
  if (runs.length < 2) return null;
  runs.sort((a, b) => a[0] - b[0]);
  const glyphs = runs.reduce((n, [, g]) => n + g, 0);
  // Character index of each glyph: the characters that are not spaces, or every character.
  const visible = [...chars.keys()].filter((i) => !/\s/.test(chars[i]!));
  const drawn = glyphs === visible.length ? visible : glyphs === chars.length ? [...chars.keys()] : null;
  if (!drawn) return null;
  const out: Array<[number, number]> = [];
  let g = 0;
  for (const [x, n] of runs) {
    out.push([drawn[g]!, x]);
    g += n;
  }
  return out;
}

/**
 * Widths of a run's characters that add up to its width: a Hangul or CJK character is as wide as the font size, a
 * space a quarter of it, anything else a half; what the run has beyond that is letter spacing, shared by every
 * character alike (a label spread over its cell "청 년 정 책 과"); a run narrower than that is condensed evenly.
 */
function charWidths(chars: string[], size: number, width: number): number[] {
  const base = chars.map((ch) => baseWidth(ch, size));
  const total = base.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return base.map(() => width / Math.max(1, chars.length));
  if (width >= total) return base.map((w) => w + (width - total) / chars.length);
  return base.map((w) => (w * width) / total);
}

function baseWidth(ch: string, size: number): number {
  if (/\s/.test(ch)) return 0.25 * size;
  const code = ch.codePointAt(0)!;
  const wide = (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef);
  return (wide ? 1 : 0.5) * size;
}

/**
 * The cells of a grid with the text inside them, as the layout writer takes a table. `lines` groups a cell's items
 * into its lines (by baseline), `text` writes one line. A row the rules draw as one but whose cells (three or more)
 * each hold the same number of lines on the same baselines holds that many rows: a table ruled only under its
 * header still reads a row a line.
 */
export function gridCells(
  grid: Grid,
  items: Item[],
  lines: (items: Item[]) => Item[][],
  text: (line: Item[]) => string,
): TableCell[] {
  const boxes = gridBoxes(grid);
  const inBox = new Map<Box, Item[]>();
  for (const item of items) {
    const cx = (item.x + item.end) / 2;
    const cy = item.y + item.sizeY * 0.3;
    const box = boxes.find(
      (b) =>
        cx >= grid.xs[b.col]! &&
        cx <= grid.xs[b.col + b.colSpan]! &&
        cy <= grid.ys[b.row]! &&
        cy >= grid.ys[b.row + b.rowSpan]!,
    );
    if (!box) continue;
    let list = inBox.get(box);
    if (!list) inBox.set(box, (list = []));
    list.push(item);
  }
  const linesOf = new Map(boxes.map((b) => [b, lines(inBox.get(b) ?? [])]));
  // Rows each grid row holds, and where each grid row starts among them.
  const rows = grid.ys.length - 1;
  const count = Array.from({ length: rows }, (_, r) => rowsWithin(boxes.filter((b) => b.row === r && b.rowSpan === 1), linesOf));
  const start = [0];
  count.forEach((n, r) => start.push(start[r]! + n));
  const paragraphs = (groups: Item[][], b: Box) =>
    cellParagraphs(groups, grid.xs[b.col + b.colSpan]! - grid.xs[b.col]!, b.row === 0, text).map((t) => ({
      kind: 'paragraph' as const,
      text: t,
    }));
  return boxes.flatMap((b): TableCell[] => {
    const groups = linesOf.get(b)!;
    const row = start[b.row]!;
    if (b.rowSpan === 1 && count[b.row]! > 1)
      return Array.from({ length: count[b.row]! }, (_, i) => ({
        row: row + i,
        col: b.col,
        rowSpan: 1,
        colSpan: b.colSpan,
        content: paragraphs(groups[i] ? [groups[i]!] : [], b),
      }));
    return [{ row, col: b.col, rowSpan: start[b.row + b.rowSpan]! - row, colSpan: b.colSpan, content: paragraphs(groups, b) }];
  });
}

/** Points 한글 leaves between a cell's border and its text, each side (about 1.8 mm). */
const CELL_PADDING = 5;

/**
 * A cell's lines as its paragraphs. A label too long for its cell is broken where the cell ends: a header's
 * "빅데이터" / "통계담당관", or "기 획" / "담 당 관" spread over its cell a syllable at a time. Such a line (one
 * Hangul word filling the cell's width, in the table's first row or spread letter by letter) followed by a line
 * going on in Hangul is joined to it without a space. Other lines stay lines: in a body cell a line of one word
 * may well end where 한글 wrapped between words ("부산관광공사" / "설치 조례").
 */
function cellParagraphs(groups: Item[][], width: number, header: boolean, text: (line: Item[]) => string): string[] {
  const out: string[] = [];
  let broken = false;
  for (const group of groups) {
    const t = text(group);
    if (!t) continue;
    if (broken && /^[가-힣]/.test(t)) out[out.length - 1] += t;
    else out.push(t);
    const span = Math.max(...group.map((i) => i.end)) - Math.min(...group.map((i) => i.x));
    const spread = /^\S(?: \S)+$/.test(group.map((i) => i.text).join(' ').replace(/\s+/g, ' ').trim());
    broken = /^[가-힣]+$/.test(t) && (header || spread) && span >= width - 2 * CELL_PADDING - group[0]!.sizeX;
  }
  return out;
}

/** How many rows one grid row holds: its filled cells' common number of lines when those lines share baselines. */
function rowsWithin(boxes: Box[], linesOf: Map<Box, Item[][]>): number {
  const filled = boxes.map((b) => linesOf.get(b)!).filter((g) => g.length > 0);
  if (filled.length < 3) return 1;
  const n = filled[0]!.length;
  if (n < 2 || filled.some((g) => g.length !== n)) return 1;
  for (let i = 0; i < n; i++) {
    const ys = filled.map((g) => g[i]![0]!.y);
    const size = Math.min(...filled.map((g) => g[i]![0]!.sizeY));
    if (Math.max(...ys) - Math.min(...ys) > 0.35 * size) return 1;
  }
  return n;
}

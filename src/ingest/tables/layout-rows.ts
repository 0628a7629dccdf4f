/**
 * Tables laid out in columns that the grid reader (text.ts) cannot pin: headers written on two or three lines, a
 * cell centred between rows, rows of dates or names rather than figures. Each line under a header is read cell by
 * cell against the header's words by where it stands, so a row keeps its column labels ("직급 전임", "급여기준(연봉)
 * 30,000천원 ~ 50,000천원") for the answerer. Lines are never rewritten: a row's cells are spans of its own text.
 */
import type { TableModel } from './model.js';

/** Cells are parted by three spaces or more (pdftotext layout); two may sit inside a cell ("고용노동부  직업능력정책국"). */
const GAP = /\s{3,}/;
const MAX_LINE = 400;
const MAX_ROWS = 40;

interface Span {
  text: string;
  from: number;
  to: number;
}

export interface LayoutTable {
  /** Header columns, left to right, each the header words above it top to bottom. */
  header: string[];
  headerLines: number[];
  /** Each row's first line and cells; `lines` when a cell went on over further lines. */
  rows: Array<{ line: number; cells: string[]; lines?: number[] }>;
  /** "(단위: 천원)" written just above the header. */
  unit: string | null;
}

function spansOf(line: string): Span[] {
  const out: Span[] = [];
  for (const m of line.matchAll(/\S+(?:\s{1,2}\S+)*/g)) out.push({ text: m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

/** A header line: two cells or more of words — no figures, no sentences, each short. */
function isHeaderLine(spans: Span[]): boolean {
  return (
    spans.length >= 2 &&
    spans.every((s) => s.text.length <= 24 && !/\d/.test(s.text.replace(/\([A-Z]\)|[①-⑳]/g, '')) && !/[다.。:：]$/.test(s.text)) &&
    spans.filter((s) => /[가-힣]{2}/.test(s.text)).length >= 2
  );
}

const blank = (l: string) => l.trim() === '';
/**
 * A section heading ("2. 사업 지원 형태 및 지원율", "참고 2   참고 이미지"): the end of any table above it. A numbered
 * line laid out in columns ("1. 응시원서      필수      □") is a row.
 */
const isSection = (l: string) =>
  SECTION.test(l) && !GAP.test(l.trim().replace(/^(?:(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*[.．]|(?:참\s*고|붙\s*임)(?:\s*\d{1,2})?)\s+/, ''));
const SECTION = /^\s*(?:(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*[.．]\s+[가-힣]|(?:참\s*고|붙\s*임)(?:\s*\d{1,2})?\s{2,}\S)/;
const CORNER = /^(?:구분|항목|연도|직급|부서명?|과목)$/;

/**
 * The layout tables of a document, outside the lines already read as tables. A header group is a run of header
 * lines (a single word line among them joins it: a label set high in its cell); rows are the column lines under it,
 * to the first line of prose, marker or heading, or two blank lines.
 */
export function layoutTables(lines: string[], taken: ReadonlySet<number>): LayoutTable[] {
  const out: LayoutTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.replace(/^\f+/, '');
    if (taken.has(i + 1) || line.length > MAX_LINE || !GAP.test(line.trim()) || !isHeaderLine(spansOf(line))) {
      i++;
      continue;
    }
    const headerSpans: Array<Span & { line: number }> = [];
    const headerLines: number[] = [];
    let j = i;
    for (; j < lines.length && j < i + 6; j++) {
      const l = lines[j]!.replace(/^\f+/, '');
      if (blank(l)) continue;
      const spans = spansOf(l);
      const words = spans.length === 1 && spans[0]!.text.length <= 12 && !/\d/.test(spans[0]!.text) && /[가-힣]/.test(spans[0]!.text);
      if (taken.has(j + 1) || l.length > MAX_LINE || !(isHeaderLine(spans) && GAP.test(l.trim())) && !words) break;
      headerLines.push(j + 1);
      for (const s of spans) headerSpans.push({ ...s, line: j + 1 });
    }
    const columns = mergeColumns(headerSpans);
    const rows: LayoutTable['rows'] = [];
    let blanks = 0;
    let k = j;
    for (; k < lines.length && rows.length < MAX_ROWS; k++) {
      const l = lines[k]!.replace(/^\f+/, '');
      if (blank(l)) {
        if (++blanks >= 3) break;
        continue;
      }
      if (taken.has(k + 1) || l.length > MAX_LINE || isSection(l)) break;
      const spans = spansOf(l);
      // A marker, a note or prose ends the table ("○" alone in its cell is a mark, not a bullet); a single cell under a
      // column (a wrapped cell) is a row of its own.
      if (/^\s*[□■○◦❍●◎※*▶ㅇ-]\s{1,2}\S/.test(l) || (spans.length === 1 && spans[0]!.text.length > 30)) break;
      const cells = placeCells(spans, columns);
      if (!cells) break;
      // Past two blank lines only a row with its label goes on (pdftotext sets a form's rows apart); a corner word
      // there heads the next table.
      if ((blanks === 2 && cells[0] === '') || (rows.length > 0 && CORNER.test(cells[0]!.replace(/\s+/g, '')))) break;
      blanks = 0;
      // A cell ending in a comma goes on in the same column on the next line ("서울40~60%," / "지방70~90%").
      const last = rows.at(-1);
      if (last && last.line === k && spans.length === 1 && cells.every((c, n) => c === '' || /[,，]$/.test(last.cells[n]!))) {
        last.cells = last.cells.map((c, n) => (cells[n] ? `${c} ${cells[n]}` : c));
        last.lines = [...(last.lines ?? [last.line]), k + 1];
        continue;
      }
      rows.push({ line: k + 1, cells });
    }
    if (columns.length >= 2 && rows.length > 0 && rows.some((r) => r.cells.filter((c) => c !== '').length >= 2)) {
      out.push({ header: columns.map((c) => c.text), headerLines, rows, unit: unitAbove(lines, i) });
      i = k;
    } else i++;
  }
  return out;
}

/** Header words standing over the same columns are one header cell, read top to bottom. */
function mergeColumns(spans: Array<Span & { line: number }>): Span[] {
  const columns: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.line - b.line || a.from - b.from)) {
    const over = columns.find((c) => overlap(c, s) > 0);
    if (over) {
      over.text = `${over.text} ${s.text}`;
      over.from = Math.min(over.from, s.from);
      over.to = Math.max(over.to, s.to);
    } else columns.push({ ...s });
  }
  return columns.sort((a, b) => a.from - b.from);
}

const overlap = (a: Span, b: Span) => Math.min(a.to, b.to) - Math.max(a.from, b.from);
const centre = (s: Span) => (s.from + s.to) / 2;

/**
 * Each cell goes under the header column it overlaps most, else the nearest by centre (two in one column are joined
 * in order). A line whose cells mostly stand under no column, or share one, is not a row of this table.
 */
function placeCells(spans: Span[], columns: Span[]): string[] | null {
  const cells = columns.map(() => '');
  let misplaced = 0;
  for (const s of spans) {
    let best = -1;
    let bestScore = -Infinity;
    columns.forEach((c, n) => {
      const score = overlap(c, s) > 0 ? overlap(c, s) : -Math.abs(centre(c) - centre(s));
      if (score > bestScore) [best, bestScore] = [n, score];
    });
    if (best < 0 || bestScore < -16) return null;
    if (cells[best] !== '') misplaced++;
    cells[best] = cells[best] ? `${cells[best]} ${s.text}` : s.text;
  }
  return misplaced * 2 > spans.length ? null : cells;
}

function unitAbove(lines: string[], header: number): string | null {
  for (let n = header; n >= Math.max(0, header - 3); n--) {
    const m = /단\s*위\s*[:：]\s*([^)\]>]+)/.exec(lines[n] ?? '');
    if (m) return m[1]!.trim();
  }
  return null;
}

/** Lines a grid table was read from: the layout reader leaves them to it. */
export function linesOf(tables: TableModel[]): Set<number> {
  const out = new Set<number>();
  for (const t of tables) for (const r of [...t.header, ...t.body]) out.add(r.line);
  return out;
}

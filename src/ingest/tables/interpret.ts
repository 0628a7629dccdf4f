/**
 * The table model → a read table: column headers (joined over header rows, checked), row labels, the unit line
 * and its as-of date, cell figures with their markers, and the 계 column (named so, or the first column when every
 * row's first figure is the sum of the others). A header that is neither a known kind of header (계, 3급, 정원,
 * ’25년 예산, 증감 …) nor a name the document writes elsewhere is not trusted: its cells keep a null column.
 */
import { src } from '../../domain/provenance.js';
import type { ReadTable, TableCell, TableRow } from '../../domain/table.js';
import { GENERIC_HEADER, type ModelRow, type TableModel } from './model.js';
import { CAPTION } from './text.js';

const HEADING_LINE = /^\s*(?:[□■◎○ㅇ◦❍▪•∘◇◆▷▸]|\d{1,2}\s+(?!급(?:\s|$|이))[가-힣])/;
const TOTAL_HEADER = /^(?:계|합계|총계|총액)(?:\(.*\))?$/;

export interface InterpretContext {
  /** The document's lines: a header word the document writes elsewhere as a word of its own is a real name. */
  lines: string[];
  /** Lines of the table itself are not evidence for its own headers. */
  section?: string | null;
}

export function interpretTable(model: TableModel, ctx: InterpretContext): ReadTable {
  const columns = columnNames(model, ctx);
  const unitText = [...model.context.map((c) => c.text), ...model.header.map((h) => h.text)].join(' ');
  const rows: TableRow[] = model.body.map((r) => readRow(r, columns));
  const totalColumn = findTotal(columns, rows);
  // The lines above (title, unit line, as-of date) are cited with the table: its caption states their figures.
  const lines = [...model.context, ...model.header, ...model.body].map((r) => r.line);
  // The nearest heading above the table, or a caption line ("인 력 : 정원 120명 …") right above its header.
  // A caption right above the header, or above only its unit / as-of line.
  const nearest = [...model.context].reverse().find((c) => !(unitOf(c.text) !== null || asOfOf(c.text) !== null) || CAPTION.test(c.text));
  const caption = nearest && CAPTION.test(nearest.text) ? headingOf(nearest.text.replace(/^\s*[^\s가-힣A-Za-z0-9(]\s*/, '')) : null;
  const heading = model.context
    .filter((c) => HEADING_LINE.test(c.text))
    .map((c) => ({ line: c.line, title: headingOf(c.text) }))
    .filter((h) => !!h.title)
    .at(-1);
  const title = caption ?? heading?.title ?? null;
  const titleLine = caption ? nearest!.line : (heading?.line ?? null);
  return {
    title,
    unit: unitOf(unitText),
    asOf: asOfOf(unitText),
    columns,
    totalColumn,
    rows,
    measure: measure(unitText, rows),
    // A title that states figures or a date is cited with the cells under it.
    headerLines: [
      ...new Set([
        ...(titleLine !== null && /\d/.test(title ?? '') ? [titleLine] : []),
        // The unit line and the as-of date the caption repeats.
        ...model.context.filter((c) => unitOf(c.text) !== null || asOfOf(c.text) !== null).map((c) => c.line),
        ...model.header.map((h) => h.line),
      ]),
    ].sort((a, b) => a - b),
    src: src(ctx.section ?? null, Math.min(...lines), Math.max(...lines)),
  };
}

/**
 * "인 력 : 정원 80명 / 현원 85명", "(정원/현원)", "인력(정/현원)": the words over a table of "32 / 34" cells name
 * the halves, 정원 first. Only that order is read; cells of such a table are 정원/현원 pairs.
 */
function measure(text: string, rows: TableRow[]): '정원/현원' | '정원' | '현원' | null {
  const flat = text.replace(/\s+/g, '');
  // "(현원, 명)": the unit line says which count the figures are.
  const counted = /\((정원|현원)[,·](?:단위:?)?명\)|\((?:단위:?)?명[,·](정원|현원)\)/.exec(flat);
  if (counted) return (counted[1] ?? counted[2]) as '정원' | '현원';
  if (!/정원?\/현원|정원[\d,]*명?\/현원/.test(flat) || /현원?\/정원|현원[\d,]*명?\/정원/.test(flat)) return null;
  const cells = rows.flatMap((r) => r.cells).filter((c) => c.value !== null || c.pair);
  return cells.length > 0 && cells.filter((c) => c.pair).length * 2 >= cells.length ? '정원/현원' : null;
}

function columnNames(model: TableModel, ctx: InterpretContext): Array<string | null> {
  const parts: string[][] = Array.from({ length: model.columns }, () => []);
  for (const row of model.header) {
    for (const cell of row.cells) {
      if (cell.col < 1) continue;
      for (let k = cell.col; k < cell.col + cell.span && k <= model.columns; k++) parts[k - 1]!.push(cell.text);
    }
  }
  const own = new Set([...model.header, ...model.body].map((r) => r.line));
  let elsewhere: string | null = null;
  const written = (name: string) => {
    elsewhere ??= closedLines(ctx.lines)
      .filter((_, k) => !own.has(k + 1))
      .join('\n');
    return new RegExp(`(?<![가-힣])${escape(name)}(?![가-힣])`).test(elsewhere);
  };
  const names = parts.map((ps) => {
    const name = ps.join(' ').replace(/\s+/g, ' ').trim();
    const closed = name.replace(/\s+/g, '');
    if (!closed) return null;
    if (GENERIC_HEADER.test(closed)) return closed;
    // A grade under a merged group header ("일반직" over 4급 … 7급): the grade names the column.
    const last = ps.at(-1)?.replace(/\s+/g, '') ?? '';
    if (ps.length > 1 && /^\d급(?:이하|이상)?$/.test(last)) return last;
    // Spread letters are closed up; a name the document writes elsewhere ("건강정책과" in its chart) is real.
    if (closed.length >= 3 && written(closed)) return closed;
    return null;
  });
  // Two columns under one name cannot both be it.
  // A grade found under two group headers (일반직 6급, 관리운영직 6급) is not one column either.
  const grouped = (k: number) => parts[k]!.length > 1;
  return names.map((n, k) =>
    n && names.filter((m) => m === n).length > 1 && (!/^\d급/.test(n) || names.some((m, j) => m === n && j !== k && (grouped(j) || grouped(k))))
      ? null
      : n,
  );
}

function readRow(row: ModelRow, columns: Array<string | null>): TableRow {
  const label = row.cells.find((c) => c.col === 0)?.text.replace(/\s+/g, '') ?? '';
  const cells = row.cells
    .filter((c) => c.col !== 0)
    .map((c) => readCell(c.text, c.col >= 1 ? c.col - 1 : null, c.col >= 1 ? (columns[c.col - 1] ?? null) : null));
  // Cells keep their column's position: a row read from text has every cell, in column order.
  return { label, cells, text: row.text.trim(), line: row.line };
}

export function readCell(text: string, col: number | null, column: string | null): TableCell {
  const t = text.trim();
  const at = { column, col, text: t };
  const pair = /^(\d[\d,]*)\s*\/\s*(\d[\d,]*)\s*명?$/.exec(t);
  if (pair) return { ...at, value: null, pair: [num(pair[1]!), num(pair[2]!)], marker: null };
  if (/^[-–—]$/.test(t)) return { ...at, value: null, pair: null, marker: 'none' };
  if (/^해당\s*없음$/.test(t)) return { ...at, value: null, pair: null, marker: 'not-applicable' };
  const m = /^([△▲▽-]?)(\d[\d,]*(?:\.\d+)?)/.exec(t.replace(/^\([가-힣]*/, ''));
  if (!m) return { ...at, value: null, pair: null, marker: null };
  const value = num(m[2]!);
  const sign = m[1]!;
  const decrease = sign === '△' || sign === '▽' || sign === '-';
  return {
    ...at,
    value: decrease ? -value : value,
    pair: null,
    marker: decrease ? 'decrease' : sign === '▲' ? 'increase' : null,
  };
}

function num(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** The 계 column: named so, else the first column when it is the sum of the others in every full row. */
function findTotal(columns: Array<string | null>, rows: TableRow[]): number | null {
  const named = columns.findIndex((c) => c !== null && TOTAL_HEADER.test(c));
  if (named >= 0) return named;
  const full = rows.filter((r) => r.cells.length === columns.length && r.cells.every((c, k) => c.col === k));
  if (columns.length < 3) return null;
  if (full.length === 0) return null;
  const sums = full.every((r) => {
    const vs = r.cells.map((c) => c.value ?? (c.marker === 'none' ? 0 : Number.NaN));
    if (vs.some(Number.isNaN) || vs[0] === 0) return false;
    return Math.abs(vs[0]! - vs.slice(1).reduce((a, b) => a + b, 0)) < 0.5;
  });
  return sums ? 0 : null;
}

const UNIT = /단\s*위\s*(?:[:：]\s*)?([가-힣㎡%]+(?:\s*[,/]\s*[가-힣%]+)?)/;

export function unitOf(text: string): string | null {
  const m = UNIT.exec(text);
  if (m) return m[1]!.replace(/\s+/g, '');
  const bare = /\(\s*(?:[가-힣]+\s*,\s*)?(명|백만원|천원|억원|개소|건)\s*\)/.exec(text);
  return bare ? bare[1]! : null;
}

/** "’25. 1. 1. 기준", "(기준 : ’25. 1", "2025. 1. 1. 현재", "’25년 본예산". */
export function asOfOf(text: string): string | null {
  // Each optional dot takes the spaces before it: `\s*\.?` twice over could split a run of spaces many ways.
  const a = /([’'‘]?\d{2,4}\s*\.\s*\d{1,2}(?:\s*\.)?(?:\s*\d{1,2}(?:\s*\.)?)?)\s*(?:기준|현재)/.exec(text);
  if (a) return `${a[1]!.replace(/\s+/g, ' ').trim()} 기준`;
  const b = /기준\s*[:：]\s*([’'‘]?\d{2,4}\s*[.년][^,)]*)/.exec(text);
  if (b) return `${b[1]!.trim()} 기준`;
  return null;
}

/** A context line's heading words ("□ 인 력" → "인력", "ㅇ (세입) 2,917백만원 …" as written). */
function headingOf(text: string): string | null {
  const t = text.replace(/^\s*(?:[□■◎○ㅇ◦❍▪•∘◇◆▷▸]|\d{1,2}(?=\s))\s*/, '').trim();
  if (!t || /^\(?\s*(?:단\s*위|기\s*준|[’'‘]\d)/.test(t)) return null;
  return t.replace(/(?<=[가-힣]) (?=[가-힣](?: |$))/g, '').replace(/\s+/g, ' ').trim();
}

const closedCache = new WeakMap<string[], string[]>();

/** The document's lines with spread letters closed up, once per document. */
function closedLines(lines: string[]): string[] {
  let closed = closedCache.get(lines);
  if (!closed) {
    closed = lines.map(closeSpread);
    closedCache.set(lines, closed);
  }
  return closed;
}

/** Justified letters closed up ("주 택 정 책 과" → "주택정책과"), other spacing kept. */
function closeSpread(line: string): string {
  return line.replace(/(?<![가-힣])[가-힣](?: {1,3}[가-힣](?![가-힣]))+/g, (m) => m.replace(/ +/g, ''));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

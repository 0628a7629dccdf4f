/**
 * Normalised lines → the ordered blocks of the document model: headings (with depth), paragraphs (wrapped lines
 * joined), list items (nesting and parent item), and table rows (with their header cells and unit line). Reads the
 * conventions of Korean administrative writing — Roman and Arabic section numbers, □ ○ - · ※ bullets, 가. 1) ①
 * numbering, label : value lines — never a particular document's wording.
 */
import type { DocBlock } from '../../domain/doc-model.js';
import { isUnitLine } from '../structure/headings.js';
import { columnMajorTables } from '../tables/column-major.js';
import type { LineCellTable, TableModel } from '../tables/model.js';
import { layoutTables, linesOf } from '../tables/layout-rows.js';
import { rowMajorTables } from '../tables/row-major.js';
import { textTables } from '../tables/text.js';

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';
const COLUMN_GAP = /\S {4,}\S|\t/;
/** Longest line a block may be read from: longer ones are pasted data, kept whole as a paragraph. */
const MAX_LINE = 2_000;

interface Marker {
  kind: 'heading' | 'item';
  /** Heading depth or item nesting (lower is outer). */
  level: number;
  /** The text without its bullet or number. */
  text: string;
  /** The number it is written with ("Ⅲ", "1", "가", "①"), separators off; absent for a bullet. */
  number?: string;
}

/** What stands before a marker's text when it is a number: "Ⅲ.", "제2장", "참고 1", "1)", "(2)", "가.", "①". */
const NUMBER = new RegExp(`^(?:[${ROMAN}]|[IVX]{1,4}|제\\s*\\d{1,2}\\s*[장절]|PART\\s*\\d|참고\\s*\\d{1,2}|\\d{1,2}|[가-하]|[①-⑳])$`);

/** The number of a marker, from the line's text before the marker's own. */
function numberOf(line: string, text: string): string | undefined {
  const before = line.slice(0, line.lastIndexOf(text)).trim().replace(/^\(|[.．)]$/g, '').trim();
  return NUMBER.test(before) ? before : undefined;
}

const HEADING_PATTERNS: Array<[RegExp, number]> = [
  [new RegExp(`^(?:[${ROMAN}]|[IVX]{1,4})\\s*[.．]\\s*(\\S.{0,78})$`), 0],
  // A Roman numeral in a box of its own, its title after a gap ("Ⅴ     2025년 주요 업무계획"): one run of words, no columns.
  [new RegExp(`^[${ROMAN}]\\s{2,}([가-힣\\d](?:(?!\\s{3}).){1,78})$`), 0],
  [/^(?:제\s*\d{1,2}\s*[장절]|PART\s*\d)\s*(\S.{0,78})$/, 0],
  [/^참고(?:\s*\d{1,2})?\s{2,}(\S.{0,60})$/, 0],
  [/^\d{1,2}\s*[.．]\s+(\S.{0,58})$/, 1],
  // A section number printed in a box, the title after a gap ("3      임용형태 및 보수"): one run of words, no columns.
  [/^\d{1,2}\s{2,}([가-힣](?:(?!\s{3})[^\d]){3,58})$/, 1],
  [/^【\s*(.{1,40}?)\s*】$/, 2],
  [/^<\s*([^<>]{2,40}?)\s*>$/, 2],
];

/** □ ■ ❖ ◈ at top; ○ ㅇ ❍ next; - ▹ then · • then ※ * notes; 가. 1) ① (1) as their own levels. */
const ITEM_PATTERNS: Array<[RegExp, number]> = [
  [/^[□■❖◆◇◈▣❏❑¦]\s*(\S.*)$/, 0],
  [/^(?:[○◦❍●◎]|ㅇ(?=\s))\s*(\S.*)$/, 1],
  [/^[가-하]\s*[.)]\s*(\S.*)$/, 1],
  [/^\(?\d{1,2}\)\s*(\S.*)$/, 2],
  [/^[①-⑳]\s*(\S.*)$/, 2],
  [/^[-–▹▸►‣▪]\s*(\S.*)$/, 2],
  [/^[·•ㆍ∙‧Ÿ]\s*(\S.*)$/, 3],
  [/^[※*]\s*(\S.*)$/, 4],
  [/^[\u{F0000}-\u{FFFFD}]\s*(\S.*)$/u, 1],
];

export function markerOf(line: string): Marker | null {
  const t = line.trim();
  if (t.length > MAX_LINE) return null;
  for (const [re, level] of HEADING_PATTERNS) {
    const m = re.exec(t);
    // A numbered line ending a sentence ("1. 신청은 …합니다.") is an item, not a heading.
    if (m && !(level === 1 && /[.。다]$/.test(t))) return numbered({ kind: 'heading', level, text: m[1]!.trim() }, t);
  }
  for (const [re, level] of ITEM_PATTERNS) {
    const m = re.exec(t);
    if (m) return numbered({ kind: 'item', level, text: m[1]!.trim() }, t);
  }
  return null;
}

function numbered(marker: Marker, line: string): Marker {
  const number = numberOf(line, marker.text);
  return number === undefined ? marker : { ...marker, number };
}

/** A short □ line with no sentence in it ("□ 추진배경") heads the items under it. */
function isBoxHeading(line: string, marker: Marker): boolean {
  return marker.kind === 'item' && marker.level === 0 && /^[□■❖]/.test(line.trim()) && marker.text.length <= 30 &&
    !/[다.。]$/.test(marker.text) && !/\d[\d,.]*\s*(?:원|명|건|개|%)/.test(marker.text) &&
    // "□ 사업 규모 : 일금 사억원(₩ 400,000,000)": a label with its value is a field, not a heading.
    // (A unit in brackets — "예산현황 (단위:천원)" — is not a value.)
    !/[:：]\s*\S/.test(marker.text.replace(/\([^()]*\)/g, ''));
}

/** Joins a line wrapped by the export: mid-word between two syllables when the upper line is full, else a space. */
export function joinWrapped(upper: string, lower: string, width: number): string {
  const a = upper.trimEnd();
  const b = lower.trim();
  const full = a.trim().length >= Math.max(20, width * 0.8);
  return /[가-힣]$/.test(a) && /^[가-힣]/.test(b) && full ? a + b : `${a} ${b}`;
}

export function readBlocks(lines: string[]): DocBlock[] {
  const grid = safeTables(lines);
  const rowAt = new Map<number, { unit: string | null; cells: string[]; header: string[]; head: number[]; lines?: number[] }>();
  const tableLines = new Set<number>();
  // A grid table none of whose header words could be pinned to a column gives way to a layout table read over the
  // same lines: its rows would carry no column labels.
  const pinned = (t: TableModel) => t.header.some((r) => r.cells.some((c) => c.col >= 1));
  const layouts = layoutTables(lines, linesOf(grid.filter(pinned)));
  const laidOut = new Set(layouts.flatMap((l) => l.rows.filter((r) => r.cells.filter((c) => c !== '').length >= 2).flatMap((r) => r.lines ?? [r.line])));
  const tables = grid.filter((t) => pinned(t) || !t.body.some((r) => laidOut.has(r.line)));
  // Tables the grid reader could not pin: their rows keep their column labels; their header lines stay passages
  // of their own too, since a layout guess may be wrong and their words must still be found.
  for (const layout of layouts) {
    for (const r of layout.rows) {
      if (r.cells.filter((c) => c !== '').length < 2) continue;
      rowAt.set(r.line, { unit: layout.unit, cells: r.cells, header: layout.header, head: layout.headerLines, ...(r.lines ? { lines: r.lines } : {}) });
      // A cell gone on over further lines: those lines are the row's.
      for (const l of (r.lines ?? []).slice(1)) tableLines.add(l);
    }
  }
  for (const table of tables) {
    for (const r of table.header) tableLines.add(r.line);
    let header = headerCells(table);
    let head = [...table.context.filter((c) => /단\s*위/.test(c.text)).map((c) => c.line), ...table.header.map((r) => r.line)];
    for (const r of table.body) {
      tableLines.add(r.line);
      const cells: string[] = [];
      for (const c of r.cells) cells[c.col] = c.text;
      const row = Array.from(cells, (c) => c ?? '');
      // A row of years ("연도 2020 2021 …") is the header of the rows under it, not a row of figures.
      if (row.length > 2 && row.slice(1).every((c) => c === '' || /^(?:19|20)\d{2}(?:년도?)?$/.test(c.trim()))) {
        header = row;
        head = [...head, r.line];
        continue;
      }
      rowAt.set(r.line, { unit: unitOfTable(table), cells: row, header, head });
    }
  }
  // Tables flattened one cell a line, column by column or row by row: their rows are emitted where the table starts.
  const columnTables = new Map<number, LineCellTable>();
  const flatLines = new Set<number>();
  for (const t of [...safeFlatTables(columnMajorTables, lines), ...safeFlatTables(rowMajorTables, lines)]) {
    const span = Array.from({ length: t.end - t.start + 1 }, (_, n) => t.start + 1 + n);
    if (span.some((l) => tableLines.has(l) || rowAt.has(l) || flatLines.has(l))) continue;
    columnTables.set(t.start + 1, t);
    for (const l of span) flatLines.add(l);
  }
  const contents = contentsTitles(lines);
  const width = Math.max(40, ...lines.map((l) => (l.length <= MAX_LINE ? l.trim().length : 0)));
  const blocks: DocBlock[] = [];
  /**
   * Rows of tables flattened one cell a line: their cells are their lines. A row written row by row keeps its lines
   * as written (a cell's note the reader left out of the cell, "60,297백만원 (TF 운영비 4백만원 증액)", is there);
   * one written column by column does not (its lines are interleaved with the other rows').
   */
  const flatRows = new Map<number, boolean>();
  const headings: Array<{ level: number; text: string; line: number }> = [];
  const items: Array<{ level: number; text: string; lines: [number, number] }> = [];
  // Where the heading and the parent item quoted with a block were read, so a quote cites every line it shows.
  const context = (): Pick<DocBlock, 'sectionLine'> => (headings.length ? { sectionLine: headings.at(-1)!.line } : {});
  const parentOf = (): Pick<DocBlock, 'parent' | 'parentLines'> =>
    items.length ? { parent: items.at(-1)!.text, parentLines: [...items.at(-1)!.lines] } : {};
  let open: DocBlock | null = null;
  const section = () => headings.map((h) => h.text);
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };

  // Indent of the last non-blank line, and of numbered lines read as items: "1." under a note is a list, not a section.
  let previousIndent = 0;
  let previousHeading = true;
  let listedNumberIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    // A page break starts a new block; the line it begins is read like any other.
    if (/^\f/.test(lines[i]!)) close();
    const raw = lines[i]!.replace(/^\f+/, '');
    const t = raw.trim();
    if (t === '' || /^[-=_~·.\s]{3,}$/.test(t)) {
      close();
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const wasHeading = previousHeading;
    const aboveIndent = previousIndent;
    previousIndent = indent;
    previousHeading = false;
    const flat = columnTables.get(lineNo);
    if (flat) {
      close();
      for (const r of flat.rows) {
        const sorted = [...r.lines].sort((a, b) => a - b);
        flatRows.set(blocks.length, sorted.every((l, n) => l === sorted[0]! + n));
        blocks.push({
          kind: 'row',
          text: r.text ?? r.cells.join(' | '),
          lines: [Math.min(...r.lines), Math.max(...r.lines)],
          section: section(),
          ...context(),
          level: 0,
          table: { header: flat.header, cells: r.cells, unit: flat.unit, head: flat.headerLines },
        });
      }
      i = flat.end;
      continue;
    }
    const row = rowAt.get(lineNo);
    if (row) {
      close();
      blocks.push({
        kind: 'row',
        text: row.cells.filter((c) => c !== '').join(' | '),
        lines: [lineNo, row.lines ? Math.max(...row.lines) : lineNo],
        section: section(),
        ...context(),
        level: 0,
        table: { header: row.header, cells: row.cells, unit: row.unit, head: row.head },
      });
      continue;
    }
    if (tableLines.has(lineNo)) {
      // A header line is read with its rows; it is never an answer of its own.
      close();
      continue;
    }
    // A section number in a box of its own line, its title on the next ("13" / "사업설명회 개최 안내 및 문의처"): a
    // heading when the contents list that number with that title (a bare number is as often a page or a cell).
    const boxed = /^\d{1,2}$/.test(t) ? contents.get(t) : undefined;
    if (boxed && squash(lines[i + 1] ?? '') === boxed) {
      close();
      const title = lines[i + 1]!.trim();
      while (headings.length && headings.at(-1)!.level >= 1) headings.pop();
      blocks.push({ kind: 'heading', text: title, lines: [lineNo, lineNo + 1], section: section(), ...context(), level: 1, number: t });
      headings.push({ level: 1, text: title, line: lineNo + 1 });
      items.length = 0;
      previousHeading = true;
      i++;
      continue;
    }
    let marker = markerOf(raw);
    if (marker?.kind === 'heading' && marker.level === 1 && /^\d/.test(t)) {
      // Numbered lines set in deeper than the text above them (or than a sibling already read so) are a list.
      if ((!wasHeading && indent > aboveIndent) || indent === listedNumberIndent) {
        marker = { ...marker, kind: 'item', level: 2 };
        listedNumberIndent = indent;
      } else listedNumberIndent = -1;
    }
    if (marker && (marker.kind === 'heading' || isBoxHeading(raw, marker))) {
      previousHeading = true;
      close();
      const level = marker.kind === 'heading' ? marker.level : 2;
      while (headings.length && headings.at(-1)!.level >= level) headings.pop();
      const number = marker.number === undefined ? {} : { number: marker.number };
      blocks.push({ kind: 'heading', text: marker.text, lines: [lineNo, lineNo], section: section(), ...context(), level, ...number });
      headings.push({ level, text: marker.text, line: lineNo });
      items.length = 0;
      continue;
    }
    if (marker) {
      close();
      while (items.length && items.at(-1)!.level >= marker.level) items.pop();
      const number = marker.number === undefined ? {} : { number: marker.number };
      open = { kind: 'item', text: marker.text, lines: [lineNo, lineNo], section: section(), ...context(), level: marker.level, ...number, ...parentOf() };
      items.push({ level: marker.level, text: marker.text, lines: [lineNo, lineNo] });
      continue;
    }
    if (open && continues(lines[i - 1] ?? '', raw, open)) {
      const o: DocBlock = open;
      o.text = joinWrapped(o.text, t, width);
      o.lines = [o.lines[0], lineNo];
      if (o.kind === 'item') Object.assign(items[items.length - 1]!, { text: o.text, lines: [...o.lines] });
      continue;
    }
    close();
    open = { kind: 'paragraph', text: t, lines: [lineNo, lineNo], section: section(), ...context(), level: 0, ...parentOf() };
  }
  close();
  // Each block's lines as written, where its text is not its one line (a row of a flattened table is its cells).
  blocks.forEach((b, k) => {
    if (flatRows.get(k) === false) return;
    const written = lines.slice(b.lines[0] - 1, b.lines[1]).map((l) => l.replace(/^\f+/, '').trimEnd());
    if (written.length > 1 || written[0] !== b.text) b.written = written;
  });
  // A table's header lines as written, kept once: on the first row naming them.
  const headsKept = new Set<number>();
  for (const b of blocks) {
    const head = b.table?.head;
    if (!head?.length || head.every((n) => headsKept.has(n))) continue;
    b.table!.headWritten = head.map((n) => (lines[n - 1] ?? '').replace(/^\f+/, '').trimEnd());
    for (const n of head) headsKept.add(n);
  }
  return blocks;
}

const squash = (t: string) => t.replace(/\s+/g, '');

/** Contents entries "13. 사업설명회 개최 안내 및 문의처<tab>22": each section number's title, spaces left out. */
function contentsTitles(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    if (l.length > 120) continue;
    const m = /^\s*(\d{1,2})\s*[.．]\s*([가-힣].*?)\s*(?:\t|\s{2,}|[.·…]{3,})\s*\d{1,3}\s*$/.exec(l);
    if (m && !out.has(m[1]!)) out.set(m[1]!, squash(m[2]!));
  }
  return out;
}

/** The next line carries on the open block: no marker, not a label : value line of its own, not a unit line. */
function continues(previous: string, line: string, open: DocBlock): boolean {
  if (previous.trim() === '' || isUnitLine(line) || open.text.length > 1_500) return false;
  // Lines laid out in columns (a table the reader could not pin, a header block) are read one line a passage:
  // joined, a column's cells would run into the next row's.
  if (COLUMN_GAP.test(previous.trim()) || COLUMN_GAP.test(line.trim())) return false;
  if (/^\s*[가-힣A-Za-z][가-힣A-Za-z\s·]{0,14}\s*[:：]/.test(line) && /[:：]/.test(open.text)) return false;
  // A line starting far right of the block is a column of its own (layout mode), not a continuation.
  const indent = line.length - line.trimStart().length;
  const prevIndent = previous.length - previous.trimStart().length;
  return indent <= prevIndent + 8;
}

function safeFlatTables(read: (lines: string[]) => LineCellTable[], lines: string[]): LineCellTable[] {
  try {
    return read(lines);
  } catch {
    return [];
  }
}

function safeTables(lines: string[]): TableModel[] {
  try {
    return textTables(lines);
  } catch {
    return [];
  }
}

/** Per value column, the header cells above it joined top to bottom ("2024년" over "확정(B)"). */
function headerCells(table: TableModel): string[] {
  const out: string[] = [];
  for (const row of table.header) {
    for (const cell of row.cells) {
      for (let c = cell.col; c < cell.col + Math.max(1, cell.span); c++) out[c] = out[c] ? `${out[c]} ${cell.text}` : cell.text;
    }
  }
  return Array.from(out, (c) => c ?? '');
}

function unitOfTable(table: TableModel): string | null {
  for (const c of [...table.context].reverse()) {
    const m = /단\s*위\s*[:：]\s*([^)\]>]+)/.exec(c.text);
    if (m) return m[1]!.trim();
  }
  for (const r of table.header) {
    const m = /단\s*위\s*[:：]\s*([^)\]>]+)/.exec(r.text);
    if (m) return m[1]!.trim();
  }
  return null;
}

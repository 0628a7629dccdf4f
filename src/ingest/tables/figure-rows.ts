/**
 * Tables of label cells then figures, as plans flatten them (tab cells or layout runs): the rows under a unit line
 * and the header lines above them, the row label split into its policy and unit columns, and the header read by
 * position. What the columns mean (years, 계, 증감) is the family's to say.
 */
import { compact } from '../../domain/vocabulary.js';
import type { SourceDocument } from '../document.js';
import { type Cell, layoutCells, lineCells, mergeSpread, tabCells } from './cells.js';

export const TOTAL_LABEL = /^(?:계|합계|총계|총액)$/;
export const NUMERIC_CELL = /^[△▲▽-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
export const DASH_CELL = /^[-–—]$/;

export interface FigureRow {
  line: number;
  /** Every label cell closed up: "합계", "기타수입". */
  full: string;
  /** The finest label: the 단위사업 of a "정책사업 | 단위사업" row, else the whole label as written. */
  item: string;
  labels: Cell[];
  /** How many cells precede the values (tab tables keep empty cells, so headers align by position). */
  labelCount: number;
  values: string[];
  indent: number;
}

/** A data row: label cells, then numbers or dashes to the end of the line. */
export function figureRow(line: string, lineNo: number): FigureRow | null {
  const tabbed = line.includes('\t');
  const cells = tabbed ? tabCells(line).map((text) => ({ text, offset: 0 })) : layoutCells(line);
  let k = cells.length;
  while (k > 0 && isFigureCell(cells[k - 1]!.text)) k--;
  const values = cells.slice(k).map((c) => c.text);
  const labels = cells.slice(0, k).filter((c) => c.text !== '');
  if (values.filter((v) => v !== '').length === 0 || labels.length === 0) return null;
  if (!labels.every((c) => /[가-힣]/.test(c.text))) return null;
  return {
    line: lineNo,
    full: compact(labels.map((c) => c.text).join('')),
    item: mergeSpread(labels).join(' '),
    labels,
    labelCount: k,
    values: tabbed ? values : values.filter((v) => v !== ''),
    indent: line.length - line.trimStart().length,
  };
}

function isFigureCell(text: string): boolean {
  return text === '' || NUMERIC_CELL.test(text) || DASH_CELL.test(text);
}

/**
 * The table under a unit line (0-based index) down to `to` (exclusive): the lines above its first row are its
 * header, page numbers are skipped, three blank lines or a line that is neither a row nor a lone label end it.
 */
export function figureTableBelow(lines: string[], unitIndex: number, to: number): { header: string[]; rows: FigureRow[] } {
  const header: string[] = [];
  const rows: FigureRow[] = [];
  let blanks = 0;
  for (let i = unitIndex + 1; i < to && i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (++blanks >= 3 && rows.length > 0) break;
      continue;
    }
    blanks = 0;
    if (/^\s*\d{1,3}\s*$/.test(line)) continue;
    const row = figureRow(line, i + 1);
    if (row) {
      rows.push(row);
      continue;
    }
    if (rows.length > 0) {
      // A label on its own line ("인재개발원", "운   영") belongs to the policy column; anything else ends the table.
      if (/^[\s가-힣]+$/.test(line) && compact(line).length <= 12 && !/^\s*[□■○ㅇ]/.test(line)) continue;
      break;
    }
    header.push(line);
  }
  splitPolicyColumn(rows);
  return { header, rows };
}

/**
 * "정책사업 | 단위사업" tables write the policy name at the left margin and the unit beside it; rows that give only a
 * unit start indented. Cells left of that indent are the policy name, the rest the unit (the item we keep).
 */
function splitPolicyColumn(rows: FigureRow[]): void {
  const indents = rows.filter((r) => r.indent >= 4 && !TOTAL_LABEL.test(r.full)).map((r) => r.indent);
  if (indents.length === 0) return;
  const unitStart = Math.min(...indents);
  for (const row of rows) {
    if (row.indent >= unitStart || TOTAL_LABEL.test(row.full)) continue;
    // Spread letters ("인   력     운   영   비") begin a little left of the column's indent.
    const unitCells = row.labels.filter((c, k) => k > 0 && c.offset >= unitStart - 4);
    if (unitCells.length > 0) row.item = mergeSpread(unitCells).join(' ');
  }
}

/** Header cells by position, for tab tables (with a sub-header row) and layout headers that match the rows. */
export function headerByPosition(header: string[], rows: FigureRow[]): string[] | null {
  if (header.length === 0) return null;
  if (header.some((h) => h.includes('\t'))) {
    const labelCount = rows[0]!.labelCount;
    const grid = header.map(tabCells);
    const width = Math.max(...grid.map((g) => g.length));
    const labels: string[] = [];
    for (let c = labelCount; c < width; c++) {
      let label = '';
      for (const g of grid) if (g[c]) label = g[c]!;
      labels.push(label);
    }
    return labels;
  }
  for (const h of header) {
    const cells = lineCells(h);
    const width = Math.max(...rows.map((r) => r.values.length));
    if (cells.length === width + 1 && cells.every((c) => !NUMERIC_CELL.test(c))) return cells.slice(1);
  }
  return null;
}

/**
 * The figure table under a document's unit line (1-based) down to line `to` (inclusive): the table layer reads the
 * text, as it does for the model's tables, so a family hands it the document rather than its lines.
 */
export function documentFigureTableBelow(doc: SourceDocument, unitLine: number, to: number): { header: string[]; rows: FigureRow[] } {
  return figureTableBelow(doc.lines, unitLine - 1, to);
}

/**
 * Paragraphs and tables read from an office file → the lines ingestion stores: a paragraph a line, a table row a
 * line of tab-separated cells (what src/ingest/tables reads), with where each line stands in the file.
 */

/**
 * `spansFill`: a place a header cell (first row or column) spans over counts as filled when telling a form from a
 * data table (a PDF's ruled table, whose 2-row header spans "2024년" over 정부안 and 확정). HWPX leaves it off:
 * its approval forms lay out labels with spans, and read as forms.
 */
export type Block = { kind: 'paragraph'; text: string; heading?: boolean } | { kind: 'table'; cells: TableCell[]; spansFill?: boolean };

export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  content: Block[];
}

export interface PlacedLines {
  lines: string[];
  locators: Array<string | null>;
}

export function blocksToText(blocks: Block[]): PlacedLines {
  const out = new LineWriter();
  out.blocks(blocks);
  return { lines: out.lines, locators: out.locators };
}

class LineWriter {
  readonly lines: string[] = [];
  readonly locators: Array<string | null> = [];
  private paragraphs = 0;
  private tables = 0;

  blocks(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        this.paragraph(b.text);
        // A blank line ends a heading: the model would otherwise read the next paragraph as its wrapped rest.
        if (b.heading && this.lines.length && this.lines[this.lines.length - 1] !== '') this.push('', null);
      }
      else if (isLayoutTable(b.cells)) for (const cell of byPosition(b.cells)) this.blocks(cell.content);
      else this.table(b.cells, b.spansFill ?? false);
    }
  }

  private paragraph(text: string): void {
    this.paragraphs++;
    for (const line of text.split('\n')) {
      const clean = bullets(line).trimEnd();
      if (clean.trim() === '') continue;
      this.push(clean, `문단 ${this.paragraphs}`);
    }
  }

  private table(cells: TableCell[], spansFill: boolean): void {
    this.tables++;
    const rows = tableRows(cells);
    if (isFieldBox(rows)) {
      rows.forEach((row, r) => {
        const [label, value] = row.cells.filter((c) => c !== '');
        if (value !== undefined) this.push(`${label} : ${value}`, `표 ${this.tables} · ${r + 1}행`);
        else for (const line of row.lines.flat()) this.push(line, `표 ${this.tables} · ${r + 1}행`);
      });
      return;
    }
    if (isForm(rows, spansFill)) {
      rows.forEach((row, r) =>
        row.lines.forEach((lines, c) => {
          for (const line of lines) this.push(line, `표 ${this.tables} · ${r + 1}행 ${c + 1}열`);
        }),
      );
      return;
    }
    rows.forEach((row, r) => {
      // A title row across the whole table reads as a line of text, not a row of one cell and blanks.
      this.push(row.across ?? row.spread.join('\t'), `표 ${this.tables} · ${r + 1}행`);
    });
  }

  private push(line: string, locator: string | null): void {
    this.lines.push(line);
    this.locators.push(locator);
  }
}

/**
 * The table's rows of cell texts. A spanned cell's text stands in its first row and column; the other places it
 * covers stay empty, so a figure never appears in a row or column it does not belong to. Rows with no text and
 * columns where no text starts (spacers, and the grid lines a span only covers) are dropped. `across` is the text of a row that one cell fills from side to side.
 */
interface Row {
  cells: string[];
  /** The cells with spanning labels repeated over the columns they span (for a data table's tab row). */
  spread: string[];
  /** Per kept cell, its paragraphs one a line (a form's cell reads as the lines it holds). */
  lines: string[][];
  across: string | null;
  /** Kept places that a header cell with text starting elsewhere spans over (not empty: that cell's). */
  covered: number;
}

function tableRows(cells: TableCell[]): Row[] {
  const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
  const grid: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  const starts = new Map<string, TableCell>();
  for (const c of cells)
    if (c.row < rows && c.col < cols) {
      grid[c.row]![c.col] = cellText(c.content);
      starts.set(`${c.row},${c.col}`, c);
    }
  const spanned: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  // Only a header's spans (a cell in the first row or column), as a data table spans: a diagram drawn as boxes
  // (an organisation chart) spans anywhere and stays a form.
  for (const c of cells)
    if (grid[c.row]?.[c.col] && (c.row === 0 || c.col === 0))
      for (let r = c.row; r < Math.min(rows, c.row + c.rowSpan); r++)
        for (let col = c.col; col < Math.min(cols, c.col + c.colSpan); col++) if (r !== c.row || col !== c.col) spanned[r]![col] = true;
  const linesAt = (r: number, col: number): string[] => {
    const c = starts.get(`${r},${col}`);
    return c ? cellLines(c.content) : [];
  };
  // A column is kept where some cell with text starts; the columns a span only covers go with it.
  const keepCols = [...Array(cols).keys()].filter((col) => grid.some((row) => row[col] !== ''));
  const out: Row[] = [];
  grid.forEach((row, r) => {
    const kept = keepCols.map((col) => row[col]!);
    const filled = keepCols.filter((col) => row[col] !== '');
    if (filled.length === 0) return;
    const only = filled.length === 1 ? starts.get(`${r},${filled[0]}`) : undefined;
    const across =
      only && keepCols.length > 1 && keepCols.every((col) => only.col <= col && col < only.col + only.colSpan)
        ? row[only.col]!
        : null;
    const covered = keepCols.filter((col) => row[col] === '' && spanned[r]![col]).length;
    out.push({ cells: kept, spread: spreadLabels(kept, keepCols, r, starts), lines: keepCols.map((col) => linesAt(r, col)), across, covered });
  });
  return out;
}

/**
 * A box of fields ("문서번호 | 청년사업담당관-8074", "제목 | …"): no row holds more than a label and its value. Each
 * row reads as "label : value", the way the document model reads fields written out.
 */
function isFieldBox(rows: Row[]): boolean {
  return rows.every((r) => {
    const filled = r.cells.filter((c) => c !== '');
    return filled.length === 1 || (filled.length === 2 && LABEL.test(filled[0]!));
  }) && rows.some((r) => r.cells.filter((c) => c !== '').length === 2);
}

const LABEL = /^[가-힣()·\s]{1,12}$/;

/**
 * A form drawn on a grid (an approval line, a 시행문's foot: labels and values in boxes of every width) rather than
 * rows of data: many places of its grid are empty. Its cells read as lines, a label above its value, as a form is
 * read; tab rows would put unrelated boxes side by side as columns (a data table leaves few of its places empty).
 */
function isForm(rows: Row[], spansFill: boolean): boolean {
  const places = rows.reduce((n, r) => n + r.cells.length, 0);
  const filled = rows.reduce((n, r) => n + r.cells.filter((c) => c !== '').length + (spansFill ? r.covered : 0), 0);
  return places > 0 && filled / places < 0.75;
}

/**
 * A label spanning columns ("예산(백만원)" over "2024년 | 2025년") names each column it spans: its text is repeated
 * there, so every column's header reads whole. A cell with a figure is never repeated.
 */
function spreadLabels(kept: string[], keepCols: number[], r: number, starts: Map<string, TableCell>): string[] {
  const out = [...kept];
  keepCols.forEach((col, k) => {
    if (out[k] !== '') return;
    // The cell spanning here starts at a kept column to the left in this row.
    for (let j = k - 1; j >= 0; j--) {
      const c = starts.get(`${r},${keepCols[j]}`);
      if (!c) continue;
      const label = kept[j] ?? '';
      if (col < c.col + c.colSpan && label && !/\d/.test(label)) out[k] = label;
      break;
    }
  });
  return out;
}

/** A cell's paragraphs one a line (a nested table's cells each a line). */
function cellLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(...b.text.split('\n'));
    else for (const c of byPosition(b.cells)) out.push(...cellLines(c.content));
  }
  return out
    .map((l) => bullets(l).replace(/\t+/g, ' ').trimEnd())
    .filter((l) => l.trim() !== '');
}

/** A cell's text on one line: paragraphs and line breaks become spaces, a nested table's cells too. */
function cellText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') parts.push(b.text);
    else for (const c of byPosition(b.cells)) parts.push(cellText(c.content));
  }
  return bullets(parts.join(' '))
    .replace(/[\t\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * A table that lays out the page rather than holding data: one column (a box around text), or a cell holding
 * another table. Its content is read as the paragraphs and tables it holds.
 */
function isLayoutTable(cells: TableCell[]): boolean {
  if (cells.some((c) => c.content.some((b) => b.kind === 'table'))) return true;
  const filledCols = new Set(cells.filter((c) => cellText(c.content) !== '').map((c) => c.col));
  return filledCols.size <= 1;
}

function byPosition(cells: TableCell[]): TableCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** 한글 draws bullets in symbol fonts whose glyphs sit in the private use area; as text they are these. */
const PRIVATE_BULLETS: Record<string, string> = {
  '\uf06c': '●',
  '\uf06d': '❍',
  '\uf06e': '■',
  '\uf06f': '□',
  '\uf075': '◆',
  '\uf09f': '•',
  '\uf0a7': '▪',
  '\uf0a8': '◆',
  '\uf0d8': '➢',
  '\uf0e0': '➢',
  '\uf0fc': '✓',
  '\uf0fe': '☑',
};

function bullets(text: string): string {
  // Plane-15 glyphs (U+F0000…) are left as they are: the document model reads them as item markers.
  return text.replace(/[\ue000-\uf8ff]/g, (c) => PRIVATE_BULLETS[c] ?? '•');
}

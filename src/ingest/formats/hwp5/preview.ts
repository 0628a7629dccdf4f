/**
 * An HWP 5 file's PrvText: the first thousand or so characters of the document that 한글 stores for previews,
 * UTF-16, a paragraph a line and a table row a line of cells in angle brackets ("<구 분><내  용>").
 */
import type { Block, TableCell } from '../layout.js';

const ROW = /^<.*>$/;

export function previewBlocks(text: string): Block[] {
  const out: Block[] = [];
  let rows: string[][] = [];
  const flushTable = () => {
    if (rows.length && sameWidth(rows)) out.push(tableOf(rows));
    // Rows of different widths had spans the preview does not keep: as columns their figures would stand under
    // the wrong header, so each row reads as a line of text.
    else for (const row of rows) out.push({ kind: 'paragraph', text: row.filter((c) => c.trim()).join(' ') });
    rows = [];
  };
  // The preview stops mid-document: a last line cut short of its closing bracket is still a row.
  for (const line of text.replace(/\0+$/, '').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('<') && (ROW.test(trimmed) || trimmed.includes('><'))) {
      rows.push(trimmed.replace(/^<|>$/g, '').split('><'));
      continue;
    }
    flushTable();
    if (trimmed !== '') out.push({ kind: 'paragraph', text: line });
  }
  flushTable();
  return out;
}

/** Every row of more than one cell has as many cells as the others. */
function sameWidth(rows: string[][]): boolean {
  return new Set(rows.filter((r) => r.length > 1).map((r) => r.length)).size <= 1;
}

/**
 * The preview drops spans: each row's cells from the left, one column each, but for a row of one cell (a note or a
 * title under or over the table), which spans the table as it does on the page.
 */
function tableOf(rows: string[][]): Block {
  const width = Math.max(...rows.map((r) => r.length));
  const cells: TableCell[] = rows.flatMap((cellsOfRow, row) =>
    cellsOfRow.map((text, col) => ({
      row,
      col,
      rowSpan: 1,
      colSpan: cellsOfRow.length === 1 ? width : 1,
      content: text.trim() ? [{ kind: 'paragraph' as const, text }] : [],
    })),
  );
  return { kind: 'table', cells };
}

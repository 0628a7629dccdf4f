/**
 * hwp.js's parse of an HWP 5 file (its sections, as the child sends them) → paragraphs and tables. A paragraph is a
 * list of characters: text, inline controls (a tab) and extended controls, each of the latter one of the paragraph's
 * controls in order; a table control holds its rows of cells. hwp.js reads no text boxes.
 */
import type { Block, TableCell } from '../layout.js';
import { LINE_BREAK, TAB } from './controls.js';

export type HwpJsSections = Array<{ content?: HwpJsParagraph[] }>;

interface HwpJsParagraph {
  content?: Array<{ type: number; value: string | number }>;
  controls?: HwpJsControl[];
}

interface HwpJsControl {
  rowCount?: number;
  content?: HwpJsCell[][] | unknown[];
}

interface HwpJsCell {
  attribute?: { row?: number; column?: number; rowSpan?: number; colSpan?: number };
  items?: HwpJsParagraph[];
}

const CHAR = 0;
const INLINE = 1;
const EXTENDED = 2;

export function hwpJsBlocks(sections: HwpJsSections): Block[] {
  const out: Block[] = [];
  for (const section of sections) for (const p of section.content ?? []) readParagraph(p, out);
  return out;
}

function readParagraph(p: HwpJsParagraph, out: Block[]): void {
  const controls = p.controls ?? [];
  let text = '';
  let next = 0;
  const flush = () => {
    if (text.trim() !== '') out.push({ kind: 'paragraph', text });
    text = '';
  };
  for (const c of p.content ?? []) {
    if (c.type === CHAR) {
      if (typeof c.value === 'string') text += c.value;
      else if (c.value === LINE_BREAK) text += '\n';
      else if (c.value >= 24 && c.value <= 31) text += ' ';
    } else if (c.type === INLINE) {
      if (c.value === TAB) text += '\t';
    } else if (c.type === EXTENDED) {
      const table = tableOf(controls[next++]);
      if (table) {
        flush();
        out.push(table);
      }
    }
  }
  flush();
}

function tableOf(control: HwpJsControl | undefined): Block | null {
  if (!control?.rowCount || !Array.isArray(control.content)) return null;
  const cells: TableCell[] = [];
  for (const row of control.content as HwpJsCell[][]) {
    if (!Array.isArray(row)) continue;
    for (const cell of row) {
      const a = cell.attribute ?? {};
      const content: Block[] = [];
      for (const p of cell.items ?? []) readParagraph(p, content);
      cells.push({
        row: a.row ?? 0,
        col: a.column ?? 0,
        rowSpan: Math.max(1, a.rowSpan ?? 1),
        colSpan: Math.max(1, a.colSpan ?? 1),
        content,
      });
    }
  }
  return { kind: 'table', cells };
}

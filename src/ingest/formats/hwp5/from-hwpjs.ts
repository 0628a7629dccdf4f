/**
 * @ohah/hwpjs's JSON of an HWP 5 file → paragraphs and tables. Its paragraphs carry their text with the control
 * characters taken out and listed by position (in the record's UTF-16 units), and the controls themselves (tables,
 * text boxes, headers) as ctrl_header records in the same order; a table or text box is put where its control
 * stands in the paragraph's text.
 */
import type { Block, TableCell } from '../layout.js';
import { controlWidth, EXTENDED_CONTROLS, KEPT_CONTROLS, LINE_BREAK } from './controls.js';

export interface HwpjsDocument {
  body_text?: { sections?: Array<{ paragraphs?: HwpjsParagraph[] }> };
  summary_information?: { title?: string; last_saved_time?: string } | null;
}

interface HwpjsParagraph {
  records?: HwpjsRecord[];
}

interface HwpjsRecord {
  type?: string;
  text?: string;
  control_char_positions?: Array<{ position: number; code: number }>;
  ctrl_id?: string;
  children?: HwpjsNode[];
}

/** A control's children: a table, shape components nesting further, a list header holding paragraphs. */
interface HwpjsNode {
  type?: string;
  table?: { cells?: HwpjsCell[] };
  header?: { paragraph_count?: number };
  paragraphs?: HwpjsParagraph[];
  children?: HwpjsNode[];
}

interface HwpjsCell {
  cell_attributes?: { row_address?: number; col_address?: number; row_span?: number; col_span?: number };
  paragraphs?: HwpjsParagraph[];
}

/** Controls whose text is no part of the document's content: hidden comments. */
const SKIPPED_CONTROLS = new Set(['tcmt']);

export function hwpjsBlocks(doc: HwpjsDocument): Block[] {
  const out: Block[] = [];
  for (const section of doc.body_text?.sections ?? []) readParagraphs(section.paragraphs ?? [], out);
  return out;
}

/** The date the file was last saved. Its title property is left: in these files it is a leftover ("□", "2009"). */
export function hwpjsProperties(doc: HwpjsDocument): { date?: string } {
  const date = /^(\d{4}-\d{2}-\d{2})T/.exec(doc.summary_information?.last_saved_time ?? '')?.[1];
  return date && !date.startsWith('1970') ? { date } : {};
}

function readParagraphs(paragraphs: HwpjsParagraph[], out: Block[]): void {
  for (const p of paragraphs) readParagraph(p, out);
}

function readParagraph(p: HwpjsParagraph, out: Block[]): void {
  const records = p.records ?? [];
  const controls = records.filter((r) => r.type === 'ctrl_header');
  const textRecord = records.find((r) => r.type === 'para_text');
  const raw = textRecord?.text ?? '';
  let text = '';
  const flush = () => {
    if (text.trim() !== '') out.push({ kind: 'paragraph', text });
    text = '';
  };
  let from = 0;
  let removed = 0;
  let next = 0;
  for (const c of textRecord?.control_char_positions ?? []) {
    // Where the control stands in the text once the controls before it are taken out (a kept one left its char).
    const at = Math.max(from, Math.min(raw.length, c.position - removed));
    text += raw.slice(from, at);
    from = at;
    removed += controlWidth(c.code) - (KEPT_CONTROLS.has(c.code) ? 1 : 0);
    if (c.code === LINE_BREAK) text += '\n';
    else if (EXTENDED_CONTROLS.has(c.code)) {
      const control = controls[next++];
      if (control && hasContent(control)) {
        flush();
        readControl(control, out);
      }
    }
  }
  text += raw.slice(from);
  flush();
  // Controls the text did not place (a position list that disagrees with the records) still count.
  for (const control of controls.slice(next)) if (hasContent(control)) readControl(control, out);
}

function hasContent(control: HwpjsRecord): boolean {
  return !SKIPPED_CONTROLS.has(control.ctrl_id ?? '') && (control.children?.length ?? 0) > 0;
}

function readControl(control: HwpjsRecord, out: Block[]): void {
  const table = control.ctrl_id === 'tbl ' ? control.children?.find((c) => c.type === 'table')?.table : undefined;
  if (table) out.push({ kind: 'table', cells: (table.cells ?? []).map(readCell) });
  else for (const child of control.children ?? []) readNode(child, out);
}

/** Text boxes, headers and footers: the paragraphs of every list header below the control. */
function readNode(node: HwpjsNode, out: Block[]): void {
  if (node.type === 'list_header' && node.paragraphs) {
    // The library puts the first text box's paragraphs before each later box's own: the box's own are the last
    // ones, as many as its list header counts.
    const count = node.header?.paragraph_count;
    readParagraphs(count ? node.paragraphs.slice(-count) : node.paragraphs, out);
  }
  for (const child of node.children ?? []) readNode(child, out);
}

function readCell(cell: HwpjsCell): TableCell {
  const a = cell.cell_attributes ?? {};
  const content: Block[] = [];
  readParagraphs(cell.paragraphs ?? [], content);
  return {
    row: a.row_address ?? 0,
    col: a.col_address ?? 0,
    rowSpan: Math.max(1, a.row_span ?? 1),
    colSpan: Math.max(1, a.col_span ?? 1),
    content,
  };
}

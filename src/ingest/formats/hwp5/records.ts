/**
 * HWP 5's body records → paragraphs and tables: a section stream (inflated) is a run of records, each a 32-bit
 * header (tag: low 10 bits; level: next 10; size: top 12, 0xFFF meaning a 32-bit size follows) and its payload. A
 * record belongs to the nearest record before it of a lower level: a paragraph (PARA_HEADER) holds its text
 * (PARA_TEXT) and its controls (CTRL_HEADER); a table's control holds the TABLE record, then per cell a LIST_HEADER
 * (address and span) followed by the cell's paragraphs; a text box, header or footer holds paragraphs below it.
 */
import type { Block, TableCell } from '../layout.js';
import { controlWidth, EXTENDED_CONTROLS, LINE_BREAK, TAB } from './controls.js';

/** Tags start at HWPTAG_BEGIN (16); a lower one is a stream that is not records (zeros, garbage). */
const FIRST_TAG = 16;
/** Far past any real body (the largest of the real files has 8 790 records): a bomb of tiny records is refused. */
const MAX_RECORDS = 1_000_000;
const PARA_HEADER = 66;
const PARA_TEXT = 67;
const CTRL_HEADER = 71;
const LIST_HEADER = 72;
const PARAGRAPH_END = 13;

interface RecordNode {
  tag: number;
  level: number;
  payload: Buffer;
  children: RecordNode[];
}

/** Controls whose text is no part of the document's content: hidden comments. */
const SKIPPED_CONTROLS = new Set(['tcmt']);

export function recordBlocks(sections: Buffer[]): Block[] {
  const out: Block[] = [];
  for (const section of sections) readParagraphs(recordTree(section), out);
  return out;
}

/**
 * The records of a stream as a tree by level; a record cut short by the stream's end ends it. Throws on a stream
 * that is not records, or holds more than any document would.
 */
export function recordTree(stream: Buffer): RecordNode[] {
  const roots: RecordNode[] = [];
  const open: RecordNode[] = [];
  let p = 0;
  let count = 0;
  while (p + 4 <= stream.length) {
    if (++count > MAX_RECORDS) throw new Error(`본문 레코드가 ${MAX_RECORDS.toLocaleString('en')}개를 넘습니다`);
    const header = stream.readUInt32LE(p);
    let size = header >>> 20;
    p += 4;
    if (size === 0xfff) {
      if (p + 4 > stream.length) break;
      size = stream.readUInt32LE(p);
      p += 4;
    }
    if (p + size > stream.length) break;
    if ((header & 0x3ff) < FIRST_TAG) throw new Error(`본문 레코드가 손상되었습니다 (${p}번째 바이트)`);
    const node: RecordNode = { tag: header & 0x3ff, level: (header >>> 10) & 0x3ff, payload: stream.subarray(p, p + size), children: [] };
    p += size;
    while (open.length && open[open.length - 1]!.level >= node.level) open.pop();
    (open.length ? open[open.length - 1]!.children : roots).push(node);
    open.push(node);
  }
  return roots;
}

function readParagraphs(nodes: RecordNode[], out: Block[]): void {
  for (const node of nodes) if (node.tag === PARA_HEADER) readParagraph(node, out);
}

/** A paragraph's text with its controls where they stand: a table or text box splits the text around it. */
function readParagraph(paragraph: RecordNode, out: Block[]): void {
  const controls = paragraph.children.filter((c) => c.tag === CTRL_HEADER);
  const units = paragraph.children.find((c) => c.tag === PARA_TEXT)?.payload ?? Buffer.alloc(0);
  let text = '';
  let next = 0;
  const flush = () => {
    if (text.trim() !== '') out.push({ kind: 'paragraph', text });
    text = '';
  };
  for (let i = 0; i + 1 < units.length; ) {
    const code = units.readUInt16LE(i);
    if (code >= 32) {
      // A surrogate pair is two units, decoded together.
      const pair = code >= 0xd800 && code < 0xdc00 && i + 3 < units.length;
      text += units.toString('utf16le', i, i + (pair ? 4 : 2));
      i += pair ? 4 : 2;
      continue;
    }
    i += 2 * controlWidth(code);
    if (code === PARAGRAPH_END) break;
    if (code === LINE_BREAK) text += '\n';
    else if (code === TAB) text += '\t';
    else if (code >= 24) text += code === 24 ? '-' : ' ';
    else if (EXTENDED_CONTROLS.has(code)) {
      const control = controls[next++];
      if (control && readsAsContent(control)) {
        flush();
        readControl(control, out);
      }
    }
  }
  flush();
  for (const control of controls.slice(next)) if (readsAsContent(control)) readControl(control, out);
}

function controlId(control: RecordNode): string {
  // Stored as a little-endian number whose bytes, high first, spell the id ("tbl ", "gso ", "head").
  return control.payload.length >= 4 ? Buffer.from(control.payload.subarray(0, 4)).reverse().toString('latin1') : '';
}

function readsAsContent(control: RecordNode): boolean {
  return control.children.length > 0 && !SKIPPED_CONTROLS.has(controlId(control));
}

function readControl(control: RecordNode, out: Block[]): void {
  if (controlId(control) === 'tbl ') out.push(readTable(control));
  else collectParagraphs(control.children, out);
}

/** Paragraphs anywhere below a text box's, header's or footer's control, in order. */
function collectParagraphs(nodes: RecordNode[], out: Block[]): void {
  for (const node of nodes) {
    if (node.tag === PARA_HEADER) readParagraph(node, out);
    else collectParagraphs(node.children, out);
  }
}

/** LIST_HEADER of a cell: paragraph count (2), unknown (2), flags (4), then column, row, column span, row span. */
function readTable(control: RecordNode): Block {
  const cells: TableCell[] = [];
  let cell: TableCell | null = null;
  for (const node of control.children) {
    if (node.tag === LIST_HEADER && node.payload.length >= 16) {
      const p = node.payload;
      cell = { col: p.readUInt16LE(8), row: p.readUInt16LE(10), colSpan: Math.max(1, p.readUInt16LE(12)), rowSpan: Math.max(1, p.readUInt16LE(14)), content: [] };
      cells.push(cell);
    } else if (node.tag === PARA_HEADER && cell) readParagraph(node, cell.content);
  }
  return { kind: 'table', cells };
}

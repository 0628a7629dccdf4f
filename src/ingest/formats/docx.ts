/**
 * DOCX through mammoth's HTML, which keeps headings and tables with their spans (its raw text flattens cells).
 * The HTML is read as XML: headings and paragraphs a line each, list items with their bullet or number, a table
 * row a line of tab-separated cells.
 */
import mammoth from 'mammoth';
import { IngestError } from '../errors.js';
import type { ExtractedText } from './extracted.js';
import { type Block, blocksToText, type TableCell } from './layout.js';
import { attrsOf, childrenOf, parseXml, tagOf, type XmlNode } from './xml.js';

export async function readDocx(bytes: Buffer, file: string): Promise<ExtractedText> {
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes });
    html = result.value;
    messages = result.messages;
  } catch (err) {
    throw new IngestError(file, `DOCX를 읽지 못했습니다: 파일이 잘렸거나 손상되었습니다 (${(err as Error).message})`);
  }
  let root: XmlNode[];
  try {
    root = parseXml(`<body>${html}</body>`);
  } catch (err) {
    throw new IngestError(file, `DOCX의 본문을 읽지 못했습니다 (${(err as Error).message})`);
  }
  const blocks: Block[] = [];
  readBlocks(root.flatMap(childrenOf), blocks);
  const errors = messages.filter((m) => m.type === 'error').map((m) => `DOCX 일부를 읽지 못했습니다: ${m.message}`);
  return { format: 'docx', ...blocksToText(blocks), warnings: errors };
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function readBlocks(nodes: XmlNode[], out: Block[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (BLOCK_TAGS.has(tag)) out.push({ kind: 'paragraph', text: inlineText(node), heading: tag !== 'p' });
    else if (tag === 'ul' || tag === 'ol') readList(node, out, 0);
    else if (tag === 'table') out.push(readTable(node));
    else if (tag !== '#text') readBlocks(childrenOf(node), out);
  }
}

function readList(list: XmlNode, out: Block[], depth: number): void {
  let n = 0;
  for (const li of childrenOf(list)) {
    if (tagOf(li) !== 'li') continue;
    n++;
    const marker = tagOf(list) === 'ol' ? `${n}.` : '•';
    const own = childrenOf(li).filter((c) => tagOf(c) !== 'ul' && tagOf(c) !== 'ol');
    out.push({ kind: 'paragraph', text: `${'  '.repeat(depth)}${marker} ${own.map(inlineText).join('')}` });
    for (const sub of childrenOf(li)) if (tagOf(sub) === 'ul' || tagOf(sub) === 'ol') readList(sub, out, depth + 1);
  }
}

function inlineText(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  if (tag === 'br') return '\n';
  // Footnote references and images carry no text of the paragraph.
  if (tag === 'sup' || tag === 'img') return '';
  return childrenOf(node).map(inlineText).join('');
}

/** HTML cells have no address: each is placed in the first grid slot its row has free, as a browser lays them out. */
function readTable(table: XmlNode): Block {
  const cells: TableCell[] = [];
  const taken = new Set<string>();
  let row = 0;
  for (const tr of rowsOf(table)) {
    let col = 0;
    for (const td of childrenOf(tr)) {
      const tag = tagOf(td);
      if (tag !== 'td' && tag !== 'th') continue;
      while (taken.has(`${row},${col}`)) col++;
      const a = attrsOf(td);
      const rowSpan = Math.max(1, Number(a['rowspan'] ?? 1) || 1);
      const colSpan = Math.max(1, Number(a['colspan'] ?? 1) || 1);
      for (let r = 0; r < rowSpan; r++) for (let c = 0; c < colSpan; c++) taken.add(`${row + r},${col + c}`);
      const content: Block[] = [];
      readBlocks(childrenOf(td), content);
      cells.push({ row, col, rowSpan, colSpan, content });
      col += colSpan;
    }
    row++;
  }
  return { kind: 'table', cells };
}

function rowsOf(table: XmlNode): XmlNode[] {
  return childrenOf(table).flatMap((n) => {
    const tag = tagOf(n);
    if (tag === 'tr') return [n];
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return childrenOf(n).filter((r) => tagOf(r) === 'tr');
    return [];
  });
}

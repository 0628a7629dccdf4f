/**
 * What answering reads of a document's text: the blocks of its stored model (paragraphs and items with their
 * wrapped lines joined, headings, table rows with their header cells and unit), each with the lines it was read
 * from as its locator. Answering never splits the document's text again.
 */
import type { DocBlock } from '../domain/doc-model.js';
import type { StoredRecord } from '../store/store.js';
import type { Knowledge } from './knowledge.js';

/** The blocks of a record's own lines, in document order. */
export function recordBlocks(knowledge: Knowledge, r: StoredRecord): DocBlock[] {
  const [from, to] = r.record.src.lines;
  return knowledge.blocksAt(r.document.versionId, from, to);
}

/** A block's words, a table row's with its header cells and unit (the header lines are no block of their own). */
export function blockWords(b: DocBlock): string {
  if (!b.table) return b.text;
  return [b.table.header.join(' '), b.table.unit ?? '', b.text].filter(Boolean).join(' ');
}

/**
 * What the model read on these lines, joined: each block's text once, and for a table's header or unit line
 * (never a block of its own) the header cells and unit of the rows under it.
 */
export function writtenOn(knowledge: Knowledge, versionId: number, lines: number[]): string {
  if (lines.length === 0) return '';
  const from = Math.min(...lines);
  const to = Math.max(...lines);
  const blocks = knowledge.blocksAt(versionId, from, to);
  const out: string[] = [];
  const seen = new Set<DocBlock>();
  const heads = new Set<string>();
  for (const n of lines) {
    const own = blocks.find((b) => b.lines[0] <= n && n <= b.lines[1]);
    if (own) {
      if (!seen.has(own)) out.push(own.text);
      seen.add(own);
      continue;
    }
    // A header line: the first row that names it among its head lines carries its cells.
    const row = knowledge.blocksAt(versionId, n, n + 40).find((b) => b.table?.head?.includes(n));
    if (!row?.table) continue;
    const head = [row.table.header.join(' '), row.table.unit ? `단위: ${row.table.unit}` : ''].join(' ');
    if (!heads.has(head)) out.push(head);
    heads.add(head);
  }
  return out.join(' ');
}

/**
 * Line numbers as ranges: two lines join when no block stands between them (only blank lines, rules or the
 * table's own header lines are there).
 */
export function lineRuns(knowledge: Knowledge, versionId: number, lines: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const l of [...new Set(lines)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && (l <= last[1] + 1 || knowledge.blocksAt(versionId, last[1] + 1, l - 1).length === 0)) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** A line the model read, as written (indentation kept), or a row of a flattened table over the lines of its cells. */
export interface WrittenLine {
  /** The line, or the first line of a flattened table's row. */
  n: number;
  /** The last line: `n` but for a flattened table's row, whose cells stand one a line. */
  last: number;
  text: string;
  block: DocBlock;
}

/**
 * The lines of the blocks on lines `from`..`to`, one entry a line, as written: for a reader of one line of a
 * block (a cell of a table flattened one cell a line that no table reader recognised, one line of an org chart).
 * A row of a table the model read from cells one a line is one entry, its cells joined; the lines no block was
 * read from (blank lines, rules, a table's header lines: the rows carry their cells) are not there.
 */
export function writtenLines(knowledge: Knowledge, versionId: number, from = 1, to = Number.MAX_SAFE_INTEGER): WrittenLine[] {
  const out: WrittenLine[] = [];
  for (const block of knowledge.blocksAt(versionId, from, to)) {
    const [a, b] = block.lines;
    if (!block.written && a < b) {
      // A flattened table's row (or a block stored before its lines were kept): its text over its lines.
      if (a >= from) out.push({ n: a, last: Math.min(b, to), text: block.text, block });
      continue;
    }
    const written = block.written ?? [block.text];
    written.forEach((text, k) => {
      const n = a + k;
      if (n >= from && n <= to) out.push({ n, last: n, text, block });
    });
  }
  return out.sort((x, y) => x.n - y.n);
}

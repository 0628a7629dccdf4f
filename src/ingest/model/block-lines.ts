/**
 * The lines the document model's blocks were read from, as written, for a family whose form is laid out one cell
 * a line (a record of "부서" / its value) or one row a line: the model keeps each block's lines as written for
 * such a reader (doc-model.ts, `written`), and a table's header lines on its first row (`headWritten`).
 */
import type { DocBlock } from '../../domain/doc-model.js';

export interface BlockLine {
  /** 1-based line of the document. */
  n: number;
  /** The line as written: indentation kept, trailing spaces off. */
  text: string;
  block: DocBlock;
}

/**
 * Every line of the blocks in line order, each once: a block's written lines (its text when that is its one line)
 * and the header lines of its table. Blank lines and rules ("-----") are no block's and are not here; a row of a
 * table flattened one cell a line keeps its cells, not its lines, and gives its cells one a line from its first.
 */
export function blockLines(blocks: readonly DocBlock[]): BlockLine[] {
  const byLine = new Map<number, BlockLine>();
  const put = (n: number, text: string, block: DocBlock) => {
    if (!byLine.has(n)) byLine.set(n, { n, text, block });
  };
  for (const block of blocks) {
    const head = block.table?.head ?? [];
    block.table?.headWritten?.forEach((text, k) => put(head[k]!, text, block));
    const [from, to] = block.lines;
    if (block.written) block.written.forEach((text, k) => put(from + k, text, block));
    else if (from === to) put(from, block.text, block);
    else if (block.table) block.table.cells.filter((c) => c !== '').forEach((c, k) => put(from + k, c, block));
  }
  return [...byLine.values()].sort((a, b) => a.n - b.n);
}

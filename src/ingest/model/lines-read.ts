/**
 * The lines a document's model was read from, as written, each with its block: for a family that reads one line of
 * a block (a value the PDF export put on a line of its own, a glyph heading the model joined into a paragraph).
 * Blank lines and rules are no block and are not here; a table's header lines, no block of their own, are read
 * from the first row that names them; a row of a table the model read from cells one a line is read back cell by
 * cell where its cells stand at equal steps (row by row, or column by column), else it is one entry over its lines.
 */
import type { DocBlock, DocModel } from '../../domain/doc-model.js';

export interface LineRead {
  /** 1-based line (the first line of a flattened table's row read as one entry). */
  n: number;
  /** The last line: `n` but for a flattened table's row read as one entry. */
  last: number;
  /** As written: indentation kept, trailing spaces off (a flattened table's cell as the model read it). */
  text: string;
  /** The block the line was read into; for a table's header line, the first row under it. */
  block: DocBlock;
  /** A table's header or unit line, read with the rows under it. */
  head: boolean;
}

const kept = new WeakMap<DocModel, LineRead[]>();

/** Every line the model read, in document order (computed once per model). */
export function linesRead(model: DocModel): LineRead[] {
  const cached = kept.get(model);
  if (cached) return cached;
  const out: LineRead[] = [];
  const seen = new Set<number>();
  const put = (n: number, last: number, text: string, block: DocBlock, head: boolean) => {
    out.push({ n, last, text, block, head });
    for (let k = n; k <= last; k++) seen.add(k);
  };
  for (const block of model.blocks) {
    const [a, b] = block.lines;
    const cells = !block.written && a < b ? block.table?.cells : undefined;
    const step = cells && cells.length > 1 && (b - a) % (cells.length - 1) === 0 ? (b - a) / (cells.length - 1) : 0;
    if (cells && step > 0) cells.forEach((text, k) => put(a + k * step, a + k * step, text, block, false));
    else if (!block.written && a < b) put(a, b, block.text, block, false);
    else (block.written ?? [block.text]).forEach((text, k) => put(a + k, a + k, text, block, false));
    const { head, headWritten } = block.table ?? {};
    head?.forEach((n, k) => {
      if (!seen.has(n) && headWritten) put(n, n, headWritten[k] ?? '', block, true);
    });
  }
  out.sort((x, y) => x.n - y.n);
  kept.set(model, out);
  return out;
}

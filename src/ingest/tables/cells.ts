/**
 * Cells of one line of a flattened table, the one place a line is split into cells: tab-separated cells,
 * layout-mode runs (two or more spaces between cells), and justified labels spread over several runs closed up.
 * The table readers (text.ts, and the families' tables through rows.ts) all split lines here.
 */

/** A cell of a layout line with its character offset. */
export interface Cell {
  text: string;
  offset: number;
}

export function tabCells(line: string): string[] {
  return line.split('\t').map((c) => c.trim());
}

/** Columns of a layout-mode line: two or more spaces separate cells; single spaces stay inside a cell. */
export function spaceCells(line: string): string[] {
  return line
    .trim()
    .split(/\s{2,}|\t/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Cells whichever way the line was flattened. */
export function cellsOf(line: string): string[] {
  return line.includes('\t') ? tabCells(line) : spaceCells(line);
}

/** Cells of a layout line (split at runs of two or more spaces) with their character offsets. */
export function layoutCells(line: string): Cell[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], offset: m.index ?? 0 }));
}

/** A line's cells with justified labels closed up: tab cells as they are, layout cells through mergeSpread. */
export function lineCells(line: string): string[] {
  if (line.includes('\t')) return tabCells(line).filter((c) => c !== '');
  return mergeSpread(layoutCells(line));
}

const SPREAD_LETTER = /^[가-힣](?: ?[가-힣])?$/;
/** Letters of one spread label stand a few spaces apart; a wider gap is the next column ("구    분      계"). */
const SPREAD_GAP = 8;

/**
 * Layout text spreads justified labels over cells ("정    원" → ["정","원"], "기  타 수  입" → ["기","타 수","입"]):
 * runs of one- or two-letter Hangul cells close to each other are closed up into one.
 */
export function mergeSpread(cells: Cell[]): string[] {
  const out: string[] = [];
  let run = '';
  let runEnd = -1;
  for (const cell of cells) {
    const short = SPREAD_LETTER.test(cell.text);
    if (short && run && cell.offset - runEnd <= SPREAD_GAP) {
      run += cell.text.replace(/ /g, '');
      runEnd = cell.offset + cell.text.length;
      continue;
    }
    if (run) out.push(run);
    run = '';
    if (short) {
      run = cell.text.replace(/ /g, '');
      runEnd = cell.offset + cell.text.length;
    } else out.push(cell.text);
  }
  if (run) out.push(run);
  return out;
}

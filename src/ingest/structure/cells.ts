/** Flattened tables: tab-separated cells, or columns separated by runs of spaces in layout-mode PDF text. */
import { compact } from '../../domain/vocabulary.js';

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

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

// A label with its letters closed up, for comparing headers: the one vocabulary's spacing rule.
export { compact };

/** "해 당 없 음" spread over cells, "해당없음", "비예산 사업": the document says there is no budget. */
export function noBudgetPhrase(cells: string[]): string | null {
  const joined = compact(cells.join(''));
  const m = /(해당\s*없음|비예산\s*사업|비예산|예산\s*없음|없음)/.exec(joined);
  return m ? m[1]! : null;
}

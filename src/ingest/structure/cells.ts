/** Words of cells: letters closed up for comparing labels, blank lines, a document's "no budget" phrase. */
import { compact } from '../../domain/vocabulary.js';

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

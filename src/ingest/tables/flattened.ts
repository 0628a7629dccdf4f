/**
 * Tables flattened to one cell per line, as text extracted from a form writes them: a row whose value cell
 * (a date, a figure) stands between its label and its subject, and a table written column by column — its k
 * labels, then its k values. The caller says what a value cell is; what the row means is the family's.
 */

/** A line of a form as the document model read it: its number, its last line (a cell may span lines), its text. */
export interface ReadCell {
  n: number;
  last: number;
  text: string;
}

/** A cell of `cells` by its position there, with its line. */
export interface PlacedCell {
  /** Position in the cells given. */
  at: number;
  line: number;
  text: string;
}

/** The cell right under cell `k` (null when a blank line or a rule, no line of the model, stands between). */
function cellUnder<T extends ReadCell>(cells: readonly T[], k: number): T | null {
  const next = cells[k + 1];
  return next && cells[k] && next.n === cells[k]!.last + 1 ? next : null;
}

/**
 * The cells around a value, cell `k` of the lines the document model read: the label on the line right above it
 * (short, not a value), and the subject on one of the next two lines (the first that is not a value and not empty
 * once `clean` has taken its marks off; its text is the cleaned one).
 */
export function cellsAroundReadValue(
  cells: readonly ReadCell[],
  k: number,
  isValue: (text: string) => boolean,
  clean: (text: string) => string = (t) => t,
  maxLabel = 6,
): { label: PlacedCell | null; subject: PlacedCell | null } {
  const above = k > 0 && cellUnder(cells, k - 1) ? cells[k - 1]! : null;
  const prev = above?.text.trim() ?? '';
  const label = prev && prev.length <= maxLabel && !isValue(prev) ? { at: k - 1, line: above!.n, text: prev } : null;
  let subject: PlacedCell | null = null;
  for (let j = k + 1; j < cells.length && cells[j]!.n <= cells[k]!.n + 2 && !subject?.text; j++) {
    const t = cells[j]!.text.trim();
    if (t && !isValue(t)) subject = { at: j, line: cells[j]!.n, text: clean(t) };
  }
  return { label, subject };
}

/**
 * A table written column by column from cell `k` of the lines the document model read: at least two labels, then
 * exactly as many values (and no further value), on lines that follow one another, each label pairing with the
 * value in the same place. `next` is the position after the run; null when the counts differ.
 */
export function readColumnRun(
  cells: readonly ReadCell[],
  k: number,
  isLabel: (text: string) => boolean,
  isValue: (text: string) => boolean,
): { pairs: Array<{ label: PlacedCell; value: PlacedCell }>; next: number } | null {
  // Cells on following lines from `from` while `test` holds, at most `max`.
  const runFrom = (from: number, test: (text: string) => boolean, max: number) => {
    let end = from;
    while (end < cells.length && end - from < max && test(cells[end]!.text.trim()) && (end === from || cellUnder(cells, end - 1))) end++;
    return end;
  };
  if (!cells[k] || !isLabel(cells[k]!.text.trim())) return null;
  const j = runFrom(k, isLabel, Infinity);
  const count = j - k;
  if (count < 2 || !cellUnder(cells, j - 1)) return null;
  const m = runFrom(j, isValue, count);
  if (m - j !== count || (cellUnder(cells, m - 1) && isValue(cells[m]!.text.trim()))) return null;
  const placed = (at: number): PlacedCell => ({ at, line: cells[at]!.n, text: cells[at]!.text.trim() });
  const pairs = Array.from({ length: count }, (_, n) => ({ label: placed(k + n), value: placed(j + n) }));
  return { pairs, next: m };
}

/**
 * Tables flattened to one cell per line, as text extracted from a form writes them: a row whose value cell
 * (a date, a figure) stands between its label and its subject, and a table written column by column — its k
 * labels, then its k values. The caller says what a value cell is; what the row means is the family's.
 */

export interface FlatCell {
  /** 0-based line index. */
  index: number;
  text: string;
}

/**
 * The cells around a value on line `i`: the label on the line above (short, not a value), and the subject on one
 * of the next two lines (the first that is not blank, not a value and not empty once `clean` has taken its marks
 * off; its text is the cleaned one).
 */
export function cellsAroundValue(
  lines: string[],
  i: number,
  isValue: (text: string) => boolean,
  clean: (text: string) => string = (t) => t,
  maxLabel = 6,
): { label: FlatCell | null; subject: FlatCell | null } {
  const prev = lines[i - 1]?.trim() ?? '';
  const label = prev && prev.length <= maxLabel && !isValue(prev) ? { index: i - 1, text: prev } : null;
  let subject: FlatCell | null = null;
  for (let j = i + 1; j < Math.min(lines.length, i + 3) && !subject?.text; j++) {
    const t = lines[j]!.trim();
    if (t && !isValue(t)) subject = { index: j, text: clean(t) };
  }
  return { label, subject };
}

/**
 * A table written column by column from line `i`: at least two label lines, then exactly as many value lines
 * (and no further value), each label pairing with the value in the same place. Null when the counts differ.
 */
export function columnRun(
  lines: string[],
  i: number,
  isLabel: (text: string) => boolean,
  isValue: (text: string) => boolean,
): { pairs: Array<{ label: FlatCell; value: FlatCell }>; next: number } | null {
  let j = i;
  while (j < lines.length && isLabel(lines[j]!.trim())) j++;
  const k = j - i;
  if (k < 2) return null;
  let m = j;
  while (m < lines.length && m - j < k && isValue(lines[m]!.trim())) m++;
  if (m - j !== k || (m < lines.length && isValue(lines[m]!.trim()))) return null;
  const pairs = Array.from({ length: k }, (_, n) => ({
    label: { index: i + n, text: lines[i + n]!.trim() },
    value: { index: j + n, text: lines[j + n]!.trim() },
  }));
  return { pairs, next: m };
}

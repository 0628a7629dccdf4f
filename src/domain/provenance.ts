import { z } from 'zod';

/** Where a fact was read: the section heading it sat under and the 1-based line span in the normalised text. */
export const SourceSchema = z.object({
  section: z.string().nullable(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});
export type Source = z.infer<typeof SourceSchema>;

export function src(section: string | null, from: number, to: number = from): Source {
  return { section, lines: [from, Math.max(from, to)] };
}

export function formatLines(source: Source): string {
  const [a, b] = source.lines;
  return a === b ? `${a}행` : `${a}–${b}행`;
}

/**
 * Where stored lines stand in the original office file ("3쪽", "문단 12", "표 2 · 3행 2열"); a text file's lines
 * stand nowhere else (null).
 */
export interface LineLocators {
  /** The locators of the first and of the last located line among lines `from`..`to`; null when none is located. */
  ends(from: number, to: number): [string, string] | null;
}

/**
 * Spans cited in the order given: "12행, 15–17행" for a text file. An office file's spans name where they stand
 * in it: a page before the lines, once for a run of spans on one page ("3쪽 12행, 15–17행, 4쪽 40행"), a paragraph
 * or table cell after them ("41행(문단 12)", "43–45행(표 2 · 3–5행)").
 */
export function formatSpans(spans: ReadonlyArray<readonly [number, number]>, locators?: LineLocators): string {
  let page: string | null = null;
  return spans
    .map(([a, b]) => {
      const lines = formatLines({ section: null, lines: [a, b] });
      const ends = locators?.ends(a, b);
      const where = ends ? placeOf(ends[0], ends[1]) : null;
      if (!where) return lines;
      if (!/쪽$/.test(where)) return `${lines}(${where})`;
      if (where === page) return lines;
      page = where;
      return `${where} ${lines}`;
    })
    .join(', ');
}

/**
 * The place of a span from the locators of its ends: "3쪽"…"4쪽" → "3–4쪽", "문단 12"…"문단 14" → "문단 12–14". Ends
 * in different cells or tables name the coarsest place both have a number for ("표 2 · 1행 1열"…"표 2 · 6행 14열" →
 * "표 2 · 1–6행", "표 1 · 1행"…"표 2 · 4행" → "표 1–2"); unlike places are both named ("문단 12 ~ 표 1").
 */
export function placeOf(first: string, last: string): string {
  const a = coarser(first);
  const b = coarser(last);
  for (let depth = Math.min(a.length, b.length); depth >= 1; depth--) {
    const merged = numericRange(a[depth - 1]!, b[depth - 1]!);
    if (merged) return merged;
  }
  return `${a[0]} ~ ${b[0]}`;
}

/** By depth, coarsest first: "표 2 · 3행 2열" → "표 2", "표 2 · 3행", itself (the table, the row, the cell). */
function coarser(locator: string): string[] {
  const out = [locator];
  for (const drop of [/ \d+열$/, / · [^·]+$/]) {
    const next = out[0]!.replace(drop, '');
    if (next !== out[0] && next.trim()) out.unshift(next);
  }
  return out;
}

/** Equal, or alike but for one number: "3쪽"/"4쪽" → "3–4쪽" (the common part never ends inside the number). */
function numericRange(first: string, last: string): string | null {
  if (first === last) return first;
  let p = 0;
  while (p < first.length && p < last.length && first[p] === last[p]) p++;
  while (p > 0 && /\d/.test(first[p - 1]!)) p--;
  let s = 0;
  while (s < first.length - p && s < last.length - p && first.at(-1 - s) === last.at(-1 - s)) s++;
  while (s > 0 && /\d/.test(first.at(-s)!)) s--;
  const a = first.slice(p, first.length - s);
  const b = last.slice(p, last.length - s);
  return /^\d+$/.test(a) && /^\d+$/.test(b) ? `${first.slice(0, p)}${a}–${b}${first.slice(first.length - s)}` : null;
}

/**
 * The line spans a citation names ("3쪽 12행, 15–17행", "41행(표 2 · 3행 2열)" → [12, 12], [15, 17], [41, 41]):
 * a place in parentheses is the file's, not a line of the stored text.
 */
export function citedLineSpans(citation: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of citation.replace(/\([^()]*\)/g, '').matchAll(/(\d+)(?:–(\d+))?행/g))
    spans.push([Number(m[1]), Number(m[2] ?? m[1])]);
  return spans;
}

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

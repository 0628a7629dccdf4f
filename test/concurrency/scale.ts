/** Real documents for the concurrency tests: ../shared/scale beside the checkout, read in place (never copied). */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCALE = [resolve('../shared/scale'), resolve('../../shared/scale')].find((d) =>
  existsSync(d),
);

/** `n` documents of the scale corpus, taken evenly from each of its folders in file order. */
export function scaleDocuments(n: number): string[] {
  if (!SCALE) return [];
  const folders = readdirSync(SCALE, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(SCALE, e.name))
    .sort();
  const per = Math.ceil(n / folders.length);
  return folders
    .flatMap((f) =>
      readdirSync(f)
        .filter((x) => x.endsWith('.txt'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .slice(0, per)
        .map((x) => join(f, x)),
    )
    .slice(0, n);
}

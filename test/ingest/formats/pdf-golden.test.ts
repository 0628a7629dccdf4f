/**
 * Golden lines of two real PDFs (read in place from ../shared/originals): a budget brief of ruled tables and a press
 * release with its boxed header, each line with the page it cites. A change to what the PDF reader writes shows here
 * line by line; accept a deliberate one with `npx vitest run test/ingest/formats/pdf-golden.test.ts -u`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedOriginalsDir } from '../../../scripts/lib/corpus-paths.js';
import { readPdf } from '../../../src/ingest/formats/pdf/index.js';

const originals = sharedOriginalsDir();

describe.skipIf(!originals)('PDF reader golden lines', () => {
  it.each([
    ['budget-briefs/budget-brief-2024-health-welfare-livelihood-benefit.pdf', 'budget-brief-livelihood-benefit'],
    ['busan-press/busan-press-2025-07-02-kmou-workation-space.pdf', 'busan-press-kmou-workation-space'],
  ])('golden lines of %s', async (path, name) => {
    const file = join(originals!, path);
    const extracted = await readPdf(readFileSync(file), file);
    const text = extracted.lines.map((l, i) => `${extracted.locators[i] ?? ''}\t| ${l}`).join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(`./__golden__/${name}.pdf.txt`);
  });
});

/** A boxed "label : value" line is a field the answerer reads, not a heading over the lines below it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readBlocks } from '../../../src/ingest/model/blocks.js';

const shared = sharedCorpusDir();

describe.skipIf(!shared)('boxed label : value lines (../shared/corpus/hwp)', () => {
  const lines = shared ? readFileSync(join(shared, 'hwp', 'notice-2026-kalis-green-remodelling-simulator-operator.txt'), 'utf8').split('\n') : [];
  const blocks = readBlocks(lines);

  it('keeps a boxed field with its value as an item, and the items after it out of its section', () => {
    const size = blocks.find((b) => b.text.includes('사업 규모 : 일금 사억원'));
    expect(size?.kind).toBe('item');
    const rate = blocks.find((b) => b.text.includes('보조금 보조율 : 국비 100%'));
    expect(rate?.section).not.toContain('시행 방법 및 주체 : 민간경상보조/민간단체');
  });

  it('still reads a boxed title with no value as a heading', () => {
    expect(blocks.find((b) => b.text === '유의 사항')?.kind).toBe('heading');
  });
});

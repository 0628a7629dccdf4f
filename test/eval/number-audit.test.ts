/** The audit's own checks, on replies built by hand: each rule must be able to fail. */
import { describe, expect, it } from 'vitest';
import { readingToWon } from '../../scripts/lib/number-audit.js';

describe('number audit', () => {
  it('converts a 조/억/만 reading back to won', () => {
    expect(readingToWon('2조 3,456억 7,890만 1천원')).toBe(2_345_678_901_000n);
    expect(readingToWon('약 2조 3,457억원')).toBe(2_345_700_000_000n);
    expect(readingToWon('93억 2,200만원')).toBe(9_322_000_000n);
    expect(readingToWon('감소')).toBeNull();
  });
});

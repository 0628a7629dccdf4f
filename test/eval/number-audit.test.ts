/** The audit's own checks, on replies built by hand: each rule must be able to fail. */
import { describe, expect, it } from 'vitest';
import { namesOneRecord, readingToWon } from '../../scripts/lib/number-audit.js';

describe('number audit', () => {
  it('converts a 조/억/만 reading back to won', () => {
    expect(readingToWon('2조 3,456억 7,890만 1천원')).toBe(2_345_678_901_000n);
    expect(readingToWon('약 2조 3,457억원')).toBe(2_345_700_000_000n);
    expect(readingToWon('93억 2,200만원')).toBe(9_322_000_000n);
    expect(readingToWon('감소')).toBeNull();
  });

  it('accepts a pick-list item only when every identifier belongs to one record of that title', () => {
    const names = new Map([
      ['산후조리비용지원', [new Set(['보령시', '보건소(건강증진과)', '보령시보건소(건강증진과)', '5-8', '2021년실적'])]],
    ]);
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2021년 실적, 5-8)', names)).toBe(true);
    // Another record's code or year is a wrong number, not a name.
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2021년 실적, 5-9)', names)).toBe(false);
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2022년 실적, 5-8)', names)).toBe(false);
    expect(namesOneRecord('  • 없는 사업 (보령시, 5-8)', names)).toBe(false);
  });
});

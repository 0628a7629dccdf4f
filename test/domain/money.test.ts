import { describe, expect, it } from 'vitest';
import { formatMoney, formatWonReading, parseAmount, parseAmountWithUnit, unitFromText } from '../../src/domain/money.js';

describe('money', () => {
  it('reads amounts in the document unit as integer won', () => {
    expect(parseAmount('20,263', '천원')).toEqual({ won: 20_263_000, unit: '천원', written: '20,263' });
    expect(parseAmount('116', '백만원')?.won).toBe(116_000_000);
    expect(parseAmount('△94', '백만원')?.won).toBe(-94_000_000);
    expect(parseAmount('1.5', '억원')?.won).toBe(150_000_000);
    expect(parseAmount('-', '천원')).toBeNull();
    expect(parseAmount('해당없음', '천원')).toBeNull();
  });

  it('finds the unit of a table and of an amount', () => {
    expect(unitFromText('(단위 : 백만원)')).toBe('백만원');
    expect(unitFromText('□ 예산현황 (단위:천원)')).toBe('천원');
    expect(parseAmountWithUnit('총 사업비 5,365백만원')).toEqual({ won: 5_365_000_000, unit: '백만원', written: '5,365' });
  });

  it('keeps the unit beside the number and reads large sums in 억/만원, approximate when it drops digits', () => {
    expect(formatMoney({ won: 20_263_000, unit: '천원', written: '20,263' })).toBe('20,263천원');
    expect(formatWonReading(116_000_000)).toBe('1억 1,600만원');
    expect(formatWonReading(48_803_178_000)).toBe('약 488억 317만원');
    expect(formatWonReading(5_000)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/format.js';
import {
  formatMoney,
  formatWonExact,
  formatWonReading,
  parseAmount,
  parseAmountWithUnit,
  unitFromText,
} from '../../src/domain/money.js';

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

  it('keeps the unit beside the number and reads large sums in 억/만원, rounded and marked approximate when it drops digits', () => {
    expect(formatMoney({ won: 20_263_000, unit: '천원', written: '20,263' })).toBe('20,263천원');
    expect(formatWonReading(116_000_000)).toBe('1억 1,600만원');
    expect(formatWonReading(48_803_178_000)).toBe('약 488억 318만원');
    expect(formatWonReading(5_000)).toBeNull();
  });
});

describe('amounts as officials read them', () => {
  it('reads 조, 억, 만 and what is left, never "23,456억"', () => {
    const m = parseAmount('2,345,678,901', '천원')!;
    expect(m.won).toBe(2_345_678_901_000);
    expect(formatWonExact(m.won)).toBe('2조 3,456억 7,890만 1천원');
    expect(formatWonReading(m.won)).toBe('약 2조 3,457억원');
    expect(formatWonReading(parseAmount('11,671', '억원')!.won)).toBe('1조 1,671억원');
    expect(formatWonExact(parseAmount('5,984,170', '백만원')!.won)).toBe('5조 9,841억 7,000만원');
    expect(formatWonExact(1_234)).toBe('1,234원');
  });

  it('keeps an amount written in 억원 as written, and reads △ as a decrease with its unit beside it', () => {
    expect(money(parseAmount('4,560', '억원')!)).toBe('4,560억원');
    expect(money(parseAmount('11,671', '억원')!)).toBe('11,671억원 (1조 1,671억원)');
    expect(money(parseAmount('2,345,678,901', '천원')!)).toBe('2,345,678,901천원 (약 2조 3,457억원)');
    expect(money(parseAmount('△94', '백만원')!)).toBe('△94백만원 (감소)');
    expect(money(parseAmount('△3,283', '백만원')!)).toBe('△3,283백만원 (32억 8,300만원, 감소)');
  });
});

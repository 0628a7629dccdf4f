/** The answer judge itself: a value must appear as a whole figure, and another figure for the measure is wrong. */
import { describe, expect, it } from 'vitest';
import { containsValue, judgeAnswer } from '../../scripts/lib/evaluate.js';
import { fields, reply, table, text } from '../../src/core/reply.js';

describe('answer judge', () => {
  it('finds a figure only as a whole number, spaces and quotes ignored', () => {
    expect(containsValue('정원 46명, 현원 47명', '46명')).toBe(true);
    expect(containsValue('정원 146명', '46명')).toBe(false);
    expect(containsValue('세출 9,167백만원', '167백만원')).toBe(false);
    expect(containsValue('조직: 3과 7팀', '3과7팀')).toBe(true);
    expect(containsValue('기간 2025. 1. 21. ~ 1. 23.', '1.21.~1.23.')).toBe(true);
  });

  it('rejects a reply that gives the measure another figure, in a line or in the total row of a table', () => {
    const expected = { values: ['46명'], measure: '정원' };
    expect(judgeAnswer(reply('answer', '인재개발원', [text('정원 46명 / 현원 47명')]), expected).correct).toBe(true);
    expect(judgeAnswer(reply('answer', '인재개발원', [text('정원 1명'), text('46명')]), expected).correct).toBe(false);
    const t = table(['구분', '정원', '현원'], [['계', '9', '47']]);
    expect(judgeAnswer(reply('answer', 'x', [t, text('46명')]), expected).correct).toBe(false);
  });

  it('takes 사업예산 and 집행률 for other measures than 예산 and 집행', () => {
    const expected = { values: ['365백만원'], measure: '예산' };
    expect(judgeAnswer(reply('answer', 'x', [text('2019년 예산: 365백만원'), text('사업예산 294백만원')]), expected).correct).toBe(
      true,
    );
  });

  it('reads a table row quoted under the field that states the cell as evidence, not as another figure', () => {
    const expected = { values: ['1,121,166'], measure: '사업비' };
    const row = text('> 사업비 | 796,338 | 1,121,166 | 542,769');
    expect(judgeAnswer(reply('answer', 'x', [fields([{ label: '2021', value: '1,121,166' }]), row]), expected).correct).toBe(true);
    // The row alone, or under a field stating another cell, states the first column's figure.
    expect(judgeAnswer(reply('answer', 'x', [row]), expected).correct).toBe(false);
    expect(judgeAnswer(reply('answer', 'x', [fields([{ label: '2020', value: '796,338' }]), row]), expected).correct).toBe(false);
  });

  it('wants "not found" where the documents have nothing', () => {
    expect(judgeAnswer(reply('not_found', '없음'), { notFound: true }).correct).toBe(true);
    expect(judgeAnswer(reply('answer', '다른 부서'), { notFound: true }).correct).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/domain/korean-date.js';
import { datedClauses } from '../../../src/ingest/structure/dated-items.js';

/** Item text per date, trimmed the way a caller does. */
function items(line: string): Array<[string, string]> {
  return datedClauses(line, findDates(line, { year: 2025 }))
    .filter((c) => !c.label)
    .map((c) => [c.date.date.written, c.text.replace(/^[\s,]+|[\s(]+$/g, '')]);
}

// Lines as written in busan-plans/busan-2025-plan-urban-innovation-balance.layout.txt (lines 1740, 1913, 791)
// and busan-2025-plan-advanced-industry.layout.txt (2742).
describe('datedClauses: each date keeps its own item', () => {
  it('a leading date takes the clause after its colon, up to a ▹ separator', () => {
    expect(items(' - ’05.   1. : GB해제(건교부 고시 제2005-7호)   ▹’05. 3. : 관광단지 지정')).toEqual([
      ['’05.   1.', 'GB해제(건교부 고시 제2005-7호)'],
      ['’05. 3.', '관광단지 지정'],
    ]);
  });

  it('a leading date inside brackets ends its item where they close', () => {
    expect(items(" - '24.  1. : 건축공사 착공(’26.5. : 준공)")).toEqual([
      ["'24.  1.", '건축공사 착공'],
      ['’26.5.', '준공'],
    ]);
    expect(items(' - ’28. 下. : 실시계획 승인, 공사착공(’37. : 사업준공)')).toEqual([
      ['’28. 下', '실시계획 승인, 공사착공'],
      ['’37.', '사업준공'],
    ]);
  });

  it('a leading range heading a list of dated items gives each item its own date', () => {
    expect(items('ㅇ ’25. ~ : 건축설계(’25), 착공(’26), 준공(‘27)')).toEqual([
      ['(’25)', '건축설계'],
      ['(’26)', '착공'],
      ['(‘27)', '준공'],
    ]);
  });

  it('trailing dates keep the clause before them', () => {
    expect(items('설계(’20.11.~‘23.12.), 철거(’25.12.)')).toEqual([
      ['(’20.11.~‘23.12.)', '설계'],
      ['(’25.12.)', '철거'],
    ]);
  });

  it('the hanja halves after a year are half-years', () => {
    const [d] = findDates('’28. 下. : 실시계획 승인');
    expect(d?.date).toMatchObject({ start: '2028-07-01', end: '2028-12-31', precision: 'half' });
  });
});

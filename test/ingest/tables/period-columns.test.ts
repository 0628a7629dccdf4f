/**
 * A promise sheet's budget table, one cell a line: period columns in time order whatever order the PDF wrote them
 * in, a funding row read when its values fit the columns and its periods add up to its total.
 */
import { describe, expect, it } from 'vitest';
import type { ParseWarning } from '../../../src/ingest/document.js';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { readPeriodTable } from '../../../src/ingest/tables/period-columns.js';
import { CORPUS } from '../../helpers.js';

const read = linesRead(readModel(loadDocument(`${CORPUS}/seoul-promise-2016-prom28.txt`).doc));
const between = (from: number, to: number) => read.filter((l) => l.n >= from && l.n <= to);

describe('a promise sheet’s table of periods', () => {
  it('연차별 투자수요: "시비 5,365" then one value a line, 임기 후 last, periods without a figure left out', () => {
    // Lines 117–156: " 연차별 투자수요(계획)", 임기 내 / (단위 : 백만원) / 임기 후 / 구분 / 계 / ’14년 … / 시비 5,365 / - / - / 422 …
    const warnings: ParseWarning[] = [];
    const spec = { section: '연차별 투자수요(계획)', line: 117, kind: 'planned' as const, unit: '백만원' as const };
    const lines = readPeriodTable(between(118, 156), '', spec, warnings);
    expect(warnings).toEqual([]);
    expect(lines.map((l) => [l.period, l.year, l.funding, l.amount.won, l.src.lines])).toEqual([
      ['’16년', 2016, '시비', 422_000_000, [129, 149]],
      ['’17년', 2017, '시비', 1_470_000_000, [129, 149]],
      ['’18.6월', 2018, '시비', 3_473_000_000, [129, 149]],
      ['임기 후', null, '시비', 8_385_000_000, [129, 149]],
    ]);
  });

  it('a row whose values do not fit the columns is not read, with a warning on its line', () => {
    const warnings: ParseWarning[] = [];
    const spec = { section: '연차별 투자수요(계획)', line: 117, kind: 'planned' as const, unit: '백만원' as const };
    // Cut after 1,470 (line 145): four values after the total for five periods.
    const lines = readPeriodTable(between(118, 146), '', spec, warnings);
    expect(lines).toEqual([]);
    expect(warnings.map((w) => w.line)).toEqual([137]);
  });
});

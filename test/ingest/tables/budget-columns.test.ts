/**
 * Budget tables as annual reports print them, read from the model's lines: columns told by their words and put in
 * the order such tables use, the unit found under the table, a rate column beside the computed rate.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseWarning } from '../../../src/ingest/document.js';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { readBudgetTable } from '../../../src/ingest/tables/budget-columns.js';
import { SAMPLES } from '../../helpers.js';

const read = linesRead(readModel(loadDocument(join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt')).doc));
const between = (from: number, to: number) => read.filter((l) => l.n >= from && l.n <= to);

describe('an annual report’s budget table', () => {
  it('the rate of a project’s 예산현황 is kept beside the one computed from its amounts, the unit from its heading', () => {
    // Lines 177–179: "예 산 액 집 행 액 집행율(%)" / "20,263 (구비100%) 16,752 (구비100%) 83", under "□ 예산현황 (단위:천원)".
    const warnings: ParseWarning[] = [];
    const spec = { section: '예산현황', year: 2015, defaults: [], unit: '천원' as const, fallbackUnit: null };
    const table = readBudgetTable(between(176, 179), [], spec, warnings);
    expect(warnings).toEqual([]);
    expect(table.lines.map((l) => [l.kind, l.period, l.amount.won, l.funding, l.src.lines])).toEqual([
      ['allocated', '예산액', 20_263_000, '구비', [179, 179]],
      ['executed', '집행액', 16_752_000, '구비', [179, 179]],
    ]);
    expect(table.rates).toEqual([{ period: null, written: 83, computed: 82.7, src: { section: '예산현황', lines: [179, 179] } }]);
    expect(table.notes.map((n) => n.text)).toEqual(['구비100%']);
  });

  it('a table whose unit is printed under it takes it from there', () => {
    // The department's table: "계 287,494 223,512 275,884 11,610" (line 80) … "(단위 : 천원)" (line 98).
    const warnings: ParseWarning[] = [];
    const spec = { section: '예산', year: 2015, defaults: [], unit: null, fallbackUnit: null };
    const table = readBudgetTable(between(74, 96), between(97, 99), spec, warnings);
    expect(table.unit).toBe('천원');
    const total = table.lines.filter((l) => l.item === null && l.src.lines[0] === 80);
    expect(total[0]?.amount.won).toBe(287_494_000);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/digest/changes.js';
import { budgetTable, executionRate, groupRows, preferTotals } from '../../src/core/budget-table.js';
import type { BudgetLine } from '../../src/domain/project.js';
import { BUDGET_KIND_LABEL } from '../../src/domain/vocabulary.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { SAMPLES } from '../helpers.js';

function budgetOf(file: string, title: string): BudgetLine[] {
  const records = parseDocument(loadDocument(join(SAMPLES, file)).doc).records;
  const found = records.find((r) => r.title === title);
  expect(found, title).toBeDefined();
  return found!.budget?.lines ?? [];
}

describe('budget table builder', () => {
  it('a 정책실명제 예산투자현황: the 계 row only, one row per period, columns in 소요 · 확보 · 집행 · 계획 order', () => {
    const lines = budgetOf('suwon-policy-sheet-cooperative-governance.txt', '협치시정 활성화');
    // 국비/도비/시비/민간 rows would double the table: with 계 present only the totals are told.
    const totals = preferTotals(lines);
    expect(new Set(lines.map((l) => l.funding)).size).toBeGreaterThan(1);
    expect(new Set(totals.map((l) => l.funding))).toEqual(new Set(['계']));
    const t = budgetTable(totals);
    expect(t).toMatchObject({ type: 'table', caption: null, headers: ['구분', '소요', '예산(확보)', '집행', '계획'] });
    const rows = t.type === 'table' ? t.rows : [];
    expect(rows.find((r) => r[0] === '2019년')).toEqual(['2019년', '-', '31백만원', '15백만원', '-']);
    expect(rows.find((r) => r[0] === '2022.7월이후')).toEqual(['2022.7월이후', '-', '-', '-', '29백만원']);
    expect(rows[0]).toEqual(['소요예산 (a~g합계)', '116백만원 (1억 1,600만원)', '-', '-', '-']);
  });

  it('a department 예산현황 with items: one row per item, the as-of period in the column header', () => {
    const lines = budgetOf('yeongdeungpo-audit-annual-report.txt', '감사담당관');
    const t = budgetTable(preferTotals(lines), '2019년');
    expect(t).toMatchObject({ caption: '2019년', headers: ['구분', '예산(확보)', '집행 (10.31기준)', '예상 집행 (12.31까지)', '잔액 (예상잔액)'] });
    const rows = t.type === 'table' ? t.rows : [];
    expect(rows.find((r) => r[0] === '순찰 행정')).toEqual(['순찰 행정', '18,630천원', '16,040천원', '18,630천원', '-']);
    expect(rows[0]![0]).toBe('합계');
    const patrol = groupRows(lines).find((r) => r.label === '순찰 행정')!;
    const kind = (k: string) => patrol.cells.find((l) => l.kind === k)!;
    expect(executionRate(kind('allocated'), kind('executed'))).toBe(86.1);
  });

  it('the digest names a changed figure with the same kind label: a re-issued sheet whose 2019 확보 went 31 → 35', () => {
    const path = join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt');
    const doc = loadDocument(path).doc;
    const at = doc.lines.findIndex((l) => l.startsWith('계\t116\t'));
    const reissued = { ...doc, lines: doc.lines.map((l, i) => (i === at ? l.replace('\t31\t15\t', '\t35\t15\t') : l)) };
    const before = parseDocument(doc).records[0]!;
    const after = parseDocument(reissued).records[0]!;
    const changes = diffRecords(before, after).map((c) => c.text);
    expect(changes).toEqual([`2019년 ${BUDGET_KIND_LABEL.allocated}: 31백만원 → 35백만원`]);
    expect(BUDGET_KIND_LABEL.allocated).toBe('예산(확보)');
  });
});

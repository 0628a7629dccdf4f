import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compact } from '../../../src/ingest/structure/cells.js';
import { tabCells } from '../../../src/ingest/tables/cells.js';
import { fundingAtStart, fundingOfLabel, fundingShares, isTotalLabel, soleFunding } from '../../../src/ingest/structure/funding.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { CORPUS, SAMPLES } from '../../helpers.js';

const linesOf = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/);
const parseFile = (path: string) => parseDocument(loadDocument(path).doc);
const find = (lines: string[], re: RegExp) => lines.filter((l) => re.test(l));

describe('funding-source reader', () => {
  it('reads the row labels of a 정책실명제 예산투자현황 table: 계, spaced sources, 민간자본', () => {
    const lines = linesOf(join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt'));
    const start = lines.findIndex((l) => l.startsWith('구 분\t소요예산'));
    const labels = lines.slice(start + 2, start + 7).map((l) => tabCells(l)[0]!);
    expect(labels).toEqual(['계', '국 비', '도 비', '시 비', '민간자본']);
    expect(labels.map(fundingOfLabel)).toEqual(['계', '국비', '도비', '시비', '민간']);
  });

  it('leaves items and subtotals as they are: a label that only starts with a source word is not a source', () => {
    expect(fundingOfLabel('민간위탁 운영')).toBeNull();
    expect(fundingOfLabel('소계')).toBeNull();
    expect(fundingOfLabel('순찰 행정')).toBeNull();
    expect(isTotalLabel('합 계')).toBe(true);
    expect(isTotalLabel('소계')).toBe(false);
  });

  it('finds the source at the start of a closed-up text-table line (공약 연차별 투자수요, PDF text)', () => {
    const lines = linesOf(join(CORPUS, 'seoul-promise-2016-prom142.txt'));
    const row = lines.find((l) => compact(l) === '시비');
    expect(fundingAtStart(compact(row!))).toEqual({ funding: '시비', rest: '' });
    expect(fundingAtStart(compact('합 계 1,134 - - 369'))).toEqual({ funding: '계', rest: '1,134--369' });
    expect(fundingAtStart('구분계’14년')).toBeNull();
  });

  it('reads shares from notes: "(구비100%)" in an annual report, "국비 50%, 지방비 50%" in a work plan', () => {
    const report = linesOf(join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt'));
    const row = find(report, /^20,263 \(구비100%\)/)[0]!;
    const notes = [...row.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
    expect(notes).toEqual(['구비100%', '구비100%']);
    expect(soleFunding(notes)).toBe('구비');
    const needed = find(report, /□ 소요예산 : 21,371천원/)[0]!;
    expect(fundingShares(needed)).toEqual([{ funding: '구비', percent: 100 }]);
    // 지방비 is no source of the list: the 국비 half alone does not make the project 국비-funded.
    expect(fundingShares('ㅇ 총사업비 : 34,650백만원 ※ 국비 50%, 지방비 50%')).toEqual([{ funding: '국비', percent: 50 }]);
    expect(soleFunding(['국비 50%, 지방비 50%'])).toBeNull();
    expect(soleFunding(['구비100%', '시비 100%'])).toBeNull();
  });

  it('is what the families store: every budget line of the policy sheet and the annual report', () => {
    const sheet = parseFile(join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt'));
    const sheetLines = sheet.records.flatMap((r) => r.budget?.lines ?? []);
    expect(new Set(sheetLines.map((l) => l.funding))).toEqual(new Set(['계', '국비', '도비', '시비', '민간']));
    expect(sheetLines.filter((l) => l.funding === '민간').map((l) => l.amount.won)).toEqual([0]);
    expect(sheetLines.every((l) => l.item === null)).toBe(true);
    const report = parseFile(join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt'));
    const first = report.records.flatMap((r) => r.budget?.lines ?? []).find((l) => l.amount.won === 20_263_000);
    expect(first?.funding).toBe('구비');
  });
});

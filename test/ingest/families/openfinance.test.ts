import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { openFinanceFamily } from '../../../src/ingest/families/openfinance.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { CORPUS, parseText, realDocuments } from '../../helpers.js';

const FILE = join(CORPUS, 'seoul-openfinance-2018-1137.txt');
// ../shared beside the checkout, as CI has it; the suite skips itself visibly when it is absent.
const SCALE = join(dirname(sharedCorpusDir() ?? '/nonexistent/corpus'), 'scale', 'seoul-openfinance-2018');


describe('openfinance family: 서울시 재정사업 1137 (건강한 금융생활 지원)', () => {
  const result = parseDocument(loadDocument(FILE).doc);
  const r = result.records[0]!;

  it('keeps its written 목적, 근거 and 내용 as facts with their lines, <br> read as a break', () => {
    const facts = new Map((r.facts ?? []).map((f) => [f.label, f]));
    expect([...facts.keys()]).toEqual(['목적', '근거', '내용']);
    expect(facts.get('근거')).toMatchObject({ withheld: false, src: { section: '근거', lines: [23, 23] } });
    expect(facts.get('근거')!.value).toMatch(/^○ 청년 기본 조례 제14조 및 ?제21조$/);
    expect(facts.get('목적')!.value).toMatch(/^○저임금, 학자금 대출, 높은 생활비 등으로 청년층의 채무증가/);
    expect(facts.get('내용')!.value).toContain('○운영기간 : ’16. 1~12월 ○지원내용 : 자조금융활성화');
  });

  it('is detected from its label sequence and gives one record keyed by 유아이디', () => {
    expect(result.family).toBe('openfinance');
    expect(result.organization).toBe('서울특별시');
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    expect(r).toMatchObject({
      kind: 'project',
      key: '서울특별시/6110000201630486',
      code: '6110000201630486',
      title: '건강한 금융생활 지원을 위한 민관협력 활성화',
      department: '청년정책담당관',
      category: '일반공공행정',
      // The record does not say its fiscal year; the 유아이디 holds the registration year (2016), not it.
      year: null,
    });
    expect(r.headings).toEqual(['서울혁신기획관', '청년의 삶의 질 획기적 개선', '청년의 자립기반 구축 및 권익증진']);
    expect(r.src).toEqual({ section: null, lines: [1, 26] });
  });

  it('reads 예산 and 지출 in won and computes the execution rate', () => {
    expect(r.budget?.noBudget).toBeNull();
    expect(r.budget?.lines).toEqual([
      {
        period: '예산',
        year: null,
        kind: 'allocated',
        funding: null,
        item: null,
        amount: { won: 120_000_000, unit: '원', written: '120,000,000' },
        src: { section: '예산', lines: [6, 6] },
      },
      {
        period: '지출',
        year: null,
        kind: 'executed',
        funding: null,
        item: null,
        amount: { won: 0, unit: '원', written: '0' },
        src: { section: '지출', lines: [8, 8] },
      },
    ]);
    expect(r.budget?.rates).toEqual([
      { period: null, written: null, computed: 0, src: { section: '지출', lines: [8, 8] } },
    ]);
  });

  it('turns the dated 경위 items into done milestones and 운영기간 into the period', () => {
    expect(r.milestones.map((m) => [m.date?.written, m.date?.start, m.date?.end, m.text, m.done])).toEqual([
      ['‘15. 1', '2015-01-01', '2015-01-31', '청년 기본 조례 제14조(부채경감 등)', true],
      ['‘15. 2~4', '2015-02-01', '2015-04-30', '청년정책 기획연구 및 재설계 용역결과 부채경감을 위한 정책 제안', true],
      ['‘15. 5~6', '2015-05-01', '2015-06-30', '청년정책위원회 생활안정분과 TF 정책제안 및 논의', true],
      ['‘15. 8', '2015-08-01', '2015-08-31', '2020 청년정책 기본계획 실행과제로 추진', true],
    ]);
    expect(r.milestones[0]!.src).toEqual({ section: '경위', lines: [25, 25] });
    expect(r.status?.period).toEqual({
      written: '’16. 1~12월',
      start: '2016-01-01',
      end: '2016-12-31',
      precision: 'month',
    });
  });

  it('does not claim the other documents', () => {
    const others = realDocuments().filter((p) => p !== FILE);
    expect(others).toHaveLength(16);
    for (const path of others) expect(openFinanceFamily.detect(loadDocument(path).doc), path).toBe(0);
  });
});

describe('openfinance family: structure, not the sample', () => {
  it('reads single labels, quoted multi-line values, a one-word 부서 and 계획 milestones', () => {
    const text = [
      '부서',
      '농업기술센터',
      '사업',
      '"도시농업',
      '박람회 개최"',
      '예산',
      '"1,000,000"',
      '지출',
      '"250,000"',
      '기능',
      '농림해양수산',
      '정책',
      '도시농업 활성화',
      '단위',
      '도시농업 확산',
      '계획',
      '"○ 계획수립 : 2017. 2월 ○ \'17. 5.20 : 박람회 개최"',
    ].join('\r\n');
    const result = parseText(text);
    const r = result.records[0]!;
    expect(result.family).toBe('openfinance');
    expect(r.title).toBe('도시농업 박람회 개최');
    expect(r.department).toBe('농업기술센터');
    expect(r.code).toBeNull();
    expect(r.budget?.rates[0]?.computed).toBe(25);
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.done])).toEqual([
      ['계획수립', '2017-02-01', false],
      ['박람회 개최', '2017-05-20', false],
    ]);
  });

  it('keeps an earlier label word inside a quoted value as text, and survives an unbalanced quote', () => {
    const text = [
      '부서',
      '가 나과',
      '사업',
      '시험',
      '예산',
      '"1,000"',
      '지출',
      '0',
      '기능',
      'x',
      '내용',
      '"첫째 줄',
      '사업',
      '끝"',
      '근거',
      '"조례',
      '경위',
      '○ 2016. 3. : 착수',
    ].join('\n');
    const r = parseText(text).records[0]!;
    expect(r.title).toBe('시험');
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.done])).toEqual([['착수', '2016-03-01', true]]);
  });

  it('warns instead of inventing an amount it cannot read', () => {
    const text = [
      '부서부서부서',
      '가 나과',
      '사업사업사업',
      '시험',
      '예산예산예산',
      '미정',
      '지출지출지출',
      '0',
      '기능기능기능',
      'x',
      '정책정책정책',
      'y',
      '단위단위단위',
      'z',
    ].join('\n');
    const result = parseText(text);
    expect(result.family).toBe('openfinance');
    expect(result.records[0]!.budget?.lines.map((l) => l.kind)).toEqual(['executed']);
    expect(result.warnings.map((w) => w.message)).toEqual(['예산 금액을 읽지 못했습니다: 미정']);
  });
});

describe.skipIf(!existsSync(SCALE))('openfinance family: all 4,022 서울시 재정사업 records of 2018', () => {
  const files = existsSync(SCALE) ? readdirSync(SCALE).filter((f) => f.endsWith('.txt')) : [];
  const results = files.map((f) => ({ f, result: parseDocument(loadDocument(join(SCALE, f)).doc) }));
  const records = results.map(({ result }) => result.records[0]);
  const share = (n: number) => n / files.length;

  it('detects every file as openfinance, one valid record each, keys unique', () => {
    expect(files).toHaveLength(4022);
    expect(results.filter(({ result }) => result.family !== 'openfinance').map(({ f }) => f)).toEqual([]);
    expect(results.filter(({ result }) => result.records.length !== 1).map(({ f }) => f)).toEqual([]);
    expect(new Set(records.map((r) => r?.key)).size).toBe(4022);
    expect(records.every((r) => r?.organization === '서울특별시')).toBe(true);
  });

  it('finds a title and a department for at least 99 % (all, at the time of writing)', () => {
    const missing = results.filter(({ result }) => !result.records[0]?.title || !result.records[0]?.department);
    expect(share(files.length - missing.length)).toBeGreaterThanOrEqual(0.99);
    expect(missing.map(({ f }) => f)).toEqual([]);
  });

  it('reads the 예산 for at least 99 % and every 지출 as won, never above what the warnings admit', () => {
    const withBudget = records.filter((r) =>
      r?.budget?.lines.some((l) => l.kind === 'allocated' && l.amount.unit === '원'),
    );
    expect(share(withBudget.length)).toBeGreaterThanOrEqual(0.99);
    expect(results.flatMap(({ result }) => result.warnings)).toEqual([]);
    for (const r of records) {
      for (const l of r?.budget?.lines ?? []) expect(Number.isSafeInteger(l.amount.won)).toBe(true);
    }
  });

  it('dates the 경위/계획 items it keeps as milestones', () => {
    const milestones = records.flatMap((r) => r?.milestones ?? []);
    expect(milestones.length).toBeGreaterThan(3000);
    const resolved = milestones.filter((m) => m.date?.start);
    expect(resolved.length / milestones.length).toBeGreaterThan(0.97);
  });
});

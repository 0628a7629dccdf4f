import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetLine, ProjectRecord } from '../../../src/domain/project.js';
import type { SourceDocument } from '../../../src/ingest/document.js';
import { annualReportFamily } from '../../../src/ingest/families/annual-report.js';
import { normalizeText } from '../../../src/ingest/normalize.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { SAMPLES, realDocuments } from '../../helpers.js';

const SAMPLE = join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt');

function parseFile(path: string) {
  return parseDocument(loadDocument(path).doc);
}

function parseText(text: string, name = 'synthetic-annual-report.txt') {
  const doc: SourceDocument = { path: name, name, encoding: 'utf-8', lines: normalizeText(text) };
  return { doc, result: parseDocument(doc) };
}

function byTitle(records: ProjectRecord[], title: string, phase: 'report' | 'plan'): ProjectRecord {
  const found = records.filter((r) => r.title === title && r.phase === phase);
  expect(found, `${phase} ${title}`).toHaveLength(1);
  return found[0]!;
}

function line(record: ProjectRecord, kind: BudgetLine['kind'], item: string | null = null): BudgetLine {
  const found = record.budget?.lines.find((l) => l.kind === kind && l.item === item);
  expect(found, `${record.title} ${kind} ${item}`).toBeDefined();
  return found!;
}

describe('annual-report family: 영등포구 감사담당관 주요업무 추진실적', () => {
  const result = parseFile(SAMPLE);
  const { records } = result;
  const dept = records.find((r) => r.kind === 'department')!;
  const reports = records.filter((r) => r.kind === 'project' && r.phase === 'report');
  const plans = records.filter((r) => r.kind === 'project' && r.phase === 'plan');

  it('is detected and names the organisation', () => {
    expect(result.family).toBe('annual-report');
    expect(result.organization).toBe('영등포구');
    expect(records.every((r) => r.organization === '영등포구' && r.department === '감사담당관')).toBe(true);
  });

  it('reads the department: seven teams with their duties and the staffing totals', () => {
    expect(dept.title).toBe('감사담당관');
    expect(dept.year).toBe(2015);
    expect(dept.orgTeams.map((t) => t.name)).toEqual([
      '감사팀',
      '조사팀',
      '민원관리팀',
      '계약심사팀',
      '순찰팀',
      '인권팀',
      '현장행정지원팀',
    ]);
    const duties = new Map(dept.orgTeams.map((t) => [t.name, t.duties]));
    expect(duties.get('감사팀')).toEqual(['자체감사실시', '청렴도향상추진', '공직기강확립', '자율적내부통제']);
    expect(duties.get('계약심사팀')).toEqual(['물품계약심사', '용역계약심사', '공사계약심사']);
    expect(duties.get('인권팀')).toContain('분야별 인권증진 세부계획 수립');
    expect(duties.get('현장행정지원팀')).toEqual(['현장민원사항 확인 및 조사', '안전·복지관련 민원처리']);
    expect(dept.staffing.find((s) => s.group === '계')).toMatchObject({ authorized: 27, current: 28 });
    // The grade columns lost their empty cells in the PDF: only the total is read, and the parser says so.
    expect(result.warnings.some((w) => w.line === 68 && /직급별/.test(w.message))).toBe(true);
  });

  it('reads the department budget table with the unit printed after it', () => {
    const total = (kind: BudgetLine['kind']) => line(dept, kind);
    expect(total('allocated').amount).toEqual({ won: 287_494_000, unit: '천원', written: '287,494' });
    expect(total('executed')).toMatchObject({ period: '10.31기준', year: 2015, amount: { won: 223_512_000 } });
    expect(total('expected')).toMatchObject({ period: '12.31까지', amount: { won: 275_884_000 } });
    expect(total('balance')).toMatchObject({ amount: { won: 11_610_000, written: '11,610' } });
    expect(total('allocated').src.lines).toEqual([80, 80]);
    expect(dept.status?.asOf).toBe('2015-10-31');
    expect(line(dept, 'allocated', '순찰 행정').amount.won).toBe(18_630_000);
    expect(line(dept, 'executed', '순찰 행정').amount.won).toBe(16_040_000);
    expect(line(dept, 'expected', '순찰 행정').amount.won).toBe(18_630_000);
    // "-" in the 잔액 column is no amount, not a zero.
    expect(dept.budget!.lines.some((l) => l.item === '순찰 행정' && l.kind === 'balance')).toBe(false);
    expect(line(dept, 'allocated', '기본 경비').amount.won).toBe(152_343_000);
    expect(new Set(dept.budget!.lines.map((l) => l.item))).toHaveProperty('size', 9);
  });

  it('makes one report record per numbered project, sub-parts on their own', () => {
    expect(reports.map((r) => r.title)).toEqual([
      '감사의 내실화 및 공직기강 확립',
      '구정 청렴도 향상',
      '인터넷·고충민원 관리',
      '공익신고자 보호 및 지원',
      '계약심사제 운영',
      '현장중심의 생활순찰 운영',
      '인권도시 영등포구 구현',
    ]);
    expect(reports.every((r) => r.year === 2015)).toBe(true);
    expect(reports.some((r) => r.title === '고객중심 민원처리 및 관리')).toBe(false);
    const part = byTitle(records, '인터넷·고충민원 관리', 'report');
    expect(part.aliases).toEqual(['고객중심 민원처리 및 관리']);
    expect(part.teams).toEqual(['민원관리팀']);
    expect(byTitle(records, '현장중심의 생활순찰 운영', 'report').teams).toEqual(['순찰팀', '현장행정지원팀']);
    expect(byTitle(records, '구정 청렴도 향상', 'report').teams).toEqual(['감사팀', '조사팀']);
  });

  it('reads each project budget: 예산액, 집행액 and the rate written and computed', () => {
    const audit = byTitle(records, '감사의 내실화 및 공직기강 확립', 'report');
    expect(audit.teams).toEqual(['감사팀']);
    expect(line(audit, 'allocated')).toMatchObject({ year: 2015, funding: '구비', amount: { won: 20_263_000 } });
    expect(line(audit, 'executed').amount).toEqual({ won: 16_752_000, unit: '천원', written: '16,752' });
    expect(audit.budget!.rates).toEqual([expect.objectContaining({ written: 83, computed: 82.7 })]);
    expect(audit.budget!.notes.map((n) => n.text)).toEqual(['구비100%']);
    expect(line(audit, 'allocated').src).toEqual({ section: '예산현황', lines: [179, 179] });

    const online = byTitle(records, '인터넷·고충민원 관리', 'report');
    expect(line(online, 'allocated').amount.won).toBe(10_730_000);
    expect(line(online, 'executed').amount.won).toBe(9_766_000);
    expect(online.budget!.rates[0]).toMatchObject({ written: 91, computed: 91 });
    const whistle = byTitle(records, '공익신고자 보호 및 지원', 'report');
    expect(line(whistle, 'allocated').amount.won).toBe(3_000_000);
    expect(line(whistle, 'executed').amount.won).toBe(1_395_000);
    expect(whistle.budget!.rates[0]).toMatchObject({ written: 47, computed: 46.5 });
  });

  it('makes the plan records of the next year with 소요예산', () => {
    expect(plans).toHaveLength(7);
    expect(plans.every((r) => r.year === 2016)).toBe(true);
    const rights = byTitle(records, '사람중심, 행복한 삶을 위한 인권 영등포구 구현', 'plan');
    expect(line(rights, 'required')).toMatchObject({ period: '소요예산', year: 2016, funding: '구비' });
    expect(line(rights, 'required').amount).toEqual({ won: 10_930_000, unit: '천원', written: '10,930' });
    expect(line(byTitle(records, '감사의 내실화 및 공직기강 확립', 'plan'), 'required').amount.won).toBe(21_371_000);
    const parts = plans.filter((r) => r.aliases.includes('생활 속 주민불편 및 갈등해결, 고충민원 관리'));
    expect(parts.map((r) => r.title)).toEqual(['주민불편 및 갈등해결, 고충민원 관리', '공익신고자 보호 및 지원']);
    expect(parts.map((r) => line(r, 'required').amount.won)).toEqual([10_730_000, 3_000_000]);
  });

  it('keeps keys distinct between the report and the plan of the same project', () => {
    const keys = records.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const report = byTitle(records, '계약심사제 운영', 'report');
    const plan = byTitle(records, '계약심사제 운영', 'plan');
    expect(report.key).toBe('영등포구/감사담당관/2015/report/계약심사제 운영');
    expect(plan.key).toBe('영등포구/감사담당관/2016/plan/계약심사제 운영');
    expect(keys.every((k) => !k.includes('#'))).toBe(true);
  });

  it('resolves milestones against the record year', () => {
    const rights = byTitle(records, '인권도시 영등포구 구현', 'report');
    const planned = rights.milestones.filter((m) => m.done === false);
    expect(planned.map((m) => [m.date?.start, m.date?.end, m.date?.precision])).toEqual([
      ['2015-11-11', '2015-11-11', 'day'],
      ['2015-12-01', '2015-12-31', 'month'],
    ]);
    expect(planned[0]!.text).toContain('인권교육 실시');
    expect(planned[1]!.src.lines).toEqual([450, 450]);
    const done = rights.milestones.filter((m) => m.done === true);
    expect(done.some((m) => m.date?.start === '2015-04-20')).toBe(true);

    const integrity = byTitle(records, '구정 청렴도 향상', 'report');
    expect(integrity.milestones.find((m) => m.date?.written === '6.17 ~ 30')).toMatchObject({
      done: true,
      date: { start: '2015-06-17', end: '2015-06-30' },
    });
    // "2014년 … 사례집 발간 : 7.15(수)": the year names the casebook; the date is of the report year.
    const contracts = byTitle(records, '계약심사제 운영', 'report');
    expect(contracts.milestones.find((m) => m.text.includes('사례집'))?.date?.start).toBe('2015-07-15');

    const plan = byTitle(records, '사람중심, 행복한 삶을 위한 인권 영등포구 구현', 'plan');
    const review = plan.milestones.filter((m) => m.text.includes('심사분석 : 7월'));
    expect(review.map((m) => m.date?.start)).toEqual(['2016-07-01', '2016-12-01']);
    expect(review.every((m) => m.done === false)).toBe(true);
  });

  it('puts provenance on every record and fact', () => {
    for (const r of records) {
      expect(r.src.lines[0]).toBeGreaterThan(0);
      for (const l of r.budget?.lines ?? []) expect(l.src.section).not.toBeNull();
    }
    expect(byTitle(records, '감사의 내실화 및 공직기강 확립', 'report').src.lines).toEqual([114, 179]);
  });
});

/** The sample rewritten the way another department's report differs: teams, units, columns, projects, years. */
function variantText(): string {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n');
  const at = (pattern: RegExp, from = 0) => lines.findIndex((l, i) => i >= from && pattern.test(l));
  // Org chart: a 총무과 with three teams and its own duties.
  const orgStart = at(/^1 조 직/);
  const staffStart = at(/^2 인 력/);
  lines.splice(
    orgStart,
    staffStart - orgStart,
    '1 조 직',
    '',
    '총 무 과 - (3)개팀',
    '',
    '행정팀 예산팀 교육팀',
    '',
    '- 행정 서무',
    '',
    '- 문서관리',
    '',
    '- 예산 편성',
    '',
    '- 결산',
    '',
    '- 교육 운영',
    '',
    '- 교육 평가',
    '',
  );
  // Budget table with fewer columns, in 백만원, the unit printed before the table.
  const budgetStart = at(/^ 3 예 산 현 황/);
  const budgetEnd = at(/^\(단위 : 천원\)/, budgetStart);
  lines.splice(
    budgetStart,
    budgetEnd - budgetStart + 1,
    ' 3 예 산 현 황',
    '(단위 : 백만원)',
    '구 분 예 산 액 집 행 액',
    '',
    '계 1,200 900',
    '',
    '행정 지원 700 600',
    '',
    '교육 운영 500 300',
    '',
  );
  // No table of contents.
  for (let i = lines.length - 1; i >= 0; i--)
    if (/·{5,}/.test(lines[i]!) || /^연 번/.test(lines[i]!)) lines.splice(i, 1);
  // Drop project 2 in both parts and renumber the rest.
  for (;;) {
    const start = at(/^ 2 구정 청렴도 향상/);
    if (start < 0) break;
    const end = at(/^ 3 /, start);
    lines.splice(start, end - start);
  }
  const projectsFrom = at(/주요업무 추진실적$/);
  for (let i = projectsFrom; i < lines.length; i++) {
    lines[i] = lines[i]!.replace(/^( ?)([3-6]) (?=\S)/, (_, sp: string, n: string) => `${sp}${Number(n) - 1} `);
  }
  return lines
    .join('\n')
    .replace(/현장행정지원팀|민원관리팀|인권팀/g, '교육팀')
    .replace(/계약심사팀/g, '예산팀')
    .replace(/감사팀|순찰팀/g, '행정팀')
    .replace(/\(단위:천원\)/g, '(단위:백만원)')
    .replace(/(\d)천원 \(구비/g, '$1백만원 (구비')
    .replace(/2016/g, '2020')
    .replace(/2015/g, '2019')
    .replace(/2014/g, '2018');
}

describe('annual-report family on a variant of another department', () => {
  const { doc, result } = parseText(variantText());
  const { records } = result;
  const dept = records.find((r) => r.kind === 'department')!;

  it('is still detected', () => {
    expect(annualReportFamily.detect(doc)).toBeGreaterThan(0.5);
    expect(result.family).toBe('annual-report');
  });

  it('reads the other org chart and the shorter budget table in 백만원', () => {
    expect(dept.title).toBe('총무과');
    expect(dept.year).toBe(2019);
    expect(dept.orgTeams.map((t) => [t.name, t.duties])).toEqual([
      ['행정팀', ['행정 서무', '문서관리']],
      ['예산팀', ['예산 편성', '결산']],
      ['교육팀', ['교육 운영', '교육 평가']],
    ]);
    expect(line(dept, 'allocated').amount).toEqual({ won: 1_200_000_000, unit: '백만원', written: '1,200' });
    expect(line(dept, 'executed')).toMatchObject({ period: '집행액', amount: { won: 900_000_000 } });
    expect(line(dept, 'executed', '교육 운영').amount.won).toBe(300_000_000);
    expect(dept.budget!.lines.some((l) => l.kind === 'expected' || l.kind === 'balance')).toBe(false);
    expect(dept.budget!.rates).toEqual([expect.objectContaining({ written: null, computed: 75 })]);
    expect(dept.status).toBeNull();
  });

  it('follows the renumbered projects, their teams, units and years', () => {
    const reports = records.filter((r) => r.phase === 'report' && r.kind === 'project');
    const plans = records.filter((r) => r.phase === 'plan');
    expect(reports).toHaveLength(6);
    expect(plans).toHaveLength(6);
    expect(records.some((r) => r.title === '구정 청렴도 향상')).toBe(false);
    expect(reports.every((r) => r.year === 2019 && r.department === '총무과')).toBe(true);
    expect(plans.every((r) => r.year === 2020)).toBe(true);
    const audit = byTitle(records, '감사의 내실화 및 공직기강 확립', 'report');
    expect(audit.teams).toEqual(['행정팀']);
    expect(line(audit, 'allocated').amount).toEqual({ won: 20_263_000_000, unit: '백만원', written: '20,263' });
    const patrol = byTitle(records, '현장중심의 생활순찰 운영', 'report');
    expect(patrol.teams).toEqual(['행정팀', '교육팀']);
    const plan = byTitle(records, '사람중심, 행복한 삶을 위한 인권 영등포구 구현', 'plan');
    expect(line(plan, 'required').amount).toEqual({ won: 10_930_000_000, unit: '백만원', written: '10,930' });
    expect(plan.milestones.some((m) => m.date?.start === '2020-07-01')).toBe(true);
    expect(byTitle(records, '공익신고자 보호 및 지원', 'report').aliases).toEqual(['고객중심 민원처리 및 관리']);
  });

  it('falls back to the year after the report when the plan names no year', () => {
    const { result: noPlanYear } = parseText(variantText().replace(/2020/g, ''));
    const plans = noPlanYear.records.filter((r) => r.phase === 'plan');
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((r) => r.year === 2020)).toBe(true);
  });
});

/** Another layout of the family written from scratch: years in the part headings, one team per org-chart line,
 * staffing by team, "가." sub-parts, a 국비/구비 split, a 비예산 part and a shared 소요예산. */
const HANDMADE = `1. 일반현황

1 조직

도시재생과 - (2)개팀

재생기획팀

- 재생계획 수립

- 재생사업 예산

마을재생팀

- 마을재생 지원

2 인력

구분 정원 현원 과부족

계 12 11 △1

재생기획팀 6 6 -

마을재생팀 6 5 △1

3 예산현황

(단위 : 백만원)

구분 예산액 집행액 집행율(%)

계 5,000 4,000 80

도시재생 사업 5,000 4,000 80

2. 2019년 주요업무 추진실적

 1 도시재생 뉴딜 사업 재생기획팀

노후 주거지를 살리고자 함

□ 추진실적

○ 주민설명회 개최 : 3.15

○ 사업계획 승인 : 2019. 6. 30.

□ 예산현황 (단위:백만원)

구분 예산액 집행액 집행률

계 4,000 3,000 75

국비 2,000 1,500 75

구비 2,000 1,500 75

 2 마을 공동체 활성화 마을재생팀, 재생기획팀

마을 공동체를 키우고자 함

가. 마을학교 운영

□ 추진실적

○ 마을학교 개강 : 4월

□ 예산현황 : 비예산 사업

나. 마을축제 지원

□ 추진실적

○ 마을축제 : 10.5 ~ 10.6

□ 예산현황 (단위:백만원)

예산액 집행액

1,000 1,000

3. 2020년 주요업무 추진계획

 1 도시재생 뉴딜 사업 재생기획팀

사업을 마무리하고자 함

□ 추진일정

○ 준공 : 12월

□ 소요예산 : 3,500백만원 (국비 50%, 구비 50%)`;

describe('annual-report family on a handmade report of another layout', () => {
  const { doc, result } = parseText(HANDMADE, 'handmade.txt');
  const { records } = result;
  const dept = records.find((r) => r.kind === 'department')!;

  it('reads the department from its own layout', () => {
    expect(annualReportFamily.detect(doc)).toBeGreaterThan(0.5);
    expect(result.family).toBe('annual-report');
    expect(result.warnings).toEqual([]);
    expect(dept).toMatchObject({ title: '도시재생과', year: 2019, department: '도시재생과' });
    expect(dept.orgTeams.map((t) => [t.name, t.duties])).toEqual([
      ['재생기획팀', ['재생계획 수립', '재생사업 예산']],
      ['마을재생팀', ['마을재생 지원']],
    ]);
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 12, 11],
      ['재생기획팀', 6, 6],
      ['마을재생팀', 6, 5],
    ]);
    expect(line(dept, 'allocated').amount).toEqual({ won: 5_000_000_000, unit: '백만원', written: '5,000' });
    expect(dept.budget!.rates).toEqual([expect.objectContaining({ written: 80, computed: 80 })]);
  });

  it('takes the years from the part headings and splits budgets by source', () => {
    const report = byTitle(records, '도시재생 뉴딜 사업', 'report');
    expect(report.year).toBe(2019);
    expect(report.budget!.lines.filter((l) => l.kind === 'allocated').map((l) => [l.funding, l.amount.won])).toEqual([
      ['계', 4_000_000_000],
      ['국비', 2_000_000_000],
      ['구비', 2_000_000_000],
    ]);
    expect(report.budget!.rates).toHaveLength(1);
    expect(report.milestones.map((m) => m.date?.start)).toEqual(['2019-03-15', '2019-06-30']);

    const school = byTitle(records, '마을학교 운영', 'report');
    expect(school.aliases).toEqual(['마을 공동체 활성화']);
    expect(school.teams).toEqual(['마을재생팀', '재생기획팀']);
    expect(school.budget).toMatchObject({ noBudget: '비예산 사업', lines: [] });
    const festival = byTitle(records, '마을축제 지원', 'report');
    expect(festival.milestones[0]!.date).toMatchObject({ start: '2019-10-05', end: '2019-10-06' });
    expect(festival.budget!.rates).toEqual([expect.objectContaining({ written: null, computed: 100 })]);

    const plan = byTitle(records, '도시재생 뉴딜 사업', 'plan');
    expect(plan.year).toBe(2020);
    expect(line(plan, 'required')).toMatchObject({ funding: null, amount: { won: 3_500_000_000, unit: '백만원' } });
    expect(plan.budget!.notes.map((n) => n.text)).toEqual(['국비 50%, 구비 50%']);
    expect(plan.milestones[0]).toMatchObject({ done: false, date: { start: '2020-12-01', end: '2020-12-31' } });
    expect(records).toHaveLength(5);
  });
});

describe('annual-report detection on the other families', () => {
  const files = realDocuments();

  it('covers all seventeen documents', () => {
    expect(files).toHaveLength(17);
  });

  for (const file of files) {
    const expected = file === SAMPLE ? 'positive' : 'zero';
    it(`${file.split('/').pop()} scores ${expected}`, () => {
      const score = annualReportFamily.detect(loadDocument(file).doc);
      if (file === SAMPLE) expect(score).toBeGreaterThan(0.8);
      else expect(score).toBe(0);
    });
  }
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetLine, ProjectRecord } from '../../../src/domain/project.js';
import { policySheetFamily } from '../../../src/ingest/families/policy-sheet.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { SAMPLES, parseText, realDocuments } from '../../helpers.js';

const HUMAN_RIGHTS = join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt');
const GOVERNANCE = join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt');

function only(path: string): { record: ProjectRecord; result: ReturnType<typeof parseDocument> } {
  const result = parseDocument(loadDocument(path).doc);
  expect(result.records).toHaveLength(1);
  return { record: result.records[0]!, result };
}


function line(lines: BudgetLine[], period: string, kind: string, funding: string): BudgetLine {
  const found = lines.filter((l) => l.period === period && l.kind === kind && l.funding === funding);
  expect(found, `${period} ${kind} ${funding}`).toHaveLength(1);
  return found[0]!;
}

describe('policy-sheet: 수원시 정책실명제 3-8-76 인권보호 거버넌스', () => {
  const { record, result } = only(HUMAN_RIGHTS);

  it('is detected and keyed by organisation and code', () => {
    expect(result.family).toBe('policy-sheet');
    expect(result.organization).toBe('수원시');
    expect(result.warnings).toEqual([]);
    expect(record.code).toBe('3-8-76');
    expect(record.title).toBe('인권보호 거버넌스 구축 및 인권조직 위상 강화');
    expect(record.key).toBe('수원시/3-8-76');
    expect(record.organization).toBe('수원시');
    expect(record.department).toBe('인권담당관');
    expect(record.category).toBe('약속');
  });

  it('reads the status row: 추진중 at 80 %, target 2022. 12., reported up to 2021. 3. 31.', () => {
    expect(record.status).toMatchObject({
      stateWritten: '추진중',
      state: 'in_progress',
      progressPct: 80,
      targetWritten: '2022. 12.',
      targetMonth: '2022-12',
      asOf: '2021-03-31',
    });
    expect(record.status?.src.lines).toEqual([7, 8]);
    expect(record.status?.period).toMatchObject({ start: '2018-07-01', end: null, precision: 'ongoing' });
  });

  it('takes "해 당 없 음" spread over the budget cells as no budget, never as zeros', () => {
    expect(record.budget?.noBudget).toBe('해당없음');
    expect(record.budget?.lines).toEqual([]);
  });

  it('reads the contact table, carrying the department down', () => {
    expect(record.contacts.map((c) => [c.name, c.position, c.department, c.extension])).toEqual([
      ['박동일', '인권담당관', '인권담당관', '2580'],
      ['안세진', '인권센터장', '인권담당관', '2618'],
      ['정하영', '주무관', '인권담당관', '2619'],
    ]);
    expect(record.contacts[0]?.src).toEqual({ section: '민선7기 시민과의 약속 정책실명제', lines: [88, 88] });
  });

  it('reads the four 향후추진계획 milestones with resolved half-years', () => {
    const planned = record.milestones.filter((m) => m.src.section === '향후추진계획');
    expect(planned.map((m) => [m.text, m.date?.written, m.date?.start, m.date?.end, m.done])).toEqual([
      ['내부 협의체 간담회 및 협력방안 논의', '2021. 하반기', '2021-07-01', '2021-12-31', false],
      ['외부 협의체 간담회 및 이행방안 논의', '2021. 하반기', '2021-07-01', '2021-12-31', false],
      ['인권보호 거버넌스 업무협약(MOU) 체결', '2022. 상반기', '2022-01-01', '2022-06-30', false],
      ['운영위원회 및 실무협의회 구성·운영', '2022. 하반기', '2022-07-01', '2022-12-31', false],
    ]);
    expect(planned[0]?.src.lines).toEqual([81, 81]);
  });

  it('reads dated items of 성과지표별 추진현황 as milestones done by the reporting date', () => {
    const done = record.milestones.filter((m) => m.src.section === '성과지표별 추진현황');
    expect(done.every((m) => m.done === true)).toBe(true);
    expect(done.find((m) => m.text === '인권담당관 조직 신설')?.date).toMatchObject({
      start: '2019-01-21',
      precision: 'day',
    });
    // Two dates closing one item make one span.
    expect(done.find((m) => m.text === '전국인권보호관 협의회 회의참석')?.date).toMatchObject({
      start: '2020-12-07',
      end: '2021-03-12',
    });
  });

  it('reads the indicator tables, yearly and quarterly, with 누적 추진율 목표/현재', () => {
    const rate = record.indicators.find((i) => i.name === '누적 추진율');
    expect(rate?.cumulative).toBe(true);
    expect(rate?.unit).toBe('%');
    expect(rate?.targets).toEqual([
      { period: '2018년', value: '5%' },
      { period: '2019년', value: '65%' },
      { period: '2020년', value: '80%' },
      { period: '2021년 2분기', value: '85%' },
      { period: '2021년 4분기', value: '90%' },
      { period: '2022년 6월까지', value: '95%' },
      { period: '2022년 7월이후', value: '100%' },
    ]);
    expect(rate?.actuals).toEqual([{ period: '2021년 1분기', value: '80%' }]);
    const meetings = record.indicators.find((i) => i.name === '간담회 개최 및 업무협약 체결');
    expect(meetings?.targets).toEqual([
      { period: '2021년 2분기', value: '5' },
      { period: '2021년 4분기', value: '5' },
    ]);
    expect(record.indicators.find((i) => i.name === '대상 선정 및 계획 수립')?.targets).toHaveLength(3);
  });

  it('reads 문제점 and 대책 as one issue, and 사업변경내역 "해당없음" as no change', () => {
    expect(record.issues).toHaveLength(1);
    expect(record.issues[0]?.problem).toBe('코로나19로 인하여 협업기관과의 전체 간담회 개최가 어려움');
    expect(record.issues[0]?.countermeasure).toBe('2분기에는 협업기관 대상으로 개별협의 우선 진행 예정');
    expect(record.issues[0]?.src.lines).toEqual([73, 77]);
    expect(record.changes).toEqual([]);
  });
});

describe('policy-sheet: 수원시 정책실명제 협치시정 활성화 (no code or title line)', () => {
  const { record, result } = only(GOVERNANCE);
  const lines = record.budget?.lines ?? [];
  const M = 1_000_000;

  it('derives the title from 사업대상 and keys by organisation, department and title', () => {
    expect(result.family).toBe('policy-sheet');
    expect(record.code).toBeNull();
    expect(record.title).toBe('협치시정 활성화');
    expect(record.key).toBe('수원시/정책기획과/협치시정 활성화');
    expect(record.category).toBe('약속');
    expect(record.department).toBe('정책기획과');
    // The derived title is worth a warning; nothing else is.
    expect(result.warnings).toHaveLength(1);
  });

  it('reads the ○ in 완료지속추진 as the state, beside 100 %', () => {
    expect(record.status).toMatchObject({
      stateWritten: '완료지속추진',
      state: 'completed_ongoing',
      progressPct: 100,
      targetMonth: '2019-12',
    });
  });

  it('reads the budget table: 소요예산, 확보/집행 by year, plans, by funding source', () => {
    expect(record.budget?.noBudget).toBeNull();
    expect(line(lines, '소요예산 (a~g합계)', 'required', '계').amount).toEqual({
      won: 116 * M,
      unit: '백만원',
      written: '116',
    });
    expect(line(lines, '소요예산 (a~g합계)', 'required', '시비').amount.won).toBe(116 * M);
    const years: Array<[string, number, number, number]> = [
      ['2019년', 2019, 31, 15],
      ['2020년', 2020, 32, 14],
      ['2021년', 2021, 29, 0],
    ];
    for (const [period, year, allocated, executed] of years) {
      for (const funding of ['계', '시비']) {
        const a = line(lines, period, 'allocated', funding);
        expect(a.year).toBe(year);
        expect(a.amount.won).toBe(allocated * M);
        expect(line(lines, period, 'executed', funding).amount.won).toBe(executed * M);
      }
    }
    const plans = lines.filter((l) => l.kind === 'planned' && l.funding === '계');
    expect(plans.map((l) => [l.period, l.year, l.amount.won])).toEqual([
      ['2022.6월까지', 2022, 29 * M],
      ['2022.7월이후', 2022, 29 * M],
    ]);
    expect(line(lines, '2019년', 'allocated', '계').src).toEqual({
      section: '예산투자현황 및 투자계획',
      lines: [23, 23],
    });
    expect(record.budget?.notes.map((n) => n.text)).toEqual(['소요예산 : 29백만원(2021년)']);
  });

  it('reads the seven dated 향후추진계획 milestones, "-----" and ranges included', () => {
    const planned = record.milestones.filter((m) => m.src.section === '향후추진계획');
    expect(planned).toHaveLength(7);
    expect(planned[0]).toMatchObject({
      text: '협치 시정 활성화 연구용역',
      date: { written: '2021. 4. ~ 10.', start: '2021-04-01', end: '2021-10-31', precision: 'month' },
      done: false,
    });
    expect(planned[5]?.date).toMatchObject({ start: '2021-11-01', end: '2022-02-28' });
    expect(planned[6]).toMatchObject({
      text: '제2기 협치위원회 구성·위촉',
      date: { start: '2021-12-01', end: '2021-12-31' },
    });
  });

  it('reads the contacts and teams', () => {
    expect(record.contacts.map((c) => [c.name, c.position, c.department, c.team, c.extension])).toEqual([
      ['박사승', '정책기획과장', '정책기획과', null, '2050'],
      ['원순호', '정책팀장', '정책기획과', '정책팀', '2045'],
      ['이태환', '주무관', '정책기획과', null, '3146'],
    ]);
    expect(record.teams).toEqual(['정책팀']);
  });

  it('reads 문제점 "해당없음" as no issue', () => {
    expect(record.issues).toEqual([]);
  });
});

describe('policy-sheet: detection and odd sheets', () => {
  it('scores 0 on every other family of document', () => {
    const others = realDocuments().filter((p) => p.endsWith('.txt') && !p.includes('policy-sheet'));
    expect(others.length).toBeGreaterThanOrEqual(12);
    for (const path of others) expect(policySheetFamily.detect(loadDocument(path).doc), path).toBe(0);
  });

  it('reads a sheet with a marked 완료종료, a funding table with 국비 and ☎ contacts, without throwing', () => {
    const result = parseText(
      [
        '1-2-3',
        '청년 창업 공간 조성',
        '사업구분\t완료종료\t완료지속추진\t추진중 (전체 사업진도율(%))\t목표연월\t담당부서\t비고',
        '공약\t○\t-\t-\t2020. 6.\t일자리정책과\t',
        '1. 사업개요',
        '- 사업기간 : 2019. 1. ~ 2020. 6.',
        '2. 예산투자현황 및 투자계획',
        '(단위 : 천원)',
        '구분\t소요예산\t2019년\t\t2020년',
        '\t\t확보\t집행\t확보',
        '국비\t1,500\t500\t400\t1,000',
        '이상한 줄\t???',
        '8. 향후추진계획',
        '- 개소식 개최 2020. 6.',
        '- 날짜 없는 계획',
        '담당 : 홍길동 ☎ 031-228-1234',
        '일자리정책과장 : 김철수 ☎ 031-228-2000',
      ].join('\n'),
    );
    expect(result.family).toBe('policy-sheet');
    const record = result.records[0]!;
    expect(record.key).toBe('1-2-3');
    expect(record.status).toMatchObject({ stateWritten: '완료종료', state: 'completed', targetMonth: '2020-06' });
    const budget = record.budget!;
    expect(budget.lines.map((l) => [l.period, l.kind, l.funding, l.amount.won])).toEqual([
      ['소요예산', 'required', '국비', 1_500_000],
      ['2019년', 'allocated', '국비', 500_000],
      ['2019년', 'executed', '국비', 400_000],
      ['2020년', 'allocated', '국비', 1_000_000],
    ]);
    expect(record.milestones.map((m) => [m.text, m.date?.start ?? null])).toEqual([
      ['개소식 개최', '2020-06-01'],
      ['날짜 없는 계획', null],
    ]);
    expect(result.warnings.map((w) => w.line)).toContain(15);
    expect(record.contacts.map((c) => [c.name, c.extension])).toEqual([
      ['홍길동', '1234'],
      ['김철수', '2000'],
    ]);
  });
});

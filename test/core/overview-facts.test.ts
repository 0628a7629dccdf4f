import { afterAll, describe, expect, it } from 'vitest';
import { replyBody } from '../../scripts/lib/evaluate.js';
import { commandContext } from '../../src/core/context.js';
import { overviewFact } from '../../src/core/overview-facts.js';
import { answer, CORPUS, knowledgeOf } from '../helpers.js';

// Real 부산 plans whose 기본현황 state figures in small titled tables and "label : value" lines.
const { store, knowledge } = knowledgeOf([
  `${CORPUS}/busan-2025-plan-spokesperson.txt`,
  `${CORPUS}/busan-2025-plan-hrdi.txt`,
  `${CORPUS}/busan-2025-plan-waterworks.txt`,
  'test/fixtures/plans/busan-2025-plan-culture-sports.layout.txt',
  'test/fixtures/plans/busan-2025-plan-housing-architecture.raw.txt',
]);
afterAll(() => store.close());
const ask = (q: string) => {
  const r = answer(q, knowledge);
  return { r, body: replyBody(r) };
};
const fact = (q: string) => overviewFact(q, commandContext(knowledge));

describe('a figure of a department overview, asked without naming a project', () => {
  it('reads "대변인실" as the office of 대변인: its budget is the overview\'s 세출 (an example of issue 18)', () => {
    const { r, body } = ask('대변인실 예산');
    expect(r.title).toBe('부산광역시 대변인');
    expect(body).toContain('17,647백만원');
  });

  it('a count asked of a titled table is its 계 cell, with the table\'s unit and its header and row cited', () => {
    const { r, body } = ask('출입 언론기관 몇 개사');
    expect(r.title).toBe('부산광역시 대변인');
    expect(body).toContain('계: 104개사');
    expect(r.sources).toEqual(['busan-2025-plan-spokesperson.txt · 기본현황 · 81–87행']);
    expect(ask('체육시설 수').body).toContain('계: 1,935개소');
  });

  it('a row of a titled table with a column named ("증감", "세출") is that cell', () => {
    const { body } = ask('문화예술과 세출');
    expect(body).toContain('172,730');
  });

  it('a "label : value" line of the department asked is quoted as written, with its line', () => {
    const parking = ask('인재개발원 주차장 몇 면');
    expect(parking.body).toContain('원문: 주차장         367면');
    expect(parking.r.sources).toEqual(['busan-2025-plan-hrdi.txt · 기본현황 · 115행']);
    expect(ask('정수장 용량').body).toContain('1,899천톤/일');
    // The department asked by name: any line of its plan, a year asked among its words.
    expect(ask('상수도 2023년 당기순손실').body).toContain("'23년 364억 당기순손실");
  });

  it('a staffing word alone names no table: "6급 정원" is not answered from a caption that says 정원 / 현원', () => {
    expect(fact('6급 정원')).toBeNull();
    expect(replyBody(answer('6급 정원', knowledge))).not.toMatch(/6급 현원/);
  });

  it('a word that is only the tail of a unit\'s name ("산업과", "담당") names no column', () => {
    expect(fact('산업과 정원')).toBeNull();
    expect(fact('담당 정원')).toBeNull();
  });

  it('words nothing in an overview accounts for are not answered from one', () => {
    expect(fact('출입 언론기관 예산 집행률')).toBeNull();
    expect(fact('주차장 요금')).toBeNull();
  });

  it('a 과 the chart lists, asked its 인원, is the count the chart writes under its name, claimed as neither 정원 nor 현원', () => {
    // busan-2025-plan-hrdi.txt lines 37–38: "교육지원과   전문교육과   역량교육과" over "(18명)   (17명)   (12명)".
    const { r, body } = ask('교육지원과 인원');
    expect(r.title).toBe('부산광역시 인재개발원 · 교육지원과');
    expect(body).toContain('교육지원과: 18명');
    expect(body).toContain('정원·현원 구분 없음');
    expect(r.sources).toEqual(['busan-2025-plan-hrdi.txt · 기본현황 · 37–38행']);
    expect(ask('역량교육과 인원').body).toContain('역량교육과: 12명');
  });

  it('a department named without a unit suffix ("대변인") answers its 계 cell', () => {
    expect(ask('대변인 세출').body).toContain('세출 (계): 17,647백만원');
  });

  it('an item whose sub-line carries the year asked is quoted with that sub-line, cited without the overview\'s section', () => {
    // busan-2025-plan-waterworks.txt 129–130: "ㅇ유수율 93.5% 성과달성으로 …" / " - '24년도 목표 초과(+0.6%) …".
    const { r, body } = ask('상수도 2024년 유수율');
    expect(body).toContain('ㅇ유수율 93.5% 성과달성으로');
    expect(body).toContain("'24년도 목표 초과");
    expect(r.sources).toEqual(['busan-2025-plan-waterworks.txt · 129–130행']);
  });

  it('raw mode: a chart line run together ("주택정책과건축정책과도시정비과") names three 과, read in order', () => {
    // busan-2025-plan-housing-architecture.raw.txt 239–240 and 265–267.
    expect(ask('주택정책과 세출').body).toContain('주택정책과 세출: 364,901백만원');
    const staff = ask('도시정비과 정원');
    expect(staff.body).toContain('도시정비과 정원: 30명');
    expect(staff.r.sources).toEqual(['busan-2025-plan-housing-architecture.raw.txt · 기본현황 · 239–240행']);
    // The chart writes 정원: its figure is not a 현원, and no other department's project is the 과's 현황.
    expect(ask('도시정비과 현원').body).not.toContain('30명');
    expect(ask('도시정비과 현황').r.title).toContain('주택건축국');
  });

  it('a column the reader could not name, whose header stacks the word asked over two lines, is quoted, not read', () => {
    // busan-2025-plan-spokesperson.txt 89–93: "인터넷" over "신 문"; the row's figures are quoted as written.
    const { r, body } = ask('정기간행물 인터넷신문 수');
    expect(body).toMatch(/원문: 335 +8 +18 +32 +274 +3/);
    expect(r.sources).toEqual(['busan-2025-plan-spokesperson.txt · 기본현황 · 89–93행']);
  });
});

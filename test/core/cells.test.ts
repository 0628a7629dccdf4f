import { afterAll, describe, expect, it } from 'vitest';
import { replyBody } from '../../scripts/lib/evaluate.js';
import { answer, CORPUS, knowledgeOf } from '../helpers.js';

// Real plans: a layout header that runs the 과 names together, a two-line header that splits them, a raw-mode
// plan whose contents list repeats the part headings, a staffing figure written in a sentence.
const { store, knowledge } = knowledgeOf([
  `${CORPUS}/busan-2025-plan-youth-industry-academia.layout.txt`,
  `${CORPUS}/busan-2025-plan-planning-office.layout.txt`,
  `${CORPUS}/busan-2025-plan-waterworks.txt`,
  `${CORPUS}/busan-2025-plan-hrdi.txt`,
]);
afterAll(() => store.close());
const ask = (q: string) => {
  const r = answer(q, knowledge);
  return { r, body: replyBody(r) };
};

describe('"<unit> <column word>": one cell with its row, column, unit and line', () => {
  it('a 과 named by a header that runs the names together ("청 년 정 책 과지 산 학 협 력 과…")', () => {
    expect(ask('청년정책과 정원').body).toContain('청년정책과 정원: 28명');
    expect(ask('부산도서관 현원').body).toContain('부산도서관 현원: 38명');
    const { r, body } = ask('창조교육과 세출');
    expect(body).toContain('847,069');
    expect(r.sources.join(' ')).toMatch(/7\d행/);
  });

  it('the measure asked picks the row: a 과\'s 세입 is its 세입 cell, never the budget line of its 세출', () => {
    // The budget command strips "세입" as its own word; the message still names the row.
    const 세입 = ask('창조교육과 세입').body;
    expect(세입).toContain('창조교육과 세입: 23,988백만원');
    expect(세입).not.toContain('847,069');
    expect(ask('창조교육과 세출').body).toContain('847,069');
  });

  it('a department named with spread letters ("(기   획   관)") answers its 계 cell', () => {
    const { r, body } = ask('기획관 세출');
    expect(r.title).toContain('기획관');
    expect(body).toContain('세출 (계): 33,257백만원');
    expect(body).not.toContain('14,472');
  });

  it('a chart box over two lines ("빅데이터 / 통계담당관") is one unit; a header that interleaves a cell\'s two lines still names it', () => {
    const plan = ask('기획담당관 세출').body;
    expect(plan).toContain('14,472백만원');
    expect(plan).not.toMatch(/33,257|5,953/);
    // Lines 184–188: "담기 당 획관 담조 당 직관 …" interleaves each cell's two lines, so no column is named by
    // position or spelling: a 담당관's figure is quoted with its line, the 계 (the sum of the rest) is stated.
    const legal = ask('법무담당관 정원').body;
    expect(legal).toContain('원문: 정원  120   32      28     11    23     21     5');
    expect(legal).not.toMatch(/법무담당관 정원: /);
    expect(ask('기획관 정원').body).toContain('정원 (계): 120명');
    expect(ask('빅데이터통계담당관 세출').body).toMatch(/세출[^\n]*10,175백만원/);
    expect(ask('인구정책담당관 세입').body).toMatch(/세입[^\n]*2,551백만원/);
  });

  it('grade columns: the 계 for the department, the cell under the grade asked', () => {
    const { body } = ask('인재개발원 정원');
    expect(body).toContain('정원 (계): 46명');
    expect(body).not.toMatch(/정원[^\n]*: (?:18|9)\b/);
    // Lines 48–56: grade digits broken over three header lines ("3  4 급  5 급 급" / "6 급" / "7  8급이하").
    expect(ask('인재개발원 5급 정원').body).toContain('5급 정원: 9명');
    expect(ask('인재개발원 6급 과부족').body).toContain('6급 과부족: △1명');
    expect(ask('인재개발원 현원').body).toContain('현원 (계): 47명');
  });

  it('a staffing figure written in a sentence is quoted with its line, not read out of it', () => {
    const { r, body } = ask('상수도사업본부 정원');
    expect(body).toContain('원문: ㅇ인력 ▸정원 1,138명(공무원 850명, 공무직·청경 등 288명)');
    expect(r.sources.join(' ')).toContain('47행');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetCommand } from '../../commands/budget.js';
import { commandTest, SAMPLE } from './context.js';
import { answer, knowledgeOf, tempDir } from '../helpers.js';
import { commandContext } from '../../src/core/context.js';
import { renderText } from '../../src/render/text.js';

describe('budget command', () => {
  const run = commandTest(SAMPLE.audit);
  it('answers a budget line with its unit beside every number and its source line', () => {
    const { reply, text } = run(budgetCommand, '순찰 행정');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('18,630천원');
    expect(text).toContain('16,040천원');
    expect(reply.sources.join(' ')).toContain('yeongdeungpo-audit-annual-report.txt');
  });
  it('says not found for a project the document does not have', () => {
    expect(run(budgetCommand, '수상택시').reply.kind).toBe('not_found');
  });
});

describe('budget command over a department budget given for two years (부산 인재개발원)', () => {
  const run = commandTest('test/fixtures/corpus/busan-2025-plan-hrdi.txt');
  it('shows every year, each under its own year as written, never one year as the item\'s only figure', () => {
    const { reply, text } = run(budgetCommand, '인재개발원');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('구분 | 예산(확보) ’25년 | 예산(확보) ’24년');
    expect(text).toMatch(/역량교육 내실화 \| 1,527백만원[^|]*\| 1,621백만원/);
    expect(text).toMatch(/합계 \| 9,322백만원[^|]*\| 9,167백만원/);
  });
  it('answers the year asked with that year\'s figures only, and says so when the year is not in the document', () => {
    const y2024 = run(budgetCommand, '인재개발원 2024년');
    expect(y2024.text).toContain('9,167백만원');
    expect(y2024.text).not.toContain('9,322');
    const y2023 = run(budgetCommand, '인재개발원 2023년');
    expect(y2023.reply.kind).toBe('not_found');
    expect(y2023.reply.title).toBe('인재개발원: 2023년 예산은 문서에 없습니다.');
    expect(y2023.text).not.toMatch(/\d{1,3},\d{3}백만원/);
  });
});

describe('budget command over a department whose budget tables have no row labels (부산 보건환경연구원)', () => {
  // Copied from shared/corpus/busan-plans: "❍ 세입예산 … 계 / 1,151" tables give no 세입/세출 row to read.
  const run = commandTest('test/fixtures/plans/busan-2025-plan-health-environment-institute.layout.txt');
  it('quotes the line that gives its 세입 and 세출, never "no budget in the document"', () => {
    const { reply, text } = run(budgetCommand, '보건환경연구원');
    expect(text).not.toContain('예산이 적혀 있지 않습니다');
    expect(text).toContain('원문: 5     예산현황 ▷ 세입 11.5억원, 세출 204억원');
    expect(reply.sources.join(' ')).toContain('99행');
  });
});

describe('budget command, a year asked of a promise whose year table could not be read', () => {
  // The layout of 서울시 공약 prom101: two 단위사업 with text cells between the figures, so no year's cell is read.
  const dir = tempDir();
  const file = join(dir, 'promise-scrambled.txt');
  writeFileSync(
    file,
    [
      '11-1-4 동북아 대도시 대기환경협의체 구성',
      '추진 상황', '정상추진', '사업 구분', '임기 내', '신규', '총 사업비', '475백만원', '집 행 액', '195백만원',
      '\uf000 최종목표', '○ 동북아 대도시 대기질 개선 협력',
      '\uf000 연차별 투자수요(계획)', '단위사업', '(단위 : 백만원)', '구 분', '계',
      '’14년 ’15년 ’16년 ’17년 ’18.6월', '임기 내', '임기 후', '-', '계', '475', '대기질 개선', '국제포럼 개최',
      '시 비', '475', '비예산', '-', '65', '65', '-',
      '총괄부서 대기관리과장 : 홍길동 ☎2133-3600 담당 : 김철수 ☎3611',
    ].join('\n'),
  );
  const run = commandTest(file);
  it('says the year\'s figure was not read and gives the totals as totals, never as that year\'s', () => {
    const { reply, text } = run(budgetCommand, '대기환경협의체 2017년');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('2017년 금액은 문서의 표에서 읽어 내지 못했습니다');
    expect(text).toContain('총 사업비 | 475백만원');
    expect(text).not.toMatch(/’17년 \|/);
  });
  it('is "not in the document" for a year its lines never write', () => {
    const { reply, text } = run(budgetCommand, '대기환경협의체 2019년');
    expect(reply.kind).toBe('not_found');
    expect(text).toContain('2019년 예산은 문서에 없습니다');
  });
});

describe('budget command, a year asked beside a project name', () => {
  // Another promise whose title holds the year (서울시 9-1-1 "안심주택 8만호 공급(2018년)") must not win on it.
  const dir = tempDir();
  const other = join(dir, 'promise-with-year.txt');
  writeFileSync(
    other,
    ['9-1-1 안심주택 8만호 공급(2018년)', '추진 상황', '정상추진', '사업 구분', '임기 후', '신규', '총 사업비', '3,157,626백만원',
      '집 행 액', '1,407,186백만원', '\uf000 최종목표', '○ 2018년까지 공공임대주택 8만호 공급 (디지털 도어락, 국제 규격)',
      '총괄부서 임대주택과장 : 임인구 ☎2133-7050'].join('\n'),
  );
  const { store, knowledge } = knowledgeOf(['test/fixtures/corpus/seoul-promise-2016-prom142.txt', other]);
  afterAll(() => store.close());
  it('answers the named project\'s cell of that year, the year selecting among its figures', () => {
    const reply = budgetCommand.run({ query: '국제페스티벌 2018년', message: '국제페스티벌 2018년 예산' }, commandContext(knowledge));
    const text = renderText(reply);
    expect(reply.title).toContain('디지털 국제페스티벌 개최');
    expect(text).toContain('500백만원');
    expect(text).not.toContain('3,157,626');
  });
});

describe('budget command, a project whose title holds a unit-like word', () => {
  // 서울시 공약 5-3-2 "대학가 주변 창업거점센터 조성": 창업거점센터 is the project's subject, not an office.
  const dir = tempDir();
  const file = join(dir, 'startup-centres.txt');
  writeFileSync(
    file,
    ['5-3-2', '대학가 주변 창업거점센터 조성', '추진 상황', '정상추진', '사업 구분', '임기 내', '계속', '총 사업비', '2,758백만원',
      '\uf000 연차별 투자수요(계획)', '(단위 : 백만원)', '구 분', '계', '’14년', '’15년', '’16년', '’17년 ’18.6월', '임기 내', '임기 후',
      '시 비 2,758', '-', '400', '1,187', '571', '600', '-', '총괄부서 디지털창업과장 : 박태주 ☎2133-4750'].join('\n'),
  );
  const run = commandTest(file);
  it('answers the year asked from the project\'s table, not "no such office"', () => {
    const { reply, text } = run(budgetCommand, '대학가 창업거점센터 2017년');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('’17년 시비 | 571백만원');
  });
});

describe('budget command words and units of a budget programme record (서울시 재정 2018)', () => {
  it('is reached by "지출액" and "총사업비", and the unit heading the record ("서울혁신기획관") is not an unknown office', () => {
    const { knowledge } = knowledgeOf(['test/fixtures/corpus/seoul-openfinance-2018-1137.txt']);
    for (const q of ['민관협력 활성화 지출액', '민관협력 활성화 총사업비', '서울혁신기획관 민관협력 활성화 예산']) {
      const text = renderText(answer(q, knowledge));
      expect(text, q).toContain('120,000,000원');
      expect(text, q).toContain('지출 | - | 0원');
    }
  });
});

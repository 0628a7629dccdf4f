import { afterAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { answer, knowledgeOf } from '../helpers.js';
import { departmentCommand } from '../../commands/department.js';
import { commandTest, SAMPLE } from './context.js';

describe('department command', () => {
  const run = commandTest(SAMPLE.audit);
  it("gives a department's teams with their duties", () => {
    const { reply, text } = run(departmentCommand, '감사담당관');
    expect(reply.title).toBe('영등포구 감사담당관');
    // The count is the document's own or none: this report lists its teams without counting them.
    expect(text).toContain('[조직]');
    expect(text).not.toMatch(/\d+개 팀/);
    expect(text).toContain('순찰팀: 환경순찰실시, 응답소현장민원, 간부진순찰, 해피기동반운영');
  });
});

describe('department command over an approval document (no 기본현황)', () => {
  const run = commandTest('test/fixtures/corpus/seoul-approval-2024-youth-allowance-tf.txt');
  it('says the unit has no overview in the store, not "not found" with the unit itself among the near names', () => {
    const { reply, text } = run(departmentCommand, '청년사업담당관');
    expect(reply.kind).toBe('not_found');
    expect(reply.title).toBe('서울특별시 청년사업담당관의 조직·인력 현황(기본현황)은 저장된 문서에 없습니다.');
    expect(text).not.toContain('비슷한 이름');
    expect(reply.suggestions).toContain('청년사업담당관 담당자');
  });
});

describe('department questions over a 국 whose staffing table has no row per 과 (부산 해양농수산국)', () => {
  // Copied from shared/corpus/busan-plans: staffing rows are 계 / 본청 / 사업소 by grade, budget columns per 과.
  const { store, knowledge } = knowledgeOf(['test/fixtures/plans/busan-2025-plan-ocean-agri-fisheries.layout.txt']);
  afterAll(() => store.close());
  it('says a 과\'s 정원 is not in its tables, rather than answering with the 국\'s chart', () => {
    const r = answer('수산진흥과 정원', knowledge);
    expect(r.kind).toBe('not_found');
    expect(r.title).toBe('수산진흥과의 정원을 기본현황 표에서 찾지 못했습니다.');
    expect(answer('해양농수산국 현원', knowledge).title).toBe('부산광역시 해양농수산국');
    expect(renderText(answer('수산진흥과 세출', knowledge))).toContain('59,481백만원');
  });
});

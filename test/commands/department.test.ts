import { describe, expect, it } from 'vitest';
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

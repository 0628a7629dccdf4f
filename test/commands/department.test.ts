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

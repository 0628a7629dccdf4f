import { describe, expect, it } from 'vitest';
import { ownerCommand } from '../../commands/owner.js';
import { commandTest, SAMPLE } from './context.js';

describe('owner command', () => {
  const run = commandTest(SAMPLE.audit);
  it("lists a team's projects from both years of the report", () => {
    const { reply, text } = run(ownerCommand, '감사팀');
    expect(reply.title).toBe('감사팀이 맡은 사업 4건');
    expect(text).toContain('구정 청렴도 향상 — 2015년 실적, 감사팀·조사팀');
    expect(text).toContain('감사의 내실화 및 공직기강 확립 — 2016년 계획, 감사팀');
  });
});

import { describe, expect, it } from 'vitest';
import { milestonesCommand } from '../../commands/milestones.js';
import { commandTest, SAMPLE } from './context.js';

describe('milestones command', () => {
  const run = commandTest(SAMPLE.cooperative);
  it('lists upcoming items in date order and flags overdue ones against today', () => {
    const { reply, text } = run(milestonesCommand, '협치');
    expect(reply.title).toBe('협치시정 활성화 — 일정 (오늘 2021-06-01 기준)');
    expect(text).toContain('협치 시정 활성화 연구용역 — 2021. 4. ~ 10. (진행 중)');
    expect(text).toMatch(/기한이 지난 일정[\s\S]*협치 홍보물 제작 배포\(BI 등\) — 2021\. 5\. \(지남\)/);
  });
});

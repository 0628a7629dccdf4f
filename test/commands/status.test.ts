import { describe, expect, it } from 'vitest';
import { statusCommand } from '../../commands/status.js';
import { commandTest, SAMPLE } from './context.js';

describe('status command', () => {
  const run = commandTest(SAMPLE.humanRights);
  it('gives progress and state as written, the target and the as-of date', () => {
    const { text } = run(statusCommand, '3-8-76');
    expect(text).toContain('추진 상황: 80% · 추진중');
    expect(text).toContain('목표 시점: 2022. 12.');
    expect(text).toContain('기준일: 2021-03-31');
    expect(text).toContain('현재 80% (2021년 1분기) / 목표 85% (2021년 2분기)');
  });
});

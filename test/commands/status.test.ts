import { describe, expect, it } from 'vitest';
import { statusCommand } from '../../commands/status.js';
import { commandTest, SAMPLE } from './context.js';

describe('status command', () => {
  const run = commandTest(SAMPLE.humanRights);
  it('gives progress and state as written, the target and the as-of date', () => {
    const { text } = run(statusCommand, '3-8-76');
    expect(text).toContain('추진 상황: 80% · 추진중');
    expect(text).toContain('목표 시점: 2022. 12.');
    // As the progress heading writes it ("(2018. 7. ~ 2021. 3. 31.)", line 53), and that line is cited.
    expect(text).toContain('기준일: 2021. 3. 31.');
    expect(text).toMatch(/출처: [^\n]*53행/);
    expect(text).toContain('현재 80% (2021년 1분기) / 목표 85% (2021년 2분기)');
  });
});

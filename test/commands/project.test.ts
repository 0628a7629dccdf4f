import { describe, expect, it } from 'vitest';
import { projectCommand } from '../../commands/project.js';
import { commandTest, SAMPLE } from './context.js';

describe('project command', () => {
  const run = commandTest(SAMPLE.cooperative);
  it('gives the project card with budget, next milestone and owner', () => {
    const { reply, text } = run(projectCommand, '협치시정 활성화');
    expect(reply.title).toBe('협치시정 활성화');
    expect(text).toContain('소요 116백만원');
    expect(text).toContain('박사승 정책기획과장 (정책기획과) ☎ 2050');
  });
});

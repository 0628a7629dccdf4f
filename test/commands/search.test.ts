import { describe, expect, it } from 'vitest';
import { searchCommand } from '../../commands/search.js';
import { commandTest, SAMPLE } from './context.js';

describe('search command', () => {
  const run = commandTest(SAMPLE.audit);
  it('ranks the records that mention the word', () => {
    const { reply, text } = run(searchCommand, '인권');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('인권도시 영등포구 구현 (영등포구 감사담당관, 2015년 실적)');
  });
  it('says not found for a word no record has', () => {
    expect(run(searchCommand, '수상택시').reply.kind).toBe('not_found');
  });
});

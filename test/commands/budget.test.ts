import { describe, expect, it } from 'vitest';
import { budgetCommand } from '../../commands/budget.js';
import { commandTest, SAMPLE } from './context.js';

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

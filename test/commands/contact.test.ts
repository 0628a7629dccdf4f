import { describe, expect, it } from 'vitest';
import { contactCommand } from '../../commands/contact.js';
import { commandTest, SAMPLE } from './context.js';

describe('contact command', () => {
  const run = commandTest(SAMPLE.cooperative);
  it('finds a person by position with the extension the sheet gives', () => {
    const { text } = run(contactCommand, '정책기획과장');
    expect(text).toContain('박사승 정책기획과장 (정책기획과) ☎ 2050');
  });
  it('finds the same person by extension', () => {
    expect(run(contactCommand, '2050').text).toContain('박사승');
  });
  it('says it found nobody for a position the document does not name', () => {
    expect(run(contactCommand, '교통과장').reply.kind).toBe('not_found');
  });
});

import { describe, expect, it } from 'vitest';
import { contactCommand } from '../../commands/contact.js';
import { ownerCommand } from '../../commands/owner.js';
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
  it('contact and owner give the same no-person reply for a position nobody on the sheet holds', () => {
    const contact = run(contactCommand, '교통과장').reply;
    expect(contact.title).toBe('"교통과장"에 해당하는 사람을 문서에서 찾지 못했습니다.');
    expect(run(ownerCommand, '교통과장').reply).toEqual(contact);
    // The position is named as asked, without the question's particle.
    expect(run(ownerCommand, '전월세팀장이').reply.title).toBe('"전월세팀장"에 해당하는 사람을 문서에서 찾지 못했습니다.');
    // A name of a real person on the sheet is found by both.
    expect(run(ownerCommand, '정책기획과장').text).toContain('박사승 정책기획과장 (정책기획과) ☎ 2050');
  });
});

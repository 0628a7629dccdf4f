import { describe, expect, it } from 'vitest';
import { FIELDS, fieldTerms, fieldText, fieldTokens, NAMING_FIELDS, TEXT_FIELDS } from '../../src/search/fields.js';
import { doc } from './fixtures.js';

describe('fields', () => {
  it('groups the fields: plain text is all but 초성, naming is plain text but the body', () => {
    expect(TEXT_FIELDS).toEqual(FIELDS.filter((f) => f !== 'choseong'));
    expect(NAMING_FIELDS).not.toContain('body');
    expect(NAMING_FIELDS).toContain('people');
  });

  it('gives naming fields every bigram of a compound, the body only the aligned ones', () => {
    const d = { ...doc('ydp-patrol'), title: '생활순찰 운영', body: '생활순찰 운영' };
    expect(fieldTerms(d, 'title')).toEqual(expect.arrayContaining(['생활순찰', '생활', '활순', '순찰']));
    expect(fieldTerms(d, 'body')).toEqual(expect.arrayContaining(['생활순찰', '생활', '순찰']));
    expect(fieldTerms(d, 'body')).not.toContain('활순');
  });

  it('keeps a code whole and adds short forms of an organisation', () => {
    const d = { ...doc('ydp-patrol'), code: '2-4-3', organization: '인천광역시 인천' };
    expect(fieldTerms(d, 'code')).toEqual(['2-4-3']);
    expect(fieldTerms(d, 'organization')).toEqual(expect.arrayContaining(['인천광역시', '인천']));
  });

  it('derives 초성 from title, aliases and department, each whole text on its own', () => {
    const d = { ...doc('ydp-patrol'), title: '협치시정\n활성화', aliases: ['순찰'], department: null };
    const terms = fieldTerms(d, 'choseong');
    expect(terms).toEqual(expect.arrayContaining(['ㅎㅊㅅㅈ', 'ㅎㅅㅎ', 'ㅎㅊㅅㅈㅎㅅㅎ', 'ㅅㅊ']));
    expect(fieldTokens(fieldText(d, 'choseong'), 'choseong')).toEqual(terms);
  });

  it('reads missing or malformed values as empty', () => {
    const d = { ...doc('ydp-patrol'), aliases: undefined, teams: null, department: 42 } as unknown as Parameters<
      typeof fieldText
    >[0];
    expect(fieldText(d, 'aliases')).toBe('');
    expect(fieldText(d, 'department')).toBe('');
    expect(fieldTokens('', 'body')).toEqual([]);
    expect(fieldTerms(d, 'teams')).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/search/fields.js';
import { decodeTerm, encodeTerm, FIELD_ID, TermIndex } from '../../src/search/term-index.js';
import { DOCS } from './fixtures.js';

describe('term keys', () => {
  it('spell Hangul in a small alphabet and decode back', () => {
    for (const t of ['인권', '2133-4299', 'tf팀', 'ㅎㅊ', '漢字', '😀', '\ue000\ue100', '']) {
      expect(decodeTerm(encodeTerm(t))).toBe(t);
    }
    expect(encodeTerm('인권')).toHaveLength(6);
    expect(encodeTerm('tf-2')).toBe('tf-2');
  });

  it('preserve prefixes both ways, so prefix search on keys is prefix search on terms', () => {
    const unit = fc.constantFrom('인', '권', '가', '힣', 'a', '1', '-', 'ㅎ', '漢', '\ue000');
    const text = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(decodeTerm(encodeTerm(a))).toBe(a);
        expect(encodeTerm(a).startsWith(encodeTerm(b))).toBe(a.startsWith(b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('TermIndex', () => {
  const index = TermIndex.build(DOCS);

  it('answers vocabulary questions from the MiniSearch index', () => {
    expect(index.documentCount).toBe(DOCS.length);
    expect(index.has(encodeTerm('협치'))).toBe(true);
    expect(index.has(encodeTerm('김치찌개'))).toBe(false);
    expect(index.count(encodeTerm('협치'), 'title')).toBe(1);
    expect(index.postings(encodeTerm('협치'), 'title')?.size).toBe(1);
    expect(index.count(encodeTerm('협치'), 'people')).toBe(0);
    const prefixed = index.withPrefix(encodeTerm('2133'), 5).map(decodeTerm);
    expect(prefixed.length).toBeGreaterThan(0);
    expect(prefixed.every((t) => t.startsWith('2133') && t !== '2133')).toBe(true);
    expect(index.withPrefix(encodeTerm('2'), 2)).toHaveLength(2);
  });

  it('saves MiniSearch JSON deterministically and loads it back with loadJS', () => {
    const saved = JSON.stringify(index.toJSON());
    const loaded = TermIndex.fromJSON(JSON.parse(saved), DOCS.length);
    expect(JSON.stringify(loaded.toJSON())).toBe(saved);
    expect(loaded.count(encodeTerm('인권'), 'title')).toBe(index.count(encodeTerm('인권'), 'title'));
  });

  it('rejects saved data that is not this index', () => {
    const j = index.toJSON();
    expect(() => TermIndex.fromJSON(j, DOCS.length + 1)).toThrow(/^search: /);
    expect(() => TermIndex.fromJSON({ ...j, fieldIds: { title: 0 } }, DOCS.length)).toThrow(/^search: /);
    expect(() => TermIndex.fromJSON({ ...j, serializationVersion: 99 }, DOCS.length)).toThrow(/^search: /);
    expect(() => TermIndex.fromJSON('{}', DOCS.length)).toThrow(/^search: /);
    expect(FIELDS.map((f) => FIELD_ID[f])).toEqual(FIELDS.map((_, i) => i));
  });
});

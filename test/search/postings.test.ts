import { describe, expect, it } from 'vitest';
import { FIELD_COUNT, FIELDS, Postings, PostingsBuilder, type PostingsJSON } from '../../src/search/postings.js';

function terms(byField: Partial<Record<(typeof FIELDS)[number], string[]>>): string[][] {
  return FIELDS.map((f) => byField[f] ?? []);
}

function sample(): Postings {
  const b = new PostingsBuilder();
  b.add(terms({ title: ['협치', '시정'], body: ['협치', '예산', '예산'] }));
  b.add(terms({ body: ['인권', '예산'], people: ['2580', '2133-4299'] }));
  b.add(terms({ title: ['인권'], choseong: ['ㅇㄱ'] }));
  return b.finish();
}

describe('Postings', () => {
  it('keeps one posting per term and record, with the fields as a bit mask', () => {
    const p = sample();
    const t = p.find('협치');
    expect(p.df(t)).toBe(1);
    expect(p.docs[p.offsets[t] as number]).toBe(0);
    expect(p.masks[p.offsets[t] as number]).toBe((1 << FIELDS.indexOf('title')) | (1 << FIELDS.indexOf('body')));
    expect(p.df(p.find('예산'))).toBe(2);
    expect(p.find('없음')).toBe(-1);
  });

  it('finds prefix ranges in the sorted dictionary', () => {
    const p = sample();
    const [from, to] = p.prefixRange('2');
    expect(p.terms.slice(from, to)).toEqual(['2133-4299', '2580']);
    const [a, b] = p.prefixRange('zz');
    expect(a).toBe(b);
  });

  it('locates a record in a posting list', () => {
    const p = sample();
    const t = p.find('인권');
    expect(p.position(t, 2)).toBeGreaterThanOrEqual(0);
    expect(p.position(t, 0)).toBe(-1);
  });

  it('round-trips through JSON, decoding postings on demand', () => {
    const p = sample();
    const q = Postings.fromJSON(JSON.parse(JSON.stringify(p.toJSON())) as PostingsJSON);
    expect(q.terms).toEqual(p.terms);
    expect(q.docCount).toBe(3);
    expect([...q.lengths]).toEqual([...p.lengths]);
    expect(q.lengths.length).toBe(3 * FIELD_COUNT);
    for (let t = 0; t < p.terms.length; t++) {
      q.ensure(t);
      const range = [p.offsets[t] as number, p.offsets[t + 1] as number] as const;
      expect([...q.docs.subarray(...range)]).toEqual([...p.docs.subarray(...range)]);
      expect([...q.masks.subarray(...range)]).toEqual([...p.masks.subarray(...range)]);
    }
    expect(q.toJSON()).toEqual(p.toJSON());
  });

  it('rejects a damaged saved form', () => {
    const j = sample().toJSON();
    expect(() => Postings.fromJSON({ ...j, postings: j.postings.slice(0, 4) })).toThrow(/^search: /);
    expect(() => Postings.fromJSON({ ...j, lengths: '' })).toThrow(/^search: /);
    expect(() => Postings.fromJSON({ ...j, terms: 42 } as unknown as PostingsJSON)).toThrow(/^search: /);
  });

  it('handles an empty index', () => {
    const p = new PostingsBuilder().finish();
    expect(p.terms).toEqual([]);
    const q = Postings.fromJSON(JSON.parse(JSON.stringify(p.toJSON())) as PostingsJSON);
    expect(q.docCount).toBe(0);
    expect(q.find('인권')).toBe(-1);
  });
});

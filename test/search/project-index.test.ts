import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectIndex, type SearchDoc, type SearchOutcome } from '../../src/search/project-index.js';
import { DOCS, doc } from './fixtures.js';

let index: ProjectIndex;
beforeAll(() => {
  index = ProjectIndex.build(DOCS);
});

const top = (o: SearchOutcome) => o.hits[0]?.id;
const ids = (o: SearchOutcome) => o.hits.map((h) => h.id);

describe('ProjectIndex: plain queries', () => {
  it('finds a record by a two-syllable word of its title', () => {
    const o = index.search('협치');
    expect(top(o)).toBe('suwon-hyeopchi');
    expect(o.verdict).toBe('confident');
    expect(o.fallback).toBe('none');
    expect(top(index.search('순찰'))).toBe('ydp-patrol');
  });

  it('ignores particles', () => {
    expect(top(index.search('협치는'))).toBe('suwon-hyeopchi');
    expect(ids(index.search('인권을'))).toEqual(ids(index.search('인권')));
  });

  it('finds a compound typed without spaces', () => {
    const o = index.search('인권보호거버넌스');
    expect(top(o)).toBe('suwon-3-8-76');
    expect(o.verdict).toBe('confident');
    expect(o.hits[0]?.matchedFields).toContain('title');
  });

  it('finds people by name and by extension', () => {
    expect(top(index.search('박동일'))).toBe('suwon-3-8-76');
    expect(top(index.search('원순호'))).toBe('suwon-hyeopchi');
    expect(top(index.search('송호재'))).toBe('seoul-9-2-1');
    const ext = index.search('2580');
    expect(top(ext)).toBe('suwon-3-8-76');
    expect(ext.hits[0]?.matchedFields).toContain('people');
    expect(top(index.search('7702'))).toBe('seoul-9-2-1');
    expect(top(index.search('4299'))).toBe('seoul-youth-allowance'); // last digits of 2133-4299
  });

  it('finds a record by its code', () => {
    const o = index.search('2-4-3');
    expect(top(o)).toBe('seoul-2-4-3');
    expect(o.hits[0]?.matchedFields).toEqual(['code']);
    expect(top(index.search('9-2-1'))).toBe('seoul-9-2-1');
  });

  it('matches numbers and Latin words by prefix', () => {
    const o = index.search('2133-70');
    expect(top(o)).toBe('seoul-9-2-1');
    expect(o.hits[0]?.matchedTerms).toContain('2133-7000');
    expect(top(index.search('TF'))).toBe('seoul-youth-allowance');
  });

  it('finds milestones', () => {
    const o = index.search('혁신토론회');
    expect(top(o)).toBe('incheon-innovation');
    expect(o.hits[0]?.matchedFields).toContain('milestones');
  });

  it('ranks a title match above a body match', () => {
    // 거버넌스 is in the 수원 title and in the body of the 일자리진흥지구 record.
    const o = index.search('거버넌스');
    expect(ids(o).slice(0, 2)).toEqual(['suwon-3-8-76', 'seoul-2-4-3']);
    expect(o.hits[0]?.score ?? 0).toBeGreaterThan(5 * (o.hits[1]?.score ?? 0));
  });

  it('lets a record that matches every word beat one that matches a single word strongly', () => {
    const o = index.search('청년 예산');
    expect(top(o)).toBe('seoul-youth-allowance');
    expect(o.coverage).toBe(1);
  });

  it('does not count chat filler against coverage', () => {
    const o = index.search('협치 담당자 누구야');
    expect(top(o)).toBe('suwon-hyeopchi');
    expect(o.verdict).toBe('confident');
  });
});

describe('ProjectIndex: organisations narrow', () => {
  it('ranks the 인천광역시 records first for "인천 인권"', () => {
    const o = index.search('인천 인권');
    expect(ids(o).slice(0, 2).sort()).toEqual(['incheon-rights-base', 'incheon-rights-culture']);
    expect(o.hits[0]?.matchedFields).toContain('organization');
    expect(o.verdict).toBe('ambiguous'); // two 인천 인권 records: still the user's choice
  });

  it('matches short forms: 영등포 ⊂ 영등포구, 수원 ⊂ 수원시, 서울 ⊂ 서울특별시', () => {
    const ydp = index.search('영등포 인권');
    expect(top(ydp)).toBe('ydp-human-rights');
    expect(ydp.verdict).toBe('confident');
    expect(top(index.search('수원 인권'))).toBe('suwon-3-8-76');
    expect(top(index.search('서울 청년'))).toBe('seoul-youth-allowance');
  });
});

describe('ProjectIndex: fallbacks', () => {
  it('answers a 초성 query from the 초성 field only', () => {
    const o = index.search('ㅎㅊ');
    expect(top(o)).toBe('suwon-hyeopchi');
    expect(o.fallback).toBe('choseong');
    expect(o.hits[0]?.matchedFields).toEqual(['choseong']);
    expect(top(index.search('ㅅㅊ'))).toBe('ydp-patrol'); // 생활순찰 → ㅅㅎㅅㅊ, 순찰 → ㅅㅊ
  });

  it('corrects a jamo typo when a word matches nothing', () => {
    const o = index.search('인궈');
    expect(o.fallback).toBe('typo');
    expect(ids(o)).toEqual(ids(index.search('인권')));
    const mixed = index.search('에산 협치');
    expect(top(mixed)).toBe('suwon-hyeopchi');
    expect(mixed.fallback).toBe('typo');
    expect(mixed.coverage).toBe(1);
  });

  it('corrects a typo inside a compound', () => {
    const o = index.search('협지시정');
    expect(top(o)).toBe('suwon-hyeopchi');
    expect(o.fallback).toBe('typo');
  });

  it('does not turn an unknown word into a neighbouring-key body word', () => {
    // 로또 is one neighbouring key from 로고, but 로고 names nothing here: no answer beats a wrong one.
    const withLogo: SearchDoc = { ...doc('seoul-15-3-5'), id: 'logo', body: '행사 로고 디자인 공모' };
    const o = ProjectIndex.build([...DOCS, withLogo]).search('로또');
    expect(o.verdict).toBe('none');
  });

  it('reads Latin letters typed on the Korean layout', () => {
    const o = index.search('dlsrnjs');
    expect(o.fallback).toBe('keyboard');
    expect(ids(o)).toEqual(ids(index.search('인권')));
    expect(top(index.search('guqcl'))).toBe('suwon-hyeopchi');
  });

  it('runs no fallback when the plain query matched', () => {
    expect(index.search('협치').fallback).toBe('none');
    expect(index.search('TF').fallback).toBe('none');
  });
});

describe('ProjectIndex: confidence', () => {
  it('is ambiguous when several records carry the only word in their titles', () => {
    const o = index.search('인권');
    expect(o.verdict).toBe('ambiguous');
    expect(o.hits.length).toBeGreaterThanOrEqual(4);
  });

  it('is none for an out-of-scope question, with no hits', () => {
    const o = index.search('김치찌개 레시피');
    expect(o.verdict).toBe('none');
    expect(o.hits).toEqual([]);
    expect(o.coverage).toBeLessThan(0.5);
  });

  it('is none when only one generic bigram of a long query matched, and suggests titles', () => {
    // Only 보호 (a bigram of 동물보호소) exists; the 수원 record has it in its title.
    const o = index.search('동물보호소 입양절차');
    expect(o.verdict).toBe('none');
    expect(o.hits).toEqual([]);
    expect(o.suggestions[0]).toBe('인권보호 거버넌스 구축 및 인권조직 위상 강화');
    expect(o.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('is none when the question names a thing no document writes, however well its other words match', () => {
    // 반려견 is in no document: "반려견 인권보호 거버넌스" is not the 수원 record, although the rest is its title.
    const o = index.search('반려견 인권보호 거버넌스');
    expect(o.verdict).toBe('none');
    expect(o.suggestions[0]).toBe('인권보호 거버넌스 구축 및 인권조직 위상 강화');
    // A spoken word no document writes ("궁금해") names nothing: the question still finds its record.
    expect(index.search('인권보호 거버넌스 궁금해').verdict).toBe('confident');
  });

  it('is none when half the words are found only in running text', () => {
    const o = index.search('영화 예매'); // 인권영화 is in a body; 예매 nowhere
    expect(o.verdict).toBe('none');
    expect(o.coverage).toBe(0.5);
    // 산책 is one neighbouring key from 산액 (in 예산액), which names nothing: not corrected either.
    expect(index.search('강아지 산책').verdict).toBe('none');
  });

  it('is ambiguous for a name two projects share, confident for a name one project has', () => {
    const shared: SearchDoc = {
      ...doc('suwon-hyeopchi'),
      id: 'other',
      title: '인권센터 운영',
      people: ['박동일 팀장 2580'],
    };
    const i = ProjectIndex.build([...DOCS, shared]);
    expect(i.search('박동일').verdict).toBe('ambiguous');
    expect(i.search('안세진').verdict).toBe('confident');
  });

  it('weighs the name as typed above its particle-stripped form', () => {
    // 오수은 is a name; stripped of 은 it is 오수 (sewage), a word of another title.
    const docs: SearchDoc[] = [
      { ...doc('suwon-hyeopchi'), id: 'person', people: ['오수은 주무관 6771'] },
      { ...doc('ydp-audit'), id: 'sewage', title: '오수 처리시설 개선', people: [] },
    ];
    const o = ProjectIndex.build(docs).search('오수은');
    expect(top(o)).toBe('person');
    expect(o.verdict).toBe('confident');
  });

  it('is none for empty or symbol-only queries', () => {
    for (const q of ['', '   ', '?!…', '😀😀']) {
      expect(index.search(q)).toEqual({ verdict: 'none', hits: [], suggestions: [], fallback: 'none', coverage: 0 });
    }
  });

  it('is not ambiguous between two versions of the same title', () => {
    const copy: SearchDoc = { ...doc('suwon-hyeopchi'), id: 'suwon-hyeopchi-v2' };
    const o = ProjectIndex.build([...DOCS, copy]).search('협치');
    expect(o.verdict).toBe('confident');
  });
});

describe('ProjectIndex: options and lifecycle', () => {
  it('honours limit and filter', () => {
    expect(index.search('인권', { limit: 2 }).hits).toHaveLength(2);
    const o = index.search('인권', { filter: (id) => id.startsWith('incheon') });
    expect(ids(o).every((id) => id.startsWith('incheon'))).toBe(true);
    expect(o.hits.length).toBe(2);
  });

  it('survives a filter that searches the same index again', () => {
    const plain = index.search('인권');
    const nested = index.search('인권', { filter: () => index.search('협치').hits.length > 0 });
    expect(nested).toEqual(plain);
  });

  it('replaces a record given twice instead of failing', () => {
    const newer: SearchDoc = { ...doc('ydp-patrol'), title: '현장중심의 생활순찰 운영 (2016)' };
    const i = ProjectIndex.build([...DOCS, newer]);
    expect(i.size).toBe(DOCS.length);
  });

  it('round-trips through JSON with identical answers', () => {
    const saved = JSON.stringify(index.toJSON());
    const loaded = ProjectIndex.fromJSON(JSON.parse(saved));
    expect(loaded.size).toBe(index.size);
    for (const q of ['협치', '인권', 'ㅎㅊ', '인궈', 'dlsrnjs', '2580', '인천 인권', '김치찌개 레시피', '2133']) {
      expect(loaded.search(q)).toEqual(index.search(q));
    }
    expect(JSON.stringify(loaded.toJSON())).toBe(saved);
  });

  it('refuses a saved index it does not understand', () => {
    expect(() => ProjectIndex.fromJSON(null)).toThrow(/^search: /);
    expect(() => ProjectIndex.fromJSON({ format: 'minisearch' })).toThrow(/^search: /);
    const j = index.toJSON() as { ids: string[] };
    expect(() => ProjectIndex.fromJSON({ ...j, ids: j.ids.slice(1) })).toThrow(/^search: /);
  });

  it('works on an empty index', () => {
    const empty = ProjectIndex.build([]);
    expect(empty.size).toBe(0);
    expect(empty.search('인권').verdict).toBe('none');
    expect(ProjectIndex.fromJSON(JSON.parse(JSON.stringify(empty.toJSON()))).search('ㅎㅊ').hits).toEqual([]);
  });
});

describe('ProjectIndex: bounded work on a large index', () => {
  // Enough records that "사업" in every body is past both work budgets (it is then only looked up for the
  // best candidates) and "사업" in a thousand titles fills the candidate pool.
  const SYL = '가나다라마바사아자차카타파하';
  const name = (i: number) => [0, 1, 2].map((k) => SYL.charAt(Math.floor(i / SYL.length ** k) % SYL.length)).join('');
  const base = (i: number): SearchDoc => ({
    id: `r${i}`,
    title: i < 1000 ? `${name(i)} 사업` : `${name(i)} 운영`,
    aliases: [],
    code: null,
    organization: null,
    department: null,
    teams: [],
    people: [],
    milestones: [],
    body: '사업 추진 계획',
  });
  let big: ProjectIndex;
  beforeAll(() => {
    big = ProjectIndex.build([
      ...Array.from({ length: 6000 }, (_, i) => base(i)),
      { ...base(0), id: 'covers-all', title: '협치 활성화', body: '사업 추진' },
      { ...base(0), id: 'covers-half', title: '협치 위원회', body: '회의' },
      { ...base(0), id: 'long-title', title: '사업 평가 및 환류 체계 개선 방안 마련', body: '평가' },
    ]);
  });

  it('counts a common word for coverage even when it is past every budget', () => {
    const o = big.search('협치 사업');
    expect(top(o)).toBe('covers-all');
    expect(o.coverage).toBe(1);
    expect(o.hits[0]?.matchedFields).toEqual(['body', 'title']);
  });

  it('fills the candidate pool with records the filter accepts', () => {
    const o = big.search('사업', { filter: (id) => id === 'long-title' });
    expect(ids(o)).toEqual(['long-title']);
  });

  it('still ranks a record matching every word in its title first', () => {
    const o = big.search(`${name(7)} 사업`);
    expect(top(o)).toBe('r7');
    expect(o.verdict).toBe('confident');
  });
});

describe('ProjectIndex: never throws', () => {
  const emoji = fc.constantFrom('😀', '👩‍👩‍👧', '🇰🇷', '\u200d', '\ufe0f', '️⃣');
  const korean = fc.constantFrom(
    '인권',
    '을',
    'ㅎ',
    'ㅊ',
    '2133-4299',
    '-',
    ' ',
    '협치',
    'dl',
    'ㅏ',
    '\u1100',
    '\u11a8',
  );
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.oneof(emoji, korean), maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 4000, maxLength: 5000 }),
    fc.string({ unit: fc.oneof(korean, emoji), minLength: 2000, maxLength: 5000 }),
  );

  it('returns a well-formed outcome for arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (q) => {
        const o = index.search(q);
        expect(['confident', 'ambiguous', 'none']).toContain(o.verdict);
        expect(o.coverage).toBeGreaterThanOrEqual(0);
        expect(o.coverage).toBeLessThanOrEqual(1);
        expect(o.hits.length).toBeLessThanOrEqual(10);
        for (let i = 1; i < o.hits.length; i++) {
          expect(o.hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(o.hits[i]?.score ?? 0);
        }
        if (o.verdict === 'none') expect(o.hits).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('indexes arbitrary documents without throwing', () => {
    const text = fc.string({
      unit: fc.oneof(emoji, korean, fc.string({ unit: 'binary', maxLength: 3 })),
      maxLength: 200,
    });
    const arbDoc = fc.record({
      id: fc.string({ maxLength: 8 }),
      title: text,
      aliases: fc.array(text, { maxLength: 2 }),
      code: fc.option(text, { nil: null }),
      organization: fc.option(text, { nil: null }),
      department: fc.option(text, { nil: null }),
      teams: fc.array(text, { maxLength: 2 }),
      people: fc.array(text, { maxLength: 2 }),
      milestones: fc.array(text, { maxLength: 2 }),
      body: text,
    });
    fc.assert(
      fc.property(fc.array(arbDoc, { maxLength: 8 }), text, (docs, q) => {
        const built = ProjectIndex.build(docs);
        const loaded = ProjectIndex.fromJSON(JSON.parse(JSON.stringify(built.toJSON())));
        expect(loaded.search(q)).toEqual(built.search(q));
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * A synthetic corpus built from the real documents' structure: records shaped like the parsed samples (title of
 * real title words plus a place name, organisation, department, teams, contacts with extensions, dated
 * milestones, budget lines, a body of real sentences), in any number, deterministic for a seed.
 */
import { emptyRecord, type ProjectRecord } from '../../src/domain/project.js';
import { src } from '../../src/domain/provenance.js';

const SYLLABLES = '가나다라마바사아자차카타파하강남동서북중신문화평안성수원영주광명진해송림산천호'.split('');
const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍'.split('');
const GIVEN = '민서지현수영준호우진하은도윤예성재원태희경미선혜정'.split('');
const ORGS = [
  '서울특별시',
  '부산광역시',
  '인천광역시',
  '수원시',
  '영등포구',
  '보령시',
  '성남시',
  '강남구',
  '창원시',
  '전주시',
];

export interface SyntheticSeed {
  titleWords: string[];
  departments: string[];
  teams: string[];
  positions: string[];
  milestoneTexts: string[];
  sentences: string[];
}

export interface BenchQuery {
  q: string;
  kind: 'title' | 'particle' | 'person';
  mustContain: string[];
}

export interface SyntheticRecord {
  record: ProjectRecord;
  body: string;
  /** Queries a person would type for it, each with the words a right answer's title or people must hold. */
  queries: BenchQuery[];
}

export function seedFrom(records: ProjectRecord[], lines: string[]): SyntheticSeed {
  const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x && x.length >= 2))];
  return {
    titleWords: uniq(records.flatMap((r) => r.title.split(/\s+/)).filter((w) => /^[가-힣]{2,}$/.test(w))),
    departments: uniq(records.map((r) => r.department ?? '')),
    teams: uniq(records.flatMap((r) => r.teams)),
    positions: uniq(records.flatMap((r) => r.contacts.map((c) => c.position ?? ''))),
    milestoneTexts: uniq(records.flatMap((r) => r.milestones.map((m) => m.text))),
    sentences: uniq(lines.map((l) => l.trim()).filter((l) => l.length > 20 && l.length < 120 && /[가-힣]{4}/.test(l))),
  };
}

/** Mulberry32: a small deterministic generator, so every run measures the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* generate(seed: SyntheticSeed, count: number, randomSeed = 1): Generator<SyntheticRecord> {
  const r = rng(randomSeed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const place = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    const words = [pick(seed.titleWords), pick(seed.titleWords), pick(seed.titleWords)];
    const title = `${place} ${words.join(' ')}`;
    const organization = pick(ORGS);
    const department = pick(seed.departments);
    const person = `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`;
    const ext = String(1000 + Math.floor(r() * 9000));
    const year = 2016 + Math.floor(r() * 10);
    const month = 1 + Math.floor(r() * 12);
    const mm = String(month).padStart(2, '0');
    const body = [title, ...Array.from({ length: 6 }, () => pick(seed.sentences))].join('\n');
    const record = emptyRecord({
      kind: 'project',
      key: `${organization}/synthetic/${i}`,
      title,
      organization,
      department,
      code: `${1 + (i % 20)}-${1 + (i % 7)}-${i}`,
      teams: [pick(seed.teams)],
      contacts: [
        {
          name: person,
          position: pick(seed.positions),
          department,
          team: null,
          phone: ext,
          extension: ext,
          src: src(null, 8),
        },
      ],
      milestones: [
        {
          text: pick(seed.milestoneTexts),
          date: {
            written: `${year}. ${month}.`,
            start: `${year}-${mm}-01`,
            end: `${year}-${mm}-28`,
            precision: 'month',
          },
          done: null,
          src: src(null, 6),
        },
      ],
      src: src(null, 1, 7),
    });
    yield {
      record,
      body,
      queries: [
        { q: `${place} ${words[1]}`, kind: 'title', mustContain: [place, words[1]!] },
        { q: `${place}의 ${words[1]}${particle(words[1]!, pick)}`, kind: 'particle', mustContain: [place, words[1]!] },
        { q: person, kind: 'person', mustContain: [person] },
      ],
    };
  }
}

/** The object particle that fits the word's last syllable (받침): 을 after a consonant, 를 after a vowel. */
function particle(word: string, pick: <T>(xs: T[]) => T): string {
  const last = word.charCodeAt(word.length - 1) - 0xac00;
  const batchim = last >= 0 && last % 28 !== 0;
  return pick(batchim ? ['을', '은', '이'] : ['를', '는', '가']);
}

/** A right answer holds every word the query was made from, in its title or its people. */
export function satisfies(query: BenchQuery, title: string, people: string[]): boolean {
  const hay = `${title} ${people.join(' ')}`;
  return query.mustContain.every((w) => hay.includes(w));
}

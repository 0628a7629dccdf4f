/**
 * The MiniSearch index behind ProjectIndex: one MiniSearch document per record (its id is the record's
 * number), every field of ./fields.ts indexed with the Korean tokenizer as MiniSearch's `tokenize`, nothing
 * stored (`storeFields: []`), scored by MiniSearch's BM25+ with the field boosts.
 *
 * Term keys. MiniSearch keeps its dictionary in a radix tree whose nodes scan their children one by one.
 * With ~11,000 Hangul syllables the top nodes get hundreds to thousands of children, and every lookup
 * (building, loading, each query term) pays for that scan. So `processTerm` re-spells each term in a small
 * alphabet: a syllable as its three jamo indices, another non-ASCII character as two bytes, ASCII as itself.
 * The spelling is prefix-free and character by character, so prefix search keeps working; it only changes
 * the key, and `decodeTerm` turns it back for display. Measured at 10,000 records: lookups 4.7 → 1.7 µs.
 *
 * Vocabulary. Query planning needs a term's posting counts per field (to run cheap terms first), whether a
 * term exists (fallbacks), and prefix expansions bounded in number. MiniSearch answers these from its
 * index, `_index` (declared protected, i.e. open to subclasses); `loadJS` always returns a plain MiniSearch,
 * so it is read through a checked cast rather than a subclass, and only read, never changed.
 */
import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { FIELD_BOOSTS, FIELDS, type Field, fieldText, fieldTokens, type SearchDoc } from './fields.js';

/** What MiniSearch keeps per term: field id → (record number → term frequency). */
type FieldTermData = Map<number, Map<number, number>>;

interface Indexed {
  n: number;
  doc: SearchDoc;
}

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Key alphabet (Private Use Area): 초성, 중성, 종성 indices of a syllable; high and low byte of other characters. */
const KEY = { cho: 0xe000, jung: 0xe020, jong: 0xe040, high: 0xe100, low: 0xe200 } as const;

/** A term's key in the MiniSearch dictionary (see the module comment). */
export function encodeTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c < 0x80) {
      out += term.charAt(i);
    } else if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) {
      const s = c - SYLLABLE_FIRST;
      out += String.fromCharCode(
        KEY.cho + Math.floor(s / 588),
        KEY.jung + Math.floor((s % 588) / 28),
        KEY.jong + (s % 28),
      );
    } else {
      out += String.fromCharCode(KEY.high + (c >> 8), KEY.low + (c & 0xff));
    }
  }
  return out;
}

export function decodeTerm(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; ) {
    const c = key.charCodeAt(i);
    if (c >= KEY.cho && c < KEY.jung) {
      const jung = key.charCodeAt(i + 1) - KEY.jung;
      const jong = key.charCodeAt(i + 2) - KEY.jong;
      out += String.fromCharCode(SYLLABLE_FIRST + (c - KEY.cho) * 588 + jung * 28 + jong);
      i += 3;
    } else if (c >= KEY.high && c < KEY.low) {
      out += String.fromCharCode(((c - KEY.high) << 8) | (key.charCodeAt(i + 1) - KEY.low));
      i += 2;
    } else {
      out += key.charAt(i);
      i += 1;
    }
  }
  return out;
}

/** MiniSearch field ids are the positions in `fields`. */
export const FIELD_ID: Readonly<Record<Field, number>> = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<
  Field,
  number
>;

const OPTIONS: Options<Indexed> = {
  idField: 'n',
  fields: [...FIELDS],
  storeFields: [],
  extractField: (d, field) => (field === 'n' ? d.n : fieldText(d.doc, field as Field)),
  tokenize: (text, field) => fieldTokens(text, field as Field),
  processTerm: encodeTerm,
  autoVacuum: false,
  // Queries are given as trees of already analysed, already encoded terms (see ProjectIndex).
  searchOptions: { tokenize: (term) => [term], processTerm: (key) => key, boost: { ...FIELD_BOOSTS } },
};

function dictionary(ms: MiniSearch<Indexed>): SearchableMap<FieldTermData> {
  const index = (ms as unknown as { _index?: SearchableMap<FieldTermData> })._index;
  if (!index || typeof index.get !== 'function' || typeof index.atPrefix !== 'function') {
    throw new Error('search: this version of minisearch is not supported (its index cannot be read)');
  }
  return index;
}

function checked(js: unknown, docCount: number): AsPlainObject {
  const j = js as Partial<AsPlainObject> | null;
  const expected = FIELDS.every((f, i) => j?.fieldIds?.[f] === i);
  if (!j || typeof j !== 'object' || !Array.isArray(j.index) || !expected || j.documentCount !== docCount) {
    throw new Error('search: saved index is corrupt');
  }
  return j as AsPlainObject;
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export class TermIndex {
  private readonly dict: SearchableMap<FieldTermData>;

  private constructor(private readonly ms: MiniSearch<Indexed>) {
    this.dict = dictionary(ms);
  }

  /** Indexes `docs`; record number i is `docs[i]`. */
  static build(docs: readonly SearchDoc[]): TermIndex {
    const ms = new MiniSearch<Indexed>(OPTIONS);
    ms.addAll(docs.map((doc, n) => ({ n, doc })));
    return new TermIndex(ms);
  }

  /** As `build`, `chunkSize` documents at a time with the event loop free between them (MiniSearch's addAllAsync). */
  static async buildAsync(docs: readonly SearchDoc[], chunkSize: number): Promise<TermIndex> {
    const ms = new MiniSearch<Indexed>(OPTIONS);
    await ms.addAllAsync(
      docs.map((doc, n) => ({ n, doc })),
      { chunkSize },
    );
    return new TermIndex(ms);
  }

  /** MiniSearch's own serialised form, with the dictionary sorted so that saving is deterministic. */
  toJSON(): AsPlainObject {
    const js = this.ms.toJSON();
    js.index.sort(byKey);
    return js;
  }

  /** Loads `toJSON()` output (already parsed: `MiniSearch.loadJS`, not `loadJSON`, so it is parsed once). */
  static fromJSON(js: unknown, docCount: number): TermIndex {
    const j = checked(js, docCount);
    let ms: MiniSearch<Indexed>;
    try {
      ms = MiniSearch.loadJS<Indexed>(j, OPTIONS);
    } catch (e) {
      throw new Error(`search: saved index is corrupt (${(e as Error).message})`);
    }
    return new TermIndex(ms);
  }

  /** As `fromJSON`, yielding to the event loop every thousand terms (MiniSearch's loadJSAsync). */
  static async fromJSONAsync(js: unknown, docCount: number): Promise<TermIndex> {
    const j = checked(js, docCount);
    let ms: MiniSearch<Indexed>;
    try {
      ms = await MiniSearch.loadJSAsync<Indexed>(j, OPTIONS);
    } catch (e) {
      throw new Error(`search: saved index is corrupt (${(e as Error).message})`);
    }
    return new TermIndex(ms);
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  search(query: Query, options: SearchOptions = {}): SearchResult[] {
    return this.ms.search(query, options);
  }

  has(key: string): boolean {
    return this.dict.has(key);
  }

  /** How many records have `key` in `field` (0 when none). */
  count(key: string, field: Field): number {
    return this.dict.get(key)?.get(FIELD_ID[field])?.size ?? 0;
  }

  /** Records with `key` in `field` (record number → term frequency), read-only; undefined when none. */
  postings(key: string, field: Field): ReadonlyMap<number, number> | undefined {
    return this.dict.get(key)?.get(FIELD_ID[field]);
  }

  /** Postings of `key` per field, for counting; undefined when the term is not indexed. */
  fields(key: string): ReadonlyMap<number, ReadonlyMap<number, number>> | undefined {
    return this.dict.get(key);
  }

  /** Up to `max` dictionary keys that start with `prefix` (longer than it), in dictionary order. */
  withPrefix(prefix: string, max: number): string[] {
    const out: string[] = [];
    if (max <= 0) return out;
    for (const key of this.dict.atPrefix(prefix).keys()) {
      if (key !== prefix) out.push(key);
      if (out.length >= max) break;
    }
    return out;
  }
}

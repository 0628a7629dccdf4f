/**
 * Search over project records: MiniSearch (./term-index.ts) indexes every field of a record with the Korean
 * tokenizer and scores with BM25+ and field boosts; this module decides what to ask it and how to read the
 * answer: query analysis, a 초성 field, and fallbacks (jamo typo correction, wrong keyboard) that run only
 * when the plain query left a word uncovered that the index does not know (so "협치" never pays for them).
 *
 * Querying. Each query word becomes slots: its whole forms (the word as typed, then particle-stripped, at a
 * lower weight) and the bigrams of a long Hangul word (partial credit); Latin, number and 초성 forms also
 * expand by prefix. MiniSearch gets a query tree with one node per dictionary term, weighted by `boostTerm`.
 * Work is bounded: (term, field) pairs run cheapest first; once a budget of postings is spent, the rest
 * (generic words: "사업", "추진" in every body) only re-score the best records found so far, through a
 * second MiniSearch query whose `boostDocument` admits only them, and the most common only mark coverage
 * (see `attempt`).
 *
 * Ranking. A record's score is MiniSearch's BM25+ sum (idf × field boost × length norm per matching term and
 * field, × term weight), without MiniSearch's extra factor for the number of matched terms, multiplied by the
 * square of the query's *word* coverage for that record, so a record matching every word the user typed beats
 * one matching a single word strongly (OR retrieval, AND-ish ranking).
 *
 * Confidence. coverage = share of the query's words the best record matches (a long word counts
 * fractionally by its bigrams). 'none' under 0.5 (e.g. one generic bigram of "김치찌개 레시피"), or under
 * 0.75 when the best record matched only in its body ("오늘 날씨" → a report mentioning 오늘); 'ambiguous'
 * when the runner-up covers as much, has another title and scores within 13 %, or within 40 % while
 * matching every word in equally strong fields (both titles for "인권" alone, both contact lists for a
 * shared name); 'confident' otherwise.
 */
import type { MatchInfo, Query, SearchResult } from 'minisearch';
import { FIELD_BOOSTS, FIELDS, type Field, NAMING_FIELDS, type SearchDoc, TEXT_FIELDS } from './fields.js';
import { correctWord } from './jamo-typo.js';
import { analyzeQuery, isChoseongQuery, type QueryWord, qwertyToHangul } from './korean-tokenizer.js';
import { decodeTerm, encodeTerm, FIELD_ID, TermIndex } from './term-index.js';
import { FILLER_WORDS } from '../domain/vocabulary.js';

export { FIELD_BOOSTS, type SearchDoc } from './fields.js';

export interface SearchHit {
  id: string;
  score: number;
  /** Fields the record matched in: title, aliases, code, organization, department, teams, people, milestones, body, choseong. */
  matchedFields: string[];
  /** Index terms of the record that matched, e.g. "2133-4299" for the query "2133" (prefix), "인권" for "인권을". */
  matchedTerms: string[];
}

export interface SearchOutcome {
  verdict: 'confident' | 'ambiguous' | 'none';
  hits: SearchHit[];
  suggestions: string[];
  fallback: 'none' | 'typo' | 'keyboard' | 'choseong';
  coverage: number;
}

export interface SearchOptions {
  limit?: number;
  filter?: (id: string) => boolean;
}

/** Confidence thresholds (see the module comment). */
export const CONFIDENCE = { minCoverage: 0.5, bodyOnlyCoverage: 0.75, ambiguityRatio: 0.87, tieRatio: 0.6 } as const;

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const MAX_SUGGESTIONS = 3;
/** Query terms per attempt (12 words × forms and bigrams stay well under it). */
const MAX_SLOTS = 64;
/** Prefix expansion bounds: dictionary entries scanned, and expansions kept (the shortest). */
const PREFIX = { maxScan: 2000, maxExpansions: 32, weight: 0.5 } as const;
/**
 * Work bounds, in postings (measured at 100,000 records: MiniSearch spends ~2.5 µs per posting it turns
 * into a result, ~0.5 µs per posting it skips through `boostDocument`). The first query visits about
 * POSTINGS_BUDGET postings, its RESCORE_POOL best records are re-scored by the next RESCORE_BUDGET postings,
 * and the most common (term, field) pairs beyond that are only looked up for those records (coverage).
 */
const POSTINGS_BUDGET = 1000;
const RESCORE_POOL = 300;
const RESCORE_BUDGET = 5000;
/**
 * Weight of a particle-stripped form relative to the word as typed. MiniSearch's idf is per field, so the
 * stem in a title (boost 12) must stay below the word as typed in a contact list (boost 5): under 5/12.
 */
const STEM_WEIGHT = 0.35;
/** Weight of all the bigram parts of one word together, relative to one whole-word match. */
const PARTS_WEIGHT = 1.5;
/** At most this many weak words are sent to the typo corrector. */
const MAX_CORRECTIONS = 3;
const FORMAT = 'damdang-search-index';
/** 2: MiniSearch's index (version 1 was the hand-written postings format). */
const VERSION = 3;

const CHOSEONG_FIELDS: readonly Field[] = ['choseong'];
const fieldBit = (f: Field): number => 1 << FIELDS.indexOf(f);
const maskOf = (fields: readonly string[]): number =>
  fields.reduce((m, f) => m | (FIELDS.includes(f as Field) ? fieldBit(f as Field) : 0), 0);
/** Distinct boosts, strongest first, and the fields boosted at least that much. */
const TIERS = [...new Set(Object.values(FIELD_BOOSTS))].sort((x, y) => y - x);
const TIER_MASKS = new Map(TIERS.map((tier) => [tier, maskOf(FIELDS.filter((f) => FIELD_BOOSTS[f] >= tier))]));


/** A query word with how it is searched. */
interface PlannedWord extends QueryWord {
  filler: boolean;
  /** Slots of its whole forms and of its parts. */
  formSlots: number[];
  partSlots: number[];
}

interface Expansion {
  /** Dictionary key (./term-index.ts) and the term it spells. */
  key: string;
  term: string;
  weight: number;
}

interface Slot {
  term: string;
  fields: readonly Field[];
  weight: number;
  /** Dictionary terms searched for this slot, with their weight (1 for the exact term). */
  expansions: Expansion[];
}

/** One dictionary term of the query: a node of the MiniSearch query tree. */
interface Leaf {
  key: string;
  fields: Set<Field>;
  weight: number;
  slots: number[];
}

/** One (term, field) pair, with its posting count: the unit the work budget is spent in. */
interface Unit {
  leaf: Leaf;
  field: Field;
  cost: number;
}

interface Candidate {
  doc: number;
  /** MiniSearch's score without its matched-terms factor. */
  raw: number;
  /** Dictionary keys of the query that matched (MiniSearch's `queryTerms`). */
  keys: string[];
  /** Dictionary key → fields it matched in (MiniSearch's `match`). */
  match: MatchInfo;
}

interface Hit {
  doc: number;
  score: number;
  coverage: number;
  match: MatchInfo;
}

interface Attempt {
  words: PlannedWord[];
  slots: Slot[];
  hits: Hit[];
  /** Words the best record does not fully cover and that the index does not know: candidates for correction. */
  weakWords: PlannedWord[];
  /** Of those, names no document writes ("반려견", "수소버스"): the best record covers under half of them. */
  foreignWords: PlannedWord[];
}

/** A spoken word's ending ("궁금해", "되고있어", "알려주세요"): not a name, even when no document writes it. */
const SPOKEN_ENDING = /(?:[어요해지나까니다고서며면게죠줘라네데야]|습니다|합니다|할까|인가|는지|은지|ㄴ지)$/;

function wordCoverage(w: PlannedWord, matched: Uint8Array): number {
  if (w.formSlots.some((s) => matched[s] === 1)) return 1;
  if (w.partSlots.length === 0) return 0;
  return w.partSlots.filter((s) => matched[s] === 1).length / w.partSlots.length;
}

function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** Whether hit `h` ranks below a record `d` scoring `score` (ties: lower record number first). */
function ranksBelow(h: Hit, score: number, d: number): boolean {
  return h.score < score || (h.score === score && h.doc > d);
}

function candidate(r: SearchResult): Candidate {
  const keys = r.queryTerms;
  return { doc: r.id as number, raw: r.score / Math.max(1, keys.length), keys, match: r.match };
}

/** Adds a second query's result for the same record: scores add up, matched terms and fields unite. */
function merge(c: Candidate, r: SearchResult): void {
  c.raw += r.score / Math.max(1, r.queryTerms.length);
  for (const k of r.queryTerms) if (!c.keys.includes(k)) c.keys.push(k);
  for (const [key, fields] of Object.entries(r.match)) {
    const known = c.match[key];
    if (!known) c.match[key] = fields;
    else for (const f of fields) if (!known.includes(f)) known.push(f);
  }
}

/** Records that `key` matched in `field` without a score (see `attempt`). */
function note(c: Candidate, key: string, field: Field): void {
  if (!c.keys.includes(key)) c.keys.push(key);
  const known = c.match[key];
  if (!known) c.match[key] = [field];
  else if (!known.includes(field)) known.push(field);
}

/** The about `count` candidates with the highest raw scores (all of those tied with the last). */
function best(candidates: Candidate[], count: number): Candidate[] {
  if (candidates.length <= count) return candidates;
  const raws = Float64Array.from(candidates, (c) => c.raw).sort();
  const threshold = raws[raws.length - count] as number;
  return candidates.filter((c) => c.raw >= threshold);
}

/** The MiniSearch query for some units: one node per term, searched in that term's fields of these units. */
function queryOf(units: readonly Unit[]): Query {
  const fields = new Map<Leaf, Field[]>();
  for (const u of units) fields.set(u.leaf, [...(fields.get(u.leaf) ?? []), u.field]);
  return {
    combineWith: 'OR',
    queries: [...fields].map(([leaf, fs]) => ({
      queries: [leaf.key],
      fields: FIELDS.filter((f) => fs.includes(f)),
      boostTerm: () => leaf.weight,
    })),
  };
}

/** A later record with the same id replaces the earlier one instead of failing. */
function distinct(docs: SearchDoc[]): { kept: SearchDoc[]; ids: string[]; titles: string[] } {
  const byId = new Map<string, SearchDoc>();
  for (const d of docs) byId.set(String(d.id), d);
  const kept = [...byId.values()];
  return { kept, ids: [...byId.keys()], titles: kept.map((d) => (typeof d.title === 'string' ? d.title : '')) };
}

function checkedJSON(json: unknown): { ids: unknown[]; titles: unknown[]; minisearch: unknown } {
  const j = json as { format?: unknown; version?: unknown; ids?: unknown; titles?: unknown; minisearch?: unknown };
  if (!j || typeof j !== 'object' || j.format !== FORMAT || j.version !== VERSION) {
    throw new Error(`search: saved index has an unknown format (expected ${FORMAT} version ${VERSION})`);
  }
  if (!Array.isArray(j.ids) || !Array.isArray(j.titles) || j.titles.length !== j.ids.length) {
    throw new Error('search: saved index is corrupt');
  }
  return { ids: j.ids, titles: j.titles, minisearch: j.minisearch };
}

export class ProjectIndex {
  private constructor(
    private readonly terms: TermIndex,
    private readonly ids: readonly string[],
    private readonly titles: readonly string[],
  ) {}

  static build(docs: SearchDoc[]): ProjectIndex {
    const { kept, ids, titles } = distinct(docs);
    return new ProjectIndex(TermIndex.build(kept), ids, titles);
  }

  /**
   * As `build`, a few documents at a time with the event loop free between them: for an index built while a
   * bot answers (a slice of 25 names-only documents takes ~10 ms at scale; the whole of 4,265 took 2 s).
   */
  static async buildAsync(docs: SearchDoc[], chunkSize = 25): Promise<ProjectIndex> {
    const { kept, ids, titles } = distinct(docs);
    return new ProjectIndex(await TermIndex.buildAsync(kept, chunkSize), ids, titles);
  }

  get size(): number {
    return this.ids.length;
  }

  toJSON(): unknown {
    return { format: FORMAT, version: VERSION, ids: this.ids, titles: this.titles, minisearch: this.terms.toJSON() };
  }

  static fromJSON(json: unknown): ProjectIndex {
    const j = checkedJSON(json);
    const terms = TermIndex.fromJSON(j.minisearch, j.ids.length);
    return new ProjectIndex(terms, j.ids.map(String), j.titles.map(String));
  }

  /** As `fromJSON`, in chunks that leave the event loop free between them (a reload while answering). */
  static async fromJSONAsync(json: unknown): Promise<ProjectIndex> {
    const j = checkedJSON(json);
    const terms = await TermIndex.fromJSONAsync(j.minisearch, j.ids.length);
    return new ProjectIndex(terms, j.ids.map(String), j.titles.map(String));
  }

  search(query: string, opts: SearchOptions = {}): SearchOutcome {
    const asked = Math.floor(Number(opts.limit ?? DEFAULT_LIMIT));
    const limit = Number.isFinite(asked) ? Math.max(1, Math.min(MAX_LIMIT, asked)) : DEFAULT_LIMIT;
    const filter = opts.filter;
    const text = typeof query === 'string' ? query : '';
    const words = analyzeQuery(text);
    if (words.length === 0) return { verdict: 'none', hits: [], suggestions: [], fallback: 'none', coverage: 0 };
    if (isChoseongQuery(text)) return this.outcome(this.attempt(words, filter, limit), 'choseong', limit);

    let best = this.attempt(words, filter, limit);
    let fallback: SearchOutcome['fallback'] = 'none';
    // Fallbacks only for words the plain query left uncovered and the index does not know; each rewrites
    // just those words, and its result is kept only when it covers more of the query.
    const typoWords = best.weakWords.filter((w) => w.kind === 'hangul').slice(0, MAX_CORRECTIONS);
    if (typoWords.length > 0) {
      const next = this.retry(best, typoWords, (w) => this.correct(w), filter, limit);
      if (next && (next.hits[0]?.coverage ?? -1) > (best.hits[0]?.coverage ?? -1)) [best, fallback] = [next, 'typo'];
    }
    const keyboardWords = best.weakWords.filter((w) => /[a-z]/.test(w.word));
    if (keyboardWords.length > 0) {
      const next = this.retry(best, keyboardWords, (w) => qwertyToHangul(w.raw), filter, limit);
      if (next && (next.hits[0]?.coverage ?? -1) > (best.hits[0]?.coverage ?? -1))
        [best, fallback] = [next, 'keyboard'];
    }
    return this.outcome(best, fallback, limit);
  }

  /** Records with `key` in any plain-text field (a record counted once per field: only near-ties use it). */
  private frequency(key: string): number {
    let n = 0;
    for (const [field, docs] of this.terms.fields(key) ?? []) if (field !== FIELD_ID.choseong) n += docs.size;
    return n;
  }

  /** Typo correction of a weak Hangul word: its particle-stripped stem against the index dictionary. */
  private correct(w: QueryWord): string | null {
    const stem = w.forms[w.forms.length - 1] ?? w.word;
    const frequency = (term: string) => this.frequency(encodeTerm(term));
    const named = (term: string) => {
      const key = encodeTerm(term);
      return NAMING_FIELDS.some((f) => this.terms.count(key, f) > 0);
    };
    return correctWord(stem, frequency, named);
  }

  private retry(
    from: Attempt,
    targets: PlannedWord[],
    rewrite: (w: PlannedWord) => string | null,
    filter: SearchOptions['filter'],
    limit: number,
  ): Attempt | null {
    let changed = false;
    const words: QueryWord[] = [];
    for (const w of from.words) {
      const replacement = targets.includes(w) ? rewrite(w) : null;
      const next = replacement ? analyzeQuery(replacement) : [];
      if (next.length > 0) changed = true;
      words.push(...(next.length > 0 ? next : [w]));
    }
    return changed ? this.attempt(words, filter, limit) : null;
  }

  /** Assign query terms to slots (whole forms first, then parts) and find their dictionary expansions. */
  private plan(words: QueryWord[]): { planned: PlannedWord[]; slots: Slot[] } {
    const slots: Slot[] = [];
    const slotOf = new Map<string, number>();
    const planned: PlannedWord[] = words.map((w) => ({
      ...w,
      filler: w.forms.some((f) => FILLER_WORDS.has(f)),
      formSlots: [],
      partSlots: [],
    }));
    const assign = (w: PlannedWord, term: string, weight: number, isForm: boolean) => {
      const fields = w.kind === 'choseong' ? CHOSEONG_FIELDS : TEXT_FIELDS;
      const key = `${fields.length}\u0000${term}`;
      let s = slotOf.get(key);
      if (s === undefined) {
        if (slots.length >= MAX_SLOTS) return;
        s = slots.length;
        slotOf.set(key, s);
        slots.push({ term, fields, weight, expansions: this.expand(term, w, isForm) });
      } else {
        const slot = slots[s] as Slot;
        slot.weight = Math.max(slot.weight, weight);
      }
      const list = isForm ? w.formSlots : w.partSlots;
      if (!list.includes(s)) list.push(s);
    };
    // The word as typed outweighs its particle-stripped forms: "신수은" is a name before it is 신수 + 은.
    for (const w of planned) {
      w.forms.forEach((f, i) => {
        assign(w, f, i === 0 ? 1 : STEM_WEIGHT, true);
      });
    }
    for (const w of planned) {
      const weight = w.parts.length > 0 ? Math.min(1, PARTS_WEIGHT / w.parts.length) : 0;
      for (const p of w.parts) assign(w, p, weight, false);
    }
    return { planned, slots };
  }

  /**
   * Dictionary terms for one query term. Hangul terms are matched exactly: every longer indexed word
   * carries the query's bigrams, so prefix search would add cost, not recall. Latin, numbers and 초성
   * forms of ≥2 characters (numbers ≥3) also match by prefix ("2133" → "2133-4299", "ㅎㅊ" → "ㅎㅊㅅㅈ"),
   * weighted as MiniSearch weighs its own prefix matches.
   */
  private expand(term: string, w: QueryWord, isForm: boolean): Expansion[] {
    const key = encodeTerm(term);
    const out: Expansion[] = [];
    if (this.terms.has(key)) out.push({ key, term, weight: 1 });
    const prefixMin = w.kind === 'number' ? 3 : 2;
    if (!isForm || w.kind === 'hangul' || term.length < prefixMin) return out;
    const found = this.terms.withPrefix(key, PREFIX.maxScan).map((k) => ({ key: k, term: decodeTerm(k), df: 0 }));
    if (found.length > PREFIX.maxExpansions) for (const c of found) c.df = this.frequency(c.key);
    found.sort((a, b) => a.term.length - b.term.length || b.df - a.df || (a.key < b.key ? -1 : 1));
    for (const c of found.slice(0, PREFIX.maxExpansions)) {
      const len = c.term.length;
      out.push({ key: c.key, term: c.term, weight: (PREFIX.weight * len) / (len + 0.3 * (len - term.length)) });
    }
    return out;
  }

  /**
   * Runs the query through MiniSearch, then keeps the top `limit + 1` records by score × coverage².
   *
   * Bounded work, in three steps over the query's (term, field) units, cheapest first:
   *  1. one MiniSearch query over units worth about POSTINGS_BUDGET postings (at least enough to fill the
   *     result list): it finds and scores the candidates;
   *  2. a second MiniSearch query over the next RESCORE_BUDGET postings, whose `boostDocument` admits only
   *     the RESCORE_POOL best candidates: it adds their scores;
   *  3. the most common units left (the lowest idf: "사업" in every body) are looked up in MiniSearch's
   *     postings for those candidates only: they count for coverage and matched fields, not for the score.
   * A record matching none of the rarer terms can then be missed, but it would also cover fewer of the
   * user's words.
   */
  private attempt(words: QueryWord[], filter: SearchOptions['filter'], limit: number): Attempt {
    const { planned, slots } = this.plan(words);
    const keep = limit + 1;

    const leaves = new Map<string, Leaf>();
    slots.forEach((slot, si) => {
      for (const e of slot.expansions) {
        let leaf = leaves.get(e.key);
        if (!leaf) {
          leaf = { key: e.key, fields: new Set(), weight: 0, slots: [] };
          leaves.set(e.key, leaf);
        }
        leaf.weight += slot.weight * e.weight;
        for (const f of slot.fields) leaf.fields.add(f);
        leaf.slots.push(si);
      }
    });
    const units: Unit[] = [];
    for (const leaf of leaves.values()) {
      for (const field of FIELDS) {
        if (!leaf.fields.has(field)) continue;
        const cost = this.terms.count(leaf.key, field);
        if (cost > 0) units.push({ leaf, field, cost });
      }
    }
    units.sort((a, b) => a.cost - b.cost);
    let spent = 0;
    let split = 0;
    while (split < units.length) {
      const cost = (units[split] as Unit).cost;
      // The first query must be able to fill the result list: its largest unit bounds its record count.
      const enough = split > 0 && (units[split - 1] as Unit).cost >= keep;
      if (enough && spent + cost > POSTINGS_BUDGET) break;
      spent += cost;
      split++;
    }

    let candidates = split > 0 ? this.terms.search(queryOf(units.slice(0, split))).map(candidate) : [];
    let filtered = false;
    if (split < units.length && candidates.length > 0) {
      // The pool is what the rest of the query can still rank: only records the caller accepts.
      if (filter) {
        candidates = candidates.filter((c) => filter(this.ids[c.doc] as string));
        filtered = true;
      }
      candidates = best(candidates, RESCORE_POOL);
      const pool = new Map(candidates.map((c) => [c.doc, c]));
      let end = split;
      let rescored = 0;
      while (end < units.length && rescored + (units[end] as Unit).cost <= RESCORE_BUDGET) {
        rescored += (units[end] as Unit).cost;
        end++;
      }
      if (end > split) {
        const rest = this.terms.search(queryOf(units.slice(split, end)), {
          boostDocument: (doc) => (pool.has(doc as number) ? 1 : 0),
        });
        for (const r of rest) {
          const c = pool.get(r.id as number);
          if (c) merge(c, r);
        }
      }
      // The most common units only tell which candidates contain them: coverage and matched fields.
      for (const u of units.slice(end)) {
        const postings = this.terms.postings(u.leaf.key, u.field);
        if (postings) for (const c of candidates) if (postings.has(c.doc)) note(c, u.leaf.key, u.field);
      }
    }

    const counted = planned.some((w) => !w.filler) ? planned.filter((w) => !w.filler) : planned;
    const matched = new Uint8Array(slots.length);
    const matchedSlots = (c: Candidate) => {
      matched.fill(0);
      for (const k of c.keys) for (const s of leaves.get(k)?.slots ?? []) matched[s] = 1;
      return matched;
    };
    // The raw score bounds the final one, so most records are skipped before computing coverage.
    const top: Hit[] = [];
    for (const c of candidates) {
      const floor = top.length === keep ? (top[keep - 1] as Hit).score : 0;
      if (c.raw <= floor) continue;
      const m = matchedSlots(c);
      let sum = 0;
      for (const w of counted) sum += wordCoverage(w, m);
      const coverage = counted.length > 0 ? sum / counted.length : 0;
      const score = c.raw * coverage * coverage;
      if (score <= floor) continue;
      if (filter && !filtered && !filter(this.ids[c.doc] as string)) continue;
      let at = top.length;
      while (at > 0 && ranksBelow(top[at - 1] as Hit, score, c.doc)) at--;
      top.splice(at, 0, { doc: c.doc, score, coverage, match: c.match });
      if (top.length > keep) top.pop();
    }
    // Words the best record does not fully cover and that are no term of the index: typo candidates.
    const first = top[0];
    const firstMatched = first ? this.matchedSlots(slots, first) : new Uint8Array(slots.length);
    const weakWords = planned.filter(
      (w) =>
        !w.filler && wordCoverage(w, firstMatched) < 1 && w.forms.every((f) => !this.terms.has(encodeTerm(f))),
    );
    const foreignWords = weakWords.filter(
      (w) => w.kind === 'hangul' && w.word.length >= 3 && !SPOKEN_ENDING.test(w.word) && wordCoverage(w, firstMatched) < 0.5,
    );
    return { words: planned, slots, hits: top, weakWords, foreignWords };
  }

  /** Slots a hit matched, each in one of its own fields. */
  private matchedSlots(slots: Slot[], h: Hit): Uint8Array {
    const out = new Uint8Array(slots.length);
    for (const x of this.matches(slots, h)) out[x.slot] = 1;
    return out;
  }

  private outcome(a: Attempt, fallback: SearchOutcome['fallback'], limit: number): SearchOutcome {
    const first = a.hits[0];
    const coverage = first ? Math.round(first.coverage * 1000) / 1000 : 0;
    const hits =
      first && first.coverage >= CONFIDENCE.minCoverage ? a.hits.slice(0, limit).map((h) => this.describe(a, h)) : [];
    // Half the words, found only in running text ("오늘 날씨" → a report that says 오늘), is not an answer.
    const bodyOnly = hits[0]?.matchedFields.every((f) => f === 'body') ?? true;
    // A thing the question names that no document writes ("반려견 놀이터" of a 모래 놀이터 record) is not found,
    // however well the other words match.
    if (hits.length === 0 || (bodyOnly && coverage < CONFIDENCE.bodyOnlyCoverage) || a.foreignWords.length > 0) {
      const suggestions = [...new Set(a.hits.map((h) => this.titles[h.doc] as string).filter(Boolean))];
      return { verdict: 'none', hits: [], suggestions: suggestions.slice(0, MAX_SUGGESTIONS), fallback, coverage };
    }
    return { verdict: this.isAmbiguous(a) ? 'ambiguous' : 'confident', hits, suggestions: [], fallback, coverage };
  }

  /** Which dictionary terms (and fields, as a bit mask) of each slot a record matched. */
  private matches(slots: Slot[], h: Hit): { slot: number; term: string; fields: number }[] {
    const out: { slot: number; term: string; fields: number }[] = [];
    slots.forEach((slot, si) => {
      for (const e of slot.expansions) {
        const found = h.match[e.key];
        if (!found) continue;
        const fields = maskOf(found) & maskOf(slot.fields);
        if (fields !== 0) out.push({ slot: si, term: e.term, fields });
      }
    });
    return out;
  }

  private describe(a: Attempt, h: Hit): SearchHit {
    const m = this.matches(a.slots, h);
    const fields = m.reduce((acc, x) => acc | x.fields, 0);
    return {
      id: this.ids[h.doc] as string,
      score: Math.round(h.score * 1000) / 1000,
      matchedFields: FIELDS.filter((f) => (fields & fieldBit(f)) !== 0),
      matchedTerms: [...new Set(m.map((x) => x.term))],
    };
  }

  private isAmbiguous(a: Attempt): boolean {
    const [h1, h2] = a.hits;
    if (!h1 || !h2 || h2.coverage < h1.coverage) return false;
    if (titleKey(this.titles[h1.doc] as string) === titleKey(this.titles[h2.doc] as string)) return false;
    if (h2.score >= h1.score * CONFIDENCE.ambiguityRatio) return true;
    // Both records match every word in equally strong fields (both titles for "인권", both contact lists
    // for a name two projects share): a moderate score gap is length normalisation, not the user's intent.
    if (h2.score < h1.score * CONFIDENCE.tieRatio) return false;
    const t1 = this.wordTiers(a, h1);
    const t2 = this.wordTiers(a, h2);
    return t1.length > 0 && t1.every((tier, i) => tier > 0 && tier === t2[i]);
  }

  /**
   * Per counted query word, the highest field boost B such that the record covers the word (≥ 0.5) using
   * only its matches in fields boosted ≥ B; 0 when it does not cover the word.
   */
  private wordTiers(a: Attempt, h: Hit): number[] {
    const found = this.matches(a.slots, h);
    const counted = a.words.filter((w) => !w.filler);
    return counted.map((w) => {
      for (const tier of TIERS) {
        const matched = new Uint8Array(a.slots.length);
        for (const x of found) if ((x.fields & (TIER_MASKS.get(tier) as number)) !== 0) matched[x.slot] = 1;
        if (wordCoverage(w, matched) >= 0.5) return tier;
      }
      return 0;
    });
  }
}

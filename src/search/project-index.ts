/**
 * Search over project records: the Korean tokenizer, a compact inverted index (./postings.ts), field
 * boosts, a 초성 field, and fallbacks (jamo typo correction, wrong keyboard) that run only when the plain
 * query left a word uncovered that the index does not know (so "협치" never pays for them).
 *
 * Ranking. Each query term found in a field of a record adds idf × field boost × a BM25 length norm
 * (title ≫ code/people/department/organization/teams > milestones > body). The sum is multiplied by the
 * square of the query's *word* coverage for that record, so a record matching every word the user typed
 * beats one matching a single word strongly (OR retrieval, AND-ish ranking).
 *
 * Confidence. coverage = share of the query's words the best record matches (a long word counts
 * fractionally by its bigrams). 'none' under 0.5 (e.g. one generic bigram of "김치찌개 레시피"), or under
 * 0.75 when the best record matched only in its body ("오늘 날씨" → a report mentioning 오늘); 'ambiguous'
 * when the runner-up covers as much, has another title and scores within 13 %, or within 40 % while
 * matching every word in equally strong fields (both titles for "인권" alone, both contact lists for a
 * shared name); 'confident' otherwise.
 */
import { FIELD_BOOSTS, fieldTerms, type SearchDoc } from './fields.js';
import { correctWord } from './jamo-typo.js';
import { analyzeQuery, isChoseongQuery, type QueryWord, qwertyToHangul } from './korean-tokenizer.js';
import { FIELD_COUNT, FIELDS, fieldBit, Postings, PostingsBuilder, type PostingsJSON } from './postings.js';

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

/** BM25 length normalisation per field: strong for the body, milder for short fields. */
const BM25 = { k1: 1.2, bBody: 0.75, bShort: 0.5 } as const;

/** Confidence thresholds (see the module comment). */
export const CONFIDENCE = { minCoverage: 0.5, bodyOnlyCoverage: 0.75, ambiguityRatio: 0.87, tieRatio: 0.6 } as const;

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const MAX_SUGGESTIONS = 3;
/** Query terms per attempt: two 32-bit masks per record track which ones matched. */
const MAX_SLOTS = 64;
/** Prefix expansion bounds: dictionary entries scanned, and expansions kept (the shortest). */
const PREFIX = { maxScan: 2000, maxExpansions: 32, weight: 0.5 } as const;
/**
 * Postings scanned per attempt before the remaining, most common query terms only re-score records
 * already found: keeps a long query of generic words ("사업 추진 계획 예산 …") within a few milliseconds.
 */
const POSTINGS_BUDGET = 250_000;
const RESCORE_POOL = 2000;
/** Weight of a particle-stripped form relative to the word as typed. */
const STEM_WEIGHT = 0.5;
/** Weight of all the bigram parts of one word together, relative to one whole-word match. */
const PARTS_WEIGHT = 1.5;
/** At most this many weak words are sent to the typo corrector (each costs ~1 ms). */
const MAX_CORRECTIONS = 3;
const FORMAT = 'damdang-search-index';
const VERSION = 1;

const TEXT_FIELDS_MASK = ((1 << FIELD_COUNT) - 1) & ~fieldBit('choseong');
const CHOSEONG_MASK = fieldBit('choseong');
/** Fields that name a project or a person: everything but the body (and the derived 초성). */
const NAMING_MASK = TEXT_FIELDS_MASK & ~fieldBit('body');
/** Distinct boosts, strongest first, and the fields boosted at least that much. */
const TIERS = [...new Set(Object.values(FIELD_BOOSTS))].sort((x, y) => y - x);
const TIER_MASKS = new Map(
  TIERS.map((tier) => [tier, FIELDS.reduce((m, f) => (FIELD_BOOSTS[f] >= tier ? m | fieldBit(f) : m), 0)]),
);
const BOOST_BY_BIT = FIELDS.map((f) => FIELD_BOOSTS[f]);

/**
 * Chat filler that says nothing about which project is meant ("협치 담당자 누구야"). Still searched, but
 * not counted in coverage.
 */
const FILLER = new Set(
  '알려줘 알려주세요 누구 누구야 누구예요 뭐야 뭐지 어디 언제 어때 관련 담당자 연락처 전화번호 내선 번호'.split(' '),
);

/** A query word with how it is searched. */
interface PlannedWord extends QueryWord {
  filler: boolean;
  /** Slot bits of its whole forms and of its parts, as [low 32, high 32]. */
  formBits: [number, number];
  partBits: [number, number];
  partCount: number;
}

interface Slot {
  term: string;
  fields: number;
  weight: number;
  /** Dictionary terms searched for this slot, with their weight (1 for the exact term). */
  expansions: { term: number; weight: number }[];
}

interface Hit {
  doc: number;
  score: number;
  coverage: number;
}

interface Attempt {
  words: PlannedWord[];
  slots: Slot[];
  hits: Hit[];
  /** Words the best record does not fully cover and that the index does not know: candidates for correction. */
  weakWords: PlannedWord[];
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function wordCoverage(w: PlannedWord, lo: number, hi: number): number {
  if ((w.formBits[0] & lo) !== 0 || (w.formBits[1] & hi) !== 0) return 1;
  if (w.partCount === 0) return 0;
  return (popcount(w.partBits[0] & lo) + popcount(w.partBits[1] & hi)) / w.partCount;
}

function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** Per-query scratch space, reused across queries (search is synchronous); `stamp` avoids clearing it. */
class Scratch {
  readonly score: Float64Array;
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  readonly stamp: Uint32Array;
  readonly touched: Uint32Array;
  touchedCount = 0;
  generation = 0;
  constructor(n: number) {
    this.score = new Float64Array(n);
    this.lo = new Uint32Array(n);
    this.hi = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.touched = new Uint32Array(n);
  }
}

/** Whether hit `h` ranks below a record `d` scoring `score` (ties: lower record number first). */
function ranksBelow(h: Hit, score: number, d: number): boolean {
  return h.score < score || (h.score === score && h.doc > d);
}

export class ProjectIndex {
  /** norms[doc * FIELD_COUNT + field]: BM25 length factor of a one-occurrence match. */
  private readonly norms: Float32Array;
  /**
   * Per posting, its score over the text fields (Σ boost × norm), precomputed so the hot loop reads two
   * sequential arrays and writes one random one; 초성 slots compute theirs on the fly (few postings).
   */
  private readonly textScore: Float32Array;
  /** Terms whose `textScore` entries are computed (lazily, together with decoding their postings). */
  private readonly scored: Uint8Array;
  private scratch: Scratch | null = null;
  /** Set while an attempt uses `scratch`: a `filter` that searches again gets scratch space of its own. */
  private scratchBusy = false;

  private constructor(
    private readonly postings: Postings,
    private readonly ids: readonly string[],
    private readonly titles: readonly string[],
  ) {
    const { lengths, avgLength } = postings;
    this.norms = new Float32Array(lengths.length);
    for (let i = 0; i < lengths.length; i++) {
      const f = i % FIELD_COUNT;
      const b = f === 0 ? BM25.bBody : BM25.bShort;
      const rel = (lengths[i] as number) / Math.max(1e-9, avgLength[f] as number);
      this.norms[i] = (BM25.k1 + 1) / (1 + BM25.k1 * (1 - b + b * rel));
    }
    this.textScore = new Float32Array(postings.docs.length);
    this.scored = new Uint8Array(postings.terms.length);
  }

  /** Decodes a term's postings and computes their text-field scores, once. */
  private prepare(term: number): void {
    if (this.scored[term] === 1) return;
    const p = this.postings;
    p.ensure(term);
    const { docs, masks, offsets } = p;
    const norms = this.norms;
    const end = offsets[term + 1] as number;
    for (let i = offsets[term] as number; i < end; i++) {
      const m = (masks[i] as number) & TEXT_FIELDS_MASK;
      const d = docs[i] as number;
      // Most postings are in one field (usually the body): skip the bit loop for them.
      this.textScore[i] =
        m === 1 ? (norms[d * FIELD_COUNT] as number) * (BOOST_BY_BIT[0] as number) : this.fieldScore(d, m);
    }
    this.scored[term] = 1;
  }

  /** Σ boost × norm over the fields in `mask` for record `d`. */
  private fieldScore(d: number, mask: number): number {
    let m = mask;
    let sum = 0;
    const base = d * FIELD_COUNT;
    while (m !== 0) {
      const f = 31 - Math.clz32(m & -m);
      sum += (BOOST_BY_BIT[f] as number) * (this.norms[base + f] as number);
      m &= m - 1;
    }
    return sum;
  }

  static build(docs: SearchDoc[]): ProjectIndex {
    // A later record with the same id replaces the earlier one instead of failing.
    const byId = new Map<string, SearchDoc>();
    for (const d of docs) byId.set(String(d.id), d);
    const builder = new PostingsBuilder();
    const ids: string[] = [];
    const titles: string[] = [];
    for (const [id, doc] of byId) {
      builder.add(FIELDS.map((f) => fieldTerms(doc, f)));
      ids.push(id);
      titles.push(doc.title ?? '');
    }
    return new ProjectIndex(builder.finish(), ids, titles);
  }

  get size(): number {
    return this.ids.length;
  }

  toJSON(): unknown {
    return { format: FORMAT, version: VERSION, ids: this.ids, titles: this.titles, postings: this.postings.toJSON() };
  }

  static fromJSON(json: unknown): ProjectIndex {
    const j = json as { format?: unknown; version?: unknown; ids?: unknown; titles?: unknown; postings?: unknown };
    if (!j || typeof j !== 'object' || j.format !== FORMAT || j.version !== VERSION) {
      throw new Error(`search: saved index has an unknown format (expected ${FORMAT} version ${VERSION})`);
    }
    if (!Array.isArray(j.ids) || !Array.isArray(j.titles) || typeof j.postings !== 'object' || !j.postings) {
      throw new Error('search: saved index is corrupt');
    }
    const postings = Postings.fromJSON(j.postings as PostingsJSON);
    if (postings.docCount !== j.ids.length || j.titles.length !== j.ids.length) {
      throw new Error('search: saved index is corrupt');
    }
    return new ProjectIndex(postings, j.ids.map(String), j.titles.map(String));
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

  /** Typo correction of a weak Hangul word: its particle-stripped stem against the index dictionary. */
  private correct(w: QueryWord): string | null {
    const stem = w.forms[w.forms.length - 1] ?? w.word;
    const p = this.postings;
    const frequency = (term: string) => {
      const t = p.find(term);
      return t < 0 ? 0 : p.df(t);
    };
    const named = (term: string) => {
      const t = p.find(term);
      if (t < 0) return false;
      p.ensure(t);
      for (let i = p.offsets[t] as number; i < (p.offsets[t + 1] as number); i++) {
        if (((p.masks[i] as number) & NAMING_MASK) !== 0) return true;
      }
      return false;
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
      filler: w.forms.some((f) => FILLER.has(f)),
      formBits: [0, 0],
      partBits: [0, 0],
      partCount: 0,
    }));
    const assign = (w: PlannedWord, term: string, weight: number, isForm: boolean) => {
      const fields = w.kind === 'choseong' ? CHOSEONG_MASK : TEXT_FIELDS_MASK;
      const key = `${fields}\u0000${term}`;
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
      const bits = isForm ? w.formBits : w.partBits;
      if (s < 32) bits[0] = (bits[0] | (1 << s)) >>> 0;
      else bits[1] = (bits[1] | (1 << (s - 32))) >>> 0;
      if (!isForm) w.partCount++;
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
   * forms of ≥2 characters (numbers ≥3) also match by prefix ("2133" → "2133-4299", "ㅎㅊ" → "ㅎㅊㅅㅈ").
   */
  private expand(term: string, w: QueryWord, isForm: boolean): { term: number; weight: number }[] {
    const p = this.postings;
    const out: { term: number; weight: number }[] = [];
    const exact = p.find(term);
    if (exact >= 0) out.push({ term: exact, weight: 1 });
    const prefixMin = w.kind === 'number' ? 3 : 2;
    if (!isForm || w.kind === 'hangul' || term.length < prefixMin) return out;
    const [from, to] = p.prefixRange(term);
    const candidates: number[] = [];
    for (let t = from; t < Math.min(to, from + PREFIX.maxScan); t++) if (t !== exact) candidates.push(t);
    candidates.sort((a, b) => (p.terms[a] as string).length - (p.terms[b] as string).length || p.df(b) - p.df(a));
    for (const t of candidates.slice(0, PREFIX.maxExpansions)) {
      const len = (p.terms[t] as string).length;
      out.push({ term: t, weight: (PREFIX.weight * len) / (len + 0.3 * (len - term.length)) });
    }
    return out;
  }

  /**
   * Scores every record against the query terms, then keeps the top `limit + 1` by score × coverage².
   *
   * Bounded work: slots are processed cheapest first; once POSTINGS_BUDGET postings have been scanned,
   * the remaining (generic, high-df) slots only re-score a pool of the best RESCORE_POOL records found so
   * far, by binary search in their postings. A record matching none of the rarer terms can then be
   * missed, but it would also cover fewer of the user's words.
   */
  private attempt(words: QueryWord[], filter: SearchOptions['filter'], limit: number): Attempt {
    const { planned, slots } = this.plan(words);
    const owned = !this.scratchBusy;
    if (owned && !this.scratch) this.scratch = new Scratch(this.ids.length);
    const s = owned && this.scratch ? this.scratch : new Scratch(this.ids.length);
    this.scratchBusy = true;
    try {
      return this.run(planned, slots, s, filter, limit);
    } finally {
      if (owned) this.scratchBusy = false;
    }
  }

  private run(
    planned: PlannedWord[],
    slots: Slot[],
    s: Scratch,
    filter: SearchOptions['filter'],
    limit: number,
  ): Attempt {
    const p = this.postings;
    s.generation = (s.generation + 1) >>> 0 || 1;
    s.touchedCount = 0;

    const cost = slots.map((slot) => slot.expansions.reduce((sum, e) => sum + p.df(e.term), 0));
    const order = slots.map((_, i) => i).sort((a, b) => (cost[a] as number) - (cost[b] as number));
    let spent = 0;
    let pool: Uint32Array | null = null;
    for (const si of order) {
      const slot = slots[si] as Slot;
      const slotCost = cost[si] as number;
      if (spent > 0 && spent + slotCost > POSTINGS_BUDGET && !pool) pool = this.bestTouched(s, RESCORE_POOL);
      spent += slotCost;
      for (const e of slot.expansions) {
        const weight = slot.weight * e.weight * this.idf(e.term);
        if (pool) {
          for (let k = 0; k < pool.length; k++) {
            const d = pool[k] as number;
            const at = p.position(e.term, d);
            if (at >= 0) this.rescore(s, at, d, slot.fields, weight, si);
          }
        } else {
          this.scan(s, e.term, slot.fields, weight, si);
        }
      }
    }

    const counted = planned.some((w) => !w.filler) ? planned.filter((w) => !w.filler) : planned;
    const candidates = pool ?? s.touched.subarray(0, s.touchedCount);
    // The raw score bounds the final one, so most records are skipped before computing coverage.
    const keep = limit + 1;
    const top: Hit[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const d = candidates[i] as number;
      const raw = s.score[d] as number;
      const floor = top.length === keep ? (top[keep - 1] as Hit).score : 0;
      if (raw <= floor) continue;
      let sum = 0;
      for (const w of counted) sum += wordCoverage(w, s.lo[d] as number, s.hi[d] as number);
      const coverage = counted.length > 0 ? sum / counted.length : 0;
      const score = raw * coverage * coverage;
      if (score <= floor) continue;
      if (filter && !filter(this.ids[d] as string)) continue;
      let at = top.length;
      while (at > 0 && ranksBelow(top[at - 1] as Hit, score, d)) at--;
      top.splice(at, 0, { doc: d, score, coverage });
      if (top.length > keep) top.pop();
    }
    // Words the best record does not fully cover and that are no term of the index: typo candidates.
    const best = top[0];
    const weakWords = planned.filter(
      (w) =>
        !w.filler &&
        (!best || wordCoverage(w, s.lo[best.doc] as number, s.hi[best.doc] as number) < 1) &&
        w.forms.every((f) => p.find(f) < 0),
    );
    return { words: planned, slots, hits: top, weakWords };
  }

  private idf(term: number): number {
    const n = this.ids.length;
    const df = this.postings.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds all postings of dictionary term `term` to the scratch scores for slot `si` (the hot loop). */
  private scan(s: Scratch, term: number, fields: number, weight: number, si: number): void {
    this.prepare(term);
    const { docs, masks, offsets } = this.postings;
    const { stamp, score, touched } = s;
    const bits = si < 32 ? s.lo : s.hi;
    const bit = 1 << (si & 31);
    const gen = s.generation;
    const textOnly = fields === TEXT_FIELDS_MASK;
    const textScore = this.textScore;
    let count = s.touchedCount;
    const end = offsets[term + 1] as number;
    for (let i = offsets[term] as number; i < end; i++) {
      const d = docs[i] as number;
      const ps = textOnly ? (textScore[i] as number) : this.fieldScore(d, (masks[i] as number) & fields);
      if (ps === 0) continue;
      if (stamp[d] !== gen) {
        stamp[d] = gen;
        score[d] = 0;
        s.lo[d] = 0;
        s.hi[d] = 0;
        touched[count++] = d;
      }
      score[d] = (score[d] as number) + weight * ps;
      bits[d] = (bits[d] as number) | bit;
    }
    s.touchedCount = count;
  }

  /** Adds posting `i` (of record `d`) to the scores of records already found, for slot `si`. */
  private rescore(s: Scratch, i: number, d: number, fields: number, weight: number, si: number): void {
    if (s.stamp[d] !== s.generation) return;
    const ps = this.fieldScore(d, (this.postings.masks[i] as number) & fields);
    if (ps === 0) return;
    s.score[d] = (s.score[d] as number) + weight * ps;
    if (si < 32) s.lo[d] = ((s.lo[d] as number) | (1 << si)) >>> 0;
    else s.hi[d] = ((s.hi[d] as number) | (1 << (si - 32))) >>> 0;
  }

  /** The (about) `count` touched records with the highest raw scores, by a histogram threshold: O(n). */
  private bestTouched(s: Scratch, count: number): Uint32Array {
    const { score } = s;
    const touched = s.touched.subarray(0, s.touchedCount);
    if (touched.length <= count) return touched.slice();
    let max = 0;
    for (let i = 0; i < touched.length; i++) max = Math.max(max, score[touched[i] as number] as number);
    const scale = 1023 / max;
    const binOf = new Uint16Array(touched.length);
    const bins = new Uint32Array(1024);
    for (let i = 0; i < touched.length; i++) {
      const b = Math.min(1023, ((score[touched[i] as number] as number) * scale) | 0);
      binOf[i] = b;
      bins[b] = (bins[b] as number) + 1;
    }
    let threshold = 1023;
    let total = bins[1023] as number;
    while (threshold > 0 && total + (bins[threshold - 1] as number) <= count) total += bins[--threshold] as number;
    const out = new Uint32Array(total);
    let k = 0;
    for (let i = 0; i < touched.length && k < total; i++)
      if ((binOf[i] as number) >= threshold) out[k++] = touched[i] as number;
    return out.subarray(0, k);
  }

  private outcome(a: Attempt, fallback: SearchOutcome['fallback'], limit: number): SearchOutcome {
    const first = a.hits[0];
    const coverage = first ? Math.round(first.coverage * 1000) / 1000 : 0;
    const hits =
      first && first.coverage >= CONFIDENCE.minCoverage ? a.hits.slice(0, limit).map((h) => this.describe(a, h)) : [];
    // Half the words, found only in running text ("오늘 날씨" → a report that says 오늘), is not an answer.
    const bodyOnly = hits[0]?.matchedFields.every((f) => f === 'body') ?? true;
    if (hits.length === 0 || (bodyOnly && coverage < CONFIDENCE.bodyOnlyCoverage)) {
      const suggestions = [...new Set(a.hits.map((h) => this.titles[h.doc] as string).filter(Boolean))];
      return { verdict: 'none', hits: [], suggestions: suggestions.slice(0, MAX_SUGGESTIONS), fallback, coverage };
    }
    return { verdict: this.isAmbiguous(a) ? 'ambiguous' : 'confident', hits, suggestions: [], fallback, coverage };
  }

  /** Which dictionary terms (and fields) of each slot a record matched. */
  private matches(a: Attempt, doc: number): { slot: number; term: string; fields: number }[] {
    const p = this.postings;
    const out: { slot: number; term: string; fields: number }[] = [];
    a.slots.forEach((slot, si) => {
      for (const e of slot.expansions) {
        const at = p.position(e.term, doc);
        if (at < 0) continue;
        const fields = (p.masks[at] as number) & slot.fields;
        if (fields !== 0) out.push({ slot: si, term: p.terms[e.term] as string, fields });
      }
    });
    return out;
  }

  private describe(a: Attempt, h: Hit): SearchHit {
    const m = this.matches(a, h.doc);
    const fields = m.reduce((acc, x) => acc | x.fields, 0);
    return {
      id: this.ids[h.doc] as string,
      score: Math.round(h.score * 1000) / 1000,
      matchedFields: FIELDS.filter((_, i) => (fields & (1 << i)) !== 0),
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
    const found = this.matches(a, h.doc);
    const counted = a.words.filter((w) => !w.filler);
    return counted.map((w) => {
      for (const tier of TIERS) {
        let lo = 0;
        let hi = 0;
        for (const x of found) {
          if ((x.fields & (TIER_MASKS.get(tier) as number)) === 0) continue;
          if (x.slot < 32) lo = (lo | (1 << x.slot)) >>> 0;
          else hi = (hi | (1 << (x.slot - 32))) >>> 0;
        }
        if (wordCoverage(w, lo, hi) >= 0.5) return tier;
      }
      return 0;
    });
  }
}

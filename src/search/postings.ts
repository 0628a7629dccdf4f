/**
 * A compact inverted index: sorted term dictionary + postings in typed arrays.
 *
 * Why not MiniSearch's own index (measured on the real Seoul corpus, cycled to scale): MiniSearch keeps a
 * Map per term and field and builds a result object per matching document, so at 20,000 records it took
 * 4.9 s to load and 70–240 ms for queries with common words ("사업", "추진"); at 100,000 records even
 * without bodies, 9 s to load. Here one posting is (document, field bit mask) in two typed arrays:
 * loading is decoding two varint streams, a query touches each posting once with arithmetic only, and
 * only the final top hits become objects. Term frequency is not kept (a record either mentions a term
 * in a field or not): for ranking projects by title, people and organisation it adds little, and it
 * would double the index.
 *
 * Serialised form: the sorted terms joined by "\n" (a term never contains one); per-term posting counts
 * and byte sizes, and the postings, as base64 varint streams (document ids delta-coded); field lengths
 * as base64 (little-endian uint16). Loading reads only the per-term streams; a term's postings are
 * decoded the first time a query needs them.
 */
import { Buffer } from 'node:buffer';

/** Field bit order: body first, so the most common mask (body only = 1) is a one-byte varint. */
export const FIELDS = [
  'body',
  'title',
  'aliases',
  'code',
  'organization',
  'department',
  'teams',
  'people',
  'milestones',
  'choseong',
] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export function fieldBit(f: Field): number {
  return 1 << FIELDS.indexOf(f);
}

/** An array of uint32 that grows by doubling (build-time only). */
class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

class VarintWriter {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;
  get length(): number {
    return this.pos;
  }
  write(v: number): void {
    if (v >= 2 ** 28) throw new Error('search: index too large to serialise');
    if (this.pos + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.pos++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.pos++] = x;
  }
  base64(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos).toString('base64');
  }
}

/**
 * Reads one varint at `pos` into `into.value` and returns the next position. Values are < 2^28 (document
 * numbers and field masks), so at most four bytes; reading past the end yields 0s, which the caller
 * detects by comparing the final position with the buffer length.
 */
function readVarint(buf: Uint8Array, pos: number, into: { value: number }): number {
  let b = buf[pos++] ?? 0;
  let x = b & 0x7f;
  if (b >= 0x80) {
    b = buf[pos++] ?? 0;
    x |= (b & 0x7f) << 7;
    if (b >= 0x80) {
      b = buf[pos++] ?? 0;
      x |= (b & 0x7f) << 14;
      if (b >= 0x80) {
        b = buf[pos++] ?? 0;
        x |= (b & 0x7f) << 21;
        if (b >= 0x80) throw new Error('search: saved index is corrupt');
      }
    }
  }
  into.value = x;
  return pos;
}

function fromBase64(s: unknown, what: string): Uint8Array {
  if (typeof s !== 'string') throw new Error(`search: saved index lacks ${what}`);
  const b = Buffer.from(s, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Collects documents one at a time; `finish()` sorts the dictionary and packs the postings. */
export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly pTerm = new GrowableU32();
  private readonly pDoc = new GrowableU32();
  private readonly pMask = new GrowableU32();
  private readonly lengths: number[] = [];
  private docs = 0;

  /** `fieldTerms[i]` are the terms of FIELDS[i] (duplicates allowed). Returns the document number. */
  add(fieldTerms: ReadonlyArray<readonly string[]>): number {
    const doc = this.docs++;
    const masks = new Map<number, number>();
    for (let f = 0; f < FIELD_COUNT; f++) {
      const unique = new Set(fieldTerms[f] ?? []);
      this.lengths.push(Math.min(unique.size, 0xffff));
      for (const t of unique) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.termNames.length;
          this.termIds.set(t, id);
          this.termNames.push(t);
        }
        masks.set(id, (masks.get(id) ?? 0) | (1 << f));
      }
    }
    for (const [id, mask] of masks) {
      this.pTerm.push(id);
      this.pDoc.push(doc);
      this.pMask.push(mask);
    }
    return doc;
  }

  finish(): Postings {
    const order = this.termNames
      .map((_, i) => i)
      .sort((a, b) => cmp(this.termNames[a] as string, this.termNames[b] as string));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => {
      rank[id] = r;
    });
    const terms = order.map((id) => this.termNames[id] as string);
    // Counting sort of postings by term rank; documents stay ascending within a term (stable).
    const offsets = new Uint32Array(terms.length + 1);
    const pTerm = this.pTerm.view();
    for (let i = 0; i < pTerm.length; i++) {
      const r = (rank[pTerm[i] as number] as number) + 1;
      offsets[r] = (offsets[r] as number) + 1;
    }
    for (let r = 0; r < terms.length; r++) offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
    const cursor = offsets.slice(0, terms.length);
    const docs = new Uint32Array(pTerm.length);
    const masks = new Uint16Array(pTerm.length);
    const pDoc = this.pDoc.view();
    const pMask = this.pMask.view();
    for (let i = 0; i < pTerm.length; i++) {
      const r = rank[pTerm[i] as number] as number;
      const at = cursor[r] as number;
      cursor[r] = at + 1;
      docs[at] = pDoc[i] as number;
      masks[at] = pMask[i] as number;
    }
    return new Postings(terms, offsets, docs, masks, Uint16Array.from(this.lengths), this.docs);
  }
}

/** Code-unit order, the order of `<` on strings: prefix ranges are contiguous in it. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PostingsJSON {
  docCount: number;
  terms: string;
  counts: string;
  sizes: string;
  postings: string;
  lengths: string;
}

/** Encoded postings kept as loaded; a term is decoded the first time a query needs it. */
interface Encoded {
  bytes: Uint8Array;
  /** Byte range of term t: [byteOffsets[t], byteOffsets[t + 1]). */
  byteOffsets: Float64Array;
  decoded: Uint8Array;
}

export class Postings {
  /** Average length (unique terms) of each field over all documents. */
  readonly avgLength: Float64Array;

  constructor(
    readonly terms: readonly string[],
    /** Postings of term t are [offsets[t], offsets[t + 1]); call `ensure(t)` before reading them. */
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
    readonly masks: Uint16Array,
    /** lengths[doc * FIELD_COUNT + field] = unique terms of that field. */
    readonly lengths: Uint16Array,
    readonly docCount: number,
    private readonly encoded: Encoded | null = null,
  ) {
    this.avgLength = new Float64Array(FIELD_COUNT);
    for (let i = 0; i < lengths.length; i++) {
      const f = i % FIELD_COUNT;
      this.avgLength[f] = (this.avgLength[f] as number) + (lengths[i] as number);
    }
    for (let f = 0; f < FIELD_COUNT; f++) this.avgLength[f] = (this.avgLength[f] as number) / Math.max(1, docCount);
  }

  /** Index of `term` in the dictionary, or -1. */
  find(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.terms.length && this.terms[lo] === term ? lo : -1;
  }

  /** Dictionary range [from, to) of the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.terms.length && (this.terms[end] as string).startsWith(prefix)) end++;
    return [lo, end];
  }

  df(term: number): number {
    return (this.offsets[term + 1] as number) - (this.offsets[term] as number);
  }

  /** Decodes the postings of `term` if they are still encoded (loading stays O(terms), not O(postings)). */
  ensure(term: number): void {
    const enc = this.encoded;
    if (!enc || enc.decoded[term] === 1) return;
    const v = { value: 0 };
    let pos = enc.byteOffsets[term] as number;
    let prev = 0;
    const end = this.offsets[term + 1] as number;
    for (let p = this.offsets[term] as number; p < end; p++) {
      pos = readVarint(enc.bytes, pos, v);
      prev += v.value;
      this.docs[p] = prev;
      pos = readVarint(enc.bytes, pos, v);
      this.masks[p] = v.value;
    }
    if (pos !== enc.byteOffsets[term + 1] || prev >= this.docCount) throw new Error('search: saved index is corrupt');
    enc.decoded[term] = 1;
  }

  /** Position of `doc` in the postings of `term`, or -1 (postings are sorted by document). */
  position(term: number, doc: number): number {
    this.ensure(term);
    let lo = this.offsets[term] as number;
    let hi = this.offsets[term + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.docs[mid] as number) < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < (this.offsets[term + 1] as number) && this.docs[lo] === doc ? lo : -1;
  }

  toJSON(): PostingsJSON {
    const counts = new VarintWriter();
    const sizes = new VarintWriter();
    const postings = new VarintWriter();
    for (let t = 0; t < this.terms.length; t++) {
      this.ensure(t);
      const from = this.offsets[t] as number;
      const to = this.offsets[t + 1] as number;
      counts.write(to - from);
      const start = postings.length;
      let prev = 0;
      for (let p = from; p < to; p++) {
        const d = this.docs[p] as number;
        postings.write(d - prev);
        postings.write(this.masks[p] as number);
        prev = d;
      }
      sizes.write(postings.length - start);
    }
    const lengths = Buffer.from(this.lengths.buffer, this.lengths.byteOffset, this.lengths.byteLength);
    return {
      docCount: this.docCount,
      terms: this.terms.join('\n'),
      counts: counts.base64(),
      sizes: sizes.base64(),
      postings: postings.base64(),
      lengths: lengths.toString('base64'),
    };
  }

  static fromJSON(j: PostingsJSON): Postings {
    if (typeof j.terms !== 'string' || !Number.isInteger(j.docCount) || j.docCount < 0) {
      throw new Error('search: saved index is corrupt');
    }
    const terms = j.terms.length > 0 ? j.terms.split('\n') : [];
    const countBytes = fromBase64(j.counts, 'counts');
    const sizeBytes = fromBase64(j.sizes, 'sizes');
    const offsets = new Uint32Array(terms.length + 1);
    const byteOffsets = new Float64Array(terms.length + 1);
    const v = { value: 0 };
    let cpos = 0;
    let spos = 0;
    for (let t = 0; t < terms.length; t++) {
      cpos = readVarint(countBytes, cpos, v);
      offsets[t + 1] = (offsets[t] as number) + v.value;
      spos = readVarint(sizeBytes, spos, v);
      byteOffsets[t + 1] = (byteOffsets[t] as number) + v.value;
    }
    const bytes = fromBase64(j.postings, 'postings');
    if (cpos !== countBytes.length || spos !== sizeBytes.length || byteOffsets[terms.length] !== bytes.length) {
      throw new Error('search: saved index is corrupt');
    }
    const total = offsets[terms.length] as number;
    const lb = fromBase64(j.lengths, 'lengths');
    const lengths = new Uint16Array(Math.floor(lb.byteLength / 2));
    new Uint8Array(lengths.buffer).set(lb.subarray(0, lengths.byteLength));
    if (lengths.length !== j.docCount * FIELD_COUNT) throw new Error('search: saved index is corrupt');
    const encoded = { bytes, byteOffsets, decoded: new Uint8Array(terms.length) };
    return new Postings(terms, offsets, new Uint32Array(total), new Uint16Array(total), lengths, j.docCount, encoded);
  }
}

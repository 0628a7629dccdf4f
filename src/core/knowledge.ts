/**
 * What the commands answer from: the search index, light summaries of every current record, and lookups that
 * the store answers from indexed tables. Full records are parsed only when an answer needs them, so start-up
 * does not grow with the size of every record. The index is saved beside the database and reused while the
 * store has not changed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../domain/clock.js';
import type { DocBlock } from '../domain/doc-model.js';
import { projectIdentity } from '../domain/identity.js';
import type { Contact } from '../domain/project.js';
import { organizationAliases } from '../domain/names.js';
import { ProjectIndex, type SearchDoc } from '../search/project-index.js';
import type { ProjectStore, RecordSummary, StoredRecord } from '../store/store.js';
import type { PassageStore } from './answer/passage-store.js';

export interface PersonEntry {
  contact: Contact;
  recordId: string;
}

export interface Knowledge {
  /** The store generation this knowledge was read at (in the same snapshot as everything else here). */
  generation: number;
  summaries: RecordSummary[];
  summaryOf(id: string): RecordSummary | undefined;
  /** Summaries by department, team or department-record title: the units staff ask about. */
  unit(name: string): RecordSummary[];
  /** Summaries by document code ("3-8-76"; codes repeat across cities). */
  withCode(code: string): RecordSummary[];
  /** The full current record, parsed on first use. */
  get(id: string): StoredRecord | undefined;
  index: ProjectIndex;
  clock: Clock;
  /**
   * The document model's blocks written on lines `from`..`to` (1-based, inclusive; a block straddling either end
   * included), in document order: what answering reads of a document's text.
   */
  blocksAt(versionId: number, from?: number, to?: number): DocBlock[];
  /** Contacts whose name, position or extension is exactly `value`. */
  people(field: 'name' | 'position' | 'extension', value: string): PersonEntry[];
  /** Records with a budget line of that item (spaces ignored). */
  withBudgetItem(item: string): StoredRecord[];
  /** The same project in other years or phases (실적 and 계획 of one report), oldest first. */
  siblings(id: string): StoredRecord[];
  /** The document model's passages and metadata, searched in the store (any document, any family). */
  passages: PassageStore;
}

const CACHE_LIMIT = 5000;
/** Versions whose blocks are kept: a large plan is a few thousand blocks. */
const BLOCK_CACHE_LIMIT = 500;

export function recordId(r: { id: number }): string {
  return String(r.id);
}

/** Test seams: a point inside the load where another process may commit. */
export interface LoadHooks {
  afterSummaries?: () => void;
}

/**
 * Summaries, the store's generation and the index are read under one snapshot, so an ingest committing during
 * the load can never leave an index saved under a generation whose records it lacks.
 */
export function loadKnowledge(store: ProjectStore, clock: Clock, hooks: LoadHooks = {}): Knowledge {
  return store.snapshot(() => buildKnowledge(store, clock, hooks));
}

function buildKnowledge(store: ProjectStore, clock: Clock, hooks: LoadHooks): Knowledge {
  const summaries = store.currentSummaries();
  hooks.afterSummaries?.();
  const identity = store.identity();
  const index = loadOrBuildIndex(store, identity, summaries);
  return assembleKnowledge(store, clock, identity.generation, summaries, index);
}

/**
 * The knowledge of one generation from its summaries and index, however they were read (here, or by a
 * background reload's worker); full records and a document's blocks are read from the store when asked.
 */
export function assembleKnowledge(
  store: ProjectStore,
  clock: Clock,
  generation: number,
  summaries: RecordSummary[],
  index: ProjectIndex,
): Knowledge {
  const byId = new Map(summaries.map((s) => [recordId(s), s]));
  const cache = new Map<string, StoredRecord>();
  const get = (id: string): StoredRecord | undefined => {
    const hit = cache.get(id);
    if (hit) return hit;
    if (!byId.has(id)) return undefined;
    const r = store.recordById(Number(id));
    if (r) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(id, r);
    }
    return r;
  };
  // A version's blocks are read once (one indexed query) and kept while answering asks about it.
  const docBlocks = new Map<number, DocBlock[]>();
  const blocksAt = (versionId: number, from = 1, to = Number.MAX_SAFE_INTEGER): DocBlock[] => {
    let all = docBlocks.get(versionId);
    if (!all) {
      if (docBlocks.size >= BLOCK_CACHE_LIMIT) docBlocks.clear();
      all = store.blocksOf(versionId);
      docBlocks.set(versionId, all);
    }
    return blocksIn(all, from, to);
  };
  const units = new Map<string, RecordSummary[]>();
  const codes = new Map<string, RecordSummary[]>();
  const push = (m: Map<string, RecordSummary[]>, k: string | null, s: RecordSummary) => {
    if (!k) return;
    const list = m.get(k);
    if (!list) m.set(k, [s]);
    else if (list.at(-1) !== s) list.push(s);
  };
  for (const s of summaries) {
    push(units, s.department, s);
    for (const t of s.teams) push(units, t, s);
    if (s.kind === 'department') push(units, s.title, s);
    push(codes, s.code, s);
  }
  const identities = new Map<string, string[]>();
  for (const s of summaries) {
    const k = projectIdentity(s);
    identities.set(k, [...(identities.get(k) ?? []), recordId(s)]);
  }
  return {
    generation,
    summaries,
    summaryOf: (id) => byId.get(id),
    unit: (name) => units.get(name) ?? [],
    withCode: (code) => codes.get(code) ?? [],
    get,
    index,
    clock,
    blocksAt,
    people(field, value) {
      return store.contactRecordIds(field, value).flatMap((id) => {
        const r = get(String(id));
        return r
          ? r.record.contacts.filter((c) => c[field] === value).map((contact) => ({ contact, recordId: String(id) }))
          : [];
      });
    },
    withBudgetItem(item) {
      return store.budgetItemRecordIds(item.replace(/\s+/g, '')).flatMap((id) => get(String(id)) ?? []);
    },
    passages: {
      search: (query, limit, versionId) => store.searchPassages(query, limit, versionId),
      document: (versionId) => store.passageDocument(versionId),
      blocks: (versionId, from, to) => store.blocksOf(versionId, from, to),
    },
    siblings(id) {
      const s = byId.get(id);
      if (!s) return [];
      return (identities.get(projectIdentity(s)) ?? [id])
        .flatMap((x) => get(x) ?? [])
        .sort((a, b) => (a.record.year ?? 0) - (b.record.year ?? 0));
    },
  };
}

/** The knowledge a bot answers from, following the store (see `liveKnowledge`). */
export interface LiveKnowledge {
  /** The current generation's knowledge: never waits for a reload. */
  (): Knowledge;
  /** Whether a reload is under way. */
  readonly reloading: boolean;
  /**
   * Settles once no reload is under way or due (the store's generation is the knowledge's), or a reload has
   * failed; resolves with the current knowledge. For tests, benchmarks and shutdown.
   */
  settled(): Promise<Knowledge>;
  /** Stops watching the store; a reload under way is abandoned (its worker ended). */
  close(): void;
}

export interface LiveKnowledgeOptions {
  /** How often the store's generation is looked at between questions (one indexed read); 0: only on questions. */
  pollMs?: number;
  /** A reload that failed (the previous generation goes on answering; it is tried again after a pause). */
  onError?: (err: Error) => void;
  /** Test seam: called when the next generation is ready, before it replaces the current one. */
  beforeSwap?: (next: Knowledge) => void;
}

/**
 * Knowledge that follows the store: a long-running bot answers from documents ingested after it started (by
 * this process or another one writing the same SQLite file). Each call, and a timer between calls, compares the
 * store's generation with the knowledge's (one indexed read); when it moved, the next generation is read in the
 * background — summaries and index in a worker thread over its own read-only connection, under one snapshot,
 * the saved index reused or rebuilt and saved as before — and handed over in chunks, while every question is
 * answered from the previous generation until the new one replaces it. One reload at a time; a commit made
 * during a reload is read by one more reload after it. (An in-memory store, which no worker can open, is
 * reloaded in place.)
 */
export function liveKnowledge(
  store: ProjectStore,
  clock: Clock,
  onReload: (info: { generation: number; records: number; millis: number }) => void = () => {},
  options: LiveKnowledgeOptions = {},
): LiveKnowledge {
  let current = loadKnowledge(store, clock);
  let running: Promise<void> | null = null;
  let failures = 0;
  let retryAt = 0;
  let closed = false;
  const abort = new AbortController();
  const waiters: Array<() => void> = [];
  // Compared with the generation the knowledge was read at, not one read beside it.
  const moved = () => store.identity().generation !== current.generation;
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };

  const reload = (): void => {
    if (running || closed) return;
    if (store.file === ':memory:') {
      const started = performance.now();
      current = loadKnowledge(store, clock);
      onReload({ generation: current.generation, records: current.summaries.length, millis: Math.round(performance.now() - started) });
      return;
    }
    if (Date.now() < retryAt) return;
    const started = performance.now();
    running = (async () => {
      try {
        const next = await loadInBackground(store, clock, abort.signal);
        if (closed) return;
        options.beforeSwap?.(next);
        current = next;
        failures = 0;
        onReload({ generation: next.generation, records: next.summaries.length, millis: Math.round(performance.now() - started) });
      } catch (err) {
        if (closed) return;
        // The previous generation keeps answering; the next question or tick after the pause tries again.
        failures++;
        retryAt = Date.now() + Math.min(60_000, 1000 * 2 ** failures);
        options.onError?.(err instanceof Error ? err : new Error(String(err)));
      }
    })().finally(() => {
      running = null;
      if (!closed && failures === 0 && safely(moved)) reload();
      if (!running) wake();
    });
  };

  const live = (() => {
    if (!running && moved()) reload();
    return current;
  }) as LiveKnowledge;
  Object.defineProperty(live, 'reloading', { get: () => running !== null });
  live.settled = () =>
    new Promise<Knowledge>((resolve) => {
      if (!running && !safely(moved)) return resolve(current);
      waiters.push(() => resolve(current));
      if (!running) reload();
      if (!running) wake();
    });
  const timer = (options.pollMs ?? 2000) > 0 ? setInterval(() => !running && safely(moved) && reload(), options.pollMs ?? 2000) : null;
  timer?.unref();
  live.close = () => {
    closed = true;
    abort.abort();
    if (timer) clearInterval(timer);
    wake();
  };
  return live;
}

/** A check that must not throw where nobody waits for it (a timer; a store already closed). */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/**
 * Postings of the index's terms per message from the worker (a term with its field and record entries): ~5,000
 * are received in a few milliseconds; a chunk of a fixed number of terms took up to 165 ms where common words
 * gather (measured over ../shared/scale, 100,000 terms and 930,000 postings).
 */
export const POSTINGS_PER_CHUNK = 5000;

/** What a reload's worker sends first: everything but the index's terms, which follow in chunks on request. */
export interface GenerationHead {
  type: 'head';
  generation: number;
  summaries: RecordSummary[];
  /** ProjectIndex.toJSON() with an empty term list. */
  index: { minisearch: { index: unknown[] } } & Record<string, unknown>;
}

/**
 * Reads the store's current generation in a worker thread and assembles it here: the worker's messages are
 * asked for one at a time, each after the event loop has turned, and the index is loaded in chunks too.
 */
async function loadInBackground(store: ProjectStore, clock: Clock, signal: AbortSignal, ignoreSaved = false): Promise<Knowledge> {
  const { head, terms } = await new Promise<{ head: GenerationHead; terms: unknown[] }>((resolve, reject) => {
    const worker = new Worker(new URL('./knowledge-worker.mjs', import.meta.url), { workerData: { file: store.file, ignoreSaved } });
    // A reload never keeps a process alive (`ask` answers and exits).
    worker.unref();
    let head: GenerationHead | null = null;
    const terms: unknown[] = [];
    let done = false;
    const end = (err: Error | null) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', abandon);
      void worker.terminate();
      if (err) reject(err);
      else if (head) resolve({ head, terms });
      else reject(new Error('knowledge worker: no generation was sent'));
    };
    const abandon = () => end(new Error('knowledge reload abandoned'));
    if (signal.aborted) return abandon();
    signal.addEventListener('abort', abandon, { once: true });
    worker.on('message', (m: GenerationHead | { type: 'terms'; entries: unknown[] } | { type: 'done' }) => {
      if (done) return;
      if (m.type === 'head') head = m;
      else if (m.type === 'terms') for (const e of m.entries) terms.push(e);
      else return end(null);
      setImmediate(() => !done && worker.postMessage('next'));
    });
    worker.on('error', (err) => end(err));
    worker.on('exit', (code) => end(new Error(`knowledge worker stopped (exit code ${code}) before sending the generation`)));
  });
  head.index.minisearch.index = terms;
  let index: ProjectIndex;
  try {
    index = await ProjectIndex.fromJSONAsync(head.index);
  } catch (err) {
    // A saved index that passed the worker's identity check but not loading: once more, rebuilt by the worker.
    if (ignoreSaved || signal.aborted) throw err;
    return loadInBackground(store, clock, signal, true);
  }
  return assembleKnowledge(store, clock, head.generation, head.summaries, index);
}

/**
 * What a reload's worker reads over its own connection, under one snapshot: the generation, its summaries and
 * its index as JSON — the saved one when it was built from this very database at this generation, else built
 * here and saved.
 */
export function readGeneration(
  store: ProjectStore,
  ignoreSaved = false,
): { generation: number; summaries: RecordSummary[]; index: unknown } {
  return store.snapshot(() => {
    const summaries = store.currentSummaries();
    const identity = store.identity();
    const saved = ignoreSaved ? null : savedIndex(store, identity);
    const index = saved ?? buildIndex(store, identity, summaries).json();
    return { generation: identity.generation, summaries, index };
  });
}

/**
 * Those of a version's blocks written on lines `from`..`to`, a block straddling either end included. Blocks are in
 * line order, their last lines too (the rows of a table flattened one cell a line overlap, but end in order).
 */
function blocksIn(all: DocBlock[], from: number, to: number): DocBlock[] {
  // The first block ending at or after `from`, by halving.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.lines[1] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: DocBlock[] = [];
  for (let i = lo; i < all.length && all[i]!.lines[0] <= to; i++) out.push(all[i]!);
  return out;
}

/**
 * A record's words for the search index, from its document's stored blocks on its lines: each block's lines as
 * written (its text where it kept none), and a table's header lines, which are no block of their own.
 */
export function recordBody(r: StoredRecord, blocks: DocBlock[]): string {
  const [from, to] = r.record.src.lines;
  const out: string[] = [];
  const inRange = (n: number) => n >= from && n <= to;
  for (const b of blocksIn(blocks, from, to)) {
    const head = b.table?.head ?? [];
    b.table?.headWritten?.forEach((l, k) => inRange(head[k]!) && out.push(l.trim()));
    if (b.written) b.written.forEach((l, k) => inRange(b.lines[0] + k) && out.push(l.trim()));
    else if (inRange(b.lines[0])) out.push(b.text);
  }
  return out.join('\n');
}

export function toSearchDoc(r: StoredRecord, blocks: DocBlock[]): SearchDoc {
  const rec = r.record;
  return {
    id: recordId(r),
    title: rec.title,
    aliases: rec.aliases,
    code: rec.code,
    organization: rec.organization ? [rec.organization, ...organizationAliases(rec.organization)].join(' ') : null,
    department: rec.department,
    teams: rec.teams,
    people: rec.contacts.map((c) => [c.name, c.position, c.team, c.extension, c.phone].filter(Boolean).join(' ')),
    milestones: rec.milestones.map((m) => m.text),
    category: rec.category,
    body: recordBody(r, blocks),
  };
}

/** The saved index is trusted only when it was built from this very database at its current generation. */
function loadOrBuildIndex(store: ProjectStore, identity: StoreIdentity, summaries: RecordSummary[]): ProjectIndex {
  const saved = savedIndex(store, identity);
  if (saved) {
    try {
      return ProjectIndex.fromJSON(saved);
    } catch {
      // A damaged index file is rebuilt below.
    }
  }
  return buildIndex(store, identity, summaries).index;
}

interface StoreIdentity {
  storeId: string;
  generation: number;
}

const indexFile = (store: ProjectStore): string | null => (store.file === ':memory:' ? null : `${store.file}.index.json`);

/** The saved index's JSON when it was saved for this database at this generation; null otherwise. */
function savedIndex(store: ProjectStore, { storeId, generation }: StoreIdentity): unknown {
  const file = indexFile(store);
  if (!file || !existsSync(file)) return null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { storeId: string; generation: number; index: unknown };
    return saved.storeId === storeId && saved.generation === generation ? saved.index : null;
  } catch {
    return null; // A damaged or foreign index file is rebuilt.
  }
}

/** Builds the index of these summaries' records and saves it for this database and generation. */
function buildIndex(
  store: ProjectStore,
  { storeId, generation }: StoreIdentity,
  summaries: RecordSummary[],
): { index: ProjectIndex; json: () => unknown } {
  // A version's blocks are read once for all its records (summaries come in document order).
  let version: { id: number; blocks: DocBlock[] } | null = null;
  const docs = summaries.flatMap((s) => {
    const r = store.recordById(s.id);
    if (!r) return [];
    if (version?.id !== r.document.versionId) version = { id: r.document.versionId, blocks: store.blocksOf(r.document.versionId) };
    return [toSearchDoc(r, version.blocks)];
  });
  const index = ProjectIndex.build(docs);
  let json: unknown = null;
  // Serialising sorts every term (seconds at scale): once, for saving and for a worker's hand-over alike.
  const asJSON = () => (json ??= index.toJSON());
  const file = indexFile(store);
  if (file) {
    // Write then rename, so a crash never leaves half an index that a later start would trust; the temporary
    // name is this process's own, so two processes saving at once never interleave their bytes.
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify({ storeId, generation, index: asJSON() }));
      renameSync(tmp, file);
    } catch {
      // Saving is an optimisation; a read-only folder only costs start-up time.
      rmSync(tmp, { force: true });
    }
  }
  return { index, json: asJSON };
}

/**
 * What the commands answer from: the search index, light summaries of every current record, and lookups that
 * the store answers from indexed tables. Full records are parsed only when an answer needs them, so start-up
 * does not grow with the size of every record. The index is saved beside the database and reused while the
 * store has not changed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Clock } from '../domain/clock.js';
import { projectIdentity } from '../domain/identity.js';
import type { Contact } from '../domain/project.js';
import { organizationAliases } from '../ingest/structure/organization.js';
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
  /** Normalised lines of a stored document version (1-based line i is element i - 1). */
  lines(versionId: number): string[];
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
  const docLines = new Map<number, string[]>();
  const lines = (versionId: number): string[] => {
    let cached = docLines.get(versionId);
    if (!cached) {
      if (docLines.size >= CACHE_LIMIT) docLines.clear();
      cached = store.documentLines(versionId);
      docLines.set(versionId, cached);
    }
    return cached;
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
  const identity = store.identity();
  const index = loadOrBuildIndex(store, identity, () =>
    summaries.flatMap((s) => {
      const r = get(recordId(s));
      return r ? [toSearchDoc(r, lines(r.document.versionId))] : [];
    }),
  );
  cache.clear();
  return {
    generation: identity.generation,
    summaries,
    summaryOf: (id) => byId.get(id),
    unit: (name) => units.get(name) ?? [],
    withCode: (code) => codes.get(code) ?? [],
    get,
    index,
    clock,
    lines,
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
      search: (query, limit) => store.searchPassages(query, limit),
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

/**
 * Knowledge that follows the store: a long-running bot answers from documents ingested after it started (by
 * this process or another one writing the same SQLite file). Each call compares the store's generation, one
 * indexed read, and reloads summaries and index only when it moved.
 */
export function liveKnowledge(
  store: ProjectStore,
  clock: Clock,
  onReload: (info: { generation: number; records: number; millis: number }) => void = () => {},
): () => Knowledge {
  let current = loadKnowledge(store, clock);
  return () => {
    // Compared with the generation the knowledge was read at, not one read beside it.
    if (store.identity().generation !== current.generation) {
      const started = performance.now();
      current = loadKnowledge(store, clock);
      onReload({
        generation: current.generation,
        records: current.summaries.length,
        millis: Math.round(performance.now() - started),
      });
    }
    return current;
  };
}

export function toSearchDoc(r: StoredRecord, docLines: string[]): SearchDoc {
  const rec = r.record;
  const [from, to] = rec.src.lines;
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
    body: docLines.slice(from - 1, to).join('\n'),
  };
}

/** The saved index is trusted only when it was built from this very database at its current generation. */
function loadOrBuildIndex(
  store: ProjectStore,
  { storeId, generation }: { storeId: string; generation: number },
  docs: () => SearchDoc[],
): ProjectIndex {
  const file = store.file === ':memory:' ? null : `${store.file}.index.json`;
  if (file && existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { storeId: string; generation: number; index: unknown };
      if (saved.storeId === storeId && saved.generation === generation) return ProjectIndex.fromJSON(saved.index);
    } catch {
      // A damaged or foreign index file is rebuilt below.
    }
  }
  const index = ProjectIndex.build(docs());
  if (file) {
    // Write then rename, so a crash never leaves half an index that a later start would trust; the temporary
    // name is this process's own, so two processes saving at once never interleave their bytes.
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify({ storeId, generation, index: index.toJSON() }));
      renameSync(tmp, file);
    } catch {
      // Saving is an optimisation; a read-only folder only costs start-up time.
      rmSync(tmp, { force: true });
    }
  }
  return index;
}

/**
 * What the commands answer from: the store's current records, the search index over them, a directory of people,
 * and the documents' lines for quoting. Built once at start-up; the index is saved beside the database and reused
 * while the store has not changed.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Clock } from '../domain/clock.js';
import type { Contact, ProjectRecord } from '../domain/project.js';
import { organizationAliases } from '../ingest/structure/organization.js';
import { ProjectIndex, type SearchDoc } from '../search/project-index.js';
import type { ProjectStore, StoredRecord } from '../store/store.js';

export interface PersonEntry {
  contact: Contact;
  recordId: string;
}

export interface Knowledge {
  records: StoredRecord[];
  byId: Map<string, StoredRecord>;
  index: ProjectIndex;
  people: PersonEntry[];
  clock: Clock;
  /** Normalised lines of a stored document version (1-based line i is element i - 1). */
  lines(versionId: number): string[];
}

export function recordId(r: StoredRecord): string {
  return String(r.id);
}

export function loadKnowledge(store: ProjectStore, clock: Clock): Knowledge {
  const records = store.currentRecords();
  const byId = new Map(records.map((r) => [recordId(r), r]));
  const docLines = new Map<number, string[]>();
  const lines = (versionId: number): string[] => {
    let cached = docLines.get(versionId);
    if (!cached) {
      cached = store.documentLines(versionId);
      docLines.set(versionId, cached);
    }
    return cached;
  };
  const index = loadOrBuildIndex(store, () => records.map((r) => toSearchDoc(r, lines(r.document.versionId))));
  const people = records.flatMap((r) => r.record.contacts.map((contact) => ({ contact, recordId: recordId(r) })));
  return { records, byId, index, people, clock, lines };
}

export function toSearchDoc(r: StoredRecord, docLines: string[]): SearchDoc {
  const rec: ProjectRecord = r.record;
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
    body: docLines.slice(from - 1, to).join('\n'),
  };
}

/** The saved index is trusted only when it was built from this very database at its current generation. */
function loadOrBuildIndex(store: ProjectStore, docs: () => SearchDoc[]): ProjectIndex {
  const { storeId, generation } = store.identity();
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
    try {
      // Write then rename, so a crash never leaves half an index that a later start would trust.
      writeFileSync(`${file}.tmp`, JSON.stringify({ storeId, generation, index: index.toJSON() }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // Saving is an optimisation; a read-only folder only costs start-up time.
    }
  }
  return index;
}

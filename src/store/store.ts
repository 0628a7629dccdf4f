/**
 * The project store: one SQLite file (WAL, foreign keys). Each document is written in one transaction; an
 * unchanged file is a no-op; a changed one becomes a new version and the old values stay queryable.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants as fsConstants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import Database from 'better-sqlite3';
import { type ProjectRecord, ProjectRecordSchema } from '../domain/project.js';
import type { LoadedDocument, ParseResult, ParseWarning } from '../domain/document.js';
import { FeedbackLog } from './feedback.js';
import { MIGRATIONS } from './migrations.js';
import { currentModels, type PassageDocument, passageDocument, passagesOf, savePassages, searchPassages, type StoredPassage } from './passages.js';
import type { DocBlock } from '../domain/doc-model.js';
import type { LineLocators } from '../domain/provenance.js';
import { type EndsReader, endsReader, saveLocators, VersionLocators } from './locators.js';

export interface StoredRecord {
  id: number;
  record: ProjectRecord;
  document: {
    id: number;
    path: string;
    name: string;
    version: number;
    versionId: number;
    family: string;
    /** Where its lines stand in the original file, for citations (an office file's; a text file's are null). */
    locators: LineLocators;
  };
}

export interface RecordSummary {
  id: number;
  kind: string;
  key: string;
  title: string;
  organization: string | null;
  department: string | null;
  code: string | null;
  teams: string[];
  year: number | null;
  phase: 'report' | 'plan' | null;
  versionId: number;
  documentName: string;
}

export interface IngestedVersion {
  versionId: number;
  documentId: number;
  name: string;
  version: number;
  family: string;
  ingestedAt: string;
  previousVersionId: number | null;
}

/** 'restored': a withdrawn document's file came back (stored as its next version). */
export type SaveOutcome = 'new' | 'updated' | 'unchanged' | 'restored';

export interface StoreStats {
  documents: number;
  versions: number;
  records: number;
  byFamily: Record<string, number>;
}

export class ProjectStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
    readonly readOnly: boolean,
    /** Read into memory at open (a WAL file in a folder this process cannot write): later commits are not seen. */
    readonly copied = false,
  ) {}

  // Preparing compiles SQL: an answering process asks the same few queries per message, so each is compiled once.
  private readonly statements = new Map<string, Database.Statement>();

  private endsReader: EndsReader | null = null;
  /** A version's line locators, read only when a citation asks for them. */
  locatorsOf(versionId: number): LineLocators {
    return new VersionLocators(versionId, (this.endsReader ??= endsReader(this.db)));
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Opens for writing: migrates inside one exclusive transaction. Every write transaction begins IMMEDIATE, so
   * a writer that finds another one waits for the busy timeout instead of failing when it upgrades a read.
   */
  static open(file: string): ProjectStore {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      const opened = db;
      withBusyRetry(() => opened.pragma('journal_mode = WAL'));
      db.pragma('foreign_keys = ON');
      // WAL + NORMAL: a crash can lose the last commit but never corrupts or half-writes one.
      db.pragma('synchronous = NORMAL');
      const store = new ProjectStore(db, file, false);
      store.migrate();
      return store;
    } catch (err) {
      db?.close();
      throw storeError(file, err);
    }
  }

  /**
   * Opens an existing, migrated file read-only: a process that only answers never writes, so it never takes the
   * write lock from an ingest. Undefined when the file is missing or not yet at this schema (then open() it).
   */
  static openReadOnly(file: string): ProjectStore | undefined {
    if (file === ':memory:' || !existsSync(file)) return undefined;
    let db: Database.Database | undefined;
    let version: number;
    let copied = false;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      const opened = db;
      version = withBusyRetry(() => opened.pragma('user_version', { simple: true }) as number);
    } catch (err) {
      db?.close();
      if (!inUnwritableFolder(file, err)) throw storeError(file, err);
      try {
        db = memoryCopy(file);
        version = db.pragma('user_version', { simple: true }) as number;
        copied = true;
      } catch (copyErr) {
        throw storeError(file, copyErr);
      }
    }
    if (version > MIGRATIONS.length) {
      db.close();
      throw newerSchema(file, version);
    }
    if (version < MIGRATIONS.length) {
      db.close();
      return undefined;
    }
    return new ProjectStore(db, file, true, copied);
  }

  close(): void {
    this.sideWriter?.close();
    this.db.close();
  }

  /** Answering processes read through a read-only connection; their few writes (feedback, subscriptions) get one of their own. */
  private sideWriter: Database.Database | null = null;
  private writerDb(): Database.Database {
    if (!this.readOnly) return this.db;
    return (this.sideWriter ??= new Database(this.file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS }));
  }

  private feedbackLog: FeedbackLog | null = null;
  /** Feedback on answers, in the same file (its own table). */
  get feedback(): FeedbackLog {
    return (this.feedbackLog ??= new FeedbackLog(this.writerDb()));
  }

  /** A write transaction: BEGIN IMMEDIATE, retried a few times when another writer held the lock too long. */
  write<T>(fn: () => T): T {
    if (this.readOnly) throw new Error(`${this.file}: 읽기 전용으로 연 저장소에는 쓸 수 없습니다`);
    const tx = this.db.transaction(fn);
    return this.db.inTransaction ? tx() : withBusyRetry(() => tx.immediate());
  }

  /** Reads under one snapshot: nothing another process commits meanwhile is seen half. */
  snapshot<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return withBusyRetry(() => this.db.transaction(fn).deferred());
  }

  private migrate(): void {
    // Exclusive, and the version is read again inside: a second process on a new file waits, then finds the
    // schema in place instead of creating tables twice.
    const run = this.db.transaction(() => {
      const current = this.db.pragma('user_version', { simple: true }) as number;
      if (current > MIGRATIONS.length) throw newerSchema(this.file, current);
      if (current === MIGRATIONS.length) return;
      for (let v = current; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
      this.prepared("INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', ?)").run(randomUUID());
      this.prepared("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0')").run();
    });
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) throw newerSchema(this.file, current);
    if (current < MIGRATIONS.length) withBusyRetry(() => run.exclusive());
  }

  /** Identity of this database and how many changes it has seen: a saved search index must match both. */
  identity(): { storeId: string; generation: number } {
    const rows = this.prepared('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    return { storeId: meta.get('store_id') ?? '', generation: Number(meta.get('generation') ?? 0) };
  }

  /** Writes one parsed document atomically. Records are validated again here: nothing invalid reaches the file. */
  saveDocument(loaded: LoadedDocument, result: ParseResult, path: string, now: Date = new Date()): SaveOutcome {
    const records = result.records.map((r) => ProjectRecordSchema.parse(r));
    return this.write((): SaveOutcome => {
      // A withdrawn document has no current version (hash null) but its history goes on from its last version.
      const existing = this.prepared(
          `SELECT d.id, v.content_hash AS hash,
                  (SELECT MAX(version) FROM document_versions WHERE document_id = d.id) AS version FROM documents d
           LEFT JOIN document_versions v ON v.id = d.current_version_id WHERE d.path = ?`,
        )
        .get(path) as { id: number; hash: string | null; version: number | null } | undefined;
      if (existing?.hash === loaded.hash) return 'unchanged';
      const documentId =
        existing?.id ??
        Number(
          this.prepared('INSERT INTO documents (path, name) VALUES (?, ?)').run(path, loaded.doc.name)
            .lastInsertRowid,
        );
      const version = (existing?.version ?? 0) + 1;
      const versionId = Number(
        this.prepared(
            `INSERT INTO document_versions
             (document_id, version, content_hash, family, organization, encoding, line_count, text, warnings_json, ingested_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            documentId,
            version,
            loaded.hash,
            result.family,
            result.organization,
            loaded.doc.encoding,
            loaded.doc.lines.length,
            loaded.text,
            JSON.stringify(result.warnings),
            now.toISOString(),
          ).lastInsertRowid,
      );
      const insert = this.prepared(
        `INSERT INTO records (version_id, key, kind, title, organization, department, code, teams, year, phase, data_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const contact = this.prepared(
        'INSERT INTO contacts (record_id, name, position, extension) VALUES (?, ?, ?, ?)',
      );
      const item = this.prepared('INSERT INTO budget_items (record_id, item) VALUES (?, ?)');
      for (const r of records) {
        const id = insert.run(
          versionId,
          r.key,
          r.kind,
          r.title,
          r.organization,
          r.department,
          r.code,
          r.teams.join('|'),
          r.year,
          r.phase,
          JSON.stringify(r),
        ).lastInsertRowid;
        for (const c of r.contacts) contact.run(id, c.name, c.position, c.extension);
        const items = new Set(r.budget?.lines.flatMap((l) => (l.item ? [l.item.replace(/\s+/g, '')] : [])) ?? []);
        for (const it of items) item.run(id, it);
      }
      if (result.model) savePassages(this.db, versionId, result.model);
      if (loaded.locators) saveLocators(this.db, versionId, loaded.locators);
      this.prepared('UPDATE documents SET current_version_id = ? WHERE id = ?').run(versionId, documentId);
      this.prepared("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'").run();
      return !existing ? 'new' : existing.hash === null ? 'restored' : 'updated';
    });
  }

  /**
   * Withdraws the document stored for `path` (its file was removed): no version of it is current any more, so
   * every "current" query, which joins on documents.current_version_id, leaves it out; its versions, records and
   * passages stay as history. Saving the path again restores it. False when it was not current.
   */
  withdrawDocument(path: string): boolean {
    return this.write(() => {
      const withdrawn =
        this.prepared('UPDATE documents SET current_version_id = NULL WHERE path = ? AND current_version_id IS NOT NULL').run(path)
          .changes > 0;
      if (withdrawn) this.prepared("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'").run();
      return withdrawn;
    });
  }

  /** Paths of the current documents stored from under the folder `dir` (an absolute path). */
  currentPathsUnder(dir: string): string[] {
    const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    const rows = this.prepared(
        'SELECT path FROM documents WHERE current_version_id IS NOT NULL AND substr(path, 1, length(?)) = ? ORDER BY path',
      )
      .all(prefix, prefix) as Array<{ path: string }>;
    return rows.map((r) => r.path);
  }

  /** The records of every document's current version. */
  currentRecords(): StoredRecord[] {
    const rows = this.prepared(
        `SELECT r.id, r.data_json, d.id AS doc_id, d.path, d.name, v.version, v.id AS version_id, v.family
         FROM records r
         JOIN document_versions v ON v.id = r.version_id
         JOIN documents d ON d.current_version_id = v.id
         ORDER BY r.id`,
      )
      .all() as RecordRow[];
    return rows.map((row) => toStored(row, this.locatorsOf(row.version_id)));
  }

  /** The light columns of every current record: what start-up reads instead of parsing every record. */
  currentSummaries(): RecordSummary[] {
    const rows = this.prepared(
        `SELECT r.id, r.kind, r.key, r.title, r.organization, r.department, r.code, r.teams, r.year, r.phase,
                v.id AS versionId, d.name AS documentName
         FROM records r JOIN documents d ON d.current_version_id = r.version_id
         JOIN document_versions v ON v.id = r.version_id ORDER BY r.id`,
      )
      .all() as Array<Omit<RecordSummary, 'teams'> & { teams: string }>;
    return rows.map((r) => ({ ...r, teams: r.teams ? r.teams.split('|') : [] }));
  }

  /** One current record by id, parsed; undefined when it is not current. */
  recordById(id: number): StoredRecord | undefined {
    const row = this.prepared(
        `SELECT r.id, r.data_json, d.id AS doc_id, d.path, d.name, v.version, v.id AS version_id, v.family
         FROM records r JOIN document_versions v ON v.id = r.version_id
         JOIN documents d ON d.current_version_id = v.id WHERE r.id = ?`,
      )
      .get(id) as RecordRow | undefined;
    return row ? toStored(row, this.locatorsOf(row.version_id)) : undefined;
  }

  /** Current records naming a person by name, position or extension (exact). */
  contactRecordIds(field: 'name' | 'position' | 'extension', value: string): number[] {
    const rows = this.prepared(
        `SELECT DISTINCT c.record_id AS id FROM contacts c JOIN records r ON r.id = c.record_id
         JOIN documents d ON d.current_version_id = r.version_id WHERE c.${field} = ? ORDER BY c.record_id`,
      )
      .all(value) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /** Current records with a budget line whose item (spaces removed) is `item`. */
  budgetItemRecordIds(item: string): number[] {
    const rows = this.prepared(
        `SELECT DISTINCT b.record_id AS id FROM budget_items b JOIN records r ON r.id = b.record_id
         JOIN documents d ON d.current_version_id = r.version_id WHERE b.item = ? ORDER BY b.record_id`,
      )
      .all(item) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /** Every stored version of a record, oldest first: what a digest compares. */
  recordHistory(key: string): StoredRecord[] {
    const rows = this.prepared(
        `SELECT r.id, r.data_json, d.id AS doc_id, d.path, d.name, v.version, v.id AS version_id, v.family
         FROM records r
         JOIN document_versions v ON v.id = r.version_id
         JOIN documents d ON d.id = v.document_id
         WHERE r.key = ? ORDER BY v.ingested_at, v.version`,
      )
      .all(key) as RecordRow[];
    return rows.map((row) => toStored(row, this.locatorsOf(row.version_id)));
  }

  /** Document versions ingested in (from, to], oldest first: what a digest reports as new or re-read. */
  versionsIngested(from: Date, to: Date): IngestedVersion[] {
    return this.prepared(
        `SELECT v.id AS versionId, v.document_id AS documentId, d.name, v.version, v.family, v.ingested_at AS ingestedAt,
                (SELECT p.id FROM document_versions p WHERE p.document_id = v.document_id AND p.version < v.version
                 ORDER BY p.version DESC LIMIT 1) AS previousVersionId
         FROM document_versions v JOIN documents d ON d.id = v.document_id
         WHERE v.ingested_at > ? AND v.ingested_at <= ? ORDER BY v.ingested_at, v.id`,
      )
      .all(from.toISOString(), to.toISOString()) as IngestedVersion[];
  }

  /** The records of one stored version, current or not. */
  recordsOfVersion(versionId: number): StoredRecord[] {
    const rows = this.prepared(
        `SELECT r.id, r.data_json, d.id AS doc_id, d.path, d.name, v.version, v.id AS version_id, v.family
         FROM records r JOIN document_versions v ON v.id = r.version_id JOIN documents d ON d.id = v.document_id
         WHERE v.id = ? ORDER BY r.id`,
      )
      .all(versionId) as RecordRow[];
    return rows.map((row) => toStored(row, this.locatorsOf(row.version_id)));
  }

  /** When each current version was ingested (ISO), for ages of documents that state no as-of date. */
  currentIngestTimes(): Map<number, string> {
    const rows = this.prepared('SELECT v.id, v.ingested_at AS at FROM documents d JOIN document_versions v ON v.id = d.current_version_id')
      .all() as Array<{ id: number; at: string }>;
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  /**
   * A writable connection, for modules that keep their own tables in this file (digest subscriptions). A
   * read-only store (an answering process) hands out its side connection, so answering never holds a write lock.
   */
  get connection(): Database.Database {
    return this.writerDb();
  }

  /** The normalised lines of a stored document version, for quoting. */
  documentLines(versionId: number): string[] {
    const row = this.prepared('SELECT text FROM document_versions WHERE id = ?').get(versionId) as
      | { text: string }
      | undefined;
    return row ? row.text.split('\n') : [];
  }

  /** Passages of current documents holding the query's words, best first (the document model's blocks). */
  searchPassages(query: string, limit = 200, versionId?: number): StoredPassage[] {
    return searchPassages(this.db, query, limit, versionId);
  }

  /** A version's document model metadata, path and family. */
  passageDocument(versionId: number): PassageDocument | undefined {
    const doc = passageDocument(this.db, versionId);
    return doc && { ...doc, locators: this.locatorsOf(versionId) };
  }

  /** A version's blocks in order (ord range inclusive). */
  blocksOf(versionId: number, from?: number, to?: number): DocBlock[] {
    return passagesOf(this.db, versionId, from, to);
  }

  /** Metadata of every current document's model. */
  currentModels(): PassageDocument[] {
    return currentModels(this.db);
  }

  /** Current documents with their text, for the body-line search. */
  currentDocuments(): Array<{
    versionId: number;
    name: string;
    family: string;
    organization: string | null;
    text: string;
  }> {
    return this.prepared(
        `SELECT v.id AS versionId, d.name, v.family, v.organization, v.text FROM documents d
         JOIN document_versions v ON v.id = d.current_version_id ORDER BY d.id`,
      )
      .all() as Array<{ versionId: number; name: string; family: string; organization: string | null; text: string }>;
  }

  /** The current version of a path as stored: what an unchanged file would parse to, without parsing it. */
  currentVersion(
    path: string,
  ): { hash: string; family: string; records: ProjectRecord[]; warnings: ParseWarning[] } | undefined {
    return this.snapshot(() => {
      const v = this.prepared(
          `SELECT v.id, v.content_hash AS hash, v.family, v.warnings_json FROM documents d
           JOIN document_versions v ON v.id = d.current_version_id WHERE d.path = ?`,
        )
        .get(path) as { id: number; hash: string; family: string; warnings_json: string } | undefined;
      if (!v) return undefined;
      const rows = this.prepared('SELECT data_json FROM records WHERE version_id = ? ORDER BY id').all(v.id) as Array<{
        data_json: string;
      }>;
      return {
        hash: v.hash,
        family: v.family,
        records: rows.map((r) => JSON.parse(r.data_json) as ProjectRecord),
        warnings: JSON.parse(v.warnings_json) as ParseWarning[],
      };
    });
  }

  warningsOf(path: string): ParseWarning[] {
    const row = this.prepared(
        'SELECT v.warnings_json FROM documents d JOIN document_versions v ON v.id = d.current_version_id WHERE d.path = ?',
      )
      .get(path) as { warnings_json: string } | undefined;
    return row ? (JSON.parse(row.warnings_json) as ParseWarning[]) : [];
  }

  stats(): StoreStats {
    const one = (sql: string) => (this.prepared(sql).get() as { n: number }).n;
    const families = this.prepared(
        'SELECT v.family, COUNT(*) AS n FROM documents d JOIN document_versions v ON v.id = d.current_version_id GROUP BY v.family',
      )
      .all() as Array<{ family: string; n: number }>;
    return {
      documents: one('SELECT COUNT(*) AS n FROM documents WHERE current_version_id IS NOT NULL'),
      versions: one('SELECT COUNT(*) AS n FROM document_versions'),
      records: one('SELECT COUNT(*) AS n FROM records r JOIN documents d ON d.current_version_id = r.version_id'),
      byFamily: Object.fromEntries(families.map((f) => [f.family, f.n])),
    };
  }

  isEmpty(): boolean {
    return this.stats().documents === 0;
  }
}

const BUSY_TIMEOUT_MS = 10_000;
const BUSY_ATTEMPTS = 4;

/** better-sqlite3's errors ("file is not a database") name no file; the store's name it and what to check. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const STORE_PROBLEMS: Record<string, string> = {
  SQLITE_NOTADB: 'SQLite 데이터베이스 파일이 아닙니다',
  SQLITE_CORRUPT: '파일이 손상되었습니다',
  SQLITE_CANTOPEN: '파일을 열 수 없습니다 (경로와 권한을 확인하세요)',
  SQLITE_READONLY: '쓸 수 없습니다 (파일과 폴더의 권한을 확인하세요)',
  SQLITE_READONLY_DIRECTORY: '폴더에 쓸 수 없습니다 (폴더의 권한을 확인하세요)',
  SQLITE_PERM: '권한이 없습니다',
  SQLITE_FULL: '디스크가 가득 찼습니다',
  EACCES: '권한이 없습니다',
  EROFS: '읽기 전용 파일 시스템입니다',
  ENOTDIR: '경로의 일부가 폴더가 아닙니다',
  EEXIST: '경로의 일부가 폴더가 아닙니다',
};

function storeError(file: string, err: unknown): Error {
  if (err instanceof StoreError || !(err instanceof Error)) return err as Error;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  const problem = STORE_PROBLEMS[code];
  const what = problem ? `${problem} (${err.message})` : err.message;
  return new StoreError(`데이터베이스 ${file}: ${what} — --db 또는 DAMDANG_DB를 확인하세요`, { cause: err });
}

/** SQLite failed to open a WAL file read-only because the folder cannot be written (FILE-shm cannot be created). */
function inUnwritableFolder(file: string, err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^SQLITE_(?:CANTOPEN|READONLY)/.test(code)) return false;
  try {
    accessSync(dirname(file), fsConstants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * A WAL database in a folder this process cannot write (a read-only volume, another account's folder) cannot be
 * opened by SQLite even read-only: it must create FILE-shm beside it. Its committed content is read into memory
 * instead, as it is now; documents ingested later are seen after a restart. A FILE-wal still holding commits
 * would be missed, so that case is refused by name.
 */
function memoryCopy(file: string): Database.Database {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new StoreError(
      `데이터베이스 ${file}: 쓸 수 없는 폴더에 있고, 아직 본 파일에 합쳐지지 않은 ${wal}이(가) 있어 읽을 수 없습니다 — 폴더에 쓸 수 있는 계정으로 한 번 열었다 닫거나(damdang ask) 폴더에 쓰기 권한을 주세요`,
    );
  const bytes = readFileSync(file);
  // Header bytes 18–19 are 2 for WAL; the in-memory copy is read as a rollback-journal database (1).
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

function newerSchema(file: string, version: number): Error {
  return new Error(`${file}: 이 데이터베이스는 더 새 버전의 damdang이 만들었습니다 (schema ${version})`);
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The busy timeout already waits inside SQLite; this covers what it cannot: a lock held longer than the
 * timeout, and the cases where SQLite returns BUSY at once (a snapshot gone stale, WAL recovery).
 */
export function withBusyRetry<T>(fn: () => T, attempts = BUSY_ATTEMPTS): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || attempt >= attempts) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt + Math.random() * 50);
    }
  }
}

interface RecordRow {
  id: number;
  data_json: string;
  doc_id: number;
  path: string;
  name: string;
  version: number;
  version_id: number;
  family: string;
}

function toStored(row: RecordRow, locators: LineLocators): StoredRecord {
  return {
    id: row.id,
    record: JSON.parse(row.data_json) as ProjectRecord,
    document: {
      id: row.doc_id,
      path: row.path,
      name: row.name,
      version: row.version,
      versionId: row.version_id,
      family: row.family,
      locators,
    },
  };
}

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestFile, ingestPaths } from '../../src/ingest/ingest.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET = `${SAMPLES}/suwon-policy-sheet-cooperative-governance.txt`;

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const n = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const out = { documents: n('documents'), versions: n('document_versions'), records: n('records') };
  db.close();
  return out;
}

describe('ProjectStore', () => {
  it('opens a real SQLite file in WAL mode with foreign keys and migrations applied', () => {
    const file = join(tempDir(), 'a.db');
    const store = ProjectStore.open(file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('stores every sample, and re-ingesting unchanged files is a no-op', () => {
    const file = join(tempDir(), 'b.db');
    const store = ProjectStore.open(file);
    const first = ingestPaths(store, [SAMPLES]);
    expect(first.reports.map((r) => r.outcome)).toEqual(['new', 'new', 'new', 'new']);
    const generation = store.identity().generation;
    const before = tableCounts(file);
    const again = ingestPaths(store, [SAMPLES]);
    expect(again.reports.every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(store.identity().generation).toBe(generation);
    expect(tableCounts(file)).toEqual(before);
    store.close();
  });

  it('keeps the previous version of a changed document queryable', () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.txt');
    copyFileSync(SHEET, path);
    const store = ProjectStore.open(join(dir, 'c.db'));
    expect(ingestFile(store, path).outcome).toBe('new');
    writeFileSync(path, readFileSync(path, 'utf8').replace('\t100\t2019.12.', '\t85\t2019.12.'));
    expect(ingestFile(store, path).outcome).toBe('updated');
    const current = store.currentRecords().filter((r) => r.document.path === path || r.document.name === 'sheet.txt');
    expect(current.length).toBeGreaterThan(0);
    const history = store.recordHistory(current[0]!.record.key);
    expect(history.map((h) => h.document.version)).toEqual([1, 2]);
    store.close();
  });

  it('leaves the store exactly as it was when writing a document fails half-way', () => {
    const dir = tempDir();
    const file = join(dir, 'd.db');
    const store = ProjectStore.open(file);
    ingestPaths(store, [SAMPLES]);
    const before = tableCounts(file);
    const loaded = loadDocument(SHEET);
    const result = parseDocument(loaded.doc);
    // Two records with one key violate UNIQUE(version_id, key) on the second insert, after the first went in.
    const broken = { ...result, records: [result.records[0]!, { ...result.records[0]! }] };
    expect(() => store.saveDocument({ ...loaded, hash: 'different' }, broken, '/elsewhere/sheet.txt')).toThrow();
    expect(tableCounts(file)).toEqual(before);
    store.close();
  });

  it('migrates a first-schema database, filling the people and budget-item lookups from stored records', () => {
    const file = join(tempDir(), 'v1.db');
    const loaded = loadDocument(SHEET);
    const record = parseDocument(loaded.doc).records[0]!;
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO meta VALUES ('store_id', 'old'), ('generation', '1')").run();
    db.prepare("INSERT INTO documents (id, path, name) VALUES (1, '/x.txt', 'x.txt')").run();
    db.prepare(
      `INSERT INTO document_versions (id, document_id, version, content_hash, family, organization, encoding, line_count, text, warnings_json, ingested_at)
       VALUES (1, 1, 1, 'h', 'policy-sheet', '수원시', 'utf-8', 1, 'x', '[]', 'now')`,
    ).run();
    db.prepare('UPDATE documents SET current_version_id = 1').run();
    db.prepare(
      'INSERT INTO records (version_id, key, kind, title, organization, department, code, data_json) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
    ).run(record.key, record.kind, record.title, record.organization, record.department, record.code, JSON.stringify(record));
    db.close();
    const store = ProjectStore.open(file);
    expect(store.contactRecordIds('position', '정책기획과장')).toEqual([1]);
    expect(store.contactRecordIds('extension', '2050')).toEqual([1]);
    expect(store.currentSummaries()[0]!.title).toBe('협치시정 활성화');
    store.close();
  });

  it('refuses a database written by a newer schema instead of damaging it', () => {
    const file = join(tempDir(), 'e.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => ProjectStore.open(file)).toThrow(/더 새 버전/);
  });
});

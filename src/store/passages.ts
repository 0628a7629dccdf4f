/**
 * The stored document model: one row of metadata per version and one passage per block, with an FTS5 index of
 * the blocks' Korean tokens (bigrams, stems, numbers: the tokenizer the record search uses). The index lives in
 * the database file, so a store of 100,000 documents costs no start-up time and a read-only process can search it.
 */
import type Database from 'better-sqlite3';
import type { DocBlock, DocMeta, DocModel } from '../domain/doc-model.js';
import type { LineLocators } from '../domain/provenance.js';
import { tokenize } from '../search/korean-tokenizer.js';

export interface StoredPassage {
  id: number;
  versionId: number;
  ord: number;
  block: DocBlock;
  /** The FTS5 rank (bm25, lower is better). */
  rank: number;
}

export interface PassageDocument {
  versionId: number;
  path: string;
  name: string;
  family: string;
  meta: DocMeta;
  /** Where its lines stand in the original file, for citations (formatSpans). */
  locators?: LineLocators;
}

/** FTS5 reads a token as a word of letters and digits: anything else would split it differently at query time. */
const ftsTokens = (text: string) =>
  [...new Set(tokenize(text))]
    .map((t) => t.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((t) => t.length > 0)
    .join(' ');

export function contextOf(block: DocBlock, title: string): string {
  return [title, ...block.section, block.parent ?? '', ...(block.table?.header ?? [])].join(' ');
}

export function savePassages(db: Database.Database, versionId: number, model: DocModel): void {
  db.prepare('INSERT INTO doc_models (version_id, title, department, date, meta_json) VALUES (?, ?, ?, ?, ?)').run(
    versionId,
    model.meta.title,
    model.meta.department,
    model.meta.date?.iso ?? null,
    JSON.stringify(model.meta),
  );
  const insert = db.prepare(
    'INSERT INTO passages (version_id, ord, kind, line_from, line_to, block_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const fts = db.prepare('INSERT INTO passages_fts (rowid, body, context) VALUES (?, ?, ?)');
  model.blocks.forEach((block, ord) => {
    const id = insert.run(versionId, ord, block.kind, block.lines[0], block.lines[1], JSON.stringify(block)).lastInsertRowid;
    if (block.kind !== 'heading') fts.run(id, ftsTokens(block.text), ftsTokens(contextOf(block, model.meta.title)));
  });
}

/**
 * Passages of current versions holding any of the query's tokens, best bm25 first (the block's own words weigh
 * twice its context's). Tokens are quoted, so nothing a user types is read as FTS5 syntax.
 */
export function searchPassages(db: Database.Database, query: string, limit: number, versionId?: number): StoredPassage[] {
  const tokens = ftsTokens(query).split(' ').filter(Boolean).slice(0, 64);
  if (tokens.length === 0) return [];
  const match = tokens.map((t) => `"${t}"`).join(' OR ');
  // (Within one version: the passages of the document a question was found to be about, however common its words.)
  const within = versionId === undefined ? '' : 'AND p.version_id = ?';
  const rows = db
    .prepare(
      `SELECT p.id, p.version_id AS versionId, p.ord, p.block_json AS json, f.rank AS rank
       FROM passages_fts f
       JOIN passages p ON p.id = f.rowid
       JOIN documents d ON d.current_version_id = p.version_id
       WHERE passages_fts MATCH ? ${within} ORDER BY bm25(passages_fts, 2.0, 1.0) LIMIT ?`,
    )
    .all(...(versionId === undefined ? [match, limit] : [match, versionId, limit])) as Array<{ id: number; versionId: number; ord: number; json: string; rank: number }>;
  return rows.map((r) => ({ id: r.id, versionId: r.versionId, ord: r.ord, rank: r.rank, block: JSON.parse(r.json) as DocBlock }));
}

export function passageDocument(db: Database.Database, versionId: number): PassageDocument | undefined {
  const row = db
    .prepare(
      `SELECT v.id AS versionId, d.path, d.name, v.family, m.meta_json AS meta
       FROM document_versions v JOIN documents d ON d.id = v.document_id
       JOIN doc_models m ON m.version_id = v.id WHERE v.id = ?`,
    )
    .get(versionId) as { versionId: number; path: string; name: string; family: string; meta: string } | undefined;
  return row ? { ...row, meta: JSON.parse(row.meta) as DocMeta } : undefined;
}

/** Blocks of a version in document order, from `from` to `to` (ord, inclusive). */
export function passagesOf(db: Database.Database, versionId: number, from = 0, to = Number.MAX_SAFE_INTEGER): DocBlock[] {
  return (
    db
      .prepare('SELECT block_json AS json FROM passages WHERE version_id = ? AND ord BETWEEN ? AND ? ORDER BY ord')
      .all(versionId, from, to) as Array<{ json: string }>
  ).map((r) => JSON.parse(r.json) as DocBlock);
}

/** Current documents whose model carries contacts, title first: the people of any document. */
export function currentModels(db: Database.Database): PassageDocument[] {
  return (
    db
      .prepare(
        `SELECT v.id AS versionId, d.path, d.name, v.family, m.meta_json AS meta
         FROM documents d JOIN document_versions v ON v.id = d.current_version_id
         JOIN doc_models m ON m.version_id = v.id`,
      )
      .all() as Array<{ versionId: number; path: string; name: string; family: string; meta: string }>
  ).map((r) => ({ ...r, meta: JSON.parse(r.meta) as DocMeta }));
}

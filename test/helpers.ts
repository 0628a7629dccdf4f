import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParseResult, SourceDocument } from '../src/ingest/document.js';
import { normalizeText } from '../src/ingest/normalize.js';
import { parseDocument } from '../src/ingest/parse.js';

/** A fresh folder for a real SQLite file or a document a test writes. */
export function tempDir(prefix = 'damdang-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const SAMPLES = 'data/samples';
export const CORPUS = 'test/fixtures/corpus';

/** Parses document text given inline, as ingest would a file of that name. */
export function parseText(text: string, name = 'synthetic.txt'): ParseResult {
  const doc: SourceDocument = { path: name, name, encoding: 'utf-8', lines: normalizeText(text) };
  return parseDocument(doc);
}

/** The seventeen real documents: the four samples and the thirteen corpus documents (.txt only). */
export function realDocuments(): string[] {
  const txt = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(dir, f));
  return [...txt(SAMPLES), ...txt(CORPUS)];
}

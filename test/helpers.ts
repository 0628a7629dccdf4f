import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for a real SQLite file or a document a test writes. */
export function tempDir(prefix = 'damdang-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const SAMPLES = 'data/samples';
export const CORPUS = 'test/fixtures/corpus';

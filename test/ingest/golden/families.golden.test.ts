/**
 * Golden files: the full output of the families (records, warnings) for every fixture document, one JSON file
 * per document, so moving code between families, tables and the model is checked against what they made before.
 * The document model itself is left out (`model`): it is frozen by its own tests. A change here that is a fix is
 * accepted deliberately (`npx vitest run test/ingest/golden -u`) and named in its commit.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { loadDocument, parseFamily } from '../../../src/ingest/parse.js';

const GOLDEN = join(REPO_ROOT, 'test', 'ingest', 'golden', '__golden__');

/** The fixture folders of the repository, each with the name its goldens are kept under. */
const LOCAL: Array<[group: string, dir: string]> = [
  ['samples', 'data/samples'],
  ['corpus', 'test/fixtures/corpus'],
  ['plans', 'test/fixtures/plans'],
  ['approvals', 'test/fixtures/approvals'],
];

/** Every .txt under `dir`, folders included, sorted. */
function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return textFiles(path);
      return f.endsWith('.txt') ? [path] : [];
    });
}

/** Keys sorted at every level (what the families build in another order is the same output), records' identity first. */
const FIRST = ['family', 'organization', 'kind', 'key', 'title'];
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object') return value;
  const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) : FIRST.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, stable((value as Record<string, unknown>)[k])]),
  );
}

/** What the families made of one document: records and warnings as validated for the store. */
function goldenOutput(path: string): string {
  const result = parseFamily(loadDocument(path).doc);
  const text = JSON.stringify(stable(result), null, 2);
  // A short list of plain values (a source's [from, to] lines, aliases) on one line, to read records at a glance.
  return `${text.replace(/\[\n\s+([^[\]{}\n]+(?:,\n\s+[^[\]{}\n]+)*)\n\s+\]/g, (all, inner: string) => {
    const flat = `[${inner.split(/,\n\s+/).join(', ')}]`;
    return flat.length <= 80 ? flat : all;
  })}\n`;
}

function goldenPath(group: string, dir: string, path: string): string {
  return join(GOLDEN, group, relative(dir, path).replace(/\.txt$/, '.json'));
}

describe('golden output of the families', () => {
  for (const [group, dir] of LOCAL) {
    describe(group, () => {
      const files = textFiles(join(REPO_ROOT, dir));
      it('has documents', () => expect(files.length).toBeGreaterThan(0));
      for (const path of files) {
        it(relative(REPO_ROOT, path), async () => {
          await expect(goldenOutput(path)).toMatchFileSnapshot(goldenPath(group, join(REPO_ROOT, dir), path));
        });
      }
    });
  }

  const shared = sharedCorpusDir();
  const folders = shared
    ? readdirSync(shared)
        .filter((f) => statSync(join(shared, f)).isDirectory())
        .sort()
    : [];
  it.skipIf(!shared)('../shared/corpus is beside the checkout (its folders are checked below)', () => {
    expect(folders.length).toBeGreaterThan(0);
  });
  for (const folder of folders) {
    describe(`shared/${folder}`, () => {
      for (const path of textFiles(join(shared!, folder))) {
        it(`../shared/corpus/${folder}/${relative(join(shared!, folder), path)}`, async () => {
          await expect(goldenOutput(path)).toMatchFileSnapshot(goldenPath(`shared/${folder}`, join(shared!, folder), path));
        });
      }
    });
  }
});

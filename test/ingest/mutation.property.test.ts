import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { ProjectStore } from '../../src/store/store.js';
import { realDocuments, tempDir } from '../helpers.js';

const DOCS = realDocuments().map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n') }));

/** Edits a document the way real files go wrong: lost, repeated, cut or garbled lines and cells. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 80 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dropTabs' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('digits' as const), at: fc.nat(), text: fc.stringMatching(/^[0-9,.△-]{1,12}$/) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(lines: string[], muts: Mutation[]): string {
  let out = [...lines];
  for (const m of muts) {
    const at = out.length ? m.at % out.length : 0;
    switch (m.op) {
      case 'delete':
        out.splice(at, m.n);
        break;
      case 'duplicate':
        out.splice(at, 0, ...out.slice(at, at + m.n));
        break;
      case 'insert':
        out.splice(at, 0, m.text);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'dropTabs':
        for (let i = at; i < Math.min(out.length, at + m.n); i++) out[i] = out[i]!.replace(/\t/, '');
        break;
      case 'digits':
        if (out[at] !== undefined) out[at] = out[at]!.replace(/\d[\d,]*/, m.text);
        break;
    }
  }
  return out.join('\n');
}

describe('random mutations of the real documents', () => {
  const dir = tempDir();
  const dbFile = join(dir, 'prop.db');
  const store = ProjectStore.open(dbFile);
  const counts = () => {
    const db = new Database(dbFile, { readonly: true });
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const c = {
      versions: n('SELECT COUNT(*) AS n FROM document_versions'),
      records: n('SELECT COUNT(*) AS n FROM records'),
    };
    db.close();
    return c;
  };

  it('never crash the parser and never leave a partial document in the store', () => {
    let i = 0;
    fc.assert(
      fc.property(fc.constantFrom(...DOCS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (doc, muts) => {
        const text = apply(doc.lines, muts);
        const file = join(dir, `m${i++}.txt`);
        writeFileSync(file, text);
        if (text.trim() !== '') expect(() => parseDocument(loadDocument(file).doc)).not.toThrow();
        const before = counts();
        const report = ingestFile(store, file);
        const after = counts();
        if (report.outcome === 'failed') {
          expect(after).toEqual(before);
        } else {
          expect(after.versions).toBe(before.versions + 1);
          expect(after.records).toBe(before.records + report.records);
          expect(report.records).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
    // 150 runs over every real document (17 now, three of them long PDF texts): room on two shared cores.
  }, 90_000);
});

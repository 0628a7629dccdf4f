/**
 * Families read the document model, not raw lines (issue #18): a family moved onto the model must not go back to
 * indexing the document's text, and one not yet moved may only get fewer places that do. A place that reads the
 * text is a line of the source that reads `doc.lines` (its length aside), takes `lines: string[]`, indexes
 * `lines[i]` or calls `lineAt(`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/corpus-paths.js';

const READS_TEXT = /\bdoc\.lines\b(?!\.length\b)|\blines\s*:\s*(?:readonly\s+)?string\[\]|\blineAt\(|\blines\s*\[\s*[a-z]/;

/** Places per family that still read the text: lower a ceiling when a family moves on, never raise one. */
const CEILING: Record<string, number> = {
  'generic.ts': 0,
  'work-plan.ts': 0,
  'approval.ts': 0,
  'annual-report.ts': 0,
  'policy-sheet.ts': 0,
  'promise-sheet.ts': 0,
  'promise-table.ts': 0,
  'openfinance.ts': 0,
};
/** Families that read their document through the model. */
const ON_MODEL = [
  'generic.ts',
  'openfinance.ts',
  'annual-report.ts',
  'promise-sheet.ts',
  'promise-table.ts',
  'policy-sheet.ts',
  'work-plan.ts',
  'approval.ts',
];
/** Steps of a family moved onto the model while the rest of it is not yet: how it finds its parts and contents. */
const STEPS_ON_MODEL: Record<string, string[]> = {};

/** A top-level function's text, from its declaration to the closing brace at the start of a line. */
function functionText(file: string, name: string): string {
  const text = source(file);
  const start = text.indexOf(`\nfunction ${name}(`);
  if (start < 0) throw new Error(`${file} has no function ${name}`);
  const end = text.indexOf('\n}\n', start);
  return text.slice(start, end + 2);
}

const source = (file: string) => readFileSync(join(REPO_ROOT, 'src', 'ingest', 'families', file), 'utf8');
const textReads = (file: string) =>
  source(file)
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line.trim() }))
    .filter((l) => READS_TEXT.test(l.text));

describe('families read the document model', () => {
  for (const [file, ceiling] of Object.entries(CEILING)) {
    it(`${file} reads the text in at most ${ceiling} places`, () => {
      const reads = textReads(file);
      expect(reads.length, reads.map((r) => `${file}:${r.line} ${r.text}`).join('\n')).toBeLessThanOrEqual(ceiling);
    });
  }

  for (const file of ON_MODEL) {
    it(`${file} takes its document from the model`, () => {
      expect(source(file)).toMatch(/from '\.\.\/model\/read-model\.js'/);
      expect(textReads(file)).toEqual([]);
    });
  }

  for (const [file, names] of Object.entries(STEPS_ON_MODEL)) {
    for (const name of names) {
      it(`${file}: ${name} reads the model's blocks, not the text`, () => {
        expect(source(file)).toMatch(/from '\.\.\/model\/read-model\.js'/);
        expect(functionText(file, name).split('\n').filter((l) => READS_TEXT.test(l))).toEqual([]);
      });
    }
  }
});

/**
 * Character references in a document are decoded before control characters are stripped, so none a reference
 * spells is stored; a reference naming no character becomes U+FFFD with a warning naming its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET = readFileSync(`${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`, 'utf8');
const LINE = 16;
const ORIGINAL = SHEET.split('\n')[LINE - 1]!;

/** Control, C1 and bidirectional characters, and surrogate halves: what must never be stored. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** The sample sheet with line 16 rewritten, ingested into a real SQLite store. */
function ingestSheetWithLine(line: string) {
  const dir = tempDir();
  const file = join(dir, 'sheet.txt');
  const lines = SHEET.split('\n');
  lines[LINE - 1] = line;
  writeFileSync(file, lines.join('\n'));
  const store = ProjectStore.open(join(dir, 'refs.db'));
  const report = ingestFile(store, file);
  const [record] = store.currentRecords();
  const stored = record ? store.documentLines(record.document.versionId) : [];
  return { store, report, record, stored };
}

/** Every string inside a value, for checking what was stored in records as well as in lines. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('character references at ingest', () => {
  it('stores none of the control or bidirectional characters that references spell', () => {
    const { store, report, record, stored } = ingestSheetWithLine(
      ` - 인권전담조직&#x1b;[2J 독립&#7; 신설&#0;&#x202e;&#X202D;&#x2066;&#x200F;&#x61c;&#155;31m&#x1B;]0;제목&#x07;`,
    );
    expect(report.outcome).toBe('new');
    expect(report.warnings).toEqual([]);
    // The escape sequence goes whole ("[2J" with its ESC), the C1 CSI with its parameters.
    expect(stored[LINE - 1]).toBe(' - 인권전담조직 독립 신설');
    expect(record!.record.code).toBe('3-8-76');
    for (const s of [...stored, ...strings(store.currentRecords())]) expect(s).not.toMatch(UNSAFE);
    store.close();
  });

  it('keeps a document with a reference beyond U+10FFFF, as U+FFFD, and names the line', () => {
    const { store, report, record, stored } = ingestSheetWithLine(' - 인권전담조직 독립 신설 &#1114112; &#xD800;');
    expect(report.error).toBeNull();
    expect(report.outcome).toBe('new');
    expect(report.warnings).toContainEqual({
      line: LINE,
      message: expect.stringMatching(/^문자 참조 &#1114112;, &#xD800;: .*U\+FFFD/),
    });
    expect(stored[LINE - 1]).toBe(' - 인권전담조직 독립 신설 \ufffd \ufffd');
    expect(record!.record.code).toBe('3-8-76');
    store.close();
  });

  it('reads a line break written as a reference as a space, so later lines keep their numbers', () => {
    const { store, stored } = ingestSheetWithLine(' - 인권전담조직&#10;독립&#x2028;신설&#13;');
    expect(stored).toHaveLength(SHEET.split('\n').length);
    expect(stored[LINE - 1]).toBe(' - 인권전담조직 독립 신설');
    expect(stored[LINE]).toBe(SHEET.split('\n')[LINE]);
    expect(ORIGINAL).toBe(' - 인권전담조직 독립 신설');
    store.close();
  });
});

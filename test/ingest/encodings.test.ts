/**
 * UTF-16 saved without a BOM is read as text (it was refused as "binary: NUL bytes"), and a line saved as UTF-8
 * inside an EUC-KR (CP949) file is read as UTF-8 and named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/ingest/decode.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET_FILE = `${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`;
const SHEET = readFileSync(SHEET_FILE, 'utf8');
const REPORT_FILE = `${SAMPLES}/yeongdeungpo-audit-annual-report.txt`;

/** Ingests the files and the UTF-8 original into one real store: each document's stored lines and records. */
function ingestBeside(files: Record<string, Buffer>, original = SHEET_FILE) {
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const store = ProjectStore.open(join(tempDir(), 'enc.db'));
  const summary = ingestPaths(store, [...Object.keys(files).map((n) => join(dir, n)), original]);
  const byName = (name: string) => {
    const report = summary.reports.find((r) => r.file.endsWith(`/${name}`))!;
    const records = store.currentRecords().filter((r) => r.document.path.endsWith(`/${name}`));
    const lines = records[0] ? store.documentLines(records[0].document.versionId) : [];
    return { report, records: records.map((r) => r.record), lines };
  };
  return { store, byName, original: byName(original.split('/').pop()!) };
}

describe('UTF-16 without a BOM', () => {
  it('reads little- and big-endian files to the same lines and records as the UTF-8 original', () => {
    const le = Buffer.from(SHEET, 'utf16le');
    const be = Buffer.from(le).swap16();
    const { store, byName, original } = ingestBeside({ 'sheet-le.txt': le, 'sheet-be.txt': be });
    for (const name of ['sheet-le.txt', 'sheet-be.txt']) {
      const { report, records, lines } = byName(name);
      expect(report.error).toBeNull();
      expect(report.outcome).toBe('new');
      expect(lines).toEqual(original.lines);
      expect(records.map((r) => [r.code, r.title, r.contacts])).toEqual(
        original.records.map((r) => [r.code, r.title, r.contacts]),
      );
    }
    store.close();
  });

  it('tells the byte order of a report that is mostly Hangul', () => {
    const text = readFileSync(REPORT_FILE, 'utf8');
    expect(decodeDocument(Buffer.from(text, 'utf16le'), 'r.txt')).toMatchObject({ encoding: 'utf-16le', text });
    expect(decodeDocument(Buffer.from(text, 'utf16le').swap16(), 'r.txt')).toMatchObject({ encoding: 'utf-16be', text });
  });

  it('still refuses a binary file whose NULs fall on one side', () => {
    // 16-bit samples below 256: NUL high bytes like UTF-16 ASCII, but they decode to control characters.
    const samples = Buffer.alloc(4000);
    for (let i = 0; i < samples.length; i += 2) samples[i] = (i * 37) % 256;
    expect(() => decodeDocument(samples, 'samples.txt')).toThrow(/samples\.txt: 텍스트 문서가 아닙니다/);
  });
});

describe('a CP949 file with a line saved as UTF-8', () => {
  it('reads that line as UTF-8 and names it, and the rest as CP949', () => {
    const lines = SHEET.split('\n');
    const at = 16;
    const mixed = Buffer.concat(
      lines.map((line, i) => {
        const text = i < lines.length - 1 ? `${line}\n` : line;
        return i === at - 1 ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp949');
      }),
    );
    const { store, byName } = ingestBeside({ 'mixed.txt': mixed, 'euckr.txt': iconv.encode(SHEET, 'cp949') });
    const { report, records, lines: stored } = byName('mixed.txt');
    expect(report.outcome).toBe('new');
    expect(report.warnings).toContainEqual({ line: at, message: expect.stringMatching(/^이 줄만 UTF-8로 저장되어/) });
    expect(report.warnings.filter((w) => /UTF-8로 저장/.test(w.message))).toHaveLength(1);
    expect(report.warnings.some((w) => /CP949/.test(w.message) && w.line === null)).toBe(true);
    expect(stored[at - 1]).toBe(' - 인권전담조직 독립 신설');
    // Every line as the same sheet saved wholly in CP949 reads ('•', which CP949 lacks, is '?' in both).
    expect(stored).toEqual(byName('euckr.txt').lines);
    expect(records[0]!.code).toBe('3-8-76');
    store.close();
  });
});

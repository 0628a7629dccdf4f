/** UTF-8 documents with a few bad bytes are read, with the damaged lines named; mostly invalid ones are not. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/ingest/decode.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET_FILE = `${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`;
const SHEET = readFileSync(SHEET_FILE);

/** Byte offset of the start of 1-based line `n`. */
function lineStart(bytes: Buffer, n: number): number {
  let at = 0;
  for (let i = 1; i < n; i++) at = bytes.indexOf(0x0a, at) + 1;
  return at;
}

describe('decoding damaged UTF-8', () => {
  it('keeps a file with one stray 0xFF and names the line', () => {
    const at = lineStart(SHEET, 20) + 2;
    const damaged = Buffer.concat([SHEET.subarray(0, at), Buffer.from([0xff]), SHEET.subarray(at)]);
    const dir = tempDir();
    const file = join(dir, 'stray-ff.txt');
    writeFileSync(file, damaged);
    const store = ProjectStore.open(join(dir, 'd.db'));
    const report = ingestFile(store, file);
    expect(report.outcome).toBe('new');
    expect(report.warnings).toContainEqual({ line: 20, message: expect.stringMatching(/UTF-8이 아닌 바이트/) });
    expect(report.warnings.filter((w) => /UTF-8이 아닌/.test(w.message))).toHaveLength(1);
    // The record is the same project as the undamaged original.
    const [record] = store.currentRecords();
    expect(record!.record.code).toBe('3-8-76');
    expect(store.documentLines(record!.document.versionId)[19]).toContain('\ufffd');
    store.close();
  });

  it('keeps a file cut in the middle of a character and names the last line', () => {
    const text = SHEET.toString('utf8');
    const lastHangul = Buffer.byteLength(text.slice(0, text.lastIndexOf('담')));
    const cut = SHEET.subarray(0, lastHangul + 2);
    const decoded = decodeDocument(cut, 'cut.txt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.damagedLines).toEqual([cut.toString('utf8').split('\n').length]);
    expect(decoded.text.endsWith('\ufffd')).toBe(true);
  });

  it('is not fooled by U+FFFD written in the file itself', () => {
    const withChar = Buffer.concat([Buffer.from('제목\n값 \ufffd 표시\n'), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(decodeDocument(withChar, 'x.txt').damagedLines).toEqual([3]);
  });

  it('still refuses a mostly invalid file as an unknown encoding', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41 + (i % 20))));
    expect(() => decodeDocument(noise, 'noise.txt')).toThrow(/noise\.txt: 인코딩을 알 수 없습니다/);
  });
});

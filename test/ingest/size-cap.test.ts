/**
 * A document over the size limit is refused by its size before it is read, named with its size, the limit and
 * the variable that raises it; nothing of it is stored, and the rest of the folder is ingested.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET_FILE = `${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`;
const REPORT_FILE = `${SAMPLES}/yeongdeungpo-audit-annual-report.txt`;
const MB = 1024 * 1024;

describe('the document size limit', () => {
  it('refuses a file over the default 10 MB by name and size, and ingests the rest of the folder', () => {
    const dir = tempDir();
    copyFileSync(SHEET_FILE, join(dir, 'a-sheet.txt'));
    copyFileSync(REPORT_FILE, join(dir, 'c-report.txt'));
    // A real document grown to 12 MB (sparse: the disk holds 25 KB, but stat and a read see 12 MB).
    const huge = join(dir, 'b-huge.txt');
    copyFileSync(REPORT_FILE, huge);
    truncateSync(huge, 12 * MB);
    const store = ProjectStore.open(join(tempDir(), 'cap.db'));
    const summary = ingestPaths(store, [dir]);
    const [sheet, big, report] = summary.reports;
    expect(big!.outcome).toBe('failed');
    expect(big!.error).toBe(
      `${huge}: 문서가 너무 커서 읽지 않습니다: 12 MB, 한도 10 MB — 더 큰 문서는 DAMDANG_MAX_DOCUMENT_MB를 늘려 읽습니다 (file too large)`,
    );
    expect(store.currentVersion(resolve(huge))).toBeUndefined();
    expect([sheet!.outcome, report!.outcome]).toEqual(['new', 'new']);
    expect(store.stats().documents).toBe(2);
    expect(summary.failed).toBe(1);
    store.close();
  });

  it('takes its limit from DAMDANG_MAX_DOCUMENT_MB through the ingest command', () => {
    const dir = tempDir();
    copyFileSync(SHEET_FILE, join(dir, 'sheet.txt'));
    const padded = join(dir, 'report.txt');
    copyFileSync(REPORT_FILE, padded); // 25 KB: over a 0.02 MB (21 KB) limit, which the 4 KB sheet is not
    const db = join(tempDir(), 'cli.db');
    const run = spawnSync(process.execPath, [resolve('bin/damdang.js'), 'ingest', dir, '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, DAMDANG_MAX_DOCUMENT_MB: '0.02' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toContain(
      `${padded}: 문서가 너무 커서 읽지 않습니다: 0.1 MB, 한도 0.02 MB — 더 큰 문서는 DAMDANG_MAX_DOCUMENT_MB를 늘려 읽습니다`,
    );
    const store = ProjectStore.open(db);
    expect(store.stats().documents).toBe(1);
    expect(store.currentVersion(resolve(padded))).toBeUndefined();
    store.close();
  });

  it('names the variable when its value is not a positive size', () => {
    expect(() => loadConfig({}, { DAMDANG_MAX_DOCUMENT_MB: '0' })).toThrow(/DAMDANG_MAX_DOCUMENT_MB — 0보다 커야/);
    expect(() => loadConfig({}, { DAMDANG_MAX_DOCUMENT_MB: '10MB' })).toThrow(/DAMDANG_MAX_DOCUMENT_MB — 숫자/);
    expect(loadConfig({}, {}).maxDocumentMb).toBe(10);
    expect(loadConfig({}, { DAMDANG_MAX_DOCUMENT_MB: '50' }).maxDocumentMb).toBe(50);
  });

  it('reads a file at the limit', () => {
    const dir = tempDir();
    const file = join(dir, 'sheet.txt');
    writeFileSync(file, readFileSync(SHEET_FILE));
    const store = ProjectStore.open(join(dir, 'at.db'));
    const size = readFileSync(file).length;
    const [report] = ingestPaths(store, [file], undefined, { maxDocumentMb: size / MB }).reports;
    expect(report!.outcome).toBe('new');
    store.close();
  });
});

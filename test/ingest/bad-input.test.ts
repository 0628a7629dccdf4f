import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET = readFileSync(`${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`, 'utf8');

function fixtureDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64)]));
  // One stray NUL in a real export is damage, not a binary file.
  writeFileSync(
    join(dir, 'stray-nul.txt'),
    Buffer.concat([Buffer.from(SHEET.slice(0, 400)), Buffer.from([0]), Buffer.from(SHEET.slice(400))]),
  );
  writeFileSync(join(dir, 'euckr.txt'), iconv.encode(SHEET, 'cp949'));
  writeFileSync(join(dir, 'truncated.txt'), SHEET.split('\n').slice(0, 12).join('\n'));
  writeFileSync(
    join(dir, 'missing-cells.txt'),
    SHEET.replace(/\t/g, (t, i: number) => (i % 3 === 0 ? '' : t)),
  );
  writeFileSync(join(dir, 'blank.md'), '\n\n   \n');
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4');
  return dir;
}

describe('ingest with bad input', () => {
  it('reports each bad file by name, stores the good ones, and never half-writes', () => {
    const dir = fixtureDir();
    const store = ProjectStore.open(join(tempDir(), 'x.db'));
    const hwp = join(tempDir(), 'report.hwp');
    writeFileSync(hwp, 'x');
    const summary = ingestPaths(store, [dir, join(dir, 'nope.txt'), hwp]);
    const byName = Object.fromEntries(summary.reports.map((r) => [r.file.split('/').pop(), r]));
    expect(byName['empty.txt']!.error).toMatch(/empty\.txt: 빈 파일/);
    expect(byName['binary.txt']!.error).toMatch(/binary\.txt: 텍스트 문서가 아닙니다/);
    expect(byName['blank.md']!.error).toMatch(/blank\.md: 내용이 없는 문서/);
    expect(byName['euckr.txt']!.outcome).toBe('new');
    expect(byName['euckr.txt']!.warnings.some((w: { message: string }) => /CP949/.test(w.message))).toBe(true);
    expect(byName['truncated.txt']!.outcome).toBe('new');
    expect(byName['stray-nul.txt']!.outcome).toBe('new');
    expect(byName['missing-cells.txt']!.outcome).toBe('new');
    expect(summary.pathErrors).toEqual([
      expect.stringMatching(/scan\.pdf: 지원하지 않는 형식입니다 \(\.pdf\)/),
      `${join(dir, 'nope.txt')}: 경로가 없습니다 (no such file or directory)`,
      expect.stringMatching(/report\.hwp: 지원하지 않는 형식입니다 \(\.hwp\)/),
    ]);
    expect(summary.failed).toBe(6);
    expect(store.stats().documents).toBe(4);
    store.close();
  });

  it('decodes an EUC-KR document to the same records as its UTF-8 original', () => {
    const dir = fixtureDir();
    const store = ProjectStore.open(join(tempDir(), 'y.db'));
    ingestPaths(store, [join(dir, 'euckr.txt'), `${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`]);
    const [a, b] = store.currentRecords();
    expect(a!.record.title).toBe(b!.record.title);
    expect(a!.record.contacts).toEqual(b!.record.contacts);
    store.close();
  });

  it('says so when a folder holds no documents', () => {
    const empty = tempDir();
    mkdirSync(join(empty, 'sub'));
    const store = ProjectStore.open(join(tempDir(), 'z.db'));
    const summary = ingestPaths(store, [empty]);
    expect(summary.pathErrors[0]).toMatch(/문서\(\.txt, \.md\)가 없는 폴더/);
    expect(summary.failed).toBe(1);
    store.close();
  });

  it('takes a folder given after the folder that holds it once, without calling it empty', () => {
    const store = ProjectStore.open(join(tempDir(), 'nested.db'));
    const summary = ingestPaths(store, ['test/fixtures', 'test/fixtures/approvals']);
    expect(summary.pathErrors.filter((e) => /없는 폴더/.test(e))).toEqual([]);
    const approvals = summary.reports.filter((r) => r.file.includes('fixtures/approvals/'));
    // Each file of the nested folder once, not twice.
    expect(approvals.length).toBe(readdirSync('test/fixtures/approvals').length);
    store.close();
  });

  it('exits non-zero from the CLI after storing the good documents', () => {
    const dir = fixtureDir();
    const db = join(tempDir(), 'cli.db');
    const run = spawnSync(process.execPath, ['bin/damdang.js', 'ingest', dir, '--db', db], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/binary\.txt/);
    expect(run.stderr).toMatch(/실패 4건/);
    const store = ProjectStore.open(db);
    expect(store.stats().documents).toBe(4);
    store.close();
  });
});

describe('ingest --org', () => {
  it('sets the organisation the staff know and keeps keys organisation-scoped', () => {
    const store = ProjectStore.open(join(tempDir(), 'org.db'));
    ingestPaths(store, ['test/fixtures/corpus/seoul-promise-2016-prom28.txt'], () => {}, { organization: '서울특별시' });
    ingestPaths(store, [`${SAMPLES}/suwon-policy-sheet-cooperative-governance.txt`], () => {}, { organization: '경기도 수원시' });
    const [seoul, suwon] = store.currentRecords();
    expect(seoul!.record.organization).toBe('서울특별시');
    expect(seoul!.record.key).toBe('서울특별시/2-4-3');
    expect(suwon!.record.organization).toBe('경기도 수원시');
    expect(suwon!.record.key.startsWith('경기도 수원시/')).toBe(true);
    store.close();
  });
});

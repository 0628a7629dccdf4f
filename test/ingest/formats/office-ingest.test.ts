/**
 * Office files through the asynchronous ingest: the format is read from the bytes, not the name (an HWPX named
 * .hwp is read, a Word file named .hwpx is read as Word), and each bad file is refused by name while the rest of
 * the run is stored and the store keeps nothing of the refused ones. Real files are copied from ../shared/originals.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openApp, readSeedOriginals } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { IngestError } from '../../../src/ingest/errors.js';
import { readDocx } from '../../../src/ingest/formats/docx.js';
import { readHwpxSync } from '../../../src/ingest/formats/hwpx.js';
import { readOriginal, sniffFormat } from '../../../src/ingest/formats/index.js';
import { ingestPathsAsync } from '../../../src/ingest/ingest.js';
import { silentLogger } from '../../../src/logger.js';
import { modelOf } from '../../../src/ingest/model/read-model.js';
import { loadExtracted } from '../../../src/ingest/parse.js';
import { ProjectStore } from '../../../src/store/store.js';
import { tempDir } from '../../helpers.js';
import { ORIGINALS, smallDocx } from './office-files.js';

const APPROVAL = 'seoul-approvals/seoul-approval-2025-callcenter-expenditure-851.hwpx';

describe('a Word file', () => {
  it('keeps its heading and its table as rows of cells under their header', async () => {
    const bytes = smallDocx();
    const extracted = await readDocx(bytes, 'plan.docx');
    expect(extracted.lines.slice(0, 2)).toEqual(['2025년 청년 일자리 사업 계획', '']);
    expect(extracted.lines).toContain('청년 인턴\t1,200\t1,450');
    const model = modelOf(loadExtracted('plan.docx', bytes, extracted).doc);
    expect(model.meta.title).toBe('2025년 청년 일자리 사업 계획');
    const row = model.blocks.find((b) => b.table?.cells[0] === '창업 지원');
    expect(row?.table?.cells).toEqual(['창업 지원', '800', '950']);
    // The label spanning both years names each of them.
    expect(row?.table?.header.slice(1)).toEqual(['예산(백만원) 2024년', '예산(백만원) 2025년']);
  });
});

describe('formats by their bytes', () => {
  it('tells PDF, HWPX, DOCX, HWP 5, another zip, text and an empty file apart', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniffFormat(smallDocx())).toBe('docx');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('hwp5');
    expect(sniffFormat(Buffer.from(zipSync({ 'a.txt': strToU8('x') })))).toBe('zip');
    expect(sniffFormat(Buffer.from('□ 사업개요\n'))).toBe('text');
    expect(sniffFormat(Buffer.alloc(0))).toBe('empty');
  });

  it('refuses an HWP 5 file by name, saying what to do', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readOriginal(bytes, 'report.hwpx')).rejects.toThrow(
      'report.hwpx: HWP 5 파일을 읽지 못했습니다: HWPX나 PDF로 저장해 주세요',
    );
  });
});

describe.skipIf(!ORIGINALS)('bad files among good ones', () => {
  it('stores the good files, refuses each bad one by name, and keeps nothing of the refused ones', async () => {
    const dir = tempDir();
    const hwpx = readFileSync(join(ORIGINALS!, APPROVAL));
    // An HWPX saved under the old extension, and a Word file under the new one: both read by their bytes.
    writeFileSync(join(dir, 'approval.hwp'), hwpx);
    writeFileSync(join(dir, 'plan.hwpx'), smallDocx());
    writeFileSync(join(dir, 'empty.hwpx'), Buffer.alloc(0));
    writeFileSync(join(dir, 'truncated.hwpx'), hwpx.subarray(0, Math.floor(hwpx.length / 2)));
    writeFileSync(join(dir, 'photos.hwpx'), zipSync({ 'photo.txt': strToU8('not a document') }));
    const parts = unzipSync(hwpx);
    delete parts['Contents/section0.xml'];
    writeFileSync(join(dir, 'no-section.hwpx'), zipSync(parts));

    const store = ProjectStore.open(join(tempDir(), 'office.db'));
    const summary = await ingestPathsAsync(store, [dir]);
    const byName = Object.fromEntries(summary.reports.map((r) => [r.file.split('/').pop(), r]));
    expect(byName['approval.hwp']).toMatchObject({ outcome: 'new', family: 'approval', error: null });
    expect(byName['plan.hwpx']).toMatchObject({ outcome: 'new', error: null });
    expect(byName['empty.hwpx']!.error).toMatch(/empty\.hwpx: 빈 파일입니다/);
    expect(byName['truncated.hwpx']!.error).toMatch(/truncated\.hwpx: zip을 풀지 못했습니다: 파일이 잘렸거나 손상되었습니다/);
    expect(byName['photos.hwpx']!.error).toMatch(/photos\.hwpx: HWPX나 DOCX가 아닌 zip 파일입니다/);
    expect(byName['no-section.hwpx']!.error).toMatch(/no-section\.hwpx: HWPX의 본문 Contents\/section0\.xml이\(가\) 없습니다/);
    expect(summary.failed).toBe(4);
    expect(store.stats().documents).toBe(2);
    // The stored text of the HWPX is its extracted lines: the title is quoted from its line there.
    const stored = store.currentRecords().find((r) => r.document.family === 'approval')!;
    expect(stored.record.title).toBe('2025년 서울 청년수당 서류검증단 및 전담 콜센터 운영 용역 지출 품의');
    const lines = store.documentLines(stored.document.versionId);
    expect(lines).toContain(`제목 : ${stored.record.title}`);
    // Ingested again, nothing is read again.
    const again = await ingestPathsAsync(store, [join(dir, 'approval.hwp')]);
    expect(again.reports[0]!.outcome).toBe('unchanged');
    store.close();
  });

  it('says which zip is not an HWPX when read as one', () => {
    expect(() => readHwpxSync(smallDocx(), 'plan.hwpx')).toThrow(IngestError);
    expect(() => readHwpxSync(smallDocx(), 'plan.hwpx')).toThrow(/plan\.hwpx: HWPX 파일이 아닙니다: zip에 mimetype 항목이 없습니다/);
  });
});

describe.skipIf(!ORIGINALS)('a starting bot seeding an empty store', () => {
  it('takes the office files of its samples folder with the text ones', async () => {
    const samples = tempDir();
    copyFileSync(join(ORIGINALS!, APPROVAL), join(samples, 'approval.hwpx'));
    writeFileSync(join(samples, 'note.txt'), '□ 사업개요\n  ㅇ 사 업 명 : 청년 일자리 지원\n');
    writeFileSync(join(samples, 'empty.docx'), Buffer.alloc(0));
    const config = loadConfig({ db: join(tempDir(), 'seed.db') }, { DAMDANG_SAMPLES: samples });
    const app = openApp(config, silentLogger, await readSeedOriginals(config));
    try {
      const byName = Object.fromEntries(app.seeded!.reports.map((r) => [r.file.split('/').pop(), r]));
      expect(byName['approval.hwpx']).toMatchObject({ outcome: 'new', family: 'approval' });
      expect(byName['note.txt']!.outcome).toBe('new');
      expect(byName['empty.docx']!.error).toMatch(/empty\.docx: 빈 파일입니다/);
      expect(app.store.stats().documents).toBe(2);
    } finally {
      app.close();
    }
    // A store that holds documents is not read ahead again.
    expect(await readSeedOriginals(config)).toBeUndefined();
  });
});

/**
 * The HWP 5 reader on the eight real files of ../shared/originals/hwp, read in place: every line of each file's
 * text in ../shared/corpus/hwp (one PARA_TEXT record a line) is found in what the reader extracts, and tables come
 * out as rows of cells; one file's lines are frozen as a golden file. Then damaged files, made from a real one: a
 * broken table record, a deflate bomb, a body no reader takes but the preview, a file cut short, a stage that does
 * not answer in time.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originalFiles } from '../../../scripts/lib/corpus-paths.js';
import { IngestError } from '../../../src/ingest/errors.js';
import { PREVIEW_ONLY, readHwp5, readHwp5Stage, readHwp5With, REFUSAL } from '../../../src/ingest/formats/hwp5/index.js';
import { readOriginal, sniffFormat } from '../../../src/ingest/formats/index.js';
import { modelOf } from '../../../src/ingest/model/read-model.js';
import { loadExtracted } from '../../../src/ingest/parse.js';
import { sectionRecords, withSection, withSectionRecords, withStream } from './hwp-bytes.js';
import { CORPUS } from './office-files.js';

const HWP_FILES = originalFiles('.hwp');
const absent = HWP_FILES.length === 0 || !CORPUS;
const hwpFile = (name: string) => HWP_FILES.find((f) => basename(f) === name)!;
const GWANGJU = 'notice-2025-gwangju-youth-work-experience-host-sites.hwp';

/**
 * A line compared without white space (the text keeps 한글's spacing runs, a table row joins its cell paragraphs)
 * and without bullet glyphs (the text keeps 한글's private-use glyph, the reader gives the bullet it stands for).
 */
function bare(text: string): string {
  return text.replace(/[\s\ue000-\uf8ff●❍■□◆•▪➢✓☑]+/g, '');
}

function textLines(hwp: string): string[] {
  return readFileSync(join(CORPUS!, 'hwp', basename(hwp).replace(/\.hwp$/, '.txt')), 'utf8').split('\n');
}

describe.skipIf(absent)('HWP 5 originals against their text versions', () => {
  it('finds the eight real files', () => {
    expect(HWP_FILES.map((f) => basename(f))).toHaveLength(8);
  });

  it.each(HWP_FILES.map((f) => [basename(f), f]))('%s: every line of its text is in the extraction', async (_, file) => {
    const extracted = await readHwp5(readFileSync(file), file);
    expect(extracted.format).toBe('hwp');
    expect(extracted.warnings).toEqual([]);
    expect(extracted.locators).toHaveLength(extracted.lines.length);
    const read = bare(extracted.lines.join('\n'));
    // Short lines (a lone "Ⅰ", a page number) are found anywhere; four characters and up say something.
    const lines = textLines(file).filter((l) => bare(l).length >= 4);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((l) => !read.includes(bare(l)))).toEqual([]);
  });

  it('keeps a table as rows of cells with spans: the payments of the 광주 notice, each under its track', async () => {
    const file = hwpFile(GWANGJU);
    const bytes = readFileSync(file);
    const extracted = await readHwp5(bytes, file);
    const at = extracted.lines.indexOf('드림청년 월 급여 총액\t1,693,830원\t2,702,370원');
    expect(at).toBeGreaterThan(0);
    expect(extracted.locators[at]).toBe('표 2 · 3행');
    expect(extracted.lines).toContain('수행기관 (인건비의 90%)\t1,524,450원\t2,432,140원');
    const row = modelOf(loadExtracted(file, bytes, extracted).doc).blocks.find((b) => b.table?.cells[0] === '수행기관 (인건비의 90%)');
    expect(row?.table?.cells).toEqual(['수행기관 (인건비의 90%)', '1,524,450원', '2,432,140원']);
  });

  it('reads a table of figures row by row: overseas direct investment by quarter (기재부 보도자료)', async () => {
    const file = hwpFile('press-2024-moef-overseas-direct-investment-q3.hwp');
    const { lines, locators } = await readHwp5(readFileSync(file), file);
    const at = lines.indexOf('총투자\t282.5\t198.5\t184.8\t151.0\t177.0\t161.0\t150.9\t162.8\t163.7\t159.3\t141.9');
    expect(at).toBeGreaterThan(0);
    expect(locators[at]).toMatch(/^표 \d+ · 3행$/);
    expect(lines).toContain('‘24.3Q\t60.6\t39.7\t12.9\t8.5\t6.4');
  });

  it('reads the text boxes that hold section headings (울산 채용 공고) and maps private-use bullets', async () => {
    const file = hwpFile('notice-2025-ulsan-ccei-staff-recruitment.hwp');
    const { lines } = await readHwp5(readFileSync(file), file);
    expect(lines.map((l) => l.trim())).toContain('2. 응시자격 요건');
    expect(lines.join('\n')).not.toMatch(/[\ue000-\uf8ff]/);
  });

  it('golden lines of the 광주 notice', async () => {
    const file = hwpFile(GWANGJU);
    const extracted = await readHwp5(readFileSync(file), file);
    const text = extracted.lines.map((l, i) => `${extracted.locators[i] ?? ''}\t| ${l}`).join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(`./__golden__/${GWANGJU}.txt`);
  });

  it('reads an HWP 5 file named .hwpx by its bytes', async () => {
    const bytes = readFileSync(hwpFile(GWANGJU));
    expect(sniffFormat(bytes)).toBe('hwp5');
    const extracted = await readOriginal(bytes, 'drimteo.hwpx');
    expect(extracted?.format).toBe('hwp');
    expect(extracted?.lines).toContain('3. 참여대상: 광주광역시 및 광주․전남 공동혁신도시에 소재하며, 상시근로자(전일제근무기준)가 5인이상 존재하는 사업장');
  });
});

describe.skipIf(absent)('the fallback readers, each on a real file', () => {
  const PAYMENT = '드림청년 월 급여 총액\t1,693,830원\t2,702,370원';

  it('hwp.js gives the tables, said in a warning to miss text boxes', async () => {
    const extracted = await readHwp5Stage('hwp.js', readFileSync(hwpFile(GWANGJU)), 20_000);
    expect(extracted.lines).toContain(PAYMENT);
    expect(extracted.warnings[0]).toContain('hwp.js');
  });
});

/** The section's records with the row and column counts of its first table set past any real table. */
function withBrokenTable(file: Buffer): Buffer {
  const records = Buffer.from(sectionRecords(file));
  for (let p = 0; p + 4 <= records.length; ) {
    const header = records.readUInt32LE(p);
    let size = header >>> 20;
    let head = 4;
    if (size === 0xfff) {
      size = records.readUInt32LE(p + 4);
      head = 8;
    }
    // HWPTAG_TABLE: attributes (4), rows (2), columns (2), …
    if ((header & 0x3ff) === 77) {
      records.writeUInt32LE(0xffffffff, p + head + 4);
      return withSectionRecords(file, records);
    }
    p += head + size;
  }
  throw new Error('no table');
}

describe.skipIf(absent)('damaged HWP 5 files', () => {
  it('reads the text around a damaged table record (row and column counts past any table)', async () => {
    const file = hwpFile(GWANGJU);
    // This table record made @ohah/hwpjs panic in native code (SIGABRT, past any try/catch): why no library runs
    // in this process. The record reader takes cell addresses from the cells, not the counts.
    const extracted = await readHwp5(withBrokenTable(readFileSync(file)), file);
    expect(extracted.warnings).toEqual([]);
    expect(extracted.lines).toContain('1. 모집기간: 2025. 6. 2.(월) ~ 6. 17.(화) / 16일간');
  });

  it('refuses a deflate bomb in the body before reading it, and falls back to the preview', async () => {
    // 80 MB of zeros in 144 KB: hwp.js alone grew past 2.6 GB in a minute on it.
    const bomb = withSection(readFileSync(hwpFile(GWANGJU)), Buffer.alloc(80 * 1024 * 1024));
    const started = Date.now();
    const extracted = await readHwp5(bomb, 'bomb.hwp');
    expect(extracted.warnings).toEqual([PREVIEW_ONLY]);
    expect(extracted.lines).toContain('1. 모집기간: 2025. 6. 2.(월) ~ 6. 17.(화) / 16일간');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('reads only the preview when no reader takes the body, and says so', async () => {
    const original = readFileSync(hwpFile(GWANGJU));
    // The body's deflate stream overwritten: no reader can inflate it; PrvText, a stream of its own, is intact.
    const broken = withStream(original, 'Section0', Buffer.alloc(4096, 0xff));
    const extracted = await readHwp5(broken, 'drimteo.hwp');
    expect(extracted.warnings).toEqual([PREVIEW_ONLY]);
    expect(extracted.lines).toContain('1. 모집기간: 2025. 6. 2.(월) ~ 6. 17.(화) / 16일간');
    // A table whose rows have the same width comes out as rows of cells; one whose spans the preview lost (a header
    // of four cells over rows of three) as lines of text, so no figure stands under another column's header.
    expect(extracted.lines).toContain('② 집중참여형 3개월 8시간 주 40시간 월 209시간\t심화된 직무를 경험하며 실무 역량을 강화하는 트랙\t08. 01. ~ 10. 31.');
    expect(extracted.lines).toContain('드림청년 월 급여 총액 1,693,830원 2,702,370원');
    // The preview is the first part only: the end of the notice is not there.
    expect(extracted.lines.some((l) => l.includes('현황보고 및 자료제공 요청'))).toBe(false);
  });

  it('refuses a file cut short by name, saying what to do', async () => {
    const cut = readFileSync(hwpFile(GWANGJU)).subarray(0, 40_000);
    const err = await readHwp5(cut, 'drimteo.hwp').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toContain(`drimteo.hwp: ${REFUSAL}`);
  });

  it('stops a stage that does not answer in time, and refuses the file by name', async () => {
    const bytes = readFileSync(hwpFile('press-2024-moef-overseas-direct-investment-q3.hwp'));
    // No reader can answer within 1 ms: each child is killed at its limit, as one stuck on a bad record would be.
    const started = Date.now();
    const err = await readHwp5With(bytes, 'moef.hwp', 1).catch((e: unknown) => e);
    expect((err as Error).message).toContain(`moef.hwp: ${REFUSAL}`);
    expect((err as Error).message).toContain('초 안에 끝나지 않음');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

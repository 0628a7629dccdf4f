/**
 * The PDF reader on the real files of ../shared/originals, read in place: the lines hold the facts the text version
 * in ../shared/corpus holds, cite their pages, and give the text pipeline the same title and contacts. Refusals on
 * a truncated copy of a real PDF and on small PDFs written byte by byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedCorpusDir, sharedOriginalsDir } from '../../../scripts/lib/corpus-paths.js';
import { IngestError } from '../../../src/ingest/errors.js';
import { readPdf, readPdfWith } from '../../../src/ingest/formats/pdf/index.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { modelOf } from '../../../src/ingest/model/read-model.js';
import { encryptedPdf, scanLikePdf, textPdf } from './pdf-bytes.js';

const corpus = sharedCorpusDir();
const originals = sharedOriginalsDir();
const absent = !originals;
const original = (path: string) => join(originals!, path);

async function read(path: string) {
  return readPdf(readFileSync(original(path)), original(path));
}

/** The model of the extracted lines, read as ingestion reads a text file. */
function modelOfLines(path: string, lines: string[]) {
  return modelOf(loadDocument(original(path).replace(/\.pdf$/, '.txt'), Buffer.from(lines.join('\n'))).doc);
}

type DocContacts = ReturnType<typeof modelOf>['meta']['contacts'];
const people = (contacts: DocContacts) => contacts.map((c) => `${c.position ?? ''} ${c.name ?? ''} ${c.phone}`);

describe.skipIf(absent)('readPdf on ../shared/originals', () => {
  it('reads a press release: release line, 담당부서 header with phones, page locators', async () => {
    const text = await read('busan-press/busan-press-2025-07-03-heatwave-field-inspection.pdf');
    expect(text.format).toBe('pdf');
    expect(text.locators).toHaveLength(text.lines.length);
    const at = (pattern: RegExp) => text.lines.findIndex((l) => pattern.test(l));
    expect(text.lines[at(/2025년 7월 3일\(목\) 정기/)]!.trim()).toBe('2025년 7월 3일(목) 정기');
    const header = at(/담당부서/);
    expect(text.lines[header]).toMatch(/^담당부서 : 복지정책과 사회복지정책팀 {3,}과장 최영희 {2}051-888-3150$/);
    expect(text.lines[header + 2]).toMatch(/^사진유무 : .* {3,}담당자 황현진 {2}051-888-3144$/);
    expect(text.locators[header]).toBe('1쪽');
    // The 참고 sheet is page 3 of 3; page numbers are not lines.
    expect(text.locators[at(/현장방문 개요/)]).toBe('3쪽');
    expect(text.lines.some((l) => /^\s*-\s*\d+\s*-\s*$/.test(l))).toBe(false);
    expect(text.warnings).toEqual([]);
  });

  it('reads a budget brief: the 예산 총괄표 row with its figures in columns, the law on page 2', async () => {
    const path = 'budget-briefs/budget-brief-2024-health-welfare-livelihood-benefit.pdf';
    const text = await read(path);
    const row = text.lines.findIndex((l) => /^\s*생계급여\s+5,386,007/.test(l));
    expect(text.lines[row]!.trim().split(/\s{2,}/)).toEqual(['생계급여', '5,386,007', '6,014,148', '7,541,072', '7,541,072', '1,526,924', '25.4']);
    expect(text.locators[row]).toBe('1쪽');
    // The text version splits the article number from its words; here the basis is one line.
    expect(text.lines.some((l) => l.includes('「국민기초생활보장법」제7조 ~ 제10조'))).toBe(true);
    expect(text.locators[text.lines.findIndex((l) => l.includes('제7조(급여의 종류)'))]).toBe('2쪽');
    const model = modelOfLines(path, text.lines);
    const fromText = modelOf(loadDocument(join(corpus!, path.replace(/\.pdf$/, '.layout.txt'))).doc);
    expect(model.meta.title).toBe(fromText.meta.title);
  });

  const releases = [
    'busan-press-2025-07-01-15-minute-city-july-programmes',
    'busan-press-2025-07-02-emerging-artists-art-show-contest',
    'busan-press-2025-07-03-heatwave-field-inspection',
    'busan-press-2025-07-07-export-crisis-meeting-us-tariffs',
    'busan-press-2025-07-08-hacksium-hacking-contest',
  ];
  it.each(releases)('gives the text pipeline the title and contacts the text version gives: %s', async (stem) => {
    const text = await read(`busan-press/${stem}.pdf`);
    const model = modelOfLines(`busan-press/${stem}.pdf`, text.lines);
    const fromText = modelOf(loadDocument(join(corpus!, 'busan-press', `${stem}.layout.txt`)).doc);
    expect(model.meta.title).toBe(fromText.meta.title);
    expect(people(model.meta.contacts)).toEqual(people(fromText.meta.contacts));
    expect(model.meta.contacts.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the event loop free while a 76-page plan is read', async () => {
    let worst = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 20);
    const text = await read('busan-plans/busan-2025-plan-culture-sports.pdf');
    clearInterval(tick);
    expect(text.locators.at(-1)).toMatch(/^\d+쪽$/);
    // Reading takes seconds; on the main thread the loop would stall for all of them.
    expect(worst).toBeLessThan(1000);
  });
});

describe('readPdf refusals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'damdang-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function refusal(bytes: Buffer, name: string): Promise<IngestError> {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const err = await readPdf(readFileSync(file), file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).file).toBe(file);
    return err as IngestError;
  }

  it('reads a PDF written by hand, so the refusals below are about what they lack', async () => {
    const text = await readPdf(textPdf('Hello world'), 'hello.pdf');
    expect(text.lines).toEqual(['Hello world']);
    expect(text.locators).toEqual(['1쪽']);
  });

  it('refuses a PDF with no text layer as a scan', async () => {
    expect((await refusal(scanLikePdf(), 'scan.pdf')).reason).toBe('텍스트가 없는 PDF입니다(스캔 이미지): OCR은 지원하지 않습니다');
  });

  it('refuses a password-protected PDF', async () => {
    expect((await refusal(encryptedPdf(), 'locked.pdf')).reason).toMatch(/^암호가 걸린 PDF입니다/);
  });

  it.skipIf(absent)('refuses a truncated copy of a real PDF, and one whose end was patched on', async () => {
    const real = readFileSync(original('busan-press/busan-press-2025-07-03-heatwave-field-inspection.pdf'));
    const half = real.subarray(0, real.length >> 1);
    expect((await refusal(half, 'cut.pdf')).reason).toMatch(/^PDF 파일이 잘렸습니다/);
    expect((await refusal(Buffer.concat([half, Buffer.from('\n%%EOF\n')]), 'patched.pdf')).reason).toMatch(/^손상된 PDF라서 읽지 못했습니다/);
  });

  it('refuses a file that is no PDF', async () => {
    expect((await refusal(Buffer.from('PK\x03\x04 not a pdf'), 'zip.pdf')).reason).toMatch(/^PDF 파일이 아닙니다/);
  });

  it.skipIf(absent)('stops a read past its time limit, and the next read starts a fresh worker', async () => {
    const bytes = readFileSync(original('busan-plans/busan-2025-plan-culture-sports.pdf'));
    await expect(readPdfWith(bytes, 'slow.pdf', 1)).rejects.toThrow(/초가 넘게 걸려 멈췄습니다/);
    const text = await readPdf(textPdf('after timeout'), 'next.pdf');
    expect(text.lines).toEqual(['after timeout']);
  });
});

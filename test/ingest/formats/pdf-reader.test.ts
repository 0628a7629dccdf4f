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
    // The ruled box of people is a table: a row a line, its cells apart by a tab; the unit beside it is text.
    const people = at(/^과장\t/);
    expect(text.lines.slice(people, people + 3)).toEqual([
      '과장\t최영희\t051-888-3150',
      '팀장\t오유경\t051-888-3143',
      '담당자\t황현진\t051-888-3144',
    ]);
    expect(text.lines[at(/담당부서/)]).toBe('담당부서 : 복지정책과 사회복지정책팀');
    expect(text.locators[people]).toBe('1쪽');
    // The 참고 sheet is page 3 of 3; page numbers are not lines.
    expect(text.locators[at(/현장방문 개요/)]).toBe('3쪽');
    expect(text.lines.some((l) => /^\s*-\s*\d+\s*-\s*$/.test(l))).toBe(false);
    expect(text.warnings).toEqual([]);
  });

  it('reads a budget brief: the 예산 총괄표 from its rules, each figure in its cell under its header, the law on page 2', async () => {
    const path = 'budget-briefs/budget-brief-2024-health-welfare-livelihood-benefit.pdf';
    const text = await read(path);
    const row = text.lines.findIndex((l) => l.startsWith('생계급여\t5,386,007'));
    const cells = ['생계급여', '5,386,007', '6,014,148', '7,541,072', '7,541,072', '1,526,924', '25.4'];
    expect(text.lines[row]!.split('\t')).toEqual(cells);
    // The same cells the text version's columns give, where only spacing told them apart.
    const layout = readFileSync(join(corpus!, path.replace(/\.pdf$/, '.layout.txt')), 'utf8').split('\n');
    expect(layout.find((l) => /^\s*생계급여\s+5,386,007/.test(l))!.trim().split(/\s{2,}/)).toEqual(cells);
    // Two header rows: 2024년 over 정부안 and 확정(B), 증감 over (B-A) and (B-A)/A, a rowspan's place left empty.
    const head = text.lines[row - 2]!.split('\t');
    expect(head.slice(0, 4)).toEqual(['사업명', '2022년 결산', '2023년 예산 본예산(A)', '2024년']);
    expect(head.slice(5)).toEqual(['증감', '증감']);
    // Whether a year is repeated over the columns it spans is the layout writer's rule (shared with HWPX).
    expect(['', '2024년']).toContain(head[4]);
    expect(text.lines[row - 1]!.split('\t')).toEqual(['', '', '', '정부안', '확정(B)', '(B-A)', '(B-A)/A']);
    expect(text.locators[row]).toBe('1쪽');
    // The 사업 코드 table: a code under each header, the blank 계정 cell kept in its place.
    const codes = text.lines.find((l) => l.startsWith('코드\t'))!.split('\t');
    expect(codes).toEqual(['코드', '11 일반회계', '23 보건복지부', '사회복지정책실 복지정책관', '', '080', '081']);
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
    const header = people(fromText.meta.contacts);
    // The header's people first, as the text gives them; a programme table's 문의처 column may add its numbers.
    expect(people(model.meta.contacts).slice(0, header.length)).toEqual(header);
    expect(model.meta.contacts.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the departments of a release shared by two: each person with the unit of their row (kmou)', async () => {
    const stem = 'busan-press-2025-07-02-kmou-workation-space';
    const text = await read(`busan-press/${stem}.pdf`);
    const contacts = modelOfLines(`busan-press/${stem}.pdf`, text.lines).meta.contacts;
    const units = contacts.map((c) => `${c.department ?? ''} ${c.position ?? ''} ${c.name ?? ''} ${c.phone}`);
    expect(units).toEqual([
      '관광정책과 과장 김동훈 051-888-5180',
      '미래혁신기획과 과장 이승우 051-888-2810',
      '관광정책과 팀장 송찬희 051-888-5183',
      '미래혁신기획과 팀장 조형우 051-888-6723',
      '관광정책과 담당자 박상진 051-888-5188',
      '미래혁신기획과 담당자 전하연 051-888-6725',
    ]);
    const fromText = modelOf(loadDocument(join(corpus!, 'busan-press', `${stem}.layout.txt`)).doc);
    expect(people(contacts)).toEqual(people(fromText.meta.contacts));
  });

  it('reads a plan\'s table whose runs hold several cells, each figure in its year', async () => {
    // busan-2025-plan-tourism-mice.pdf p.12: the visitors' row draws "2,473,520 2,687,742" as one run over two cells.
    const text = await read('busan-plans/busan-2025-plan-tourism-mice.pdf');
    const years = text.lines.findIndex((l) => l.startsWith('연도\t2017\t'));
    expect(text.lines[years]!.split('\t')).toEqual(['연도', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(text.lines[years + 1]!.split('\t')).toEqual(['인원', '2,396,287', '2,473,520', '2,687,742', '359,067', '152,586', '482,305', '1,820,057', '2,696,477']);
    expect(text.locators[years]).toBe('12쪽');
    // A label spread a syllable at a time over its cell reads closed up.
    expect(text.lines.some((l) => l.startsWith('관광정책과\t32 / 34\t1 / 1\t'))).toBe(true);
  });

  it('reads a header of labels spread over their cells, drawn as one run across them, each over its column', async () => {
    // busan-2025-plan-youth-industry-academia.pdf p.4: "청 년 정 책 과 지 산 학 협 력 과 창 조 교 육 과 …" is one
    // text item over four cells; where the page placed each cell's run tells where it is cut.
    const text = await read('busan-plans/busan-2025-plan-youth-industry-academia.pdf');
    const budget = text.lines.findIndex((l) => l.startsWith('세출\t'));
    expect(text.lines[budget - 2]!.split('\t')).toEqual(['구분', '계', '청년정책과', '지산학협력과', '창조교육과', '부산도서관']);
    expect(text.lines[budget]!.split('\t')).toEqual(['세출', '1,081,687', '51,104', '177,004', '847,069', '6,510']);
    // busan-2025-plan-planning-office.pdf p.5: a header too long for its cell goes on on the next line.
    const office = await read('busan-plans/busan-2025-plan-planning-office.pdf');
    expect(office.lines).toContain('구분\t합계\t기획담당관\t조직담당관\t인구정책담당관\t법무담당관\t빅데이터통계담당관\t부울경초광역경제동맹추진단');
    expect(office.lines).toContain('현원\t126\t32\t28\t13\t24\t24\t5');
  });

  it('reads a table under a two-row spanned header as rows, not as a form a cell a line', async () => {
    // busan-2025-plan-spokesperson.pdf p.7, 출입 언론기관: 방송사 and 신문사 span their kinds, 계 and 통신사 two rows.
    const text = await read('busan-plans/busan-2025-plan-spokesperson.pdf');
    const total = text.lines.findIndex((l) => l.startsWith('104\t'));
    expect(text.lines[total - 2]!.split('\t').slice(0, 8)).toEqual(['계', '방송사', '방송사', '방송사', '방송사', '방송사', '방송사', '통신사']);
    expect(text.lines[total - 1]!.split('\t').slice(0, 3)).toEqual(['', '소계', 'ＴＶ']);
    expect(text.lines[total]!.split('\t')).toEqual(['104', '15', '4', '2', '2', '4', '3', '3', '18', '11', '2', '5', '68']);
    expect(text.locators[total]).toBe('7쪽');
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

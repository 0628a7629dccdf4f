/**
 * A fact read from an office file cites where it stands in the file: a PDF's page beside the line, an HWPX's
 * paragraph or table cell. Real originals from ../shared/originals, asked through the real answering service; the
 * pages were checked by hand (pdftotext -f N -l N).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir, sharedOriginalsDir } from '../../scripts/lib/corpus-paths.js';
import { citeSpans, sourceOf } from '../../src/core/format.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import { citedLineSpans, formatSpans, placeOf } from '../../src/domain/provenance.js';
import type { ExtractedText } from '../../src/ingest/formats/extracted.js';
import { ingestFileAsync, ingestPathsAsync } from '../../src/ingest/ingest.js';
import { loadExtracted, parseDocument } from '../../src/ingest/parse.js';
import { ProjectStore } from '../../src/store/store.js';
import { answer, tempDir } from '../helpers.js';
import { smallDocx } from '../ingest/formats/office-files.js';

const ORIGINALS = sharedOriginalsDir();
const CORPUS = sharedCorpusDir();
const HRDI = ORIGINALS && join(ORIGINALS, 'busan-plans', 'busan-2025-plan-hrdi.pdf');
const ARTISTS = ORIGINALS && join(ORIGINALS, 'busan-press', 'busan-press-2025-07-02-emerging-artists-art-show-contest.pdf');
const CALLCENTER = 'seoul-approval-2025-callcenter-expenditure-851';
const APPROVAL = ORIGINALS && join(ORIGINALS, 'seoul-approvals', `${CALLCENTER}.hwpx`);
const APPROVAL_TEXT = CORPUS && join(CORPUS, 'seoul-approvals', `${CALLCENTER}.txt`);
const present = (...files: Array<string | null>) => files.every((f) => f !== null && existsSync(f));

/** The stored lines a source cites of its document (the place in parentheses is the file's, not a line). */
function citedLines(store: ProjectStore, source: string): string[] {
  const name = source.split(' · ')[0];
  const versionId = store.currentRecords().find((r) => r.document.name === name)!.document.versionId;
  const lines = store.documentLines(versionId);
  return citedLineSpans(source).flatMap(([a, b]) => lines.slice(a - 1, b));
}

/** The reply's source citing a line that holds `figure`. */
function sourceHolding(store: ProjectStore, reply: Reply, figure: string): string | undefined {
  return reply.sources.find((s) => citedLines(store, s).some((l) => l.includes(figure)));
}

describe('the place of a cited span', () => {
  it('names one place, a range of one kind, or the coarsest place both ends share', () => {
    expect(placeOf('3쪽', '3쪽')).toBe('3쪽');
    expect(placeOf('9쪽', '12쪽')).toBe('9–12쪽');
    expect(placeOf('문단 9', '문단 12')).toBe('문단 9–12');
    expect(placeOf('표 2 · 3행 1열', '표 2 · 3행 4열')).toBe('표 2 · 3행 1–4열');
    expect(placeOf('표 2 · 1행 1열', '표 2 · 6행 14열')).toBe('표 2 · 1–6행');
    expect(placeOf('표 1 · 1행', '표 2 · 4행 4열')).toBe('표 1–2');
    expect(placeOf('문단 12', '표 2 · 3행')).toBe('문단 12 ~ 표 2');
  });

  it('reads back only the stored lines of a citation, not the row numbers of its place', () => {
    expect(citedLineSpans('3쪽 12행, 15–17행, 4쪽 40행')).toEqual([[12, 12], [15, 17], [40, 40]]);
    expect(citedLineSpans('41–43행(표 2 · 3–5행), 50행(문단 12)')).toEqual([[41, 43], [50, 50]]);
  });
});

describe('locators stored beside the lines', () => {
  it('stay aligned when a reader line holds a break normalising would split, and are stored as runs', () => {
    const extracted: ExtractedText = {
      format: 'pdf',
      lines: ['2025년 업무계획', '', '□ 사업 개요\n(계속)', '예산 1,200백만원\u2028확정', '', '□ 추진 일정', '3월 착수'],
      locators: ['1쪽', '1쪽', '1쪽', '2쪽', '2쪽', '3쪽', '3쪽'],
      warnings: [],
    };
    const loaded = loadExtracted('plan.pdf', Buffer.from('bytes of plan.pdf'), extracted);
    expect(loaded.doc.lines).toHaveLength(7);
    expect(loaded.locators).toEqual(extracted.locators);
    const store = ProjectStore.open(':memory:');
    store.saveDocument(loaded, parseDocument(loaded.doc), '/docs/plan.pdf');
    const rows = store.connection.prepare('SELECT line_from, line_to, locator FROM line_locators ORDER BY line_from').all();
    expect(rows).toEqual([
      { line_from: 1, line_to: 3, locator: '1쪽' },
      { line_from: 4, line_to: 5, locator: '2쪽' },
      { line_from: 6, line_to: 7, locator: '3쪽' },
    ]);
    const locators = store.currentRecords()[0]!.document.locators;
    expect(formatSpans([[4, 4]], locators)).toBe('2쪽 4행');
    expect(formatSpans([[1, 1], [3, 4], [6, 7]], locators)).toBe('1쪽 1행, 1–2쪽 3–4행, 3쪽 6–7행');
    expect(formatSpans([[7, 7], [8, 9]], locators)).toBe('3쪽 7행, 8–9행');
    store.close();
  });

  it('are none for a text file, whose citations stay "12행"', () => {
    const store = ProjectStore.open(':memory:');
    const extracted: ExtractedText = { format: 'hwpx', lines: ['제목 : 시험'], locators: ['문단 1'], warnings: [] };
    const loaded = { ...loadExtracted('a.txt', Buffer.from('x'), extracted), locators: undefined };
    store.saveDocument(loaded, parseDocument(loaded.doc), '/docs/a.txt');
    const r = store.currentRecords()[0]!;
    expect(sourceOf(r, { section: '개요', lines: [1, 1] })).toBe('a.txt · 개요 · 1행');
    expect(store.connection.prepare('SELECT COUNT(*) AS n FROM line_locators').get()).toEqual({ n: 0 });
    store.close();
  });
});

describe('a Word file', () => {
  it('cites the paragraph and the table row of a line, for records and for passages of its model', async () => {
    const dir = tempDir();
    const file = resolve(dir, 'plan.docx');
    writeFileSync(file, smallDocx());
    const store = ProjectStore.open(join(dir, 'docx.db'));
    expect((await ingestFileAsync(store, file)).outcome).toBe('new');
    const r = store.currentRecords()[0]!;
    const lines = store.documentLines(r.document.versionId);
    const row = lines.indexOf('창업 지원\t800\t950') + 1;
    expect(sourceOf(r, { section: null, lines: [row, row] })).toBe(`plan.docx · ${row}행(표 1 · 4행)`);
    // What a passage answer's footnote reads with its document's locators: title, header rows, the row quoted.
    const doc = store.passageDocument(r.document.versionId)!;
    expect(citeSpans([[row, row], [1, 1], [row - 3, row - 2]], doc.locators)).toBe(
      `1행(문단 1), ${row - 3}–${row - 2}행(표 1 · 1–2행), ${row}행(표 1 · 4행)`,
    );
    store.close();
  });
});

describe.skipIf(!present(HRDI, ARTISTS))('a PDF', () => {
  it('cites the page of each figure an answer states, and keeps a page as one stored run', async () => {
    const store = ProjectStore.open(':memory:');
    await ingestPathsAsync(store, [HRDI!]);
    const knowledge = loadKnowledge(store, fixedClock('2025-07-10'));
    const name = 'busan-2025-plan-hrdi.pdf';
    // 세입예산 972백만원 and the 367-space car park are on page 6, the 현원 row (47) on page 5.
    for (const [question, figure, page] of [
      ['인재개발원 세입예산', '972백만원', '6쪽'],
      ['인재개발원 주차장 몇 면', '367면', '6쪽'],
      ['인재개발원 현원은?', '47', '5쪽'],
    ] as const) {
      const reply = answer(question, knowledge);
      expect(reply.blocks.map((b) => JSON.stringify(b)).join(' '), question).toContain(figure);
      const source = sourceHolding(store, reply, figure);
      expect(source, question).toMatch(new RegExp(`^${name} · .*${page} \\d+(?:–\\d+)?행`));
    }
    const versionId = store.currentRecords()[0]!.document.versionId;
    const runs = store.connection
      .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT locator) AS pages FROM line_locators WHERE version_id = ?')
      .get(versionId) as { n: number; pages: number };
    // One run per page with text (24 of its 27), over some 900 stored lines.
    expect(runs).toEqual({ n: runs.pages, pages: expect.any(Number) });
    expect(runs.pages).toBeGreaterThan(20);
    expect(runs.pages).toBeLessThanOrEqual(27);
    expect(store.documentLines(versionId).length).toBeGreaterThan(400);
    store.close();
    // Reading 27 pages takes seconds, and many more on a machine busy with other work.
  }, 120_000);

  it('cites both pages of a sentence a page break cuts: the reader ends a page with a blank line of that page', async () => {
    const store = ProjectStore.open(':memory:');
    await ingestPathsAsync(store, [ARTISTS!]);
    const r = store.currentRecords()[0]!;
    const lines = store.documentLines(r.document.versionId);
    // "… 더 프리뷰 서울(옛 국립극단 백성희장민" ends page 1; "호극장, 2025. 5. 30.~6. 1.) …" opens page 2.
    const end = lines.findIndex((l) => l.includes('백성희장민')) + 1;
    const start = lines.findIndex((l) => l.trim().startsWith('호극장, 2025. 5. 30.')) + 1;
    expect(start).toBe(end + 2);
    expect(lines[end]).toBe('');
    const locators = r.document.locators;
    expect(formatSpans([[end, end]], locators)).toBe(`1쪽 ${end}행`);
    expect(formatSpans([[end + 1, end + 1]], locators)).toBe(`1쪽 ${end + 1}행`);
    expect(formatSpans([[start, start]], locators)).toBe(`2쪽 ${start}행`);
    expect(formatSpans([[end - 1, start + 1]], locators)).toBe(`1–2쪽 ${end - 1}–${start + 1}행`);
    store.close();
  });
});

describe.skipIf(!present(APPROVAL, APPROVAL_TEXT))('an HWPX approval', () => {
  it('cites the paragraph of a fact, and the table of the approval block a contact is read from', async () => {
    const store = ProjectStore.open(':memory:');
    await ingestPathsAsync(store, [APPROVAL!]);
    const knowledge = loadKnowledge(store, fixedClock('2025-07-10'));
    const name = `${CALLCENTER}.hwpx`;
    // 라. 계약방법 is the body's eighth paragraph (1., 2., 아래와 같이…, 가., 나., 다., its second line, 라.).
    const method = answer('콜센터 용역 계약방법', knowledge);
    expect(method.sources[0]).toMatch(new RegExp(`^${name} · \\d+행\\(문단 8\\)$`));
    expect(citedLines(store, method.sources[0]!).join('\n')).toContain('협상에 의한 계약(제한경쟁입찰)');
    // The officer's telephone is in the approval block (table 2), row 6, column 3.
    const phone = answer('한보라 내선', knowledge);
    expect(phone.sources[0]).toMatch(new RegExp(`^${name} · 결재 · \\d+–\\d+행\\(표 2 · 1–6행\\)$`));
    const versionId = store.currentRecords()[0]!.document.versionId;
    const line = store.documentLines(versionId).indexOf('02-2133-4311') + 1;
    expect(citedLineSpans(phone.sources[0]!).some(([a, b]) => a <= line && line <= b)).toBe(true);
    expect(formatSpans([[line, line]], store.currentRecords()[0]!.document.locators)).toBe(`${line}행(표 2 · 6행 3열)`);
    store.close();
  });

  it('keeps each version its own locators: a text file saved over the HWPX cites bare lines, the old version still its paragraphs', async () => {
    const dir = tempDir();
    const file = resolve(dir, 'approval.hwpx');
    copyFileSync(APPROVAL!, file);
    const store = ProjectStore.open(join(dir, 'v.db'));
    expect((await ingestFileAsync(store, file)).outcome).toBe('new');
    const first = store.currentRecords()[0]!.document.versionId;
    // The text version of the same approval, written under the same name (a file is read by its bytes).
    copyFileSync(APPROVAL_TEXT!, file);
    expect(readFileSync(file, 'utf8')).toContain('계약방법');
    expect((await ingestFileAsync(store, file)).outcome).toBe('updated');
    const method = answer('콜센터 용역 계약방법', loadKnowledge(store, fixedClock('2025-07-10')));
    expect(method.sources[0]).toMatch(/^approval\.hwpx · \d+행$/);
    const old = store.recordsOfVersion(first)[0]!;
    const line = store.documentLines(first).findIndex((l) => l.includes('계약방법')) + 1;
    expect(sourceOf(old, { section: null, lines: [line, line] })).toBe(`approval.hwpx · ${line}행(문단 8)`);
    store.close();
  });
});

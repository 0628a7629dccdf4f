/**
 * The HWPX reader on the real files of ../shared/originals, read in place: the family and records an HWPX gives equal
 * those of its text version in ../shared/corpus, or are better where its tables come out as real rows; two files'
 * extracted lines are frozen as golden files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHwpxSync } from '../../../src/ingest/formats/hwpx.js';
import { modelOf } from '../../../src/ingest/model/read-model.js';
import { loadDocument, loadExtracted, parseFamily } from '../../../src/ingest/parse.js';
import { CORPUS, ORIGINALS } from './office-files.js';

const absent = !ORIGINALS || !CORPUS;

function fromOriginal(path: string) {
  const file = join(ORIGINALS!, path);
  const bytes = readFileSync(file);
  const extracted = readHwpxSync(bytes, file);
  return { extracted, loaded: loadExtracted(file, bytes, extracted) };
}

function fromText(path: string) {
  return loadDocument(join(CORPUS!, path.replace(/\.hwpx$/, '.txt')));
}

/** A record without what names the file (its key and source lines): the facts it holds. */
function facts(record: object): string {
  return JSON.stringify(record, (k, v: unknown) => (k === 'key' || k === 'src' || k === 'line' || k === 'lines' ? undefined : v));
}

const SAME_AS_TEXT = [
  'seoul-approvals/seoul-approval-2025-callcenter-expenditure-851.hwpx',
  'seoul-approvals/seoul-approval-2025-policy-tf1-plan-8074.hwpx',
  'seoul-approvals/seoul-approval-2025-december-allowance-payment-12227.hwpx',
  'seoul-approvals/seoul-approval-2025-recruitment-promo-request-2198.hwpx',
  'seoul-approvals/seoul-approval-2025-september-refund-9702.hwpx',
  'notices/notice-2025-busan-technopark-smr-auxiliary-equipment-support.hwpx',
];

describe.skipIf(absent)('HWPX originals against their text versions', () => {
  it.each(SAME_AS_TEXT)('%s gives the family and records its text gives', (path) => {
    const original = parseFamily(fromOriginal(path).loaded.doc);
    const text = parseFamily(fromText(path).doc);
    expect(original.family).toBe(text.family);
    expect(original.records.map(facts)).toEqual(text.records.map(facts));
  });

  it('reads a 시행문 the way its text reads: number, date, title and the approval line with roles', () => {
    const path = 'seoul-approvals/seoul-approval-2025-callcenter-expenditure-851.hwpx';
    const [record] = parseFamily(fromOriginal(path).loaded.doc).records;
    expect(record!.title).toBe('2025년 서울 청년수당 서류검증단 및 전담 콜센터 운영 용역 지출 품의');
    expect(record!.code).toBe('청년사업담당관-851');
    expect(record!.contacts.map((c) => [c.name, c.position])).toContainEqual(['한보라', '주무관']);
    expect(record!.contacts.find((c) => c.name === '김란수')?.position).toBe('청년사업담당관');
  });

  it('keeps a real table as rows of cells where the text had one cell a line (better than the text)', () => {
    // The youth-allowance TF report's comparison table: the text version gives the approval family a budget note
    // from cells read one a line; here each row holds its own year's figures under a header.
    const path = 'seoul-approval-2024-youth-allowance-tf.hwpx';
    const { extracted, loaded } = fromOriginal(`seoul-approvals/${path}`);
    expect(extracted.lines).toContain('구 분\t’24년\t’25년');
    expect(extracted.lines).toContain('사업예산\t60,293백만원\t60,297백만원 (TF 운영비 4백만원 증액)');
    const row = modelOf(loaded.doc).blocks.find((b) => b.table?.cells[0] === '사업예산');
    expect(row?.table?.cells).toEqual(['사업예산', '60,293백만원', '60,297백만원 (TF 운영비 4백만원 증액)']);
    expect(row?.table?.header.map((h) => h.replace(/\s+/g, ''))).toEqual(['구분', '’24년', '’25년']);
  });

  it('maps inline markup to white space and cites each line', () => {
    const { extracted } = fromOriginal('seoul-approvals/seoul-approval-2025-policy-tf1-plan-8074.hwpx');
    // The text version keeps `<hp:fwSpace/>` inside this line.
    expect(extracted.lines).toContain(
      '청년사업담당관 : 고경인☎4299 청년생활지원팀장 : 김정남☎4313 담당 : 박인현, 최수정, 한보라☎4316, 6585, 4311',
    );
    expect(extracted.lines.some((l) => l.includes('<hp:'))).toBe(false);
    expect(extracted.locators).toHaveLength(extracted.lines.length);
    expect(extracted.locators[0]).toBe('표 1 · 1행');
    expect(extracted.lines[0]).toBe('문서번호 : 청년사업담당관-8074');
    expect(extracted.date).toBe('2025-08-19');
  });

  it.each([
    ['seoul-approvals/seoul-approval-2025-policy-tf1-plan-8074.hwpx', 'seoul-approval-8074'],
    ['notices/notice-2025-busan-technopark-smr-auxiliary-equipment-support.hwpx', 'notice-busan-technopark-smr'],
  ])('golden lines of %s', async (path, name) => {
    const { extracted } = fromOriginal(path);
    const text = extracted.lines.map((l, i) => `${extracted.locators[i] ?? ''}\t| ${l}`).join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(`./__golden__/${name}.hwpx.txt`);
  });
});

/**
 * Tables flattened one cell a line, row by row (한글 forms, 결재문서 exports), read from real documents of
 * ../shared/corpus: one level of headers, a year level over a quarter level, a rate line in brackets under each row's
 * amounts, a label wrapped onto two lines, and a row whose cell wraps ending the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { rowMajorTables } from '../../../src/ingest/tables/row-major.js';

const shared = sharedCorpusDir();
const PRESS = 'hwp/press-2024-moef-overseas-direct-investment-q3.txt';

describe('row-major tables, one cell a line', () => {
  it('reads a corner, one level of headers and rows of figures', () => {
    const lines = ['< 추이(억 달러) >', '구 분', '2023년', '2024년', '북미', '80.7', '73.9', '유럽', '28.7', '36.0', ''];
    const [t] = rowMajorTables(lines);
    expect(t!.header).toEqual(['구분', '2023년', '2024년']);
    expect(t!.rows.map((r) => r.cells)).toEqual([['북미', '80.7', '73.9'], ['유럽', '28.7', '36.0']]);
    expect(t!.unit).toBe('억 달러');
  });

  it('leaves a row whose cell count does not come out (a wrapped cell), and what follows, unread', () => {
    const lines = ['구분', '’24년', '’25년', '예산', '60백만원', '61백만원', '연령', '만 19세', '만 19세', '(제대군인 : 최대 만37세)', '기타'];
    const [t] = rowMajorTables(lines);
    expect(t!.rows.map((r) => r.cells[0])).toEqual(['예산']);
    expect(t!.end).toBe(5);
  });

  it('reads no table when a header word would have to head a wrapped row label (an empty 비고 cell)', () => {
    const lines = ['구분', '일부 감면', '전액 감면', '비고', '(실사용)연구개발비', '100천만원', '100천만원', '(최초)납부상한액', '10천만원', '10천만원'];
    expect(rowMajorTables(lines)).toEqual([]);
  });
});

describe.skipIf(!shared)('row-major tables of real documents (../shared/corpus)', () => {
  it('reads a year level over a quarter level: each figure under "2024년 1분기", the rate line in its own columns', () => {
    const m = readModel(loadDocument(join(shared!, PRESS)).doc);
    const lines = readFileSync(join(shared!, PRESS), 'utf8').split('\n');
    // The 지역별 동향 table of the annex (총투자 기준): 아시아's label on line 534, its amounts then its rates.
    const asia = m.blocks.find((b) => b.kind === 'row' && b.lines[0] === 534)!;
    const t = asia.table!;
    const cell = (h: string) => t.cells[t.header.indexOf(h)];
    expect(t.cells[0]).toBe('아시아');
    expect(cell('2024년 1분기')).toBe('23.2');
    expect(cell('2022년 1분기')).toBe('90.0');
    expect(cell('2024년 1분기 (전년동기 대비 %)')).toBe('(△2.9)');
    expect(t.unit).toBe('억달러, 전년동기 대비 %');
    // The unit line of the annex, far above, is cited with the header lines.
    expect(lines[(t.head![0] ?? 0) - 1]).toContain('단위: 억달러');
    const oceania = m.blocks.find((b) => b.kind === 'row' && b.lines[0] === 580)!;
    expect(oceania.table!.cells[oceania.table!.header.indexOf('2024년 2분기')]).toBe('8.8');
    const us = m.blocks.find((b) => b.kind === 'row' && b.lines[0] === 355)!;
    expect(us.table!.cells.slice(0, 2)).toEqual(['미국', '91.8']);
    expect(us.table!.cells[us.table!.header.indexOf('2024년 2분기')]).toBe('60.0');
  });

  it('joins a row label wrapped onto two lines ("금융" / "보험업")', () => {
    const m = readModel(loadDocument(join(shared!, PRESS)).doc);
    const finance = m.blocks.find((b) => b.kind === 'row' && b.lines[0] === 222)!;
    expect(finance.table!.cells[0]).toBe('금융 보험업');
    expect(finance.table!.cells[finance.table!.header.indexOf('2024년 3분기')]).toBe('60.6');
  });

  it('reads a 결재문서 table of text cells: 사업예산 under ’24년 and ’25년, the note kept in the quoted text', () => {
    const m = readModel(loadDocument(join(shared!, 'seoul-approval-2024-youth-allowance-tf.txt')).doc);
    const budget = m.blocks.find((b) => b.kind === 'row' && b.table?.cells[0] === '사업예산')!;
    expect(budget.table!.header).toEqual(['구분', '’24년', '’25년']);
    expect(budget.table!.cells).toEqual(['사업예산', '60,293백만원', '60,297백만원']);
    expect(budget.text).toContain('(TF 운영비 4백만원 증액)');
    expect(budget.lines).toEqual([55, 57]);
    // The next row's last cell wraps onto a line of its own: the table ends before it.
    expect(m.blocks.some((b) => b.kind === 'row' && b.table?.cells[0] === '연령 요건')).toBe(false);
  });
});

describe.skipIf(!shared)('a table without a corner word, cells of words and figures one a line (../shared/corpus/hwp)', () => {
  it('reads the width whose rows write the same kind of cell column by column: 시상내용 | 선정 | 상금 | 시상 내용', () => {
    const m = readModel(loadDocument(join(shared!, 'hwp/notice-2025-busan-technopark-university-big-idea-contest.txt')).doc);
    const rows = m.blocks.filter((b) => b.kind === 'row' && b.table?.header[0] === '시상내용');
    expect(rows.map((r) => r.table!.cells.slice(0, 3))).toEqual([
      ['대상', '1개 작품', '2,000,000원'],
      ['최우수', '2개 작품', '1,500,000원'],
      ['우수', '2개 작품', '1,000,000원'],
      ['장려', '4개 작품', '500,000원'],
    ]);
    expect(rows[0]!.table!.header).toEqual(['시상내용', '선정', '상금', '시상 내용']);
    expect(rows[0]!.lines).toEqual([43, 46]);
  });

  it('leaves a form whose cells were left empty unread (a row label would have to take a header cell)', () => {
    const m = readModel(loadDocument(join(shared!, 'hwp/notice-2025-ulsan-ccei-staff-recruitment.txt')).doc);
    expect(m.blocks.some((b) => b.kind === 'row' && /경력사항/.test(b.table?.cells[0] ?? ''))).toBe(false);
  });
});

describe.skipIf(!shared)('a 구분 | 내용 form one cell a line, under a boxed section number (../shared/corpus/hwp)', () => {
  const m = readModel(loadDocument(join(shared!, 'hwp/notice-2026-msit-agentic-ai-rnd-call.txt')).doc);

  it('reads each label ("일 시" / "장 소") with its bulleted lines as a row under 구분 | 내용', () => {
    const rows = m.blocks.filter((b) => b.kind === 'row' && b.table?.header.join('|') === '구분|내용');
    expect(rows.map((r) => r.table!.cells[0])).toEqual(['일시 장소', '주요 내용']);
    expect(rows[0]!.table!.cells[1]).toBe('o 2026. 3. 25.(수) 10:00~13:00 / 서울 웨스턴 조선 호텔');
    expect(rows[1]!.table!.cells[1]).toContain('o 과제기획자의 기획내용');
  });

  it('reads a section number on a line of its own, its title on the next, as a heading when the contents list them', () => {
    const heading = m.blocks.find((b) => b.kind === 'heading' && b.text === '사업설명회 개최 안내 및 문의처')!;
    expect(heading.level).toBe(1);
    const row = m.blocks.find((b) => b.kind === 'row' && b.table?.cells[0] === '일시 장소')!;
    expect(row.section.at(-1)).toBe('사업설명회 개최 안내 및 문의처');
    // A numbered cell of a list ("1" / "연구개발계획서") that the contents do not name stays what it was.
    expect(m.blocks.some((b) => b.kind === 'heading' && b.text === '연구개발계획서')).toBe(false);
  });
});

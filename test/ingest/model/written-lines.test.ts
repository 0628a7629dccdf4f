/**
 * The model keeps what a reader of one line needs: a block's lines as written where its text is not its one line,
 * and a table's header lines (no block of their own) on the first row that names them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { CORPUS } from '../../helpers.js';

const model = (file: string) => readModel(loadDocument(`${CORPUS}/${file}`).doc);

describe('the lines a block was read from, as written', () => {
  it('a block whose text is its one line keeps nothing more; an item keeps its marker and indent', () => {
    const blocks = model('seoul-approval-2024-youth-allowance-tf.txt').blocks;
    const item = blocks.find((b) => b.lines[0] === 29)!;
    expect(item.text).toBe('청년수당 운영경과 및 성과 분석');
    expect(item.written).toEqual([' ㅇ 청년수당 운영경과 및 성과 분석']);
    expect(blocks.filter((b) => b.lines[0] === b.lines[1] && !b.written).every((b) => !/^\s/.test(b.text))).toBe(true);
  });

  it('a header the table reader could not split ("인터넷" over "신 문") is kept as written on the first row only', () => {
    // busan-2025-plan-spokesperson.txt 89–93: 정기간행물 관리, header lines 90–91, figures on 93.
    const rows = model('busan-2025-plan-spokesperson.txt').blocks.filter((b) => b.table?.head?.includes(90));
    expect(rows[0]!.lines).toEqual([93, 93]);
    expect(rows[0]!.table!.head).toEqual([89, 90, 91]);
    const [, upper, lower] = rows[0]!.table!.headWritten!;
    expect(upper).toMatch(/^ +계 +일 {2}반 .* 인터넷 +인터넷$/);
    expect(lower).toMatch(/일간신문 .* 신 문 +뉴스서비스$/);
    expect(rows.slice(1).every((r) => !r.table!.headWritten)).toBe(true);
  });

  it('a row of a table flattened one cell a line, row by row, keeps its lines: the note its figure cell leaves out', () => {
    // seoul-approval-2024-youth-allowance-tf.txt 52–57: 구분 / ’24년 / ’25년, then 사업예산 and its two amounts.
    const m = model('seoul-approval-2024-youth-allowance-tf.txt');
    const row = m.blocks.find((b) => b.lines[0] === 55)!;
    expect(row.table!.cells).toEqual(['사업예산', '60,293백만원', '60,297백만원']);
    expect(row.written).toEqual(['사업예산', '60,293백만원', '60,297백만원 (TF 운영비 4백만원 증액)']);
    expect(linesRead(m).find((l) => l.n === 57)!.text).toBe('60,297백만원 (TF 운영비 4백만원 증액)');
  });

  const hwp = join(sharedCorpusDir() ?? '', 'hwp', 'press-2024-moef-overseas-direct-investment-q3.txt');
  it.skipIf(!sharedCorpusDir() || !existsSync(hwp))('a row of one written column by column keeps none: its lines are interleaved with the others\'', () => {
    const m = readModel(loadDocument(hwp).doc);
    const row = m.blocks.find((b) => b.kind === 'row' && b.text.startsWith('금융보험업'))!;
    expect(row.lines).toEqual([61, 79]);
    expect(row.table!.cells).toEqual(['금융보험업', '70.3', '60.6', '(△13.7)']);
    expect(row.written).toBeUndefined();
  });
});

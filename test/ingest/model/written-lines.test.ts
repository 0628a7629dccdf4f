/**
 * The model keeps what a reader of one line needs: a block's lines as written where its text is not its one line,
 * and a table's header lines (no block of their own) on the first row that names them.
 */
import { describe, expect, it } from 'vitest';
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
});

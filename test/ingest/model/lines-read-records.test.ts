/**
 * A family whose form is one cell or one row a line reads the model's blocks line by line: every line a block was
 * read from comes back once, as written, with its number; blank lines and rules belong to no block.
 */
import { describe, expect, it } from 'vitest';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { CORPUS } from '../../helpers.js';

const load = (file: string) => loadDocument(`${CORPUS}/${file}`).doc;

describe('the lines the model read, for a record one cell a line and a table one row a line', () => {
  it('an open-finance record read as paragraphs gives back its label and value cells, one a line', () => {
    const doc = load('seoul-openfinance-2018-1137.txt');
    const lines = linesRead(readModel(doc));
    expect(lines.slice(0, 6).map((l) => [l.n, l.text])).toEqual([
      [1, '부서'],
      [2, '서울혁신기획관 청년정책담당관'],
      [3, '사업'],
      [4, '건강한 금융생활 지원을 위한 민관협력 활성화'],
      [5, '예산'],
      [6, '"120,000,000"'],
    ]);
    // Every written line of the record, and only those (line 27 is blank).
    expect(lines.map((l) => l.n)).toEqual(doc.lines.flatMap((t, i) => (t.trim() ? [i + 1] : [])));
  });

  it('a table gives its header line (kept on its first row) and its rows, each row from its block', () => {
    const lines = linesRead(readModel(load('boryeong-promises-2021-12-31.txt')));
    const header = lines.find((l) => l.n === 3)!;
    expect(header.text).toMatch(/^구분\t공약사업명\t추진상황\(완료\)/);
    expect(header.block.lines).toEqual([4, 4]);
    const row = lines.find((l) => l.n === 6)!;
    expect(row.text).toBe('1\t우량기업 유치\t\t○\t\t88\t지역경제과');
    expect(row.block.kind).toBe('row');
    expect(lines.map((l) => l.n)).toEqual([...new Set(lines.map((l) => l.n))].sort((a, b) => a - b));
  });
});

/**
 * A family reading one line of a block (a PDF export that puts each label and value on a line of its own) reads the
 * lines the model read: each as written, with its number and block; a table's row the model read from cells one a
 * line comes back cell by cell on the cells' own lines.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { CORPUS } from '../../helpers.js';

const PROM3 = join(dirname(sharedCorpusDir() ?? '/nonexistent/corpus'), 'scale', 'seoul-promises-2016', 'prom3.txt');

describe('the lines the model read', () => {
  it('a promise sheet set one value a line gives back every written line, once, in order, with its block', () => {
    const doc = loadDocument(`${CORPUS}/seoul-promise-2016-prom28.txt`).doc;
    const lines = linesRead(readModel(doc));
    expect(lines.map((l) => l.n)).toEqual(doc.lines.flatMap((t, i) => (t.trim() ? [i + 1] : [])));
    expect(lines.slice(0, 3).map((l) => [l.n, l.text])).toEqual([
      [1, '2-4-3'],
      [3, '‘일자리진흥지구’ 시범사업 추진'],
      [5, '추진 상황'],
    ]);
    // The section glyph (private use) is no marker of the model's: the heading is a paragraph, its glyph kept.
    const goal = lines.find((l) => l.n === 23)!;
    expect(goal.text).toMatch(/^[\uE000-\uF8FF] 최종목표$/);
    expect(goal.block.kind).toBe('paragraph');
  });

  it.skipIf(!existsSync(PROM3))('a table read from cells one a line, column by column, comes back on the cells’ lines', () => {
    // prom3 (연차별 투자수요): 임기후 on line 211 and its figure 12,595 on 219, one column's height below.
    const doc = loadDocument(PROM3).doc;
    const lines = linesRead(readModel(doc));
    const at = (n: number) => lines.find((l) => l.n === n);
    expect(at(211)).toMatchObject({ text: '임기후', last: 211, head: false });
    expect(at(219)).toMatchObject({ text: '12,595', last: 219 });
    expect(at(211)!.block).toBe(at(219)!.block);
    expect(lines.map((l) => l.n)).toEqual(doc.lines.flatMap((t, i) => (t.trim() ? [i + 1] : [])));
  });
});

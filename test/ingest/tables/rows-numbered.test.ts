/**
 * Tab tables read from the lines the document model read (a family's form of tab rows under numbered headings):
 * blank lines are no line of the model, so a gap in the numbering ends a table; a caption is the one-cell line
 * above a header, the rows are the tab lines under it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { captionAbove, headerLineOf, rowUnder, tabRowsOf, tabRowsUnder, tabRunsOf } from '../../../src/ingest/tables/rows.js';
import { SAMPLES } from '../../helpers.js';

const lines = linesRead(readModel(loadDocument(join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt')).doc));

describe('tab tables over the lines the model read (수원시 정책실명제 협치시정 활성화)', () => {
  it('two indicator tables a blank line apart are two runs, each from its header line', () => {
    const runs = tabRunsOf(lines, 30, 50);
    expect(runs.map((r) => [r[0]!.n, r.at(-1)!.n])).toEqual([
      [33, 38],
      [42, 49],
    ]);
    expect(runs[1]![1]!.cells.slice(3, 6)).toEqual(['2021년', '', '']);
    // Every tab row of the range, the runs' rows together.
    expect(tabRowsOf(lines, 30, 50).map((r) => r.n)).toEqual(runs.flat().map((r) => r.n));
  });

  it('the status header, the row of values under it', () => {
    const header = headerLineOf(lines, ['사업구분', '목표연월', '담당부서'])!;
    expect(header.n).toBe(3);
    expect(rowUnder(lines, header.n)).toEqual({ n: 4, cells: ['약속', '-', '○', '100', '2019.12.', '정책기획과'] });
  });

  it('the contact table: its caption above, its three people under it', () => {
    const header = headerLineOf(lines, ['성명', '전화번호'])!;
    expect(header.n).toBe(89);
    expect(captionAbove(lines, header.n)).toBe('민선7기 시민과의 약속 정책실명제');
    expect(tabRowsUnder(lines, header.n).map((r) => [r.n, r.cells.slice(1)])).toEqual([
      [90, ['정책기획과장', '박사승', '2050']],
      [91, ['정책팀장', '원순호', '2045']],
      [92, ['주무관', '이태환', '3146']],
    ]);
  });
});

/**
 * An annual report's staffing table, read from the model's lines: 정원 and 현원 rows under a row of grades, their
 * first figure the total; grade columns only when every grade has its figure (the PDF drops empty cells).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseWarning } from '../../../src/ingest/document.js';
import { linesRead } from '../../../src/ingest/model/lines-read.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { readStaffRows } from '../../../src/ingest/tables/staff-rows.js';
import { SAMPLES } from '../../helpers.js';

const read = linesRead(readModel(loadDocument(join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt')).doc));

describe('an annual report’s staffing table', () => {
  it('정원 27 / 현원 28 are the totals; 14 grades over 8 figures are not aligned, and it says so', () => {
    // Lines 62–72 under "2 인력": the grades on 66, "정원 27 7 8 7 3 - 1 1" on 68, "현원 28 9 16 - - 2 - 1" on 70.
    const warnings: ParseWarning[] = [];
    const rows = readStaffRows(read.filter((l) => l.n >= 62 && l.n <= 72), '인력', warnings);
    expect(rows).toEqual([{ group: '계', authorized: 27, current: 28, src: { section: '인력', lines: [68, 70] } }]);
    expect(warnings).toEqual([{ line: 68, message: '직급별 정원·현원 열이 머리행과 맞지 않아 합계만 읽었습니다' }]);
  });

});

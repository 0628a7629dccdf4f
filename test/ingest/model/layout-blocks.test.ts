/**
 * Blocks of documents exported with a page layout: section numbers set in a box, page breaks, numbered lists under
 * a note, and tables whose header runs over several lines, read from real 공고 of ../shared/corpus.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';

const shared = sharedCorpusDir();

describe.skipIf(!shared)('layout blocks of a recruitment notice (../shared/corpus/notices)', () => {
  const m = readModel(loadDocument(join(shared!, 'notices/notice-2025-jeju-ccei-staff-recruitment.txt')).doc);
  const at = (line: number) => m.blocks.find((b) => b.lines[0] <= line && b.lines[1] >= line);

  it('reads a boxed section number at a page break as the heading of what follows', () => {
    // Line 99 is "\f3      임용형태 및 보수": the page break no longer hides the line.
    expect(at(99)).toMatchObject({ kind: 'heading', text: '임용형태 및 보수' });
    expect(at(114)?.section).toEqual(['임용형태 및 보수']);
  });

  it('keeps numbered lines set in under a note as a list, not as section headings', () => {
    expect(at(92)).toMatchObject({ kind: 'item', text: '부정합격자' });
    expect(at(92)?.section).toEqual(['응시자격요건']);
  });

  it('reads a table with a header over three lines: each cell under the header words above it', () => {
    const row = at(106)!;
    expect(row.kind).toBe('row');
    const cell = (header: string) => row.table!.cells[row.table!.header.indexOf(header)];
    expect(cell('직급')).toBe('전임');
    expect(cell('급여기준(연봉)')).toBe('30,000천원 ~ 50,000천원');
    expect(row.table!.head).toEqual([102, 103, 104]);
    const next = at(107)!;
    expect(next.table!.cells[next.table!.header.indexOf('임용예정일')]).toBe('2025. 7. 9.(수)');
  });

  it('leaves the header lines as passages of their own (a layout guess may be wrong)', () => {
    expect(at(103)?.kind).toBe('paragraph');
  });
});

describe.skipIf(!shared)('a table flattened one cell a line, column by column (../shared/corpus/hwp)', () => {
  const m = readModel(loadDocument(join(shared!, 'hwp/press-2024-moef-overseas-direct-investment-q3.txt')).doc);
  const row = (label: string) => m.blocks.find((b) => b.kind === 'row' && b.table?.cells[0] === label);

  it('reads each row label with its values under the column headers, and the caption’s unit', () => {
    const north = row('북미')!;
    expect(north.table!.header).toEqual(['구분', '‘23.3Q', '‘24.3Q', '증감률(%)']);
    expect(north.table!.cells).toEqual(['북미', '78.1', '51.3', '(△34.4)']);
    expect(north.table!.unit).toBe('억 달러');
    // The row's label line and its value lines, and the header lines cited with it.
    expect(north.lines).toEqual([88, 112]);
    expect(north.table!.head).toEqual([87, 95, 103, 111]);
  });
});

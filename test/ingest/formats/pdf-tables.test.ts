/**
 * Tables from the rules a PDF draws, on PDFs written by hand (pdf-bytes.ts): cells from the grid, spans kept, a run
 * over two cells cut at the rule, a table without side borders, and the layout writer's forms of a table.
 */
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/ingest/formats/pdf/index.js';
import { findGrids, gridBoxes } from '../../../src/ingest/formats/pdf/tables.js';
import { borderlessTablePdf, ruledTablePdf } from './pdf-bytes.js';

describe('PDF tables from ruling lines', () => {
  it('reads a ruled table with a spanned header as tab rows between the text around it', async () => {
    const text = await readPdf(ruledTablePdf(), 'ruled.pdf');
    expect(text.lines).toEqual([
      'Budget by year',
      '',
      // Budget spans 2023 and 2024, so it names both; Item spans two rows and stands in the first.
      'Item\tBudget\tBudget',
      '\t2023\t2024',
      'Roads\t1,200\t1,500',
      // "300 … 450" is one run of text across the rule: cut there.
      'Parks\t300\t450',
      '',
      'Figures in million won.',
    ]);
    expect(new Set(text.locators)).toEqual(new Set(['1쪽']));
  });

  it('reads a table with no left or right border: its sides are where its horizontal rules end', async () => {
    const text = await readPdf(borderlessTablePdf(), 'borderless.pdf');
    // Rules part "Kim" from "Roads" across a gap of 5 points; a wide gap inside a cell parts nothing.
    expect(text.lines).toEqual(['Name\tTeam\tPhone', 'Kim\tRoads\t051-888-1234', 'Lee\tParks Green\t051-888-5678']);
  });

  it('finds the cells of a grid with their spans, rules drawn twice or in pieces counting once', () => {
    // The ruled table's grid: box, a header rule under Budget only, a column rule stopping under Budget.
    const rules = [
      ...[100, 620, 400, 620, 100, 700, 400, 700, 100, 620, 100, 700, 400, 620, 400, 700],
      ...[200, 680, 300, 680, 300, 680, 400, 680, 100, 660, 400, 660, 100, 640, 400, 640],
      ...[200, 620, 200, 700, 300, 620, 300, 680, 100, 700, 400, 700],
    ];
    const [grid, ...rest] = findGrids(rules);
    expect(rest).toEqual([]);
    expect(grid!.xs).toEqual([100, 200, 300, 400]);
    expect(grid!.ys).toEqual([700, 680, 660, 640, 620]);
    const spans = gridBoxes(grid!).map((b) => `${b.row},${b.col} ${b.rowSpan}x${b.colSpan}`);
    expect(spans).toEqual(['0,0 2x1', '0,1 1x2', '1,1 1x1', '1,2 1x1', '2,0 1x1', '2,1 1x1', '2,2 1x1', '3,0 1x1', '3,1 1x1', '3,2 1x1']);
  });

  it('finds no table in a box around text or in rules that never meet', () => {
    // A lone underline, and two rules side by side that no vertical joins.
    expect(findGrids([50, 100, 300, 100, 50, 80, 300, 80])).toEqual([]);
  });
});

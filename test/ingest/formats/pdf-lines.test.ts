/** Lines rebuilt from a page's text items, with items as pdfjs gives them for the real press releases. */
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../../src/ingest/formats/pdf/lines.js';
import type { RawItem } from '../../../src/ingest/formats/pdf/worker-client.js';

const item = (text: string, x: number, y: number, width: number, size = 14, spaceBefore: 0 | 1 = 0): RawItem => [
  text,
  x,
  y,
  size,
  size,
  width,
  spaceBefore,
];

describe('pageLines', () => {
  it('puts items of one baseline on one line in x order, a column gap as a run of spaces', () => {
    // The 담당부서 header of busan-press-2025-07-03-heatwave-field-inspection.pdf, items shuffled, baselines 0.4 pt apart.
    const lines = pageLines(
      [
        item('051-888-3150', 463.5, 664.7, 84.5, 14, 1),
        item('담당부서 :', 43.9, 664.7, 68.2),
        item('과장', 350.5, 665.1, 28.1, 14, 1),
        item('복지정책과 사회복지정책팀', 124.4, 664.7, 174.9, 14, 1),
        item('최영희', 408.1, 664.7, 42.1, 14, 1),
      ],
      43.9,
    );
    expect(lines).toHaveLength(1);
    // Justified words keep one space ("과장 최영희"), a phone number its own column, the right block its distance.
    expect(lines[0]).toMatch(/^담당부서 : 복지정책과 사회복지정책팀 {3,}과장 최영희 {2}051-888-3150$/);
  });

  it('keeps columns of figures apart and roughly aligned from line to line', () => {
    const header = [item('2022년', 184, 300, 30, 11), item('2023년', 261, 300, 30, 11)];
    const row = [item('생계급여', 83, 275, 44, 11), item('5,386,007', 183.9, 275, 43.8, 11, 1), item('6,014,148', 261, 275, 43.8, 11, 1)];
    const [top, , bottom] = pageLines([...header, ...row], 83);
    expect(bottom).toMatch(/^생계급여 {2,}5,386,007 {2,}6,014,148$/);
    expect(Math.abs(top!.indexOf('2023년') - bottom!.indexOf('6,014,148'))).toBeLessThanOrEqual(3);
  });

  it('drops page numbers and a heading drawn again a point away', () => {
    const lines = pageLines(
      [item('Ⅰ. 일반현황', 60, 700, 120, 18), item('Ⅰ. 일반현황', 61, 701, 120, 18), item('- 12 -', 280, 40, 30, 10), item('□ 조직', 60, 650, 50)],
      60,
    );
    expect(lines).toEqual(['Ⅰ. 일반현황', '', '□ 조직']);
  });

  it('writes a blank line where the page leaves a line free, none between wrapped lines', () => {
    const lines = pageLines([item('□ 첫 문단', 42, 428, 100), item('이어지는 줄', 63, 410, 100), item('□ 다음 문단', 42, 337, 100)], 42);
    expect(lines.map((l) => l.trim())).toEqual(['□ 첫 문단', '이어지는 줄', '', '□ 다음 문단']);
    // The wrapped line stays indented under its bullet, as the structure readers expect of a layout text.
    expect(lines[1]).toMatch(/^ +이어지는 줄$/);
  });

  it("closes up a cover's letter-spaced year, not a row of single figures", () => {
    // busan-2025-plan-housing-architecture.pdf: pdfjs writes the cover's tracking as spaces.
    const cover = pageLines([item('2 0 2 5 년', 77.1, 493.5, 144.4, 38), item('주 요 업 무 계 획', 251.9, 493.5, 265.9, 38, 1)], 77.1);
    expect(cover).toEqual(['2025년 주 요 업 무 계 획']);
    expect(pageLines([item('1 0 2 3', 60, 500, 80, 12)], 60)).toEqual(['1 0 2 3']);
  });
});

/**
 * Forms laid out in columns by pdftotext (budget briefs, press releases of ../shared/corpus): rows set apart by
 * blank lines, a row of names under a row of codes, a cell going on over the next line after a comma, a cell mark
 * ("○") that is no bullet, and a section heading that ends the table above it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';

const shared = sharedCorpusDir();
const model = (path: string) => readModel(loadDocument(join(shared!, path)).doc);
const cellUnder = (b: { table?: { header: string[]; cells: string[] } } | undefined, header: string) => b?.table?.cells[b.table.header.indexOf(header)];

describe.skipIf(!shared)('budget brief forms (../shared/corpus/budget-briefs)', () => {
  const m = model('budget-briefs/budget-brief-2024-health-welfare-livelihood-benefit.layout.txt');
  const at = (line: number) => m.blocks.find((b) => b.lines[0] <= line && b.lines[1] >= line);

  it('reads the 명칭 row two blank lines under the 코드 row, each name under its column', () => {
    expect(at(8)?.table?.cells[0]).toBe('코드');
    expect(cellUnder(at(8), '실국(기관)')).toBe('사회복지정책실');
    expect(at(11)?.kind).toBe('row');
    expect(cellUnder(at(11), '실국(기관)')).toBe('복지정책관');
    expect(cellUnder(at(11), '소관')).toBe('보건복지부');
    // The next table's header, under its corner word, is not a row of this one.
    expect(cellUnder(at(18), '세부사업')).toBe('생계급여');
  });

  it('ends a table at the numbered heading under it, and reads the 국고보조율 cell over its two lines', () => {
    expect(at(21)).toMatchObject({ kind: 'heading', text: '사업 지원 형태 및 지원율' });
    const rate = at(24)!;
    expect(rate.lines).toEqual([24, 25]);
    expect(cellUnder(rate, '국고보조율(%)')).toBe('서울40~60%, 지방70~90%');
    expect(cellUnder(rate, '직접')).toBe('○');
  });

  it('reads the names of a form whose grid reading pinned no column (창업정책관 under 실국(기관))', () => {
    const s = model('budget-briefs/budget-brief-2024-smes-startups-startup-commercialisation.layout.txt');
    const names = s.blocks.find((b) => b.kind === 'row' && b.lines[0] === 10);
    expect(cellUnder(names, '실국(기관)')).toBe('창업정책관');
    expect(s.blocks.find((b) => b.lines[0] === 5)).toMatchObject({ kind: 'heading', text: '사업 코드 정보' });
  });
});

describe.skipIf(!shared)('a schedule whose rows stand two blank lines apart (../shared/corpus/busan-press)', () => {
  const m = model('busan-press/busan-press-2025-07-07-export-crisis-meeting-us-tariffs.layout.txt');

  it('reads every row under the header, and the 참고 heading after them as a heading', () => {
    const rows = m.blocks.filter((b) => b.kind === 'row' && b.table?.header.includes('비고'));
    expect(rows.map((r) => r.lines[0])).toEqual([81, 84, 87, 90, 93, 96, 99]);
    expect(cellUnder(rows[1], '비고')).toBe('행정부시장');
    expect(m.blocks.find((b) => b.lines[0] === 100)).toMatchObject({ kind: 'heading' });
  });
});

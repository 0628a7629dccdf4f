/** Section headings of the document model as Korean administrative documents number them. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';

const model = (path: string) => readModel(loadDocument(path).doc);

describe('a Roman numeral in a box of its own, its title after a gap, heads a part', () => {
  it('"Ⅴ     2025년 주요 업무계획" (a plan laid out by pdftotext) is the part its tasks sit under', () => {
    const { blocks } = model('test/fixtures/plans/busan-2025-plan-ocean-agri-fisheries.layout.txt');
    const part = blocks.find((b) => b.lines[0] === 387)!;
    expect(part).toMatchObject({ kind: 'heading', level: 0, text: '2025년 주요 업무계획' });
    const task = blocks.find((b) => b.lines[0] === 391)!;
    expect(task).toMatchObject({ kind: 'heading', level: 1, text: '해양신산업 육성 및 해양도시 주도권 선점' });
    // Before, the tasks of the plan sat under the part above it ("Ⅳ. 정책목표 및 전략").
    expect(task.section).toEqual(['2025년 주요 업무계획']);
  });

  const shared = sharedCorpusDir();
  const notice = join(shared ?? '', 'notices', 'notice-2025-keco-incheon-green-youth-startup.txt');
  it.skipIf(!shared || !existsSync(notice))('a notice numbering its parts so ("Ⅱ        신청 및 접수") has them as headings', () => {
    const parts = model(notice).blocks.filter((b) => b.kind === 'heading' && b.level === 0);
    expect(parts.map((b) => b.text)).toEqual(['사업개요', '신청 및 접수', '선정절차 및 심사', '유의사항 및 문의처']);
  });
});

describe('a heading or list item keeps the number it is written with', () => {
  const { blocks } = model('test/fixtures/plans/busan-2025-plan-ocean-agri-fisheries.layout.txt');
  const at = (line: number) => blocks.find((b) => b.lines[0] === line)!;

  it('parts and tasks: "Ⅰ. 기본현황", "Ⅴ     2025년 주요 업무계획", "1. 해양신산업 …"', () => {
    expect(at(34)).toMatchObject({ kind: 'heading', text: '기본현황', number: 'Ⅰ' });
    expect(at(387)).toMatchObject({ kind: 'heading', text: '2025년 주요 업무계획', number: 'Ⅴ' });
    expect(at(391)).toMatchObject({ kind: 'heading', number: '1' });
  });

  it('numbered items ("① 글로벌 해양경제 선도 …"); a □ heading has no number', () => {
    expect(at(361)).toMatchObject({ kind: 'item', number: '①' });
    expect(at(361).text).toMatch(/^글로벌 해양경제 선도, 동북아 해양수도 위상 강화/);
    expect(at(76)).toMatchObject({ kind: 'heading', text: '예산규모' });
    expect(at(76).number).toBeUndefined();
  });
});

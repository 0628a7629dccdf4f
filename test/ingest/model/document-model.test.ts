/** The document model of real documents of families damdang has no parser for: title, date, contacts, blocks. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readModel } from '../../../src/ingest/model/read-model.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { CORPUS } from '../../helpers.js';

const shared = sharedCorpusDir();
const model = (path: string) => readModel(loadDocument(path).doc);

describe.skipIf(!shared)('document model over ../shared/corpus', () => {
  const press = () => model(join(shared!, 'busan-press/busan-press-2025-07-08-hacksium-hacking-contest.layout.txt'));

  it('titles a press release by its headline, not its release date or embargo line', () => {
    const { meta } = press();
    expect(meta.title).toBe('동남권 지역특화산업 시나리오 기반 해킹방어대회 「2025 HACKSIUM 부산」 개최');
    expect(meta.date).toEqual({ written: '2025년 7월 8일', iso: '2025-07-08' });
    expect(meta.department).toBe('인공지능소프트웨어과');
  });

  it('reads the header block of 과장, 팀장, 담당자 with their numbers', () => {
    const people = press().meta.contacts.map((c) => [c.position, c.name, c.phone, c.team]);
    expect(people).toEqual([
      ['과장', '정진근', '051-888-4550', 'SW산업팀'],
      ['팀장', '박광희', '051-888-4563', 'SW산업팀'],
      ['담당자', '김대영', '051-888-4565', 'SW산업팀'],
    ]);
  });

  it('joins a paragraph wrapped mid-word and keeps a list item under its parent', () => {
    const blocks = press().blocks;
    const opening = blocks.find((b) => b.text.startsWith('부산시(시장 박형준)는'))!;
    expect(opening.kind).toBe('item');
    expect(opening.text).toContain('3일간 벡스코에서');
    expect(opening.lines).toEqual([19, 22]);
    const child = blocks.find((b) => b.text.startsWith('시와 과학기술정보통신부'))!;
    expect(child.parent).toBe(opening.text);
    const venue = blocks.find((b) => b.text.includes('벡스코 제1전시장'))!;
    expect(venue.section).toEqual(['행사 개요']);
  });

  it('reads a budget table row with the header cells over each column and the unit line', () => {
    const m = model(join(shared!, 'budget-briefs/budget-brief-2024-employment-labor-youth-job-creation.layout.txt'));
    const row = m.blocks.find((b) => b.kind === 'row' && b.text.startsWith('청년일자리창출지원'))!;
    expect(row.table!.cells).toEqual(['청년일자리창출지원', '233,321', '889,078', '649,034', '657,680', '△231,398', '△26.0']);
    expect(row.table!.header[1]).toBe('2022년 결산');
    expect(row.table!.header[4]).toBe('확정(B)');
    expect(row.table!.unit).toBe('백만원, %');
    // A row of years heads the figures under it.
    const spend = m.blocks.find((b) => b.kind === 'row' && b.text.startsWith('사업비'))!;
    expect(spend.table!.header.slice(1)).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(m.blocks.some((b) => b.kind === 'row' && b.text.startsWith('연도'))).toBe(false);
  });

  it('reads a 문의처 whose number stands under the name, and an office to call without a person', () => {
    const busan = model(join(shared!, 'notices/notice-2025-busan-ccei-open-innovation-challenge.txt')).meta.contacts;
    expect(busan.map((c) => [c.position, c.name, c.phone])).toContainEqual(['매니저', '이유미', '051-749-8931']);
    const jeju = model(join(shared!, 'notices/notice-2025-jeju-ccei-staff-recruitment.txt')).meta.contacts;
    expect(jeju.map((c) => [c.position, c.name, c.department, c.phone])).toContainEqual([
      '문의처',
      null,
      '제주창조경제혁신센터',
      '064-710-1900',
    ]);
  });

  it('never titles a document by a note or a line of unit names', () => {
    const m = model(join(shared!, 'busan-press/busan-press-2025-07-08-donation-campaign-award-ceremony.raw.txt'));
    expect(m.meta.title).not.toMatch(/^※/);
    expect(m.meta.title).toContain('희망2025');
  });
});

describe('document model of a fixture document', () => {
  it('reads Roman and Arabic section headings into each block’s section path', () => {
    const m = model(join(CORPUS, 'busan-2025-plan-spokesperson.txt'));
    const headings = m.blocks.filter((b) => b.kind === 'heading');
    expect(headings.length).toBeGreaterThan(5);
    const nested = m.blocks.find((b) => b.kind !== 'heading' && b.section.length >= 2);
    expect(nested).toBeDefined();
    expect(m.meta.title).not.toMatch(/^\d{4}/);
  });
});

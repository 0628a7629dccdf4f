import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { loadDocument, parseFamily } from '../../../src/ingest/parse.js';
import { parseText } from '../../helpers.js';

/** A document of no known family: a press release, written the way offices write them. */
const PRESS_RELEASE = readFileSync('test/fixtures/unknown/seoul-press-release-water-taxi.txt', 'utf8');

describe('generic family: a document no parser knows', () => {
  const result = parseText(PRESS_RELEASE, 'press-release.txt');
  const r = result.records[0]!;

  it('still becomes one searchable record with its title, organisation and department', () => {
    expect(result.family).toBe('generic');
    expect(result.records).toHaveLength(1);
    expect(r.kind).toBe('document');
    expect(r.title).toBe('서울시, 한강 수상택시 시범운항 추진');
    expect(r.organization).toBe('서울특별시');
    expect(r.department).toBe('한강사업과');
    expect(r.headings).toEqual(['추진배경', '사업개요', '향후계획']);
  });

  it('keeps dated items under a schedule heading as milestones, resolved against the document year', () => {
    expect(r.year).toBe(2023);
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.date?.end])).toEqual([
      ['시범운항 선박 안전검사', '2023-06-01', '2023-06-30'],
      ['시범운항 개시', '2023-07-01', '2023-07-31'],
      ['성과 평가 및 확대 여부 검토', '2023-12-01', '2023-12-31'],
    ]);
  });

  it('keeps an amount only when it states its unit, and the ☎ contacts with shared exchange', () => {
    expect(r.budget?.lines.map((l) => [l.period, l.kind, l.amount.won, l.amount.unit])).toEqual([
      ['소요예산', 'required', 1_200_000_000, '백만원'],
    ]);
    expect(r.contacts.map((c) => [c.name, c.position, c.phone, c.extension])).toEqual([
      ['김철수', '한강사업과장', '2133-8800', '8800'],
      ['이영희', '수상교통팀장', '2133-8810', '8810'],
    ]);
  });

  it('does not invent an amount without a unit', () => {
    const bare = parseText(PRESS_RELEASE.replace('1,200백만원 (시비)', '1,200 (시비)'), 'bare.txt');
    expect(bare.records[0]!.budget).toBeNull();
  });
});

const SHARED = sharedCorpusDir();

describe('generic family: read from the document model', () => {
  it.skipIf(!SHARED)('names a press release by its headline, not its release date, and lists its headings, not its sentences', () => {
    const path = join(SHARED ?? '', 'busan-press', 'busan-press-2025-07-08-hacksium-hacking-contest.layout.txt');
    const r = parseFamily(loadDocument(path).doc).records[0]!;
    // The family's own record, before anything is stored: the title was the first line ('2025년 7월 8일(화) 정기').
    expect(r.title).toBe('동남권 지역특화산업 시나리오 기반 해킹방어대회 「2025 HACKSIUM 부산」 개최');
    expect(r.headings).toEqual(['행사 개요', '포스터']);
    expect(r.department).toBe('인공지능소프트웨어과');
    expect(r.contacts.slice(0, 2).map((c) => [c.name, c.position, c.phone])).toEqual([
      ['정진근', '과장', '051-888-4550'],
      ['박광희', '팀장', '051-888-4563'],
    ]);
  });

  it.skipIf(!SHARED)('takes the issuer a notice signs with, not a city its text names', () => {
    const path = join(SHARED ?? '', 'hwp', 'notice-2026-msit-agentic-ai-rnd-call.txt');
    const result = parseFamily(loadDocument(path).doc);
    expect(result.family).toBe('generic');
    expect(result.organization).toBe('과학기술정보통신부');
  });

  it.skipIf(!SHARED)('does not take a word ending in 과 from a sentence for the department ("다음과 같이")', () => {
    const path = join(SHARED ?? '', 'hwp', 'notice-2026-kalis-green-remodelling-simulator-operator.txt');
    const r = parseFamily(loadDocument(path).doc).records[0]!;
    expect(r.department).toBe('그린리모델링창조센터');
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import type { ProjectRecord } from '../../../src/domain/project.js';
import { promiseSheetFamily } from '../../../src/ingest/families/promise-sheet.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { CORPUS, parseText, realDocuments } from '../../helpers.js';

// ../shared beside the checkout, as CI has it; the suite skips itself visibly when it is absent.
const SCALE = join(dirname(sharedCorpusDir() ?? '/nonexistent/corpus'), 'scale', 'seoul-promises-2016');
const M = 1_000_000;

function only(name: string): { record: ProjectRecord; result: ReturnType<typeof parseDocument> } {
  const result = parseDocument(loadDocument(join(CORPUS, name)).doc);
  expect(result.family).toBe('promise-sheet');
  expect(result.records).toHaveLength(1);
  return { record: result.records[0]!, result };
}


function contactsOf(record: ProjectRecord) {
  return record.contacts.map((c) => [c.name, c.position, c.phone, c.extension, c.department]);
}

describe('promise-sheet: 서울시 공약 2-4-3 일자리진흥지구', () => {
  const { record, result } = only('seoul-promise-2016-prom28.txt');

  it('reads code, title as written with a quote-free alias, and keys by organisation and code', () => {
    expect(result.organization).toBe('서울특별시');
    expect(result.warnings).toEqual([]);
    expect(record.code).toBe('2-4-3');
    expect(record.title).toBe('‘일자리진흥지구’ 시범사업 추진');
    expect(record.aliases).toContain('일자리진흥지구 시범사업 추진');
    expect(record.key).toBe('서울특별시/2-4-3');
  });

  it('reads 최종목표 as written, each ○ item with the lines that continue it, citing them', () => {
    expect(record.status?.goalWritten).toBe(
      '일자리관련 업체가 밀집된 지역공간을 ‘일자리진흥지구(취업의 거리)’로 지정하고, 특화된 일자리센터 운영으로 새로운 일자리 스토리텔링' +
        ' / 앵커시설(카페형 일자리센터) 설치 및 프로그램 운영, 일자리 매칭 지원을 통한 고용 · 복지 공간 조성' +
        ' / 일자리 알선업체․민간기업․공공기관 등과 민관 거버넌스를 구축하여 민간업체 지원 및 참여 유도',
    );
    expect(record.status?.goalSrc?.lines).toEqual([25, 35]);
  });

  it('reads the label/value head: state, category, 총 사업비 and 집행액', () => {
    expect(record.status).toMatchObject({ stateWritten: '이행 후 계속추진', state: 'completed_ongoing' });
    expect(record.status?.src.lines).toEqual([7, 7]);
    expect(record.category).toBe('임기 내 · 신규');
    const lines = record.budget?.lines ?? [];
    expect(lines.find((l) => l.kind === 'required')).toMatchObject({
      period: '총 사업비',
      amount: { won: 5_365 * M, unit: '백만원', written: '5,365' },
      src: { lines: [17, 17] },
    });
    expect(lines.find((l) => l.kind === 'executed' && l.year === null)?.amount).toEqual({
      won: 422 * M,
      unit: '백만원',
      written: '422',
    });
    expect(record.budget?.noBudget).toBeNull();
  });

  it('reads the column-per-line 투자수요 and 집행액 tables when they add up', () => {
    const planned = (record.budget?.lines ?? []).filter((l) => l.kind === 'planned');
    expect(planned.map((l) => [l.period, l.year, l.funding, l.amount.won])).toEqual([
      ['’16년', 2016, '시비', 422 * M],
      ['’17년', 2017, '시비', 1_470 * M],
      ['’18.6월', 2018, '시비', 3_473 * M],
      ['임기 후', null, '시비', 8_385 * M],
    ]);
    const executed = (record.budget?.lines ?? []).filter((l) => l.kind === 'executed' && l.year !== null);
    expect(executed.map((l) => [l.period, l.amount.won])).toEqual([['’16년', 422 * M]]);
  });

  it('cites the period labels with each year\'s figure, and keeps years in time order when the PDF gives them out of order', () => {
    const planned = (record.budget?.lines ?? []).filter((l) => l.kind === 'planned');
    // Lines 129–135 hold ’14년 … ’18.6월; the figures follow from line 137.
    for (const l of planned) expect(l.src.lines[0]).toBeLessThanOrEqual(133);
    // Reading order puts the right-hand header cells first ("’17년 ’18.6월" above "’14년"): the same figures per year.
    const text = readFileSync(join(CORPUS, 'seoul-promise-2016-prom28.txt'), 'utf8');
    const header = "’14년\n\n’15년\n\n’16년\n\n’17년 ’18.6월";
    expect(text.split(header).length).toBe(3);
    const swapped = text.split(header).join("’17년 ’18.6월\n\n’14년\n\n’15년\n\n’16년");
    const moved = parseText(swapped, 'seoul-promise-2016-prom28.txt').records[0]!;
    const years = (moved.budget?.lines ?? []).filter((l) => l.kind === 'planned').map((l) => [l.period, l.amount.won]);
    expect(years).toEqual([
      ['’16년', 422 * M],
      ['’17년', 1_470 * M],
      ['’18.6월', 3_473 * M],
      ['임기 후', 8_385 * M],
    ]);
  });

  it('reads the ☎ line: department from the head, short numbers share 2133-', () => {
    expect(record.department).toBe('일자리정책담당관');
    expect(contactsOf(record)).toEqual([
      ['정진우', '일자리정책담당관', '2133-5445', '5445', '일자리정책담당관'],
      ['최선혜', '일자리정책팀장', '2133-5447', '5447', '일자리정책담당관'],
      ['노이안', '담당', '2133-5451', '5451', '일자리정책담당관'],
    ]);
    expect(record.contacts[0]?.src).toEqual({ section: '협조부서', lines: [369, 369] });
    expect(record.teams).toEqual(['일자리정책팀']);
  });

  it('reads dated 향후 계획 items as planned milestones', () => {
    expect(record.milestones).toHaveLength(1);
    expect(record.milestones[0]).toMatchObject({
      text: '자치구 공모 설치 20개, 민간·대학 10개',
      date: { written: '′17. 6월', start: '2017-06-01', end: '2017-06-30' },
      done: false,
      src: { section: '향후 계획', lines: [355, 355] },
    });
    expect(record.year).toBe(2016);
  });
});

describe('promise-sheet: 서울시 공약 9-2-1 표준계약서 (비예산)', () => {
  const { record, result } = only('seoul-promise-2016-prom87.txt');

  it('joins the wrapped title and reads the state', () => {
    expect(result.warnings).toEqual([]);
    expect(record.code).toBe('9-2-1');
    expect(record.title).toBe('주택임대차 표준계약서 의무사용 법제화 건의');
    expect(record.status?.stateWritten).toBe('이행 후 계속추진');
    expect(record.category).toBe('임기 내 · 신규');
    expect(record.status?.period).toMatchObject({ start: '2013-07-01', end: '2016-12-31' });
  });

  it('takes 비예산 사업 as no budget, with no lines', () => {
    expect(record.budget?.noBudget).toBe('비예산 사업');
    expect(record.budget?.lines).toEqual([]);
  });

  it('reads the contact line and the 담당 line after it as one group', () => {
    expect(record.department).toBe('주택정책과');
    expect(contactsOf(record)).toEqual([
      ['송호재', '주택정책과장', '2133-7000', '7000', '주택정책과'],
      ['김용경', '전월세팀장', '2133-7702', '7702', '주택정책과'],
      ['윤광호', '담당', '2133-7705', '7705', '주택정책과'],
    ]);
    // Each contact ends on its own line; 윤광호's "☎7705" takes its exchange from 236, which is cited too.
    expect(record.contacts.map((c) => c.src.lines[1])).toEqual([236, 236, 238]);
    expect(record.contacts[2]!.src.lines).toEqual([236, 238]);
  });
});

describe('promise-sheet: 서울시 공약 15-3-5 디지털 국제페스티벌 (title on the code line)', () => {
  const { record, result } = only('seoul-promise-2016-prom142.txt');

  it('reads code and title from one line, the state and the amounts', () => {
    expect(result.warnings).toEqual([]);
    expect(record.code).toBe('15-3-5');
    expect(record.title).toBe('디지털 국제페스티벌 개최');
    expect(record.status).toMatchObject({ stateWritten: '정상추진', state: 'in_progress' });
    const lines = record.budget?.lines ?? [];
    expect(lines.find((l) => l.kind === 'required')?.amount.won).toBe(1_134 * M);
    expect(lines.find((l) => l.kind === 'executed' && l.year === null)?.amount.won).toBe(362 * M);
    expect(lines.filter((l) => l.kind === 'planned').map((l) => [l.period, l.amount.won])).toEqual([
      ['’16년', 369 * M],
      ['’17년', 265 * M],
      ['’18.6월', 500 * M],
    ]);
  });

  it('reads the contacts of 디지털창업과', () => {
    expect(record.department).toBe('디지털창업과');
    expect(contactsOf(record)).toEqual([
      ['박태주', '디지털창업과장', '2133-4750', '4750', '디지털창업과'],
      ['임승철', '디지털사업팀장', '2133-4766', '4766', '디지털창업과'],
      ['김성호', '담당', '2133-4768', '4768', '디지털창업과'],
    ]);
  });

  it('reads the 향후계획 items led by their year', () => {
    expect(record.milestones.map((m) => [m.date?.written, m.date?.start, m.date?.end])).toEqual([
      ['’17년도', '2017-01-01', '2017-12-31'],
      ['’18년도', '2018-01-01', '2018-12-31'],
    ]);
    expect(record.milestones[1]?.text).toBe('글로벌 협력 강화, 시민 디지털 체험 프로그램을 확대하여 2회차 개최');
    expect(record.milestones[1]?.src.lines).toEqual([463, 465]);
  });
});

describe('promise-sheet: detection and shuffled heads', () => {
  it('scores 0 on every other family of document', () => {
    const others = realDocuments().filter((p) => p.endsWith('.txt') && !p.includes('seoul-promise-2016'));
    expect(others.length).toBeGreaterThanOrEqual(11);
    for (const path of others) expect(promiseSheetFamily.detect(loadDocument(path).doc), path).toBe(0);
  });

  it('recognises values by their shape when the extraction moved the labels away', () => {
    const result = parseText(
      [
        '혁신-22 휴대폰 무료로 충전해 드려요',
        '추진 상황',
        '총 사업비',
        '\uf000 최종목표',
        '정상추진',
        '8백만원',
        '사업 구분',
        '임기 내',
        '완료',
        '집 행 액',
        '집행시기 미도래',
        '○ 지하철 역사에 휴대폰 무료 충전서비스 제공',
        '서울시 지하철 역사',
        '총괄부서 교통정보과 : 이경순 ☎2133-4950 교통정보팀장 : 김맹순 ☎4952',
        '강안회 ☎4953, 조혜림 ☎4954',
      ].join('\n'),
    );
    expect(result.family).toBe('promise-sheet');
    const record = result.records[0]!;
    expect(record.code).toBe('혁신-22');
    expect(record.title).toBe('휴대폰 무료로 충전해 드려요');
    expect(record.status?.stateWritten).toBe('정상추진');
    expect(record.category).toBe('임기 내 · 완료');
    expect(record.budget?.lines.map((l) => [l.kind, l.amount.won])).toEqual([['required', 8 * M]]);
    expect(record.budget?.notes.map((n) => n.text)).toEqual(['집행액 : 집행시기 미도래']);
    expect(record.department).toBe('교통정보과');
    expect(record.contacts.map((c) => [c.name, c.extension, c.src.lines[1]])).toEqual([
      ['이경순', '4950', 14],
      ['김맹순', '4952', 14],
      ['강안회', '4953', 15],
      ['조혜림', '4954', 15],
    ]);
  });

  it('reads a label with its value on the same line and two codes sharing one title', () => {
    const result = parseText(
      [
        '9-1-5',
        '9-1-6',
        '소형주택 공급지원',
        '추진 상황',
        '이행 후 계속추진',
        '사업 구분',
        '임기 후',
        '계 속',
        '총 사업비',
        '3,140,749백만원',
        '집 행 액 1,656,977백만원',
        '\uf000 최종목표',
      ].join('\n'),
    );
    const record = result.records[0]!;
    expect(record.code).toBe('9-1-5');
    expect(record.aliases).toContain('9-1-6');
    expect(record.title).toBe('소형주택 공급지원');
    expect(record.category).toBe('임기 후 · 계속');
    expect(record.budget?.lines.map((l) => [l.kind, l.amount.won])).toEqual([
      ['required', 3_140_749 * M],
      ['executed', 1_656_977 * M],
    ]);
    expect(result.warnings.map((w) => w.message)).toContain('☎ 담당자 줄을 찾지 못했습니다');
  });
});

/**
 * The 243 sheets of the real corpus, read in place. decode.ts rejects a file with a NUL byte in its first 8 KB
 * (prom250 has one stray NUL in otherwise clean UTF-8), so NULs are dropped here to measure the parser itself.
 */
describe('promise-sheet: a contact line written without colons', () => {
  it('reads every person, the bare 담당 too, with the exchange of the head\'s number (서울시 7-1-2)', () => {
    const result = parseText(
      ['7-1-2', '주민센터 사회복지인력 두배 확대', '추진 상황', '정상추진', '사업 구분', '임기 내', '신규', '총 사업비', '145,501백만원',
        '\uf000 최종목표', '○ 사회복지인력 2,000명 → 4,000명',
        '총괄부서 자치행정과장 임동국 ☎ 2133-5800 동혁신팀장 김형래 ☎5833 담당 김성훈 ☎5834'].join('\n'),
    );
    expect(result.records[0]!.contacts.map((c) => [c.name, c.position, c.phone])).toEqual([
      ['임동국', '자치행정과장', '2133-5800'],
      ['김형래', '동혁신팀장', '2133-5833'],
      ['김성훈', '담당', '2133-5834'],
    ]);
  });

  it('reads a staff member whose colon follows the name ("담당 신재민 : ☎5030", 서울시 혁신-11)', () => {
    const result = parseText(
      ['혁신-11', '<안심귀가 스카우트> 확대 운영', '추진 상황', '정상추진', '사업 구분', '임기 내', '계속', '총 사업비', '11,964백만원',
        '총괄부서 여성정책담당관 : 박종수 ☎2133-5005', '여성일자리팀장 김성태☎ 5027 담당 신재민 : ☎5030'].join('\n'),
    );
    expect(result.records[0]!.contacts.map((c) => [c.name, c.position, c.phone])).toEqual([
      ['박종수', '여성정책담당관', '2133-5005'],
      ['김성태', '여성일자리팀장', '2133-5027'],
      ['신재민', '담당', '2133-5030'],
    ]);
  });
});

describe('promise-sheet: year tables as the PDF extraction leaves them', () => {
  const head = ['6-1-2', '시민청 확대', '추진 상황', '정상추진', '사업 구분', '임기 내', '신규', '총 사업비', '2,714백만원', '\uf000 연차별 투자수요(계획)'];
  const contact = '총괄부서 시민소통담당관 : 홍길동 ☎2133-6400';
  const read = (table: string[]) =>
    parseText([...head, ...table, contact].join('\n')).records[0]!.budget!.lines.filter((l) => l.year !== null).map((l) => [l.period, l.amount.won / M]);

  it('reads a row whose 단위사업 name stands before its funding label (서울시 prom241)', () => {
    expect(read(['단위사업', '임기 내', '(단위 : 백만원)', '임기 후', '구 분', '계', '’14년', '’15년', '’16년', '’17년 ’18.6월', '시민청 확대 시 비 2,714', '-', '487', '330', '897', '1,000', '-'])).toEqual([
      ['’15년', 487],
      ['’16년', 330],
      ['’17년', 897],
      ['’18.6월', 1000],
    ]);
  });

  it('takes "임기" / "후" cut over two lines for the after-term column (서울시 prom204)', () => {
    expect(read(['임기 내', '구 분', '계', '’14년 ’15년 ’16년 ’17년 ’18.6월', '임기', '후', '(단위 : 백만원)', '시 비', '340', '-', '100', '100', '100', '40', '-'])).toEqual([
      ['’15년', 100],
      ['’16년', 100],
      ['’17년', 100],
      ['’18.6월', 40],
    ]);
  });
});

describe('promise-sheet: several promises bound in one file', () => {
  // The layout of 서울시 혁신-57/58/59 (one file): each promise has its code line, form, year table and ☎ line.
  const promise = (code: string, title: string, total: string, table: string[], contact: string) => [
    `${code} ${title}`,
    '추진 상황',
    '이행 후 계속추진',
    '사업 구분',
    '임기 내',
    '신규',
    '총 사업비',
    total,
    '집 행 액',
    '-',
    '\uf000 최종목표',
    '○ 목표 문장',
    '\uf000 연차별 투자수요(계획)',
    ...table,
    contact,
    '-  1085  -',
  ];
  const yearTable = ['(단위 : 백만원)', '구 분', '계', '’14년', '’15년', '’16년', '’17년 ’18.6월', '-'];
  const result = parseText(
    [
      ...promise('혁신-58', '자동차 정비가격 다나와!', '비예산 사업', [], '총괄부서 택시물류과장: 양완수 ☎2133-2310 담당 : 최경수 ☎2344'),
      ...promise(
        '혁신-59',
        '청소년 스트레스, 박람회로 한방에 날려드려요!',
        '676백만원',
        // 계 and 시 비 carry the same figures; a second 단위사업 of dashes only carries none.
        [...yearTable, '계', '676', '200', '200', '153', '60', '63', '시 비', '676', '200', '200', '153', '60', '63', '체험공간', '시 비', '-', '-', '-', '-', '-', '-'],
        '총괄부서 청소년담당관: 박대민 ☎2133-4110 담당 : 류수경 ☎4137',
      ),
    ].join('\n'),
  );

  it('makes one record per promise, each from its own lines, with its own department and contacts', () => {
    expect(result.records.map((r) => [r.code, r.department, r.src.lines])).toEqual([
      ['혁신-58', '택시물류과', [1, 15]],
      ['혁신-59', '청소년담당관', [16, 60]],
    ]);
    expect(result.records[0]!.budget?.noBudget).toBeTruthy();
    expect(result.records[1]!.contacts.map((c) => c.name)).toEqual(['박대민', '류수경']);
  });

  it('reads each funding row of a year table that adds up, and keeps two code lines over one title as one promise', () => {
    const lines = result.records[1]!.budget!.lines.filter((l) => l.year !== null);
    expect(lines.filter((l) => l.funding === '계').map((l) => [l.period, l.amount.won / M])).toEqual([
      ['’14년', 200],
      ['’15년', 200],
      ['’16년', 153],
      ['’17년', 60],
      ['’18.6월', 63],
    ]);
    expect(new Set(lines.map((l) => l.funding))).toEqual(new Set(['계', '시비']));
  });
});

describe.skipIf(!existsSync(SCALE))('promise-sheet: the real corpus at scale', () => {
  const files = existsSync(SCALE) ? readdirSync(SCALE).filter((f) => f.endsWith('.txt')) : [];
  const results = files.map((f) => {
    const path = join(SCALE, f);
    const bytes = readFileSync(path);
    const { doc } = loadDocument(path, bytes.includes(0) ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes);
    return { file: f, result: parseDocument(doc) };
  });

  it('detects every file and reads a code and a title from each', () => {
    expect(files.length).toBeGreaterThan(0);
    const failures = results.filter(
      ({ result }) => result.family !== 'promise-sheet' || !result.records[0]?.code || !result.records[0]?.title,
    );
    expect(failures.map((f) => f.file)).toEqual([]);
  });

  it('reads a state and a contact with an extension from at least 95 % of them', () => {
    const ok = results.filter(({ result }) => {
      const r = result.records[0];
      return !!r?.status?.stateWritten && !!r.contacts.some((c) => c.extension);
    });
    expect(ok.length / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('splits a file binding three promises (prom199: 혁신-57, 58, 59) into three records with their own departments', () => {
    const { result } = results.find((x) => x.file === 'prom199.txt')!;
    expect(result.records.map((r) => [r.code, r.department])).toEqual([
      ['혁신-57', '소상공인지원과'],
      ['혁신-58', '택시물류과'],
      ['혁신-59', '청소년담당관'],
    ]);
    // Every other file holds one promise.
    expect(results.filter((x) => x.result.records.length > 1).map((x) => x.file).sort()).toEqual(['prom181.txt', 'prom199.txt']);
  });

  it('reads 총 사업비 or 비예산 from at least 95 % of them', () => {
    const ok = results.filter(({ result }) => {
      const b = result.records[0]?.budget;
      return !!b && (b.noBudget !== null || b.lines.some((l) => l.kind === 'required'));
    });
    expect(ok.length / results.length).toBeGreaterThanOrEqual(0.95);
  });
});

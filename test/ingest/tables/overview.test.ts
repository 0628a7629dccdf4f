import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../../../src/domain/project.js';
import { interpretTable } from '../../../src/ingest/tables/interpret.js';
import { overviewStaffing, readOverview } from '../../../src/ingest/tables/overview.js';
import { textTables } from '../../../src/ingest/tables/text.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';

const CORPUS = 'test/fixtures/corpus';

function department(file: string): ProjectRecord {
  const result = parseDocument(loadDocument(`${CORPUS}/${file}`).doc);
  return result.records.find((r) => r.kind === 'department')!;
}

function read(lines: string[]) {
  return textTables(lines).map((m) => interpretTable(m, { lines }));
}

describe('table reader: producers of one model', () => {
  it('raw mode: header words grouped one per column, spread letters closed up, 계 found', () => {
    const [t] = read(['구 분 계 3급 4급 5급 6급 7급 이하', '정 원 91 1 3 25 37 25', '현 원 100 1 3 20 41 35']);
    expect(t!.columns).toEqual(['계', '3급', '4급', '5급', '6급', '7급이하']);
    expect(t!.totalColumn).toBe(0);
    expect(t!.rows.map((r) => r.label)).toEqual(['정원', '현원']);
  });

  it('layout: unit names squeezed to single spaces in the header are read in order when they come out one per column', () => {
    // 부산 해양농수산국 예산규모 (busan-plans/busan-2025-plan-ocean-agri-fisheries.layout.txt, lines 41 and 79–84):
    // the chart line names the 과 (a header name is trusted when the document writes it elsewhere).
    const [t] = read([
      '해양수도정책과                해운항만과                         수산정책과                    수산진흥과               농축산유통과',
      '',
      '                                                                                                      (단위 : 백만원)',
      '구분            계        해양수도정책과 해운항만과 수산정책과 수산진흥과 농축산유통과                                                      사업소',
      '                                                                                                             (6개소)',
      '',
      '세입           118,397       10,983              10,661             3,832       53,495           16,312        23,114',
      '',
      '세출           167,301       17,377              15,601             8,714       59,481           32,814        33,314',
    ]);
    expect(t!.columns).toEqual(['계', '해양수도정책과', '해운항만과', '수산정책과', '수산진흥과', '농축산유통과', '사업소']);
    const 세출 = t!.rows.find((r) => r.label === '세출')!;
    expect(세출.cells.find((c) => c.column === '수산진흥과')?.text).toBe('59,481');
    expect(세출.cells.find((c) => c.column === '해운항만과')?.text).toBe('15,601');
  });

  it('a labelled row of dashes is a row (nothing budgeted), not a header line', () => {
    // 부산 대변인 예산규모 (busan-2025-plan-spokesperson.txt, lines 22 and 39–44): 세입 is "-" in every column.
    const [t] = read([
      '       홍보담당관                        공보담당관                     뉴미디어담당관',
      '',
      '□ 예산규모                                                【’25. 1. 1.   기준 / 단위 : 백만원        】',
      '  구    분           계                홍보담당관             공보담당관             뉴미디어담당관',
      '',
      '  세    입                    -                     -                 -                -',
      '',
      '  세    출               17,647                 4,442            6,847             6,358',
    ]);
    expect(t!.columns).toEqual(['계', '홍보담당관', '공보담당관', '뉴미디어담당관']);
    expect(t!.rows.map((r) => r.label)).toEqual(['세입', '세출']);
    expect(t!.rows[1]!.cells.find((c) => c.column === '뉴미디어담당관')?.text).toBe('6,358');
    expect(read(['- - -', '세입 -'])).toEqual([]);
  });

  it('tabs and markdown give the same cells', () => {
    const tab = read(['(단위 : 백만원)', '구분\t계\t가과\t나과', '세출\t30\t10\t20']);
    const md = read(['(단위 : 백만원)', '| 구분 | 계 | 가과 | 나과 |', '|---|---|---|---|', '| 세출 | 30 | 10 | 20 |']);
    for (const [t] of [tab, md]) {
      expect(t!.unit).toBe('백만원');
      expect(t!.rows[0]!.cells.map((c) => [c.column, c.value])).toEqual([
        ['계', 30],
        [null, 10],
        [null, 20],
      ]);
    }
  });

  it('cell markers: △ decrease, ▲, %, -, pairs', () => {
    const [t] = read(['구 분 계 가 나 다', '과부족 6 △2 ▲3 5', '비율 10.3% - 해당없음 84/90']);
    expect(t!.rows[0]!.cells.map((c) => [c.value, c.marker])).toEqual([
      [6, null],
      [-2, 'decrease'],
      [3, 'increase'],
      [5, null],
    ]);
    expect(t!.rows[1]!.cells.map((c) => c.marker ?? c.pair ?? c.value)).toEqual([10.3, 'none', 'not-applicable', [84, 90]]);
  });
});

describe('staffing in any notation, organisation counts in any chart', () => {
  it('"인력(정/현원) : 8/10명" over a table of pairs: its cells are 정원/현원, 정원 first (인천 혁신담당관실, lines 26–35)', () => {
    const d = parseDocument(loadDocument('data/samples/incheon-innovation-2019-work-plan.txt').doc).records.find(
      (r) => r.kind === 'department',
    )!;
    const t = d.overview!.tables.find((x) => x.columns.includes('4급'))!;
    expect(t.measure).toBe('정원/현원');
    // Grades under the merged "일반직" header name their columns.
    expect(t.columns).toEqual(['계', '4급', '5급', '6급', '7급']);
    expect(t.rows.find((r) => r.label === '혁신제안팀')!.cells[0]).toMatchObject({ column: '계', pair: [1, 3] });
    expect(d.staffing.find((s) => s.group === '계')).toMatchObject({ authorized: 8, current: 10, src: { lines: [32, 32] } });
    // The sentence captions that table, so it is not read a second time.
    expect(d.overview!.tables.filter((x) => x.rows.some((r) => r.label === '정원/현원'))).toHaveLength(0);
  });

  it('a pair sentence with no table of pairs under it is a one-cell table: row 정원/현원, column 계', () => {
    const lines = ['Ⅰ. 일반현황', '1 기 구 : 1과 3담당', '', '3 인력(정/현원) : 8/10명', '', '4 예 산'];
    const d = readOverview(lines, { from: 1, to: lines.length, section: null });
    const [t] = d.tables;
    expect(t!.rows[0]).toMatchObject({ label: '정원/현원', line: 4 });
    expect(t!.rows[0]!.cells[0]).toMatchObject({ column: '계', pair: [8, 10], text: '8/10명' });
    expect(overviewStaffing(d, () => null)).toEqual([{ group: '계', authorized: 8, current: 10, src: { section: null, lines: [4, 4] } }]);
  });

  it('a unit line "(현원, 명)" says the table counts 현원: its 계 is the 현원, never a 정원 (부산 해양농수산국, lines 63–68)', () => {
    const lines = [
      '□인           력 : 283명',
      '                                                                                                                 (현원, 명)',
      '구 분           계        3급              4급         5급              6급      7급              8급         9급          연구사',
      ' 계           283       1               11            39           95          78          32         9            18',
      '본 청          134       1               5             25           50          40          7          5             1',
    ];
    const d = readOverview(lines, { from: 1, to: lines.length, section: null });
    expect(d.tables[0]!.measure).toBe('현원');
    expect(overviewStaffing(d, () => null).map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', null, 283],
      ['본청', null, 134],
    ]);
  });

  it('"인 력 : 정원 80명 / 현원 85명" names the "32 / 34" cells of the table under its unit line (부산 관광마이스국)', () => {
    const lines = [
      ' 인 력 : 정원 80명 / 현원 85명',
      '                                                                             (’25. 1. 19. 기준, 단위: 명)',
      '  구       분      계       3급         4급         5급         6급        7급          8급        비 고',
      '      계       80 / 85    1 / 1      3 / 3     14 / 15    34 / 28   27 / 33     1 / 5',
      '관 광 정 책 과 32 / 34        1 / 1      1 / 1     5 / 6      15 / 10   10 / 13     0 / 3     현안업무)',
      '국 제 협 력 과 24 / 27         -         1 / 1     5 / 5      11 / 10   6 / 10      1 / 1     현안업무)',
    ];
    const d = readOverview(lines, { from: 1, to: lines.length, section: null });
    const [t] = d.tables;
    expect([t!.title, t!.unit, t!.measure]).toEqual(['인력 : 정원 80명 / 현원 85명', '명', '정원/현원']);
    expect(overviewStaffing(d, () => null).map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 80, 85],
      ['관광정책과', 32, 34],
      ['국제협력과', 24, 27],
    ]);
  });

  it('a chart head "감 사 담 당 관 - (7)개팀" gives the count as written (영등포구 annual report, line 5)', () => {
    const d = parseDocument(loadDocument('data/samples/yeongdeungpo-audit-annual-report.txt').doc).records.find(
      (r) => r.kind === 'department',
    )!;
    expect(d.overview?.org).toMatchObject({ written: '(7)개팀', src: { lines: [5, 5] } });
  });

  it('정원 and 현원 as columns: each row is a group', () => {
    const lines = ['□ 인력', '구 분 정원 현원 과부족', '계 9 8 △1', '총무팀 4 4 -', '예산팀 5 4 △1'];
    const [t] = read(lines);
    expect(t!.columns).toEqual(['정원', '현원', '과부족']);
  });
});

describe('department overviews of 부산 2025 주요업무계획 (fixtures copied from shared/corpus/busan-plans)', () => {
  it('기획관 (layout, headers interleaved by pdftotext): the count as written, 정원 only from the 계 cell', () => {
    const d = department('busan-2025-plan-planning-office.layout.txt');
    expect(d.overview?.org?.written).toBe('5 담당관 1 추진단 20 팀');
    // The chart writes "빅데이터 / 통계담당관" in two lines: one unit.
    expect(d.overview?.units).toEqual(['기획담당관', '조직담당관', '인구정책담당관', '법무담당관', '빅데이터통계담당관', '부울경초광역경제동맹추진단']);
    // Lines 184–190: the header interleaves each cell's two lines ("담기 당 획관"): only the 계 (the sum of the
    // rest) is named.
    expect(d.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([['계', 120, 126]]);
    const budget = d.budget!.lines.map((l) => [l.item, l.amount.written, l.year]);
    expect(budget).toContainEqual(['세입', '2,867', 2025]);
    expect(budget).toContainEqual([null, '33,257', 2025]);
    expect(budget).toContainEqual(['기획담당관', '14,472', 2025]);
    expect(budget).toContainEqual(['세입 · 인구정책담당관', '2,551', 2025]);
    expect(budget).toContainEqual(['빅데이터통계담당관', '10,175', 2025]);
    expect(budget).toContainEqual(['세입 · 부울경초광역경제동맹추진단', '200', 2025]);
  });

  it('청년산학국: 세입 and 세출 both, each with its year, per 과 where the header names it', () => {
    const d = department('busan-2025-plan-youth-industry-academia.layout.txt');
    expect(d.overview?.org?.written).toBe('3과 14팀 1사업소');
    const total = d.budget!.lines.filter((l) => l.item === null || l.item === '세입');
    expect(total.map((l) => [l.item, l.amount.written, l.amount.unit, l.year])).toEqual([
      ['세입', '178,200', '백만원', 2025],
      [null, '1,081,687', '백만원', 2025],
    ]);
    expect(d.staffing.find((s) => s.group === '계')).toMatchObject({ authorized: 114, current: 119 });
  });

  it('낙동강관리본부 (raw): grades by count, 세입/세출 tables of year rows under their headings', () => {
    const d = department('busan-2025-plan-nakdong-river-hq.raw.txt');
    expect(d.overview?.org?.written).toBe('2부 1센터 8팀');
    expect(d.staffing.map((s) => [s.group, s.authorized, s.current])).toContainEqual(['계', 67, 74]);
    expect(d.staffing.map((s) => [s.group, s.authorized, s.current])).toContainEqual(['6급', 18, 20]);
    const lines = d.budget!.lines.map((l) => [l.item, l.amount.written, l.year]);
    expect(lines).toContainEqual(['세입', '2,917', 2025]);
    expect(lines).toContainEqual([null, '23,093', 2025]);
    expect(lines).toContainEqual(['공원관리부', '15,672', 2025]);
    expect(lines).toContainEqual(['세입 · 낙동강하구에코센터', '607', 2025]);
  });
});

describe('table reader: unit names squeezed over three header lines', () => {
  it('letters the normaliser closed up two by two are cut so that the names the chart writes come out', () => {
    // 부산 문화체육국 인력 (busan-plans/busan-2025-plan-culture-sports.layout.txt, lines 62–71): "문 화 문 화 영 상 …"
    // over "구분 계 콘텐츠 …" over "예술과 유산과 …"; a name the document does not write elsewhere stays unnamed.
    const file = 'test/fixtures/plans/busan-2025-plan-culture-sports.layout.txt';
    const rec = parseDocument(loadDocument(file).doc).records.find((r) => r.kind === 'department')!;
    const staff = rec.overview!.tables.find((t) => t.rows.some((r) => r.label === '정원'))!;
    expect(staff.columns.slice(0, 3)).toEqual(['계', '문화예술과', '문화유산과']);
    expect(staff.columns).toContain('시립미술관');
    const row = staff.rows.find((r) => r.label === '현원')!;
    expect(row.cells.find((c) => c.column === '시립미술관')?.text).toBe('34');
    expect(row.cells.find((c) => c.column === '체육정책과')?.text).toBe('19');
    // 영상 + 산업과 is not a name the plan writes (its 과 is 영상콘텐츠산업과): no column is named so.
    expect(staff.columns).not.toContain('영상산업과');
  });
});

describe('table reader: a chart whose boxes the layout squeezed or cut', () => {
  it('two names in one box are two units; a figure cut off a name ("15  분도시기획과") is put back by the header', () => {
    // 부산 도시혁신균형실 (busan-plans/busan-2025-plan-urban-innovation-balance.layout.txt): the chart line 113
    // writes "북항재개발추진과 도시인프라개발과" with one space; the budget header (146–148) stacks each name over
    // three lines in chart order: "미 래혁 신 15분도시 …" / "구 분 계 철도시설과 …" / "기 획 과기 획 과 …".
    const file = 'test/fixtures/plans/busan-2025-plan-urban-innovation-balance.layout.txt';
    const rec = parseDocument(loadDocument(file).doc).records.find((r) => r.kind === 'department')!;
    expect(rec.overview!.units).toEqual(['미래혁신기획과', '15분도시기획과', '철도시설과', '북항재개발추진과', '도시인프라개발과', '건설행정과']);
    const budget = rec.overview!.tables.find((t) => t.rows.some((r) => r.label === '세출'))!;
    const 세출 = budget.rows.find((r) => r.label === '세출')!;
    expect(세출.cells.find((c) => c.column === '철도시설과')?.text).toBe('357,505');
    expect(세출.cells.find((c) => c.column === '15분도시기획과')?.text).toBe('43,530');
    expect(budget.rows.find((r) => r.label === '세입')!.cells.find((c) => c.column === '건설행정과')?.text).toBe('51,500');
  });
});

describe('table reader: a row label the layout split around its figures', () => {
  it('"대학 및 지역인재" / figures / "육 성 기 금" is one row, labelled in full, and not a header line', () => {
    // busan-2025-plan-youth-industry-academia.layout.txt lines 86–95 (기금 현황).
    const d = department('busan-2025-plan-youth-industry-academia.layout.txt');
    const fund = d.overview!.tables.find((t) => t.rows.some((r) => r.line === 94))!;
    const row = fund.rows.find((r) => r.line === 94)!;
    expect(row.label).toBe('대학및지역인재육성기금');
    expect(row.cells.map((c) => c.text)).toEqual(['596', '1,131', '1,677', '△546', '50', '-']);
    expect(fund.headerLines).not.toContain(93);
  });
});

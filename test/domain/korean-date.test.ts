import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DatePrecision, findDates, parseKoreanDate, splitTrailingDate } from '../../src/domain/korean-date.js';

type Row = [text: string, year: number | undefined, start: string | null, end: string | null, precision: DatePrecision];

// Every form below is copied from the seeds or the corpus (/work/shared); the year column is the document's year.
const FORMS: Row[] = [
  // seeds 000/001: 목표연월, 사업기간, 향후추진계획
  ['2021. 하반기', undefined, '2021-07-01', '2021-12-31', 'half'],
  ['2022. 상반기', undefined, '2022-01-01', '2022-06-30', 'half'],
  ['2021. 4. ~ 10.', undefined, '2021-04-01', '2021-10-31', 'month'],
  ['2021. 11. ~ 2022. 2.', undefined, '2021-11-01', '2022-02-28', 'month'],
  ['2021. 12.', undefined, '2021-12-01', '2021-12-31', 'month'],
  ['2019.12.', undefined, '2019-12-01', '2019-12-31', 'month'],
  ['2022. 12.', undefined, '2022-12-01', '2022-12-31', 'month'],
  ['2018. 7. ~ 지속', undefined, '2018-07-01', null, 'ongoing'],
  ['2018. 2월 ~ 지속', undefined, '2018-02-01', null, 'ongoing'],
  ['2019. 1.10.', undefined, '2019-01-10', '2019-01-10', 'day'],
  ['2019.3.21.~4.2.', undefined, '2019-03-21', '2019-04-02', 'day'],
  ['2022.6월까지', undefined, null, '2022-06-30', 'month'],
  ['2022년 7월이후', undefined, '2022-07-01', null, 'ongoing'],
  ['2021년', undefined, '2021-01-01', '2021-12-31', 'year'],
  ['2021년 하반기', undefined, '2021-07-01', '2021-12-31', 'half'],
  ['2021년 하반기 ~ 2022년 상반기', undefined, '2021-07-01', '2022-06-30', 'half'],
  ['2021. 12월 중', undefined, '2021-12-01', '2021-12-31', 'month'],
  ['1분기', 2021, '2021-01-01', '2021-03-31', 'quarter'],
  ['3분기', 2021, '2021-07-01', '2021-09-30', 'quarter'],
  ['2019. 8. 21.(수)', undefined, '2019-08-21', '2019-08-21', 'day'],
  // seed 004 (인천 2019 주요업무계획)
  ['(1월)', 2019, '2019-01-01', '2019-01-31', 'month'],
  ['(2018. 12월 ~ 2019. 2월)', 2019, '2018-12-01', '2019-02-28', 'month'],
  ['(3~5월)', 2019, '2019-03-01', '2019-05-31', 'month'],
  ['(2~7월)', 2019, '2019-02-01', '2019-07-31', 'month'],
  ['(1월 ~ 6월)', 2019, '2019-01-01', '2019-06-30', 'month'],
  ['(3월~)', 2019, '2019-03-01', null, 'ongoing'],
  ['(상시)', 2019, null, null, 'ongoing'],
  ['(연중)', 2019, '2019-01-01', '2019-12-31', 'ongoing'],
  ['연중', 2019, '2019-01-01', '2019-12-31', 'ongoing'],
  ['수시', 2019, null, null, 'ongoing'],
  ['(분기별 1회)', 2019, '2019-01-01', '2019-12-31', 'ongoing'],
  ['(2018. 12월~ 상시)', 2019, '2018-12-01', null, 'ongoing'],
  ['4월', 2019, '2019-04-01', '2019-04-30', 'month'],
  ['하반기', 2019, '2019-07-01', '2019-12-31', 'half'],
  ['2018.12.14.', undefined, '2018-12-14', '2018-12-14', 'day'],
  ['(2019. 1.)', undefined, '2019-01-01', '2019-01-31', 'month'],
  ['(‘18. 12. 18)', undefined, '2018-12-18', '2018-12-18', 'day'],
  // seed 003 (영등포구 2015 감사담당관): month.day with the document's year
  ['상․하반기', 2015, '2015-01-01', '2015-12-31', 'half'],
  ['상·하반기', 2015, '2015-01-01', '2015-12-31', 'half'],
  ['12월중', 2015, '2015-12-01', '2015-12-31', 'month'],
  ['11.11', 2015, '2015-11-11', '2015-11-11', 'day'],
  ['3.26', 2015, '2015-03-26', '2015-03-26', 'day'],
  ['(4.20)', 2015, '2015-04-20', '2015-04-20', 'day'],
  ['6.17 ~ 30', 2015, '2015-06-17', '2015-06-30', 'day'],
  ['(5.11~15)', 2015, '2015-05-11', '2015-05-15', 'day'],
  ['9.18(금)', 2015, '2015-09-18', '2015-09-18', 'day'],
  ['1.1 ~ 6.30', 2015, '2015-01-01', '2015-06-30', 'day'],
  ['2016.1.1 ~ 12.31', 2015, '2016-01-01', '2016-12-31', 'day'],
  ['3월말 ~ 4월말', 2015, '2015-03-01', '2015-04-30', 'month'],
  ['12.31까지', 2015, null, '2015-12-31', 'day'],
  // two-digit years with every apostrophe the corpus uses
  ['’16. 2. 25.', undefined, '2016-02-25', '2016-02-25', 'day'],
  ['‘16. 5월 ~ 6월', undefined, '2016-05-01', '2016-06-30', 'month'],
  ["'25.09.", undefined, '2025-09-01', '2025-09-30', 'month'],
  ['‘26.01~.', undefined, '2026-01-01', null, 'ongoing'],
  ['’17. 6월', undefined, '2017-06-01', '2017-06-30', 'month'],
  ['′17. 6월', undefined, '2017-06-01', '2017-06-30', 'month'],
  ['’14년', undefined, '2014-01-01', '2014-12-31', 'year'],
  ['’18.6월', undefined, '2018-06-01', '2018-06-30', 'month'],
  ['(’14.8.19)', undefined, '2014-08-19', '2014-08-19', 'day'],
  ['(’14. 12)', undefined, '2014-12-01', '2014-12-31', 'month'],
  ['(‘13.03.21)', undefined, '2013-03-21', '2013-03-21', 'day'],
  ['’13. 7월 ~ ’16. 12월', undefined, '2013-07-01', '2016-12-31', 'month'],
  ['’16. 1~12월', undefined, '2016-01-01', '2016-12-31', 'month'],
  ['‘15. 2~4', undefined, '2015-02-01', '2015-04-30', 'month'],
  ['’25. 2. ~ 12.', undefined, '2025-02-01', '2025-12-31', 'month'],
  ['(’25.1.~3.)', undefined, '2025-01-01', '2025-03-31', 'month'],
  ['(‘24.8.~’25.3.)', undefined, '2024-08-01', '2025-03-31', 'month'],
  ["ˊ25. 7.~'27.12.", undefined, '2025-07-01', '2027-12-31', 'month'],
  ['’25.~ˊ26.', undefined, '2025-01-01', '2026-12-31', 'year'],
  ['`25.~`26.', undefined, '2025-01-01', '2026-12-31', 'year'],
  ["('17~'18)", undefined, '2017-01-01', '2018-12-31', 'year'],
  ['‘23~’25년', undefined, '2023-01-01', '2025-12-31', 'year'],
  ['’19년~‘28년', undefined, '2019-01-01', '2028-12-31', 'year'],
  ['(’24)', undefined, '2024-01-01', '2024-12-31', 'year'],
  ['‘87년', undefined, '1987-01-01', '1987-12-31', 'year'],
  ['‘24년 10월부터', undefined, '2024-10-01', null, 'ongoing'],
  ['’26년이후', undefined, '2026-01-01', null, 'ongoing'],
  ['‘16년까지', undefined, null, '2016-12-31', 'year'],
  ["'24. 9. 23. ~ ‘25. 3. 22. (6개월)", undefined, '2024-09-23', '2025-03-22', 'day'],
  ['`24.6.12.(수) ~ `24.7.31.(수)', undefined, '2024-06-12', '2024-07-31', 'day'],
  // busan / seoul approvals and plans
  ['2024. 6. 12.(수)', undefined, '2024-06-12', '2024-06-12', 'day'],
  ['2025. 2. 7.(금)', undefined, '2025-02-07', '2025-02-07', 'day'],
  ['2025. 8. 25.', undefined, '2025-08-25', '2025-08-25', 'day'],
  ['2026~2027(2년간)', undefined, '2026-01-01', '2027-12-31', 'year'],
  ['2025. 3.~ 10.(8개월)', undefined, '2025-03-01', '2025-10-31', 'month'],
  ['2024. 12', undefined, '2024-12-01', '2024-12-31', 'month'],
  ['(8~10월)', 2025, '2025-08-01', '2025-10-31', 'month'],
  ['4∼12월', 2025, '2025-04-01', '2025-12-31', 'month'],
  ['(연 2회)', 2025, '2025-01-01', '2025-12-31', 'ongoing'],
  ['(매월, 분기별)', 2025, '2025-01-01', '2025-12-31', 'ongoing'],
  ['(정기·수시)', 2025, '2025-01-01', '2025-12-31', 'ongoing'],
  ['(주 1회 이상)', 2025, '2025-01-01', '2025-12-31', 'ongoing'],
  ['04.14. - 04.15.', 2025, '2025-04-14', '2025-04-15', 'day'],
  ['03.06 - 03.07.', 2025, '2025-03-06', '2025-03-07', 'day'],
  ['10월 28~29일 (2일간)', 2016, '2016-10-28', '2016-10-29', 'day'],
  ['(1~2월 초)', 2017, '2017-01-01', '2017-02-28', 'month'],
  ['1~2분기', 2016, '2016-01-01', '2016-06-30', 'quarter'],
];

describe('parseKoreanDate: real forms', () => {
  it.each(FORMS)('%s (year %s)', (text, year, start, end, precision) => {
    const ctx = year === undefined ? undefined : { year };
    expect(parseKoreanDate(text, ctx)).toEqual({ written: text, start, end, precision });
  });

  it('keeps the written form trimmed, parentheses included', () => {
    expect(parseKoreanDate('  (3~5월) \n', { year: 2019 })?.written).toBe('(3~5월)');
  });

  it('gives month ends their real length, Feb 29 only in leap years', () => {
    expect(parseKoreanDate('(1~2월)', { year: 2024 })?.end).toBe('2024-02-29');
    expect(parseKoreanDate('(1~2월)', { year: 2023 })?.end).toBe('2023-02-28');
    expect(parseKoreanDate('2.1 ~ 2.29', { year: 2020 })?.end).toBe('2020-02-29');
    expect(parseKoreanDate('2.1 ~ 2.29', { year: 2021 })).toBeNull();
    expect(parseKoreanDate('2021. 2. 29.')).toBeNull();
    expect(parseKoreanDate('(4~6월)', { year: 2019 })?.end).toBe('2019-06-30');
    expect(parseKoreanDate('2분기', { year: 2019 })?.end).toBe('2019-06-30');
  });

  it('wraps a range over New Year when only the later year is implied', () => {
    expect(parseKoreanDate('12.28 ~ 1.5', { year: 2020 })).toMatchObject({ start: '2020-12-28', end: '2021-01-05' });
    expect(parseKoreanDate('2021. 11. ~ 2.')).toMatchObject({ start: '2021-11-01', end: '2022-02-28' });
    expect(parseKoreanDate('(12월 ~ 2019. 2월)')).toMatchObject({ start: '2018-12-01', end: '2019-02-28' });
  });

  it('does not invent a year: no context means unknown bounds, precision still known', () => {
    expect(parseKoreanDate('(3월)')).toEqual({ written: '(3월)', start: null, end: null, precision: 'month' });
    expect(parseKoreanDate('(3~5월)')).toEqual({ written: '(3~5월)', start: null, end: null, precision: 'month' });
    expect(parseKoreanDate('11.11')).toEqual({ written: '11.11', start: null, end: null, precision: 'day' });
    expect(parseKoreanDate('하반기')).toEqual({ written: '하반기', start: null, end: null, precision: 'half' });
    expect(parseKoreanDate('(연중)')).toEqual({ written: '(연중)', start: null, end: null, precision: 'ongoing' });
    expect(parseKoreanDate('(3월~)')).toEqual({ written: '(3월~)', start: null, end: null, precision: 'ongoing' });
  });

  it.each([
    '2580', // 내선번호
    '2045', // 내선번호 that looks like a year
    '2133-4299', // 전화번호
    '3-8-76', // 공약 코드
    '29백만원',
    '1.',
    '2.2',
    '1.1.1.1.1.1.1.1.1.1.',
    '80',
    '2.6%',
    '90.2%',
    '1.3억원',
    '0.95억원',
    '1.04',
    '1,532건',
    '2~3년',
    '3~5개 단체',
    '16:00~18:00',
    '’30 seconds',
    '상시 모니터링',
    '2021. 2. 30.',
    '13월',
    '2018. 7. ~ 2017. 1.',
    '',
    '   ',
  ])('rejects %j', (text) => {
    expect(parseKoreanDate(text, { year: 2019 })).toBeNull();
  });

  it('needs a weekday, range or parentheses before reading a single-digit day without a year', () => {
    expect(parseKoreanDate('4.2', { year: 2015 })).toBeNull();
    expect(parseKoreanDate('(4.2)', { year: 2015 })?.start).toBe('2015-04-02');
    expect(parseKoreanDate('4.2(목)', { year: 2015 })?.start).toBe('2015-04-02');
  });
});

function writtenOf(line: string, year?: number): string[] {
  return findDates(line, year === undefined ? undefined : { year }).map((m) => m.date.written);
}

describe('findDates', () => {
  it('finds dates on real lines, with offsets into the line', () => {
    const cases: Array<[string, number | undefined, string[]]> = [
      ['- 협치 시정 활성화 연구용역 ----- 2021. 4. ~ 10.', undefined, ['2021. 4. ~ 10.']],
      ['- 외부 협의체 간담회 및 이행방안 논의 2021. 하반기', undefined, ['2021. 하반기']],
      [' - 혁신공감대 확산 및 과제선정을 위한 혁신토론회 개최(3월)', 2019, ['(3월)']],
      ['- 사업기간 : 2018. 7. ~ 지속 운영', undefined, ['2018. 7. ~ 지속']],
      ['4. 성과지표별 추진현황 (2018. 7. ~ 2021. 3. 31.)', undefined, ['(2018. 7. ~ 2021. 3. 31.)']],
      ['· 전국인권보호관 협의회 회의참석 (2020. 12. 7. 2021. 3. 12.)', undefined, ['2020. 12. 7.', '2021. 3. 12.']],
      ['○ 간부직 청렴서약(4.20) 및 전 직원 청렴서약(5.11~15)', 2015, ['(4.20)', '(5.11~15)']],
      ['- 일시 및 장소 : 9.18(금) 14:00 ~ 16:00, 기획상황실 / 89명', 2015, ['9.18(금)']],
      ['(유보액)10.31기준 12.31까지', 2015, ['10.31', '12.31까지']],
      ['ㅇ ‘25.10.: ’26년 본예산(안) 신청', undefined, ['‘25.10.', '’26년']],
      [
        '- 취수관 착공(’24.12.), 취수시설 착공·준공(’25.~’26.), 취수탑 운영(’26.)',
        undefined,
        ['(’24.12.)', '(’25.~’26.)', '(’26.)'],
      ],
      ['• 제1차 분과위원회 회의 개최 : 2020.8.12./8.14./8.19', undefined, ['2020.8.12.', '8.14.', '8.19']],
      ['○ 2015년 청렴공한문 발송 : 상․하반기 2회 / 3,994건 발송', undefined, ['2015년', '상․하반기']],
      [
        '- (요금인상)      ‘24년 10월부터 7%, ’25~‘26년까지 각 8%씩 인상, 누진제 폐지',
        undefined,
        ['‘24년 10월부터', '’25~‘26년까지'],
      ],
      ['- 인재개발원 보고서 품질향상 직급별·내용별로 다양한 교육과정 신설 추진 (연중)', 2019, ['(연중)']],
      ['- 인권 아카데미 운영 : 연중', 2019, ['연중']],
    ];
    for (const [line, year, expected] of cases) {
      const found = findDates(line, year === undefined ? undefined : { year });
      expect(
        found.map((m) => m.date.written),
        line,
      ).toEqual(expected);
      for (const m of found) expect(line.slice(m.index, m.index + m.length)).toBe(m.date.written);
    }
  });

  it('lets a year-less date take the year written earlier on the line, else the context year', () => {
    const found = findDates('- 기   간: ’25. 5월, 10월', { year: 2019 });
    expect(found.map((m) => m.date.start)).toEqual(['2025-05-01', '2025-10-01']);
    expect(findDates('- 2019 학습동아리 해움 활동지원(1월 ~ 6월)', { year: 2019 })[0]?.date).toMatchObject({
      start: '2019-01-01',
      end: '2019-06-30',
    });
    // …but not across a line break.
    expect(findDates('’25. 5월\n10월', { year: 2019 })[1]?.date.start).toBe('2019-10-01');
  });

  it('reads ongoing words only where a date is expected, not in prose', () => {
    expect(writtenOf('○ 청렴향기 OK시스템 운영을 통한 청렴도 상시 모니터링', 2015)).toEqual([]);
    expect(writtenOf('- 핵심 시책 연중 홍보와 현안 시책 수시홍보 병행으로 효율성 높은 홍보 추진', 2025)).toEqual([]);
    expect(writtenOf('- 정기·비정기 회의를 통한 과제발굴 및 성과 점검(상시)', 2019)).toEqual(['(상시)']);
  });

  it.each([
    '인권담당관	인권담당관	박동일	2580',
    '청년사업담당관:이정희☎2133-4299 청년생활지원팀장:김정남☎4313 담당:최수정/한보라☎6585',
    '3-8-76',
    '- 소요예산 : 29백만원',
    '1. 사업개요',
    ' 2.2.2.2.2.2.2.2.2.2. 주요업무 추진실적',
    '계 511 40,090 39,038 ▲1,052 2.6%',
    '· 운영실적 : 발생-1,699건/조치-1,532건/미조치-167건/처리율-90.2%',
    'ㅇ 덕산정수장 중앙제어실 제어시스템 개선 ▸ 37.5억원',
    'ㅇ 상수도 기반시설 관리계획 수립 용역 ▸ 1.3억원',
    '- ‘MUST BUSAN’, ‘낮과 밤’, ‘30 seconds in Busan’ 등',
    '6.1디지털재단',
    '정책팀장	원순호	2045',
  ])('finds nothing in %j', (line) => {
    expect(findDates(line, { year: 2019 })).toEqual([]);
  });
});

describe('splitTrailingDate', () => {
  const cases: Array<
    [string, number | undefined, string, Partial<Record<'written' | 'start' | 'end' | 'precision', unknown>>]
  > = [
    [
      '- 협치 시정 활성화 연구용역 ----- 2021. 4. ~ 10.',
      undefined,
      '협치 시정 활성화 연구용역',
      { written: '2021. 4. ~ 10.', start: '2021-04-01', end: '2021-10-31', precision: 'month' },
    ],
    [
      '- 협치 백서 발간 ----- 2021. 11. ~ 2022. 2.',
      undefined,
      '협치 백서 발간',
      { start: '2021-11-01', end: '2022-02-28', precision: 'month' },
    ],
    [
      '- 외부 협의체 간담회 및 이행방안 논의 2021. 하반기',
      undefined,
      '외부 협의체 간담회 및 이행방안 논의',
      { written: '2021. 하반기', start: '2021-07-01', end: '2021-12-31', precision: 'half' },
    ],
    [
      ' - 혁신공감대 확산 및 과제선정을 위한 혁신토론회 개최(3월)',
      2019,
      '혁신공감대 확산 및 과제선정을 위한 혁신토론회 개최',
      { written: '(3월)', start: '2019-03-01', end: '2019-03-31', precision: 'month' },
    ],
    [
      '- 인권위원회 구성·운영 : 4월',
      2019,
      '인권위원회 구성·운영',
      { written: '4월', start: '2019-04-01', end: '2019-04-30' },
    ],
    [
      '- 시민행복 제안 디자인 자문단 구축 및 운영(3월~)',
      2019,
      '시민행복 제안 디자인 자문단 구축 및 운영',
      { written: '(3월~)', start: '2019-03-01', end: null, precision: 'ongoing' },
    ],
    [
      '- 행복한 일터 만들기 TF 추진단 구성·운영으로 상시 혁신과제 발굴 (2018. 12월~ 상시)',
      2019,
      '행복한 일터 만들기 TF 추진단 구성·운영으로 상시 혁신과제 발굴',
      { written: '(2018. 12월~ 상시)', start: '2018-12-01', end: null, precision: 'ongoing' },
    ],
    [
      '- 인권 아카데미 운영 : 연중',
      2019,
      '인권 아카데미 운영',
      { written: '연중', start: '2019-01-01', end: '2019-12-31', precision: 'ongoing' },
    ],
    [
      '○ 간부진 부패위험성 진단평가 실시 : 6.17 ~ 30',
      2015,
      '간부진 부패위험성 진단평가 실시',
      { start: '2015-06-17', end: '2015-06-30', precision: 'day' },
    ],
    [
      '- 제2기 협치위원회 구성·위촉 : 2021. 12월 중',
      undefined,
      '제2기 협치위원회 구성·위촉',
      { written: '2021. 12월 중', start: '2021-12-01', precision: 'month' },
    ],
    [
      '- 기본 및 실시설계 용역(’24.5.~‘25.12.), 공사 시행(’26.~‘28.)',
      undefined,
      '기본 및 실시설계 용역(’24.5.~‘25.12.), 공사 시행',
      { written: '(’26.~‘28.)', start: '2026-01-01', end: '2028-12-31', precision: 'year' },
    ],
    [
      'ㅇ ’25년 청년수당 사업 참여자 모집         : ’25. 3월',
      undefined,
      '’25년 청년수당 사업 참여자 모집',
      { written: '’25. 3월', start: '2025-03-01' },
    ],
    // schedule lines that lead with the date
    [
      'ㅇ ‘25.10.: ’26년 본예산(안) 신청',
      undefined,
      '’26년 본예산(안) 신청',
      { written: '‘25.10.', start: '2025-10-01', end: '2025-10-31', precision: 'month' },
    ],
    [
      'ㅇ ‘26.01~.: 연구개발 사업 추진',
      undefined,
      '연구개발 사업 추진',
      { written: '‘26.01~.', start: '2026-01-01', end: null, precision: 'ongoing' },
    ],
    [
      "ㅇ '20. 8.~'24.12. : 원격검침시스템 1~4차 완료(87천전, 262억원)",
      undefined,
      '원격검침시스템 1~4차 완료(87천전, 262억원)',
      { start: '2020-08-01', end: '2024-12-31', precision: 'month' },
    ],
  ];

  it.each(cases)('%s', (line, year, text, date) => {
    const got = splitTrailingDate(line, year === undefined ? undefined : { year });
    expect(got?.text).toBe(text);
    expect(got?.date).toMatchObject(date);
  });

  it.each([
    '- 인권실태조사 및 기본계획 수립 : 추경예산 반영 시행',
    '- 코로나19로 인하여 협업기관과의 전체 간담회 개최가 어려움',
    '2018. 12.',
    '(상시)',
    '구분\t2018년\t2019년\t2020년',
    '인권담당관\t인권센터장\t안세진\t2618',
    '',
  ])('returns null for %j', (line) => {
    expect(splitTrailingDate(line, { year: 2019 })).toBeNull();
  });
});

describe('properties', () => {
  const datey = fc.constantFrom(
    ..."0123456789012345.~∼-()’‘'′ˊ` 년월일상하반기분중말까지이후부터상시연중수시회매별:ㄱ가A%,/\t\n".split(''),
  );
  const dateyString = fc.array(datey, { maxLength: 40 }).map((cs) => cs.join(''));
  const anyString = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 60 }), dateyString);
  const ctx = fc.option(fc.record({ year: fc.integer({ min: 1970, max: 2069 }) }), { nil: undefined });

  it('never throw, keep start <= end, and report offsets that match the line', () => {
    fc.assert(
      fc.property(anyString, ctx, (text, context) => {
        const one = parseKoreanDate(text, context);
        if (one?.start && one.end) expect(one.start <= one.end).toBe(true);
        let lastEnd = 0;
        for (const m of findDates(text, context)) {
          expect(m.index).toBeGreaterThanOrEqual(lastEnd);
          expect(text.slice(m.index, m.index + m.length)).toBe(m.date.written);
          if (m.date.start && m.date.end) expect(m.date.start <= m.date.end).toBe(true);
          lastEnd = m.index + m.length;
        }
        const split = splitTrailingDate(text, context);
        if (split?.date.start && split.date.end) expect(split.date.start <= split.date.end).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('produces valid ISO days', () => {
    fc.assert(
      fc.property(dateyString, ctx, (text, context) => {
        for (const m of findDates(text, context)) {
          for (const d of [m.date.start, m.date.end]) {
            if (d === null) continue;
            expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

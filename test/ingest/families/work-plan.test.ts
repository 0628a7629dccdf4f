import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { describe, expect, it } from 'vitest';
import type { BudgetLine, ProjectRecord } from '../../../src/domain/project.js';
import type { ParseResult, SourceDocument } from '../../../src/ingest/document.js';
import { workPlanFamily } from '../../../src/ingest/families/work-plan.js';
import { chooseFamily, loadDocument, parseDocument } from '../../../src/ingest/parse.js';

const INCHEON = 'data/samples/incheon-innovation-2019-work-plan.txt';
const HRDI = 'test/fixtures/corpus/busan-2025-plan-hrdi.txt';
const SPOKESPERSON = 'test/fixtures/corpus/busan-2025-plan-spokesperson.txt';
const WATERWORKS = 'test/fixtures/corpus/busan-2025-plan-waterworks.txt';
const BUSAN_PLANS = [
  'busan-2025-plan-planning-office.layout.txt',
  'busan-2025-plan-youth-industry-academia.layout.txt',
  'busan-2025-plan-nakdong-river-hq.raw.txt',
].map((f) => `test/fixtures/corpus/${f}`);
const PLANS = [INCHEON, HRDI, SPOKESPERSON, WATERWORKS, ...BUSAN_PLANS];

function parse(path: string): ParseResult {
  return parseDocument(loadDocument(path).doc);
}

function department(result: ParseResult): ProjectRecord {
  const records = result.records.filter((r) => r.kind === 'department');
  expect(records).toHaveLength(1);
  return records[0]!;
}

function tasks(result: ParseResult): ProjectRecord[] {
  return result.records.filter((r) => r.kind === 'project');
}

/** The one budget line for a year and item, as [written, unit, won]. */
function budget(record: ProjectRecord, year: number, item: string | null): [string, string, number] {
  const lines = (record.budget?.lines ?? []).filter((l: BudgetLine) => l.year === year && l.item === item);
  expect(lines, `${year} ${item}`).toHaveLength(1);
  const { amount } = lines[0]!;
  return [amount.written, amount.unit, amount.won];
}

function milestone(record: ProjectRecord, text: string) {
  const found = record.milestones.filter((m) => m.text === text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('work-plan: 인천광역시 혁신담당관실 2019 주요업무계획', () => {
  const result = parse(INCHEON);
  const dept = department(result);
  const all = tasks(result);

  it('is detected and read without warnings', () => {
    expect(result.family).toBe('work-plan');
    expect(result.organization).toBe('인천광역시');
    expect(result.warnings).toEqual([]);
  });

  it('reads the department: teams, 정/현원 per team, report date', () => {
    expect(dept.title).toBe('혁신담당관실');
    expect(dept.department).toBe('혁신담당관실');
    expect(dept.organization).toBe('인천광역시');
    expect(dept.year).toBe(2019);
    expect(dept.phase).toBe('plan');
    expect(dept.status?.asOf).toBe('2018-12');
    expect(dept.status?.src.lines).toEqual([7, 7]);
    expect(dept.teams).toEqual(['혁신기획팀', '혁신제안팀', '시민인권팀']);
    expect(dept.orgTeams.map((t) => t.name)).toEqual(dept.teams);
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current, s.src.lines[0]])).toEqual([
      ['계', 8, 10, 32],
      ['혁신기획팀', 4, 4, 33],
      ['혁신제안팀', 1, 3, 34],
      ['시민인권팀', 3, 3, 35],
    ]);
    expect(dept.key).toBe('인천광역시/혁신담당관실/2019/plan/department');
  });

  it('reads the department budget by year and the 2019 내역 split (no line for the "-" 인건비)', () => {
    expect(budget(dept, 2018, null)).toEqual(['178', '백만원', 178_000_000]);
    expect(budget(dept, 2019, null)).toEqual(['365', '백만원', 365_000_000]);
    expect(budget(dept, 2019, '물건비')).toEqual(['71', '백만원', 71_000_000]);
    expect(budget(dept, 2019, '사업예산')).toEqual(['294', '백만원', 294_000_000]);
    expect(dept.budget?.lines).toHaveLength(4);
    expect(dept.budget?.lines.every((l) => l.kind === 'allocated' && l.src.lines[0] === 45)).toBe(true);
    expect(dept.budget?.lines.find((l) => l.year === 2018)?.period).toBe('2018년');
  });

  it('titles the six tasks from the table of contents of part III and splits the body at each task start', () => {
    expect(all.map((t) => t.title)).toEqual([
      '혁신 공감대 확산을 통한 자발적 혁신 유도',
      '인천 열린혁신 추진 기반 마련',
      '일하는 방식 개선을 통한 행정효율화 추진',
      '시민이 참여하는 정책제안 활성화',
      '인권업무 제도기반 조성',
      '인권의식 제고 및 문화 확산',
    ]);
    // Task 1 opens with its number and title; tasks 2–6 at their ◇ summaries.
    expect(all.map((t) => t.src.lines)).toEqual([
      [115, 145],
      [146, 175],
      [176, 201],
      [202, 226],
      [227, 252],
      [253, 277],
    ]);
    for (const t of all) {
      expect(t.department).toBe('혁신담당관실');
      expect(t.organization).toBe('인천광역시');
      expect(t.year).toBe(2019);
      expect(t.phase).toBe('plan');
      expect(t.status?.state).toBe('planned');
      expect(t.status?.asOf).toBe('2018-12');
      expect(t.src.section).toBe('2019년 주요업무 추진계획');
      expect(t.headings).toContain('향후계획');
    }
    expect(all[0]!.key).toBe('인천광역시/혁신담당관실/2019/plan/혁신 공감대 확산을 통한 자발적 혁신 유도');
    expect(all[0]!.headings).toEqual([
      '자발적 혁신을 위한 공직사회내 혁신 공감대를 확산시키고',
      '시민생활과 밀접한 의제를 중심으로 상향식·자발적 혁신 유도',
      '추진방향',
      '향후계획',
    ]);
    expect(all[4]!.headings).toContain('사업개요');
  });

  it('resolves task 1 milestones against 2019', () => {
    const t = all[0]!;
    expect(t.milestones).toHaveLength(7);
    const forum = milestone(t, '혁신공감대 확산 및 과제선정을 위한 혁신토론회 개최');
    expect(forum.date).toEqual({ written: '(3월)', start: '2019-03-01', end: '2019-03-31', precision: 'month' });
    expect(forum.done).toBe(false);
    expect(forum.src).toEqual({ section: '혁신 공감대 확산을 통한 자발적 혁신 유도 > 향후계획', lines: [139, 139] });
    const club = milestone(t, '2019 학습동아리 해움 활동지원');
    expect([club.date?.start, club.date?.end]).toEqual(['2019-01-01', '2019-06-30']);
    expect(milestone(t, '세부 실천과제 선정을 위한 인천 혁신 기본계획 수립').date?.start).toBe('2019-01-01');
    const always = milestone(t, '살고싶은 도시 인천을 만들기 위한 타·시도 우수사례 벤치마킹');
    expect(always.date?.precision).toBe('ongoing');
  });

  it('resolves ranges across the year, month spans, open ends and "항목 : 시기" lines', () => {
    const study = milestone(all[1]!, '조직문화 진단 및 개선방안 연구용역 추진');
    expect(study.date).toMatchObject({ written: '(2018. 12월 ~ 2019. 2월)', start: '2018-12-01', end: '2019-02-28' });
    const tf = milestone(all[1]!, '행복한 일터 만들기 TF 추진단 구성·운영으로 상시 혁신과제 발굴');
    expect(tf.date).toMatchObject({ start: '2018-12-01', end: null, precision: 'ongoing' });
    const manual = milestone(all[2]!, '실·국(본부) 단위별 표준보고서 매뉴얼 활용방법 교육');
    expect(manual.date).toMatchObject({ written: '(3~5월)', start: '2019-03-01', end: '2019-05-31' });
    const yearRound = milestone(all[2]!, '인재개발원 보고서 품질향상 직급별·내용별로 다양한 교육과정 신설 추진');
    expect(yearRound.date).toMatchObject({
      written: '(연중)',
      start: '2019-01-01',
      end: '2019-12-31',
      precision: 'ongoing',
    });
    const panel = milestone(all[3]!, '시민행복 제안 디자인 자문단 구축 및 운영');
    expect(panel.date).toMatchObject({ written: '(3월~)', start: '2019-03-01', end: null });
    expect(milestone(all[3]!, '시민혁신 아이디어 및 대학생 혁신 우수논문 공모').date?.end).toBe('2019-07-31');
    const committee = milestone(all[4]!, '인권위원회 구성·운영');
    expect(committee.date).toEqual({ written: '4월', start: '2019-04-01', end: '2019-04-30', precision: 'month' });
    // The ordinance passed before the plan year: cited, not planned.
    const passed = all[4]!.milestones.find((m) => m.date?.start === '2018-12-14');
    expect(passed?.done).toBeNull();
    expect(milestone(all[5]!, '인권 아카데미 운영').date).toMatchObject({ written: '연중', precision: 'ongoing' });
    expect(milestone(all[5]!, '시민과 함께하는 인권토론회 개최').date).toEqual({
      written: '하반기',
      start: '2019-07-01',
      end: '2019-12-31',
      precision: 'half',
    });
    expect(milestone(all[5]!, '인권증진 캠페인').date?.written).toBe('연중');
  });

  it('keeps amounts written inside a task as budget notes, not lines', () => {
    expect(all[5]!.budget?.lines).toEqual([]);
    expect(all[5]!.budget?.notes.map((n) => [n.text, n.src.lines[0]])).toEqual([
      ['인천민주화운동센터 운영 : 위탁운영(275,000천원)', 276],
    ]);
    expect(all.slice(0, 5).every((t) => t.budget === null)).toBe(true);
  });
});

describe('work-plan: 부산광역시 2025 주요업무계획 (layout-mode PDF text)', () => {
  it('인재개발원: department from the title block, 정원/현원, 세입·세출 tables with items', () => {
    const result = parse(HRDI);
    expect(result.family).toBe('work-plan');
    expect(result.organization).toBe('부산광역시');
    expect(result.warnings).toEqual([]);
    const dept = department(result);
    expect(dept.title).toBe('인재개발원');
    expect(dept.aliases).toContain('부산광역시인재개발원');
    expect([dept.year, dept.phase, dept.status?.asOf]).toEqual([2025, 'plan', '2025-02-07']);
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 46, 47],
      // Lines 48–50 break the grade header over three lines; each digit stands over its own column.
      ['3급', 1, 1],
      ['4급', 3, 3],
      ['5급', 9, 9],
      ['6급', 18, 17],
      ['7급', 11, 9],
      ['8급이하', 4, 8],
    ]);
    expect(dept.teams).toEqual(['교육지원과', '전문교육과', '역량교육과']);
    expect(dept.orgTeams[0]!.duties).toEqual([
      '조직‧인사관리, 주요업무계획, 감사‧의회, 예산‧결산, 회계',
      '청사시설‧기자재 관리, 교육생 급식, 도서실‧의무실 운영',
    ]);
    expect(budget(dept, 2025, null)).toEqual(['9,322', '백만원', 9_322_000_000]);
    expect(budget(dept, 2024, null)).toEqual(['9,167', '백만원', 9_167_000_000]);
    expect(budget(dept, 2025, '세입')).toEqual(['972', '백만원', 972_000_000]);
    expect(budget(dept, 2024, '세입')).toEqual(['971', '백만원', 971_000_000]);
    expect(budget(dept, 2025, '세입 · 기타수입')).toEqual(['206', '백만원', 206_000_000]);
    expect(budget(dept, 2025, '쾌적한 교육환경 조성')).toEqual(['1,467', '백만원', 1_467_000_000]);
    expect(budget(dept, 2024, '쾌적한 교육환경 조성')[2]).toBe(1_382_000_000);
    expect(budget(dept, 2025, '역량교육 내실화')[2]).toBe(1_527_000_000);
    expect(budget(dept, 2025, '인력운영비')[2]).toBe(4_920_000_000);
    expect(budget(dept, 2025, '기본경비')[2]).toBe(114_000_000);
    expect(budget(dept, 2025, '보전지출')[2]).toBe(3_000_000);
    expect(dept.budget?.lines).toHaveLength(22);

    const all = tasks(result);
    expect(all.map((t) => [t.title, t.src.lines[0]])).toEqual([
      ['지방시대를 견인하는 공직자의 공직윤리 정립', 290],
      ['‘글로벌 허브도시 부산’ 도약, 변화와 혁신의 역량 개발', 323],
      ['디지털 혁신시대 인공지능 기반 행정의 역량 강화', 400],
      ['공적열정의 공직자 삶에 특별한 쉼과 회복 지원', 467],
    ]);
    expect(all[3]!.src.lines[1]).toBe(495);
    expect(all[0]!.headings).toEqual([
      '국정철학 및 국정과제의 공유·확산 교육 지속 운영',
      '지방시대를 견인하는 핵심 인재의 공직윤리 교육 강화',
      '서로 돕고 힘이 되어주며 함께 성장하는 공직문화 모색',
    ]);
    expect(all.every((t) => t.department === '인재개발원' && t.year === 2025 && t.phase === 'plan')).toBe(true);
  });

  it('대변인: department from the org chart, staffing and budget per 담당관, ten tasks under three strategies', () => {
    const result = parse(SPOKESPERSON);
    expect(result.warnings).toEqual([]);
    const dept = department(result);
    expect(dept.title).toBe('대변인');
    expect(dept.aliases).toEqual(['대변인실']);
    expect(dept.status?.asOf).toBe('2025-02-12');
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 79, 78],
      ['홍보담당관', 21, 21],
      ['공보담당관', 25, 25],
      ['뉴미디어담당관', 33, 32],
    ]);
    expect(dept.teams).toEqual(['홍보담당관', '공보담당관', '뉴미디어담당관']);
    expect(dept.orgTeams[1]!.duties).toContain('언론 모니터링‧분석‧대응 등에 관한 사항');
    expect(dept.orgTeams[0]!.duties).toContain('주요 시정 홍보(광고‧캠페인, 홍보물 제작‧활용 등) 전략 수립 및 시행');
    // 세입 is "-" in every column: no lines, never zeros.
    expect(dept.budget?.lines.map((l) => [l.item, l.amount.written, l.year])).toEqual([
      [null, '17,647', 2025],
      ['홍보담당관', '4,442', 2025],
      ['공보담당관', '6,847', 2025],
      ['뉴미디어담당관', '6,358', 2025],
    ]);
    expect(budget(dept, 2025, null)[2]).toBe(17_647_000_000);

    const all = tasks(result);
    expect(all).toHaveLength(10);
    expect(all[0]!.title).toBe('수요자 중심의 전략적 시정홍보로 도시 변화 체감');
    expect(all[0]!.category).toBe('민선8기 시정가치 확산으로 시민들의 도시 변화 체감');
    expect(all[3]!.category).toBe('전략적인 언론홍보 및 협업 기능 활성화');
    // A task ends where the next strategy's overview page ("2. 전략적인 언론홍보 …") begins.
    expect(all[2]!.src.lines).toEqual([577, 611]);
    expect(all[9]!.title).toBe('정책 맞춤형 홈페이지 콘텐츠 강화로 이용자 만족도 향상');
    expect(all[9]!.src.lines).toEqual([838, 872]);
    const campaign = all[2]!;
    expect(campaign.title).toBe('기획 홍보 강화 및 마케팅 캠페인 전개로 시정가치 확산');
    expect(milestone(campaign, '부기 팬이벤트 유료화 개최').date).toEqual({
      written: '(4월)',
      start: '2025-04-01',
      end: '2025-04-30',
      precision: 'month',
    });
    expect(milestone(campaign, '주요 정책과 시정 성과를 담은 시정 홍보 책자 디자인 기획 제작').date).toMatchObject({
      start: '2025-02-01',
      end: '2025-06-30',
    });
    expect(campaign.headings[0]).toBe('전략적 기획 홍보 강화 및 마케팅 캠페인 전개로 정책별 선제적 홍보 추진');
    // A sub-title whose □ the layout lost is a heading where stray chart dots ('· ·  ·') stand between it and its ❍.
    const press = all.find((t) => t.title === '언론사와의 전략적 협업을 통한 주요 시책 확산')!;
    expect(press.headings).toContain('시정 광고의 효율적인 관리와 운영으로 매체집행 효과성 확대');
  });

  it('상수도사업본부: 정원 without 현원, the 예산규모 line with its 세입/세출 lists, five TOC tasks', () => {
    const result = parse(WATERWORKS);
    expect(result.warnings).toEqual([]);
    const dept = department(result);
    expect(dept.title).toBe('상수도사업본부');
    expect(dept.status?.asOf).toBe('2025-02-10');
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 1138, null],
      ['공무원', 850, null],
      ['공무직·청경 등', 288, null],
    ]);
    expect(dept.teams).toEqual([]);
    expect(budget(dept, 2025, null)).toEqual(['4,560', '억원', 456_000_000_000]);
    expect(budget(dept, 2025, '세입 · 사용료수익')).toEqual(['3,656', '억원', 365_600_000_000]);
    expect(budget(dept, 2025, '투자사업비')[2]).toBe(94_600_000_000);
    expect(dept.budget?.lines).toHaveLength(10);

    const all = tasks(result);
    expect(all.map((t) => t.title)).toEqual([
      '고품질의 수돗물 생산',
      '수돗물의 안정적 공급',
      '미래대응 수도사업 인프라 조성',
      '선제적 위기관리',
      '고객 · 사회에 대한 기여(ESG)',
    ]);
    expect(all[1]!.aliases).toEqual(['수돗물의 안정적인 공급']);
    expect(all.map((t) => t.src.lines[0])).toEqual([219, 297, 386, 455, 524]);
    expect(all[4]!.src.lines[1]).toBe(592);
    expect(all[0]!.headings).toEqual([
      '취수원부터 가정 수도꼭지까지 꼼꼼한 수질관리',
      '취수·정수시설 고도화로 원·정수 수질대응',
    ]);
    const popup = milestone(all[4]!, '일상 속 수돗물의 소중함을 알리는 ‘순수365’ 팝업스토어 운영');
    expect(popup.date).toEqual({ written: '(연 2회)', start: '2025-01-01', end: '2025-12-31', precision: 'ongoing' });
    const demolition = milestone(all[0]!, '기존 건축물 철거');
    expect(demolition.date).toMatchObject({ start: '2025-12-01', end: '2025-12-31', precision: 'month' });
    // "(’25년 계획)" in front of dated steps is a label, not a milestone.
    expect(all[2]!.milestones.filter((m) => m.src.lines[0] === 413).map((m) => m.text)).toEqual([
      '자체계획 수립',
      '아이디어 접수',
      '심사',
    ]);
    expect(all[0]!.budget?.notes[0]?.text).toBe('회동상수원보호구역 관리대책 수립 용역 ▸ ’23년~‘25년, 2.97억원');
  });
});

describe('work-plan: task titles are headings', () => {
  // Every plan here and in shared/corpus/busan-plans (read in place when present): a stray "26" of "제26회" on its
  // own layout line before "▹13개 종목, 20여개국, 3,413여명 참가" once made that bullet of figures a task title.
  const shared = sharedCorpusDir();
  const plans = [
    ...PLANS,
    ...(shared ? readdirSync(join(shared, 'busan-plans')).filter((f) => f.endsWith('.txt')).map((f) => join(shared, 'busan-plans', f)) : []),
  ];
  it('never takes a list item or a line of figures for a task title', () => {
    for (const path of plans) {
      for (const t of tasks(parse(path))) {
        expect(t.title, path).not.toMatch(/^[-–·•○◦ㅇ❍◇◈❖◆▸▹▫▪‣►※*]/);
        const words = t.title.split(/[\s,]+/).filter(Boolean);
        expect(words.filter((w) => /\d/.test(w)).length * 2, `${path}: ${t.title}`).toBeLessThanOrEqual(words.length);
      }
    }
  });
});

describe('work-plan: structure, not one file', () => {
  /** The Incheon plan rewritten as another department's: other teams, numbers, titles, and five tasks. */
  function variant(): SourceDocument {
    const { doc } = loadDocument(INCHEON);
    const lines = doc.lines.slice(0, 252).map((l) =>
      l
        .replace('2019년 주요 업무계획', '2021년 주요 업무계획')
        .replace(/^2018\. 12\.$/, '2020. 11.')
        .replaceAll('혁신담당관실', '자치행정과')
        .replace(/^혁신기획팀\t4\/4/, '자치행정팀\t5/4')
        .replace(/^혁신제안팀\t1\/3/, '주민자치팀\t2/3')
        .replace(/^시민인권팀\t3\/3/, '마을공동체팀\t2/2')
        .replace(/^계\t8\/10/, '계\t9/9')
        .replace(/^구분\t2018년\t2019년/, '구분\t2020년\t2021년')
        .replace(/^계\t178\t365\t-\t71\t294$/, '계\t200\t410\t-\t110\t300')
        .replace(/^자치행정과\t178\t365\t-\t71\t294$/, '자치행정과\t200\t410\t-\t110\t300'),
    );
    // Five tasks: the sixth's contents entry and body go, the others get new titles.
    const toc = ['주민자치회 전면 시행', '마을공동체 활성화', '행정 효율화', '시민 제안 확대', '자치분권 기반 조성'];
    for (let k = 0; k < 6; k++) lines[98 + k] = k < 5 ? `${k + 1}. ${toc[k]}\t${6 + k}` : '';
    lines[116] = '주민자치회 전면 시행';
    lines[138] = ' - 주민자치회 설명회 개최(4월)';
    lines[241] = '- 자치분권위원회 구성·운영 : 9월';
    return { path: 'variant.txt', name: 'variant.txt', encoding: 'utf-8', lines };
  }

  it('reads a plan with other teams, other numbers and five tasks', () => {
    const result = parseDocument(variant());
    expect(result.family).toBe('work-plan');
    expect(result.warnings).toEqual([]);
    const dept = department(result);
    expect([dept.title, dept.year, dept.status?.asOf]).toEqual(['자치행정과', 2021, '2020-11']);
    expect(dept.teams).toEqual(['자치행정팀', '주민자치팀', '마을공동체팀']);
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 9, 9],
      ['자치행정팀', 5, 4],
      ['주민자치팀', 2, 3],
      ['마을공동체팀', 2, 2],
    ]);
    expect(budget(dept, 2021, null)[2]).toBe(410_000_000);
    expect(budget(dept, 2020, null)[2]).toBe(200_000_000);
    expect(budget(dept, 2021, '물건비')[2]).toBe(110_000_000);

    const all = tasks(result);
    expect(all.map((t) => t.title)).toEqual([
      '주민자치회 전면 시행',
      '마을공동체 활성화',
      '행정 효율화',
      '시민 제안 확대',
      '자치분권 기반 조성',
    ]);
    expect(all[4]!.src.lines).toEqual([227, 252]);
    expect(all.every((t) => t.department === '자치행정과' && t.year === 2021)).toBe(true);
    expect(all[0]!.key).toBe('인천광역시/자치행정과/2021/plan/주민자치회 전면 시행');
    expect(milestone(all[0]!, '주민자치회 설명회 개최').date).toMatchObject({ start: '2021-04-01', end: '2021-04-30' });
    expect(milestone(all[4]!, '자치분권위원회 구성·운영').date).toMatchObject({
      start: '2021-09-01',
      end: '2021-09-30',
    });
  });

  it('starts a task at its ◇ summary when the body leaves out even the first title', () => {
    const doc = variant();
    doc.lines[114] = '';
    doc.lines[116] = '';
    const all = tasks(parseDocument(doc));
    expect(all.map((t) => t.src.lines[0])).toEqual([119, 146, 176, 202, 227]);
    expect(all[0]!.title).toBe('주민자치회 전면 시행');
  });

  it('reads 정원/현원 as columns and a budget table whose 증감 follows the older year', () => {
    const doc = variant();
    doc.lines.splice(29, 6, '구분\t정원\t현원\t과부족', '계\t9\t8\t△1', '총무팀\t4\t4\t-', '예산팀\t5\t4\t△1', '', '');
    doc.lines.splice(
      42,
      4,
      '구분\t2020년\t2021년\t증감',
      '계\t300\t350\t50',
      '총무팀\t100\t120\t20',
      '예산팀\t200\t230\t30',
    );
    const result = parseDocument(doc);
    expect(result.warnings).toEqual([]);
    const dept = department(result);
    expect(dept.staffing.map((s) => [s.group, s.authorized, s.current])).toEqual([
      ['계', 9, 8],
      ['총무팀', 4, 4],
      ['예산팀', 5, 4],
    ]);
    expect(dept.teams).toEqual(['총무팀', '예산팀']);
    expect(budget(dept, 2021, null)[2]).toBe(350_000_000);
    expect(budget(dept, 2020, null)[2]).toBe(300_000_000);
    expect(budget(dept, 2021, '예산팀')[2]).toBe(230_000_000);
    expect(dept.budget?.lines).toHaveLength(6);
  });

  it('warns instead of guessing when a budget table does not add up', () => {
    const doc = variant();
    doc.lines[44] = '계\t200\t410\t-\t110\t250';
    doc.lines[45] = '자치행정과\t200\t410\t-\t110\t250';
    const dept = department(parseDocument(doc));
    expect(dept.budget?.lines.map((l) => [l.year, l.item])).toEqual([
      [2020, null],
      [2021, null],
    ]);
    const result = workPlanFamily.parse(doc);
    expect(result.warnings.map((w) => w.line)).toEqual([45]);
  });

  it('never throws on a document that only looks like a plan', () => {
    const doc: SourceDocument = {
      path: 'odd.txt',
      name: 'odd.txt',
      encoding: 'utf-8',
      lines: ['2024년 주요업무계획', '', 'Ⅰ. 일반현황', '(단위 : 백만원)', '계\t\t-', '◇', '□', '1', ''],
    };
    const result = workPlanFamily.parse(doc);
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(parseDocument(doc).family).toBe('work-plan');
  });

  it('keeps keys stable across re-ingests and unique within a document', () => {
    for (const path of PLANS) {
      const a = parse(path).records.map((r) => r.key);
      const b = parse(path).records.map((r) => r.key);
      expect(a).toEqual(b);
      expect(new Set(a).size).toBe(a.length);
    }
  });

  it('gives every fact a line span inside the document', () => {
    for (const path of PLANS) {
      const { doc } = loadDocument(path);
      const n = doc.lines.length;
      const inside = (s: { lines: [number, number] }) => s.lines[0] >= 1 && s.lines[1] <= n;
      for (const r of parseDocument(doc).records) {
        expect(inside(r.src)).toBe(true);
        for (const m of r.milestones) expect(inside(m.src)).toBe(true);
        for (const l of r.budget?.lines ?? []) expect(inside(l.src)).toBe(true);
        for (const s of r.staffing) expect(inside(s.src)).toBe(true);
      }
    }
  });
});

describe('work-plan detection', () => {
  const files = [
    ...readdirSync('data/samples').map((f) => `data/samples/${f}`),
    ...readdirSync('test/fixtures/corpus')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `test/fixtures/corpus/${f}`),
  ];

  it('covers the seventeen documents', () => {
    expect(files).toHaveLength(17);
  });

  it.each(files)('%s', (path) => {
    const { doc } = loadDocument(path);
    const score = workPlanFamily.detect(doc);
    if (PLANS.includes(path)) {
      expect(score).toBeGreaterThan(0.5);
      expect(chooseFamily(doc).name).toBe('work-plan');
    } else {
      // The annual report (추진실적 of a past year) has the same 일반현황 part but is not a plan.
      expect(score).toBe(0);
    }
  });
});

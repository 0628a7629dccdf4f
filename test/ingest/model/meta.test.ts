/**
 * Metadata of every family, read from real documents: titles that are never a slogan, a date line or a document
 * number; the document's own date; departments; and contacts that keep their own department and team when a
 * press release stacks several departments' header blocks, or a 시행문 signs at its foot.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { readMeta } from '../../../src/ingest/model/meta.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { CORPUS, SAMPLES } from '../../helpers.js';

const shared = sharedCorpusDir();
const meta = (path: string) => {
  const { doc } = loadDocument(path);
  return readMeta(doc.lines, doc.name);
};
const at = (folder: string, file: string) => meta(join(shared!, folder, file));
const people = (m: ReturnType<typeof meta>) => m.contacts.map((c) => [c.department, c.team, c.position, c.name, c.phone]);

describe.skipIf(!shared)('press releases: stacked header blocks keep each person in their own department', () => {
  it('three departments, three people per rank, the rank written once per group', () => {
    const m = at('busan-press', 'busan-press-2025-07-01-15-minute-city-july-programmes.layout.txt');
    expect(m.title).toBe("7월의 15분도시 부산 '내 집 더 가까이, 뭐하고 싶오?'");
    expect(m.date).toEqual({ written: '2025년 7월 1일', iso: '2025-07-01' });
    // The unit's name starts with a number: "15분도시기획과", not "분도시기획과".
    expect(m.department).toBe('15분도시기획과');
    expect(people(m)).toEqual([
      ['15분도시기획과', '15분도시운영팀', '과장', '유정규', '051-888-4520'],
      ['문화예술과', '문화복지팀', '과장', '박희연', '051-888-5040'],
      ['생활체육과', '생활체육진흥팀', '과장', '강정아', '051-888-6530'],
      ['15분도시기획과', '15분도시운영팀', '팀장', '서준영', '051-888-4533'],
      ['문화예술과', '문화복지팀', '팀장', '박선옥', '051-888-5023'],
      ['생활체육과', '생활체육진흥팀', '팀장', '이지민', '051-888-6533'],
      ['15분도시기획과', '15분도시운영팀', '담당자', '이지연', '051-888-4537'],
      ['문화예술과', '문화복지팀', '담당자', '임수정', '051-888-5025'],
      ['생활체육과', '생활체육진흥팀', '담당자', '김주연', '051-888-6531'],
    ]);
  });

  it('a rank alone on its line between the two people it heads, units listed under the label', () => {
    const m = at('busan-press', 'busan-press-2025-07-02-kmou-workation-space.layout.txt');
    expect(people(m)).toEqual([
      ['관광정책과', '관광정책팀', '과장', '김동훈', '051-888-5180'],
      ['미래혁신기획과', '공공기관이전팀', '과장', '이승우', '051-888-2810'],
      ['관광정책과', '관광정책팀', '팀장', '송찬희', '051-888-5183'],
      ['미래혁신기획과', '공공기관이전팀', '팀장', '조형우', '051-888-6723'],
      ['관광정책과', '관광정책팀', '담당자', '박상진', '051-888-5188'],
      ['미래혁신기획과', '공공기관이전팀', '담당자', '전하연', '051-888-6725'],
    ]);
    const gijang = at('busan-press', 'busan-press-2025-07-03-gijang-apartment-fire-response.layout.txt');
    expect(people(gijang)).toContainEqual(['여성가족과', '가족정책팀', '과장', '김소영', '051-888-1530']);
    expect(people(gijang)).toContainEqual(['사회재난과', '사회재난팀', '담당자', '석태진', '051-888-2952']);
    // Nobody is left without a rank or a department.
    expect(gijang.contacts.every((c) => c.position && c.department && c.team)).toBe(true);
  });

  it('a raw single-column header: one department for all', () => {
    const m = at('busan-press', 'busan-press-2025-07-08-donation-campaign-award-ceremony.raw.txt');
    expect(m.department).toBe('복지정책과');
    expect(people(m)).toEqual([
      ['복지정책과', '사회복지정책팀', '과장', '최영희', '051-888-3150'],
      ['복지정책과', '사회복지정책팀', '팀장', '오유경', '051-888-3143'],
      ['복지정책과', '사회복지정책팀', '담당자', '이승환', '051-888-3147'],
    ]);
  });

  it("a ministry's release: the title wrapped over two lines, its 보도시점, and the 담당 부서 table after the text", () => {
    const m = at('hwp', 'press-2024-moef-overseas-direct-investment-q3.txt');
    expect(m.title).toBe('‘24년 3분기 해외직접투자는 주요국의 경기 부진과 지정학적 불안 등으로 하락세 지속');
    expect(m.date?.iso).toBe('2024-12-13');
    expect(m.department).toBe('대외경제국');
    expect(people(m)).toContainEqual(['대외경제국', null, '과장', '강병중', '044-215-7630']);
  });
});

describe.skipIf(!shared)('approval documents: the subject, the 시행 date and the signers', () => {
  it('a 시행문: never the letterhead slogan; the 시행 date, not a deadline in the body; the approval line at the foot', () => {
    const m = at('seoul-approvals', 'seoul-approval-2025-bank-participation-check-3001.txt');
    expect(m.title).toBe('서울 청년수당 사업 참여여부 조회 협조 요청');
    expect(m.title).not.toMatch(/마음이 모이면/);
    expect(m.date).toEqual({ written: '2025. 3. 24.', iso: '2025-03-24' });
    expect(m.department).toBe('청년사업담당관');
    expect(m.contacts.map((c) => [c.position, c.name, c.team, c.phone, c.role, c.signedAs ?? null])).toEqual([
      ['주무관', '최수정', '청년생활지원팀', '02-2133-6585', 'drafter', null],
      ['청년생활지원팀장', '김정남', '청년생활지원팀', null, 'reviewer', null],
      ['청년사업담당관', '이동건', null, null, 'approver', '代'],
    ]);
    expect(m.contacts[0]!.email).toBe('csj4560@seoul.go.kr');
    const motto = at('seoul-approvals', 'seoul-approval-2025-university-enrolment-check-5650.txt');
    expect(motto.title).toBe('2025년 서울 청년수당 추가모집 신청자의 대학(원) 재학여부 조회 요청');
  });

  it('signers after 협조자 cooperate from their own units', () => {
    const m = at('seoul-approvals', 'seoul-approval-2025-callcenter-tender-request-916.txt');
    const coop = m.contacts.filter((c) => c.role === 'cooperator').map((c) => [c.department, c.team, c.name]);
    expect(coop).toEqual([
      [null, '기후환경산업팀', '복혜진'],
      [null, '계약2팀', '홍경숙'],
    ]);
  });

  it('a report: the title under the form head, never its document number', () => {
    const m = at('seoul-approvals', 'seoul-approval-2025-callcenter-prespec-plan-707.txt');
    expect(m.title).toBe('「2025년 서울 청년수당 서류검증단 및 전담 콜센터 운영 용역」 사전 규격 공개 계획');
    expect(m.date?.iso).toBe('2025-01-20');
    expect(m.department).toBe('청년사업담당관');
  });
});

describe.skipIf(!shared)('plans, notices and HWP texts', () => {
  it("a plan's cover: the paper's name over a slogan, the year above it, the bureau under it", () => {
    expect(at('busan-plans', 'busan-2025-plan-culture-sports.layout.txt').title).toBe('2025년 주요 업무계획');
    const health = at('busan-plans', 'busan-2025-plan-citizen-health.raw.txt');
    expect(health.title).toBe('2025년도 주요 업무계획');
    expect(health.department).toBe('시민건강국');
    expect(at('busan-plans', 'busan-2025-plan-finance-startup-policy.raw.txt').department).toBe('금융창업정책관');
  });

  it("a notice's title wrapped over lines is read whole; a 문의처 with a role and no person names nobody", () => {
    const m = at('notices', 'notice-2025-ulsan-ccei-staff-recruitment.txt');
    expect(m.title).toBe('(재)울산창조경제혁신센터 직원 (정규직 전환형, 계약직) 채용 공고');
    expect(m.department).toBe('기획본부');
    expect(people(m)).toEqual([['기획본부', null, '인사담당', null, '052-230-3407']]);
    expect(at('notices', 'notice-2025-jeonbuk-ccei-scale-up-ir-recruitment.txt').title).toBe(
      '2025년 전북 벤처투자 라운드 SCALE-UP IR 참여기업 모집 연장 공고',
    );
  });

  it('the organisation is who signs a notice, not the place its text names most', () => {
    expect(at('hwp', 'notice-2026-msit-agentic-ai-rnd-call.txt').organization).toBe('과학기술정보통신부');
    expect(at('notices', 'notice-2025-jeonbuk-ccei-scale-up-ir-recruitment.txt').organization).toBe('전북창조경제혁신센터');
    expect(at('hwp', 'notice-2026-kalis-green-remodelling-simulator-operator.txt').organization).toBe('국토안전관리원');
    expect(at('notices', 'notice-2025-keco-incheon-green-youth-startup.txt').organization).toBe('한국환경공단');
    // A press release signs no issuer line: the city its text names.
    expect(at('busan-press', 'busan-press-2025-07-08-hacksium-hacking-contest.layout.txt').organization).toBe('부산광역시');
  });

  it('numbers with their person after them, and the unit in the cell above', () => {
    const m = at('hwp', 'notice-2026-kalis-green-remodelling-simulator-operator.txt');
    expect(people(m)).toEqual([
      ['그린리모델링창조센터', null, '과장', '라선중', '055-771-4876'],
      ['그린리모델링창조센터', null, '직원', '김승희', '055-771-4823'],
      ['그린리모델링창조센터', null, '직원', '김재홍', '055-771-4849'],
    ]);
    expect(m.contacts.some((c) => c.name === '사용문의')).toBe(false);
  });

  it('numbers under a 문의처 heading with the office in the cell beside them, no person', () => {
    const m = at('notices', 'notice-2025-jeonbuk-ccei-scale-up-ir-recruitment.txt');
    expect(people(m)).toEqual([
      ['전북창조경제혁신센터', '투자연계사업팀', '문의처', null, '063-220-8906'],
      ['전북창조경제혁신센터', '투자연계사업팀', '문의처', null, '063-220-8910'],
    ]);
  });

  it('words of a sentence are not names; an extension after a name keeps the name', () => {
    const water = at('hwp', 'report-2025-kwater-seokseong-water-quality-november.txt');
    expect(water.contacts.map((c) => [c.name, c.position, c.phone])).toEqual([[null, '문의처', '731-8226']]);
    const plan = at('hwp', 'plan-2025-kwater-public-data-quality-council.txt');
    expect(plan.contacts.map((c) => [c.name, c.position, c.phone])).toContainEqual(['오은', '단장', '3800']);
    expect(plan.contacts.map((c) => [c.name, c.position, c.phone])).toContainEqual(['박진기', '책임', '3807']);
  });

  it("a brief's running number is not part of its title", () => {
    expect(at('budget-briefs', 'budget-brief-2024-employment-labor-youth-job-creation.layout.txt').title).toBe(
      '청년일자리창출지원(1043-301)',
    );
  });
});

describe('documents in the repository', () => {
  it("a work plan's slogan over its name is not the title", () => {
    const m = meta(join(SAMPLES, 'incheon-innovation-2019-work-plan.txt'));
    expect(m.title).toBe('2019년 주요 업무계획');
  });

  it("a budget record: the programme under its tripled label, the department its 부서 names last", () => {
    const m = meta(join(CORPUS, 'seoul-openfinance-2018-1137.txt'));
    expect(m.title).toBe('건강한 금융생활 지원을 위한 민관협력 활성화');
    expect(m.department).toBe('청년정책담당관');
  });

  it('a 시행문 signed on the ☎ line keeps its contacts and the title is never the document number', () => {
    const m = meta(join(CORPUS, 'seoul-approval-2024-youth-allowance-tf.txt'));
    expect(m.title).not.toMatch(/-\d+$/);
    expect(m.department).toBe('청년사업담당관');
    expect(m.contacts.map((c) => c.name)).toEqual(expect.arrayContaining(['김정남', '최수정']));
  });
});

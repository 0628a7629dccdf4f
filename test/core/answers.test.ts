import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../helpers.js';
import { type Knowledge, loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { CORPUS, SAMPLES, tempDir } from '../helpers.js';

let store: ProjectStore;
const at = (today: string): Knowledge => ({ ...loadKnowledge(store, fixedClock(today)) });
let k: Knowledge;
const ask = (q: string, kn: Knowledge = k) => {
  const r = answer(q, kn);
  return { reply: r, text: renderText(r) };
};

beforeAll(() => {
  store = ProjectStore.open(join(tempDir(), 'answers.db'));
  ingestPaths(store, [SAMPLES, CORPUS]);
  k = at('2021-06-01');
});

describe('budget', () => {
  it('answers a budget line of a department table with its unit beside every number', () => {
    const { reply, text } = ask('순찰 행정 예산 얼마나 썼어?');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('18,630천원');
    expect(text).toContain('16,040천원');
    expect(text).toMatch(/yeongdeungpo-audit-annual-report\.txt/);
  });

  it('a unit no document has gets "not found", never another unit\'s project budget under its name', () => {
    // 부산's documents here are 철도시설과's 땅꺼짐 approval and the work plans; none is 교통국's.
    const { reply, text } = ask('부산 교통국 예산');
    expect(reply.kind).toBe('not_found');
    expect(reply.title).toContain('"교통국"');
    expect(text).not.toContain('240,000');
    // "세입예산" / "세출예산" are budget words too: a department's own budget answers.
    expect(ask('인재개발원 세입예산').text).toContain('972백만원');
  });

  it('gives allocated and executed per year in 백만원 for a 정책실명제 sheet', () => {
    const { text } = ask('예산 협치');
    expect(text).toMatch(/2019[^\n]*31백만원[^\n]*15백만원/);
    expect(text).toMatch(/2020[^\n]*32백만원[^\n]*14백만원/);
    expect(text).toContain('116백만원');
  });

  it('says "no budget" as the document says it, never 0', () => {
    const { text } = ask('3-8-76 예산');
    expect(text).toContain('해당없음');
    expect(text).not.toMatch(/\b0백만원/);
    const lease = ask('9-2-1 예산').text;
    expect(lease).toContain('비예산');
  });

  it("never answers with the budget of a project that only mentions the words in its text", () => {
    const { reply, text } = ask('살피미 예산');
    expect(reply.kind).toBe('not_found');
    expect(text).toMatch(/\d+행: [^\n]*살피미/);
    expect(text).not.toMatch(/천원/);
  });

  it('shows the written and the computed execution rate of a report project', () => {
    const { text } = ask('감사의 내실화 예산');
    expect(text).toContain('20,263천원');
    expect(text).toContain('16,752천원');
    expect(text).toMatch(/83%[^\n]*문서/);
    expect(text).toMatch(/82\.7%[^\n]*계산/);
  });
});

describe('status and the project card', () => {
  it('gives progress, state and target as written', () => {
    const { text } = ask('현황 3-8-76');
    expect(text).toContain('80%');
    expect(text).toContain('추진중');
    expect(text).toMatch(/2022\. ?12\./);
    expect(text).toContain('약속');
    expect(text).toContain('누적 추진율: 현재 80% (2021년 1분기) / 목표 85% (2021년 2분기)');
    // As written on the progress heading it comes from, and that line is cited.
    expect(text).toContain('기준일: 2021. 3. 31.');
    expect(text).toMatch(/출처: suwon-policy-sheet-3-8-76-human-rights-governance\.txt · [^\n]*53행/);
  });

  it('answers a plain question with the state as written', () => {
    const { text } = ask('일자리진흥지구 시범사업 어디까지 됐어?');
    expect(text).toContain('이행 후 계속추진');
    expect(text).toContain('임기 내 · 신규');
  });

  it('answers a bare code with the project card', () => {
    const { reply, text } = ask('15-3-5');
    expect(reply.title).toContain('디지털 국제페스티벌');
    expect(text).toContain('정상추진');
    expect(text).toContain('박태주');
  });
});

describe('milestones', () => {
  it('gives an office\'s coming items across its projects, in date order, each with its project ("인권담당관 일정")', () => {
    const { reply, text } = ask('인권담당관 일정');
    expect(reply.title).toBe('인권담당관 — 다가오는 일정 (오늘 2021-06-01 기준)');
    const items = text.split('\n').filter((l) => l.startsWith('  • '));
    expect(items[0]).toBe('  • 내부 협의체 간담회 및 협력방안 논의 — 2021. 하반기 (예정) — 인권보호 거버넌스 구축 및 인권조직 위상 강화');
    expect(items.at(-1)).toBe('  • 운영위원회 및 실무협의회 구성·운영 — 2022. 하반기 (예정) — 인권보호 거버넌스 구축 및 인권조직 위상 강화');
    expect(reply.sources).toEqual(['suwon-policy-sheet-3-8-76-human-rights-governance.txt · 향후추진계획 · 81–84행']);
    // An office whose items have all passed: its latest ones, marked 지남, each with its project (as for one project).
    const audit = ask('감사담당관 일정').text;
    expect(audit).toContain('문서의 일정이 모두 지났습니다. 지난 일정을 보여 드립니다.');
    expect(audit).toContain('(지남) — 구정 청렴도 향상');
    expect(audit).not.toContain('인권보호 거버넌스');
  });

  it('gives a named item its date, upcoming before it and past after it', () => {
    expect(ask('혁신토론회 언제 해?', at('2019-01-15')).text).toMatch(/혁신토론회[^\n]*3월[^\n]*예정/);
    expect(ask('혁신토론회 언제 해?', at('2019-06-01')).text).toMatch(/혁신토론회[^\n]*3월[^\n]*지남/);
  });

  it('lists upcoming items in date order', () => {
    const { text } = ask('일정 3-8-76', at('2021-06-01'));
    const a = text.indexOf('내부 협의체');
    const b = text.indexOf('업무협약');
    const c = text.indexOf('운영위원회');
    expect(a).toBeGreaterThan(-1);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });

  it('shows a finished schedule as past', () => {
    const { text } = ask('일정 협치시정', at('2023-01-01'));
    expect(text).toContain('모두 지났습니다');
    expect(text).toContain('지남');
  });
});

describe('people', () => {
  it('finds a position with its extension', () => {
    const { text } = ask('정책기획과장 전화번호');
    expect(text).toContain('박사승');
    expect(text).toContain('2050');
  });

  it('finds who holds a position, particle and all', () => {
    const { text } = ask('전월세팀장이 누구지?');
    expect(text).toContain('김용경');
    expect(text).toContain('7702');
  });

  it('finds a person by a bare extension, and shared numbers for each name', () => {
    expect(ask('2580').text).toContain('박동일');
    const { text } = ask('6585');
    expect(text).toContain('최수정');
    expect(text).toContain('한보라');
  });

  it('lists the projects a team has', () => {
    const { text } = ask('감사팀이 맡은 사업');
    expect(text).toContain('감사의 내실화 및 공직기강 확립');
    expect(text).toContain('구정 청렴도 향상');
  });
});

describe('units without a command word', () => {
  it('lists the projects of a department or team the documents name', () => {
    const { text } = ask('교통과 공약');
    expect(text).toContain('교통과가 맡은 사업 2건');
    expect(text).toContain('건설기계 공영주기장 조성');
  });

  it('says a department nobody names is not found instead of guessing', () => {
    const { reply, text } = ask('예산담당관');
    expect(reply.kind).toBe('not_found');
    expect(text).toContain('"예산담당관"이라는 부서·팀');
  });

  it('never calls an item dated before the document was written overdue', () => {
    const { text } = ask('인권업무 제도기반 조성 일정', at('2019-03-15'));
    expect(text).toMatch(/인권위원회 구성·운영 — 4월 \(예정\)/);
    expect(text).toMatch(/기한이 지난 일정\]\n {2}• 공포/);
    expect(text).not.toMatch(/가결[^\n]*지남/);
  });
});

describe('department', () => {
  it('gives teams, staffing and budget', () => {
    const { text } = ask('감사담당관 조직');
    for (const team of ['감사팀', '조사팀', '민원관리팀', '계약심사팀', '순찰팀', '인권팀', '현장행정지원팀'])
      expect(text).toContain(team);
    expect(text).toContain('287,494천원');
    // Line 5: "감 사 담 당 관 - (7)개팀" — the count as the document writes it, cited there.
    expect(text).toContain('조직: (7)개팀 (문서 표기)');
    expect(text).toMatch(/yeongdeungpo-audit-annual-report\.txt · 조직 · 5행/);
  });

  it('reads "인력(정/현원) : 8/10명" as 정원 8 and 현원 10, never 현원 8', () => {
    const authorized = ask('혁신담당관실 정원').text;
    expect(authorized).toContain('계 정원 8명 (원문 8/10)');
    expect(authorized).not.toMatch(/현원 8/);
    const current = ask('혁신담당관실 현원').text;
    expect(current).toContain('계 현원 10명 (원문 8/10)');
    expect(current).not.toMatch(/정원|현원 8/);
    // A team's row of the same table: its own pair.
    expect(ask('혁신제안팀 현원').text).toContain('혁신제안팀 현원 3명 (원문 1/3)');
  });

  it('a 담당관 known only from its 국\'s overview has no contact, and no other unit\'s contact stands in', () => {
    const { reply, text } = ask('빅데이터통계담당관 담당자');
    expect(reply.kind).toBe('not_found');
    expect(text).toContain('부산광역시 기획관');
    expect(text).not.toMatch(/청년사업담당관|02-/);
  });

  it('says "not found" with near names for a unit the store has no overview of, never another unit', () => {
    const youth = ask('청년정책담당관 조직');
    expect(youth.reply.kind).toBe('not_found');
    expect(youth.text).not.toMatch(/감사담당관|감사팀|287,494/);
    const incheon = ask('인천 청년사업담당관 조직');
    expect(incheon.reply.kind).toBe('not_found');
    expect(incheon.text).not.toMatch(/혁신담당관실|178/);
    expect(incheon.text).toContain('서울특별시 청년사업담당관');
  });

  it('does not answer a grade or a budget row label with the department whose table mentions it', () => {
    for (const q of ['3급 조직', '경상경비 조직']) {
      const { reply, text } = ask(q);
      expect(reply.kind, q).toBe('not_found');
      expect(text, q).not.toMatch(/조직: |정원 계|세입 계/);
    }
  });
});

describe('facts only the body text holds', () => {
  it('quotes the matching lines with their line numbers', () => {
    expect(ask('우리동네 살피미 신고 건수').text).toMatch(/\d+행: [^\n]*10,820건/);
    expect(ask('청년수당 TF 2차 회의 주제').text).toContain('정책 목표 및 사업방식 적정성 진단');
  });

  it('answers when a reported item happened, from the report itself', () => {
    const { text } = ask('원가분석자문위원회 언제 구성했어?');
    expect(text).toMatch(/원가분석자문위원회 구성[^\n]*1\.15/);
    expect(text).toMatch(/yeongdeungpo-audit-annual-report\.txt · 추진실적 · \d+행/);
  });
});

describe('search and help', () => {
  it('lists ranked projects with organisation and department', () => {
    const { reply, text } = ask('찾기 인권');
    expect(reply.kind).toBe('answer');
    expect(text.split('\n')[1]).toMatch(/^ {2}• [^\n]*인권/);
    expect(text).toContain('수원시 인권담당관');
    expect(text).toContain('인천광역시 혁신담당관실');
  });

  it('finds a project from its 초성, a typo or a wrong keyboard', () => {
    expect(ask('현황 ㅎㅊ').text).toContain('협치시정 활성화');
    expect(ask('에산 협치').text).toContain('협치시정 활성화');
    expect(ask('rPdirtlatkwp').text).toContain('계약심사제 운영');
  });

  it('generates help from the command registry', () => {
    const { reply, text } = ask('도움말');
    expect(reply.kind).toBe('help');
    for (const name of ['status', 'budget', 'milestones', 'contact', 'owner', 'department', 'search'])
      expect(text).toContain(`(${name})`);
  });
});

describe('bad and hostile messages', () => {
  it.each([
    '',
    '   ',
    '🙂🙂🙂',
    '@everyone',
    '<!channel> 예산',
    '<script>alert(1)</script>',
    'x'.repeat(5000),
    '없는사업 예산',
  ])('answers %j briefly without a crash or a mass mention', (msg) => {
    const { reply, text } = ask(msg);
    expect(['help', 'not_found', 'error', 'answer', 'ambiguous']).toContain(reply.kind);
    expect(text.length).toBeLessThan(2000);
    expect(text).not.toMatch(/@everyone|@here|<!channel>|<script/);
  });

  it('does not quote a document that shares only a common word with the question', () => {
    const { reply, text } = ask('없는 사업 현황');
    expect(reply.kind).toBe('not_found');
    expect(text).not.toMatch(/\d+행:/);
  });

  it('says it found nothing for an unknown project and suggests near titles', () => {
    const { reply } = ask('없는사업 예산');
    expect(reply.kind).toBe('not_found');
  });
});

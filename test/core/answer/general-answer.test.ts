/**
 * The general answerer over documents of families with no parser (보도자료, 예산 사업설명자료): through the real
 * router and a real SQLite store, the value asked is stated from the passage that holds it, or "not found".
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../../scripts/lib/corpus-paths.js';
import { wordIn } from '../../../src/core/answer/general.js';
import { readQuestion } from '../../../src/core/answer/question.js';
import { durationsOf, valuesOf } from '../../../src/core/answer/values.js';
import { renderText } from '../../../src/render/text.js';
import { answer, CORPUS, knowledgeOf, SAMPLES } from '../../helpers.js';

const shared = sharedCorpusDir();

describe('question shapes and constraints', () => {
  it.each([
    ['HACKSIUM 담당자 연락처', 'phone'],
    ['청년일자리창출지원 2024 확정 예산', 'amount'],
    ['해킹방어대회 언제 해?', 'date'],
    ['본선 진출 몇 팀이야', 'count'],
    ['국고보조율 얼마', 'rate'],
    ['개막식 장소', 'place'],
    ['주관 기관 어디야', 'organisation'],
    ['물멍 라운지 어디 있어', 'place'],
    // 얼마 with no word of money asks for the figure as written, whatever its unit.
    ['질산성질소 얼마 나왔어', 'quantity'],
    ['참가비 얼마', 'amount'],
    ['SMR 보조기기 통합공고 공고번호', 'docnumber'],
    ['청년창업 청년 나이 기준', 'count'],
    ['BIG 아이디어 경진대회 접수 이메일', 'phone'],
    // The kind asked last decides: 수당 names money, 일정 is what is asked.
    ['서울 청년수당 정책 개편 자문회의 계획 일정', 'date'],
    ['제주 혁신센터 면접 장소 어디', 'place'],
    ['생계급여 사업 실국 어디', 'organisation'],
    ['부산해양금융발전협의회 몇 개 기관 참여', 'count'],
    // At the same end the longer match names the kind: "사업 규모" is money, "모집 규모" a count.
    ['GR 시뮬레이터 보조사업자 사업 규모', 'amount'],
    ['모집 규모', 'count'],
  ])('%s → %s', (q, shape) => {
    expect(readQuestion(q).shape).toBe(shape);
  });

  it('takes every word asking for the shape as a shape word, not a word the passage must write', () => {
    expect(readQuestion('울산 혁신센터 채용 접수 마감 언제').shapeWords).toEqual(['언제', '마감']);
  });

  it('leaves asking words out of the subject whatever their spoken ending', () => {
    expect(readQuestion('안후윤 공연 언제야').subject).toEqual(['안후윤', '공연']);
    expect(readQuestion('빅숍 어디예요').subject).toEqual(['빅숍']);
    expect(readQuestion('성우하이텍 챌린지 몇 개사 뽑아?').subject).toEqual(['성우하이텍', '챌린지', '뽑아']);
    expect(readQuestion('품질관리 협의체 단장 누구고 내선 몇 번').subject).not.toContain('누구고');
    // A verb's ending comes off its stem; a shape asked in two words ("공고 번호") is shape words both.
    expect(readQuestion('폭염 대비 재해구호기금 얼마 투입했어').subject).toContain('투입');
    expect(readQuestion('에이전틱AI 신규지원 공고 번호').shapeWords).toEqual(expect.arrayContaining(['공고', '번호']));
  });

  it('reads a period whole, with the year of its end and a time after a comma', () => {
    expect(valuesOf('date', '공고 및 접수 기간 : 2025. 6. 2.(월) ~ 2025. 6. 16.(월) 18:00까지').map((v) => v.text)).toEqual([
      '2025. 6. 2.(월) ~ 2025. 6. 16.(월) 18:00까지',
    ]);
    expect(valuesOf('date', '가. 모집기간 : 2025. 6. 10.(화) ~ 6. 24.(화), 18:00까지').map((v) => v.text)).toEqual([
      '2025. 6. 10.(화) ~ 6. 24.(화), 18:00까지',
    ]);
  });

  it('reads a span of time where a period is asked, and a 정책관 as an organisation', () => {
    expect(durationsOf('사업기간 : 착수일로부터 24개월 (730일간)').map((v) => v.text)).toEqual(['착수일로부터 24개월', '730일간']);
    expect(valuesOf('organisation', '명칭 | 일반회계 | 중소벤처기업부 | 창업정책관').map((v) => v.text)).toContain('창업정책관');
  });

  it('reads 수시 as a date only as a word of its own, and a bracketed name as an organisation', () => {
    expect(valuesOf('date', '접수시스템(www.iris.go.kr)에 로그인')).toEqual([]);
    expect(valuesOf('date', '채용 : 수시').map((v) => v.text)).toEqual(['수시']);
    expect(valuesOf('organisation', '총괄 운영기관 (국토안전관리원)').map((v) => v.text)).toContain('국토안전관리원');
  });

  it('reads a count whose counter carries a particle ("120명의 청년"), not a word that merely starts with one', () => {
    expect(valuesOf('count', '올해는 총 120명의 청년이 지원해').map((v) => v.text)).toEqual(['총 120명']);
    expect(valuesOf('count', '3명단')).toEqual([]);
  });

  it('reads a year written in any of the forms staff type, and leaves it out of the subject', () => {
    expect(readQuestion('생계급여 22년 결산').year).toBe(2022);
    expect(readQuestion('생계급여 ’23 예산').year).toBe(2023);
    expect(readQuestion('생계급여 2024년 예산').subject).toEqual(['생계급여', '예산']);
  });
});

describe.skipIf(!shared)('answers from documents no family reads (../shared/corpus)', () => {
  const { store, knowledge } = knowledgeOf(
    [SAMPLES, join(shared!, 'busan-press'), join(shared!, 'budget-briefs'), join(shared!, 'hwp'), join(shared!, 'notices')],
    '2025-07-01',
  );
  afterAll(() => store.close());
  const ask = (q: string) => answer(q, knowledge);

  it('says "not found" when a thing asked is written nowhere, instead of the document\'s card', () => {
    // The document's card was the reply before: it matched every word but 일본.
    const r = ask('24년 3분기 일본 해외직접투자액');
    expect(r.kind).toBe('not_found');
    expect(renderText(r)).toContain("'일본'");
    expect(renderText(r)).not.toMatch(/억\s*달러/);
    // A word in a spoken verb ending is the predicate, not a thing to find: the count is still answered.
    expect(renderText(ask('성우하이텍 챌린지 몇 개사 뽑아?'))).toContain('2개사');
  });

  it('says "not found" when only the document\'s title places the passage: a 설명회 the notice does not hold', () => {
    for (const q of ['전북 SCALE-UP IR 사업설명회 언제', '환경분야 청년창업 지원사업 설명회 일정']) {
      const r = ask(q);
      expect(r.kind, q).toBe('not_found');
      expect(renderText(r), q).not.toMatch(/일시·기간|심사일정/);
    }
  });

  it('counts no money: a prize table\'s amounts do not answer "몇 명"', () => {
    const body = renderText(ask('BIG 아이디어 경진대회 팀 최대 몇 명'));
    expect(body).toContain('3인 이내');
    expect(body).not.toMatch(/- [^\n]*: [\d,]+원/);
  });

  it('answers "<기관> 어디" with the name a label gives, never the label made of the question\'s words', () => {
    const body = renderText(ask('GR 시뮬레이터 사업 총괄 기관'));
    expect(body).toContain('국토교통부');
    expect(body).not.toMatch(/기관·부서: 총괄기관/);
  });

  it('answers a notice\'s "문의 부서" the department command took for a unit\'s name', () => {
    const r = ask('디지털플랫폼 구축 제안 문의 부서 어디');
    expect(r.kind).toBe('answer');
    expect(renderText(r)).toContain('디지털전환추진단');
  });

  it('reads a time of day as spoken, and a count followed by the copula ("15명이다"), on a release not used while coding', () => {
    const time = renderText(ask('BRT 자율주행 버스 운행 시간'));
    expect(time).toContain('오후 11시부터 다음 날 오전 2시까지');
    const count = renderText(ask('BRT 자율주행 버스 최대 탑승 인원'));
    expect(count).toContain('15명');
    expect(count).not.toContain('3회');
  });

  it('never answers with a figure the question itself gives', () => {
    expect(renderText(ask('300만원 1년 대출 반사회적 초고금리 연이자 얼마'))).not.toMatch(/금액: 300만원/);
  });

  it('answers "사업기간" with the span a notice writes when it gives no dates', () => {
    expect(renderText(ask('K-water 디지털플랫폼 사업기간'))).toContain('착수일로부터 24개월');
  });

  it('answers a deadline from the period it ends, not from a line that only says "마감일 18:00까지"', () => {
    const body = renderText(ask('제주 혁신센터 채용 접수 마감 언제'));
    expect(body).toContain('2025. 6. 16.(월)');
    expect(renderText(ask('성우하이텍 오픈이노베이션 챌린지 모집 마감 언제'))).toContain('6. 24.(화), 18:00');
  });

  it('reads the place of a joined label "(일시·장소) … / 영화의전당 하늘연극장" after its slash', () => {
    const body = renderText(ask('어린이청소년영화제 개막식 장소'));
    expect(body).toContain('장소: 영화의전당 하늘연극장');
  });

  it('never states a mail address or "… 중에서" as a place', () => {
    for (const q of ['BIG 아이디어 경진대회 시상식 장소', '제주 혁신센터 면접 장소 어디']) {
      const r = ask(q);
      expect(r.kind, q).toBe('not_found');
      expect(renderText(r), q).not.toMatch(/@|이상인 자 중/);
    }
  });

  it('states a budget table cell under the column asked, with its unit and the row quoted', () => {
    const r = ask('청년일자리창출지원 2024 확정 예산');
    const body = renderText(r);
    expect(r.kind).toBe('answer');
    expect(body).toContain('확정(B): 657,680백만원');
    // The row is quoted whole; only the column asked is stated as the answer.
    expect(body).not.toMatch(/^- .*: 889,078/m);
    expect(r.sources[0]).toContain('budget-brief-2024-employment-labor-youth-job-creation.layout.txt');
    expect(r.trace?.at(-1)).toMatch(/^general: amount/);
  });

  it('reads a year row as the header of the figures under it', () => {
    const body = renderText(ask('청년일자리창출지원 2021년 사업비'));
    expect(body).toContain('- 2021: 1,121,166');
    expect(body).not.toMatch(/^- .*: 796,338/m);
  });

  it('answers who to call from the release header', () => {
    const body = renderText(ask('HACKSIUM 해킹방어대회 담당자 연락처'));
    expect(body).toContain('김대영');
    expect(body).toContain('051-888-4565');
  });

  it('states the amount a body item gives, quoting the item', () => {
    const r = ask('HACKSIUM 우수상 상금 얼마');
    expect(r.kind).toBe('answer');
    expect(renderText(r)).toContain('300만 원');
  });

  it('reads a table written a cell a line: the values under the item asked, the site named only in the head', () => {
    const r = ask('석성정수장 11월 탁도 결과');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('2025. 11월 먹는물 수질검사 결과');
    expect(renderText(r)).toContain('탁도 › 0.5 NTU이하 0.08');
    expect(r.sources[0]).toMatch(/report-2025-kwater-seokseong-water-quality-november\.txt · 탁도 · 3행, 162행, 163–164행/);
  });

  it('answers a measurement asked with 얼마 from the figures under the item, not as money', () => {
    const r = ask('석성정수장 질산성질소 얼마 나왔어');
    expect(r.kind).toBe('answer');
    expect(renderText(r)).toContain('질산성질소 › 10㎎/L이하 1.5');
    expect(r.trace?.at(-1)).toMatch(/^general: quantity/);
  });

  it('reads "3인 이내" as a count of people', () => {
    const body = renderText(ask('BIG 아이디어 경진대회 팀 최대 몇 명'));
    expect(body).toContain('3인 이내');
  });

  it('a generic record’s card gives way to the passage that answers (a card states only metadata)', () => {
    const r = ask('석성정수장 경도 결과 기준 대비 어때');
    expect(r.trace?.[0]).toMatch(/^project: answer/);
    expect(renderText(r)).toContain('경도 › 300㎎/L이하 51');
  });

  it('states the cell under the column the question names, in a table whose header runs over three lines', () => {
    const pay = renderText(ask('제주 혁신센터 전임 연봉 얼마'));
    expect(pay).toContain('급여기준(연봉): 30,000천원 ~ 50,000천원');
    expect(pay).not.toContain('25,155');
    const start = ask('제주 혁신센터 임용예정일');
    expect(renderText(start)).toContain('임용예정일: 2025. 7. 9.(수)');
    expect(start.sources[0]).toMatch(/notice-2025-jeju-ccei-staff-recruitment\.txt · .*102행, 103행, 104행, 107행/);
  });

  it('answers a notice’s number, an age limit and an e-mail address from the passages that write them', () => {
    expect(renderText(ask('제주 혁신센터 4차 채용 공고번호'))).toContain('제2025-22호');
    expect(renderText(ask('환경분야 청년창업 청년 나이 기준'))).toMatch(/만 ?19세/);
    expect(renderText(ask('BIG 아이디어 경진대회 접수 이메일'))).toContain('mj48623@btp.or.kr');
  });

  it('says "not found" for a place a notice does not give, rather than its card of metadata', () => {
    const r = ask('제주 혁신센터 면접 장소 어디');
    expect(r.kind).toBe('not_found');
    expect(r.trace?.[0]).toMatch(/^project: answer/);
  });

  it('a document naming no one to call is a "not found" the passages may still answer', () => {
    const none = ask('노인장기요양보험 사업운영 담당 부서 전화');
    expect(none.kind).toBe('not_found');
    expect(renderText(ask('석성정수장 수돗물 문의 전화'))).toContain('731-8226');
  });

  it('a person asked of a document that names only the department: not found, the department offered', () => {
    const r = ask('생계급여 사업 담당자 누구야');
    expect(r.kind).toBe('not_found');
    expect(r.title).toContain('담당자 이름은 문서에 없습니다');
    expect(renderText(r)).toContain('사회복지정책실');
  });

  it('reads the place of "…에서" without the time written before it', () => {
    expect(renderText(ask('부산해양금융발전협의회 출범식 어디서 해'))).toContain('장소: 부산국제금융센터');
  });

  it('reads a venue or an address as the place, never a name in a row under no place header', () => {
    expect(renderText(ask('울산 혁신센터 면접 장소'))).toContain('종하이노베이션센터');
    expect(ask('제주 혁신센터 면접 장소 어디').kind).toBe('not_found');
  });

  it('states the cell of a table flattened column by column, under the year asked, in the caption’s unit', () => {
    const body = renderText(ask('24년 3분기 북미 해외직접투자 얼마'));
    expect(body).toContain('‘24.3Q: 51.3억 달러');
    expect(body).not.toMatch(/^- .*78\.1/m);
    // A rate column is not in the money unit.
    expect(renderText(ask('24년 3분기 폴란드 투자 증감률'))).toContain('(1,965.3)');
  });

  it('reads a name written with its letter in brackets, and "얼마 줄었어" from the change column', () => {
    expect(renderText(ask('부산 U창업패키지 사업예산 얼마'))).toContain('300백만원');
    const change = renderText(ask('창업사업화지원 예산 얼마 줄었어'));
    expect(change).toMatch(/증감.*: △?11,254/);
  });

  it('does not guess past a word no document writes', () => {
    expect(ask('zzz 추진 현황').kind).toBe('not_found');
  });

  it('says a release without the asked kind of value has none, rather than another document’s figure', () => {
    const r = ask('해양금융발전협의회 참가비 얼마');
    expect(r.kind).not.toBe('answer');
  });
});

describe('a year asked that the document is not about', () => {
  const { store, knowledge } = knowledgeOf([CORPUS], '2025-07-01');
  afterAll(() => store.close());

  it('states no figure of a plan dated 2025 for 2023, and still states it for the plan’s own year', () => {
    expect(answer('인재개발원 2023년 예산', knowledge).kind).not.toBe('answer');
    expect(renderText(answer('인재개발원 세입예산 얼마', knowledge))).toContain('972백만원');
  });
});

describe('the issue’s examples over the samples: a header or a heading is never the answer', () => {
  const { store, knowledge } = knowledgeOf([SAMPLES], '2021-06-01');
  afterAll(() => store.close());

  it('states the total row’s cell under the column asked, not the header line', () => {
    const r = answer('계약심사 절감액 얼마야', knowledge);
    expect(renderText(r)).toContain('절감액: ▲1,052백만원');
    expect(r.sources[0]).toMatch(/yeongdeungpo-audit-annual-report\.txt · .*306행, 308행/);
  });

  it('answers "다음 일정" from the planned section, not with the dates of what was done', () => {
    const r = answer('인권거버넌스 다음 일정', knowledge);
    const body = renderText(r);
    expect(body).toContain('일시·기간: 2022. 상반기');
    expect(body).toContain('향후추진계획 › 인권보호 거버넌스 업무협약(MOU) 체결');
    expect(body).not.toContain('2018. 7.');
  });

  it('keeps the owner command’s own "not found" as it is when the project is unknown', () => {
    const r = answer('청년 일자리 담당자 누구', knowledge);
    expect(r.kind).toBe('not_found');
    expect(r.title).not.toContain('담당자 이름은 문서에 없습니다');
  });

  it('gives the items under a heading asked for, not the heading alone', () => {
    const body = renderText(answer('인권팀 향후계획', knowledge));
    expect(body).toContain('향후계획 › 인권감수성 향상 및 인권역량 강화를 위한 인권교육 실시');
    expect(body).toContain('향후계획 › 2015년 인권보장 및 증진사업 하반기 추진현황 평가 : 12월중');
    expect(body).not.toMatch(/^\s*• 446행: 향후계획$/m);
  });
});

describe.skipIf(!shared)('how a thing named only in a plan’s body stands (../shared/corpus/busan-plans)', () => {
  const { store, knowledge } = knowledgeOf([join(shared!, 'busan-plans')], '2025-07-01');
  afterAll(() => store.close());

  it('answers from the item that names it when no project record is for it', () => {
    const r = answer('해상택시 어떻게 되고 있어', knowledge);
    expect(r.kind).toBe('answer');
    expect(renderText(r)).toContain('(해상택시) 권역 원도심');
    expect(r.trace?.[0]).toBe('project: not_found');
  });
});

describe.skipIf(!shared)('a release and a plan that both name a thing (../shared/corpus)', () => {
  const { store, knowledge } = knowledgeOf(
    [join(shared!, 'busan-press', 'busan-press-2025-07-02-emerging-artists-art-show-contest.layout.txt'), join(shared!, 'busan-plans', 'busan-2025-plan-culture-sports.layout.txt')],
    '2025-07-01',
  );
  afterAll(() => store.close());

  it('takes the document whose title names the thing before the plan that lists it in a row', () => {
    const r = answer('신진작가 아트쇼 공모 마감 언제', knowledge);
    expect(r.sources[0]).toMatch(/^busan-press-2025-07-02-emerging-artists-art-show-contest/);
    expect(renderText(r)).toMatch(/7월 16일|7\.16\./);
  });
});

describe('words and values as documents write them', () => {
  it('finds a word written with a short word between its halves, or in the word used for it', () => {
    expect(wordIn('해외투자', '24년3분기해외직접투자는')).toBe(true);
    expect(wordIn('해외투자', '해외에서의신규대규모투자')).toBe(false);
    expect(wordIn('참가', '참여대상:부산지역대학')).toBe(true);
  });

  it('reads a body named before a particle, never a unit after a figure or an act of support', () => {
    expect(valuesOf('organisation', '협약 이후 전문기관과 사전 협의하여').map((v) => v.text)).toEqual(['전문기관']);
    expect(valuesOf('organisation', 'SMR 개발형 보조기기 시제품제작지원 3건(최대 29백만원/건)')).toEqual([]);
  });
});

describe.skipIf(!shared)('values placed in their sentence, beside the word asked (../shared/corpus/hwp, notices)', () => {
  const { store, knowledge } = knowledgeOf([join(shared!, 'hwp'), join(shared!, 'notices')], '2025-07-01');
  afterAll(() => store.close());
  const ask = (q: string) => renderText(answer(q, knowledge));

  it("states the figure of the sentence that names what is asked, not another sentence's", () => {
    const body = ask('24년 3분기 유럽 투자액');
    expect(body).toContain('유럽: 36.0억 달러');
    expect(body).not.toContain('금액: 141.9');
  });

  it('states the body bracketed after the word asked', () => {
    expect(ask('에이전틱AI 과제 평가 전문기관 어디')).toContain('전문기관: 정보통신기획평가원');
    expect(ask('SMR 보조기기 장비활용 연계기관 어디')).toContain('기관·부서: 한국기계연구원');
  });

  it("reads a change column under its own spelling and a document's short name for its subject", () => {
    expect(ask('24년 3분기 광업 해외투자 증가율')).toContain('(161.8)');
    // The notice writes GR only in "(이하 GR-시뮬레이터)"; its head gives the size and the rate.
    expect(ask('GR 시뮬레이터 보조사업자 사업 규모')).toContain('400,000,000');
    expect(ask('GR 시뮬레이터 보조사업 보조율')).toContain('100%');
  });

  it('answers a bound asked with the value written as one', () => {
    expect(ask('GR 시뮬레이터 컨소시엄 최대 몇 개 기관')).toContain('수: 5개');
  });

  it('reads a rank asked with 급, a place continued in brackets, the day and hour of 일시', () => {
    expect(ask('제주창조경제혁신센터 사원급 연봉')).toContain('25,155천원 ~ 40,000천원');
    expect(ask('환경분야 청년창업 대면심사 장소')).toContain('JST제물포스마트타운');
    expect(ask('울산 혁신센터 면접 일시')).toContain('2025. 6. 30.(월) 14:00');
  });

  it('states a total asked from the line that writes one', () => {
    expect(ask('BIG 아이디어 경진대회 총 시상금')).toContain('900만원');
  });

  it('says "not found" rather than price a formula by its sibling line, or date a deadline by a cited rule', () => {
    // "총사업비 = 기업지원금 + 기업부담금" states no sum; the 기술닥터 item after it is another thing's price.
    expect(answer('SMR 보조기기 제작지원센터 구축사업 총사업비', knowledge).kind).toBe('not_found');
    // The only date near "제출" is the issue date of a cited 고시 ("제2023-15호, 2023.5.15.").
    expect(answer('K-water 디지털플랫폼 제안서 제출 마감일', knowledge).kind).toBe('not_found');
  });

  it('says "not found" for a name asked where the text names only a role', () => {
    const r = answer('석성정수장 수질검사 담당 직원 이름', knowledge);
    expect(r.kind).toBe('not_found');
  });
});

describe.skipIf(!shared)('budget briefs beside the samples and promise sheets (../shared/corpus/budget-briefs)', () => {
  const { store, knowledge } = knowledgeOf([SAMPLES, CORPUS, join(shared!, 'budget-briefs')], '2025-07-01');
  afterAll(() => store.close());

  it("answers how a programme named with letters stands from the brief that names it, not a card naming neither word", () => {
    const r = answer('K-디지털 크레딧 어떻게 됐어', knowledge);
    expect(r.sources[0]).toMatch(/^budget-brief-2024-employment-labor-naeil-learning-card/);
    expect(renderText(r)).toContain('평생크레딧');
  });

  it("quotes the law a brief names, not a field written '해당 없음'", () => {
    const body = renderText(answer('내일배움카드 일반 법적 근거', knowledge));
    expect(body).toContain('국민 평생 직업능력개발법');
    expect(body).not.toContain('해당 없음');
  });
});

describe.skipIf(!shared)('who holds a role, where a visit went (../shared/corpus/busan-press)', () => {
  const { store, knowledge } = knowledgeOf([join(shared!, 'busan-press')], '2025-07-01');
  afterAll(() => store.close());
  const ask = (q: string) => renderText(answer(q, knowledge));

  it('names the person written before the role asked, not a rank in a timetable', () => {
    const body = ask('음식점 외국어메뉴판 글로벌 홍보대사 누구');
    expect(body).toContain('홍보대사: 다샤타란');
    expect(body).not.toContain('담당: 시민건강국장');
  });

  it('counts the thing asked after "몇 개" ("몇 개 반" → "총 4개 반으로"), not another count of the release', () => {
    const body = ask('부산해양금융발전협의회 몇 개 반');
    expect(body).toContain('수: 총 4개');
    expect(body).not.toContain('16개');
  });

  it('reads "어디 방문했어" as a place and answers from the line labelled 장소', () => {
    expect(readQuestion('폭염 긴급 현장점검 어디 방문했어').shape).toBe('place');
    expect(ask('폭염 긴급 현장점검 어디 방문했어')).toContain('(장    소) 노숙인종합지원센터, 장애인 작업장');
  });
});

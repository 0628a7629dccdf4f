import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { answer, CORPUS, knowledgeOf, SAMPLES } from '../helpers.js';

const APPROVALS = 'test/fixtures/approvals';
const { store, knowledge } = knowledgeOf(
  [
    SAMPLES,
    join(CORPUS, 'seoul-approval-2024-youth-allowance-tf.txt'),
    join(CORPUS, 'busan-approval-2025-sinkhole-rnd.txt'),
    ...readdirSync(APPROVALS).map((f) => join(APPROVALS, f)),
  ],
  '2025-12-31',
);
afterAll(() => store.close());
const ask = (q: string) => {
  const reply = answer(q, knowledge);
  return { reply, out: renderText(reply).replace(/\u2060/g, '') };
};

describe('approval documents answer people from approval lines and footers', () => {
  it('"<팀>장 누구": the holder, not the deputy who once signed 代 in that box', () => {
    const { out } = ask('청년생활지원팀장 누구');
    expect(out).toContain('김정남');
    expect(out).not.toContain('박인현');
  });

  it('"<position> 누구": the newest document’s holder first', () => {
    const { out } = ask('청년사업담당관 누구');
    const first = out.split('\n').find((l) => l.includes('청년사업담당관 ('));
    // 12227 (2025. 12. 17.) is signed by 고경인; 851 and 707 (January) by 김란수.
    expect(first).toContain('고경인');
  });

  it('"<name> 내선": the last four digits of the drafter’s 02-2133-4316', () => {
    const { out } = ask('박인현 내선');
    expect(out).toContain('02-2133-4316');
    expect(out).toContain('motif77@seoul.go.kr');
  });
});

describe('many documents, one project', () => {
  it('a fact question answers from the best passage; the newer result wins over the plan', () => {
    const { reply, out } = ask('청년수당 콜센터 사전규격 공개 기간');
    expect(reply.kind).toBe('answer');
    // 917 (결과, 2025. 1. 24.): 1. 21. ~ 1. 23.; 707 (계획, 2025. 1. 20.) planned 1. 20. ~ 1. 22.
    expect(out).toContain('공개기간: 2025. 1. 21. ~ 1. 23.');
    expect(out).not.toContain('1. 20. ~ 1. 22.');
    expect(reply.sources[0]).toMatch(/callcenter-prespec-result-917\.txt · .*33행/);
  });

  it('a withheld amount is 비공개, never a number', () => {
    const { out } = ask('청년수당 9월 반납금액');
    expect(out).toContain('반납금액: 비공개');
    expect(out).toContain('9월 지급분 반납품의');
    expect(out).not.toMatch(/\d+\s*원/);
  });

  it('a year asked reads that year’s cell of the flattened table the passage is (6308: ’24년 60,293 / ’25년 60,297)', () => {
    const 올해 = ask('2025년 청년수당 사업예산');
    expect(올해.out).toContain('’25년 사업예산: 60,297백만원');
    expect(올해.out).not.toContain('60,293');
    expect(올해.reply.sources[0]).toMatch(/5[5-7]/);
    expect(ask('2024년 청년수당 사업예산').out).toContain('’24년 사업예산: 60,293백만원');
  });

  it('a document number asks for its form fields', () => {
    expect(ask('청년사업담당관-11667 공개여부').out).toContain('부분공개(5,6)');
  });

  it('an organisation the question names selects the records: no 부산 청년수당', () => {
    const { reply, out } = ask('부산 청년수당 9월 반납');
    expect(reply.kind).toBe('not_found');
    expect(out).not.toContain('반납품의');
  });

  it('a unit with no overview is not found, never another office’s department under its name', () => {
    const { reply, out } = ask('청년사업담당관 조직');
    expect(reply.kind).toBe('not_found');
    expect(out).not.toContain('혁신기획팀');
    // The unit exists only as the author of approval documents: said so, and pointed to what they answer.
    expect(out).toContain('서울특별시 청년사업담당관의 조직·인력 현황(기본현황)은 저장된 문서에 없습니다.');
    expect(reply.suggestions).toContain('청년사업담당관 담당자');
  });
});

describe('a kind of value asked is answered by a value of that shape in the documents', () => {
  it('"한 달에 얼마" is the line that writes a monthly amount, "감면 비율" the line with a percentage', () => {
    // seoul-approval-2025-recruitment-promo-request-2198.txt line 12: "사업내용 : 매월 50만원 x 최대 6개월, …".
    const monthly = ask('청년수당 한 달에 얼마');
    expect(monthly.out).toContain('매월 50만원');
    expect(monthly.reply.sources[0]).toContain('seoul-approval-2025-recruitment-promo-request-2198.txt');
    // seoul-approval-2025-setec-rent-reduction-1826.txt line 17, a plain document with no form items.
    const rate = ask('SETEC 임대료 감면 비율');
    expect(rate.out).toContain('17행: ㅇ 행사 개최 장소에 대한 임대료 100% 감면 요청');
  });

  it('"최대 몇 개월" asked of the programme: the passage holding every word and a number of months, not a pick-list', () => {
    const { reply, out } = ask('청년수당 최대 몇 개월');
    expect(reply.kind).toBe('answer');
    expect(out).toContain('최대 6개월');
  });

  it('a value shape alone does not make a passage answer: the words asked must be there too', () => {
    expect(ask('SETEC 주차 비율').out).not.toContain('100%');
  });

  it('a year asked selects the documents of that year: the 2024 TF round, not the 2025 TF plan\'s 회의일시', () => {
    // 6308 lines 31–33: "2차" / "2024. 7. 4.(목)" / "[정책 목표 …]"; 8074 (2025) writes "회의일시 : ’25. 8. 20.".
    const { reply, out } = ask('2024년 청년수당 TF 2차 회의 일시');
    expect(out).toContain('2차 2024. 7. 4.(목)');
    expect(out).not.toContain('’25. 8. 20.');
    expect(reply.sources[0]).toBe('seoul-approval-2024-youth-allowance-tf.txt · 31–33행');
  });
});

describe('a flattened table of steps written column by column', () => {
  it('pairs each step with the date in the same place (4906 lines 35–44), a bare "4.3." a day of the document\'s year', () => {
    const { out } = ask('청년수당 최종선정 및 수당 지급 일정');
    expect(out).toContain('최종선정 및 수당 지급 — 4.29. ~ 9.29.');
    expect(out).not.toContain('필수이행사항 진행 — 3.6.');
  });

  it('a month asked that no document of the programme writes is not found, never the other month\'s refund', () => {
    const { reply } = ask('청년수당 10월 반납 금액');
    expect(reply.kind).toBe('not_found');
    expect(ask('청년수당 9월 반납 금액').out).toContain('반납금액: 비공개');
  });

  it('an item labelled exactly as asked beats a longer label that holds a word of the question', () => {
    // 11734 line 11 "다. 지급금액 : ****" (withheld) against 11667's "자문위원수당지급 : ’25. 12월".
    const { out } = ask('청년수당 3차 TF 자문위원 수당 지급금액');
    expect(out).toContain('지급금액: 비공개');
    expect(out).not.toContain('’25. 12월');
  });
});

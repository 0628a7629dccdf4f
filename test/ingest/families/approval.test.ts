import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalFamily } from '../../../src/ingest/families/approval.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { CORPUS, parseText, realDocuments } from '../../helpers.js';

const SEOUL = join(CORPUS, 'seoul-approval-2024-youth-allowance-tf.txt');
const BUSAN = join(CORPUS, 'busan-approval-2025-sinkhole-rnd.txt');


describe('approval family: 서울시 청년사업담당관-6308 (’24년 청년수당 TF 운영결과 …)', () => {
  const result = parseDocument(loadDocument(SEOUL).doc);
  const r = result.records[0]!;

  it('reads the form head: document number, 결재일자, title, department', () => {
    expect(result.family).toBe('approval');
    expect(result.organization).toBe('서울특별시');
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    expect(r).toMatchObject({
      kind: 'project',
      key: '서울특별시/청년사업담당관-6308',
      code: '청년사업담당관-6308',
      title: '’24년 청년수당 TF 운영결과 및 ’25년 청년수당 개선계획 보고',
      department: '청년사업담당관',
      year: 2024,
      // Both a 결과 and a 계획: the title does not say which one the record is.
      phase: null,
    });
    expect(r.status).toMatchObject({ asOf: '2024-12-30', state: null, progressPct: null });
    expect(r.status?.src).toEqual({ section: null, lines: [4, 4] });
  });

  it('reads the ☎ line: four people, the short numbers on the first one’s exchange; the approval line adds roles', () => {
    expect(
      r.contacts.map((c) => [c.name, c.position, c.department, c.team, c.phone, c.extension, c.role ?? null]),
    ).toEqual([
      ['이정희', '청년사업담당관', '청년사업담당관', null, '2133-4299', '4299', 'approver'],
      ['김정남', '청년생활지원팀장', '청년사업담당관', '청년생활지원팀', '2133-4313', '4313', 'reviewer'],
      // 담당 on the ☎ line, 주무관 in the approval line: the position is the approval line's.
      ['최수정', '주무관', '청년사업담당관', '청년생활지원팀', '2133-6585', '6585', 'drafter'],
      ['한보라', '담당', '청년사업담당관', '청년생활지원팀', '2133-6585', '6585', null],
    ]);
    expect(r.contacts[0]!.src.lines).toEqual([21, 21]);
  });

  it('turns the TF 회차 table into done milestones with their 주제, and 향후 계획 into planned ones', () => {
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.date?.precision, m.done])).toEqual([
      ['1차 정책 환경 변화 진단 및 사업 시의성 점검', '2024-06-12', 'day', true],
      ['2차 정책 목표 및 사업방식 적정성 진단', '2024-07-04', 'day', true],
      ['3차 성장 프로그램 진단 및 실효성 확보 방안', '2024-08-08', 'day', true],
      ['4차 대상 및 지원규모, 포괄적 지출항목 등 적정성 진단', '2024-09-04', 'day', true],
      ['5차 사업성과 측정방안 적정성 진단 및 개선방안 도출', '2024-10-08', 'day', true],
      ['서울시 청년정책 참여자 모집 시, 제대군인 우대 지원 추진 발표', '2024-09-12', 'day', true],
      ['’25년 사업계획 수립', '2025-01-01', 'month', false],
      ['’25년 청년수당 사업 참여자 모집', '2025-03-01', 'month', false],
    ]);
    expect(r.milestones[0]!.date?.written).toBe('2024. 6. 12.(수)');
    // From the round's line ("1차", 26) that the text starts with, over the date, to the subject.
    expect(r.milestones[0]!.src).toEqual({ section: 'TF 주요 논의 사항 및 개선 방안', lines: [26, 28] });
    expect(r.milestones[7]!.src).toEqual({ section: '향후 계획', lines: [259, 259] });
  });

  it('reads 사업예산 from the ’24/’25 comparison table in 백만원', () => {
    expect(
      r.budget?.lines.map((l) => [l.period, l.year, l.kind, l.amount.won, l.amount.written, l.amount.unit]),
    ).toEqual([
      ['’24년', 2024, 'allocated', 60_293_000_000, '60,293', '백만원'],
      ['’25년', 2025, 'planned', 60_297_000_000, '60,297', '백만원'],
    ]);
    // From its column's header ("’25년", line 54) down to its figure: the year it is given for is cited too.
    expect(r.budget?.lines[1]?.src).toEqual({ section: 'TF 주요 논의 사항 및 개선 방안', lines: [54, 57] });
    expect(r.budget?.notes.map((n) => n.text)).toEqual(['’25년 60,297백만원 (TF 운영비 4백만원 증액)']);
  });

  it('keeps the □ and numbered sections as headings', () => {
    expect(r.headings).toEqual([
      'TF 주요 논의 사항 및 개선 방안',
      '청년수당 사업 존치의 적정성',
      '성장 지원 프로그램 개선 및 확대',
      '자기활동기록서 운영 개선',
      '사업성과 측정‧분석 개선',
      '서울런 참여자 대상 청년수당 연계 지원 (시장 공약사항)',
      '그 외 변경사항',
      '향후 계획',
    ]);
  });
});

describe('approval family: 부산시 철도시설과-7539 (땅꺼짐 예방 연구개발 사업 추진계획보고)', () => {
  const result = parseDocument(loadDocument(BUSAN).doc);
  const r = result.records[0]!;

  it('reads 등록번호, 등록일자 and the spaced title of the markdown header', () => {
    expect(result.family).toBe('approval');
    expect(result.organization).toBe('부산광역시');
    expect(r).toMatchObject({
      key: '부산광역시/철도시설과-7539',
      code: '철도시설과-7539',
      title: '땅꺼짐 예방 연구개발 사업 추진계획보고',
      department: '철도시설과',
      year: 2025,
      phase: 'plan',
    });
    expect(r.status?.asOf).toBe('2025-08-25');
    expect(r.src.lines).toEqual([9, 177]);
  });

  it('pairs the approval line’s positions (some split over two lines) with the signers in order', () => {
    expect(r.contacts.map((c) => [c.name, c.position, c.department, c.team, c.phone])).toEqual([
      // The drafter works in the team whose 팀장 signs next.
      ['김석용', '주무관', '철도시설과', '신교통사업팀', null],
      ['김원용', '신교통사업팀장', '철도시설과', '신교통사업팀', null],
      ['하치덕', '철도시설과장', '철도시설과', null, null],
      ['임경모', '도시혁신균형실장', '도시혁신균형실', null, null],
    ]);
    // From the position's line ("주무관", 12) to the name's (24): the reply states both.
    expect(r.contacts[0]!.src).toEqual({ section: '결재', lines: [12, 24] });
  });

  it('reads 사업기간 as the period and the dated 향후계획 steps as planned milestones', () => {
    expect(r.status?.period).toEqual({
      written: '2026~2027(2년간)',
      start: '2026-01-01',
      end: '2027-12-31',
      precision: 'year',
    });
    expect(r.status?.src).toEqual({ section: '사업개요', lines: [41, 41] });
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.date?.end, m.done, m.src.section])).toEqual([
      ['市 도로지반침하(싱크홀) 특별대책 전담팀(TF) 구성', '2025-04-15', '2025-04-15', true, '추진배경'],
      ['연구개발 조정회의 심의', '2025-09-01', '2025-09-30', false, '향후계획'],
      ['’26년 본예산(안) 신청', '2025-10-01', '2025-10-31', false, '향후계획'],
      ['연구개발 사업 추진', '2026-01-01', null, false, '향후계획'],
    ]);
  });

  it('keeps the 사업비 table without a unit out of the budget lines, as a note and a warning', () => {
    expect(r.budget?.lines).toEqual([]);
    expect(r.budget?.notes).toEqual([
      {
        text: '합계: 1차년도 240,000 · 2차년도 240,000 · 계 480,000 (단위 미기재)',
        // From the period headers (1차년도 …, line 69) down to the last amount.
        src: { section: '연구개발추진방안', lines: [69, 152] },
      },
    ]);
    expect(result.warnings).toEqual([
      {
        line: 147,
        message: '합계(1차년도 240,000 · 2차년도 240,000 · 계 480,000)에 금액 단위가 없어 예산에 넣지 않았습니다',
      },
    ]);
  });
});

describe('approval family: detection and structure', () => {
  it('does not claim the other documents', () => {
    const others = realDocuments().filter((p) => p !== SEOUL && p !== BUSAN);
    expect(others).toHaveLength(15);
    for (const path of others) expect(approvalFamily.detect(loadDocument(path).doc), path).toBe(0);
  });

  it('reads an inline form head, a unit line over the budget table and a mismatched approval line', () => {
    const text = [
      '문서번호: 공원녹지과-1234',
      '시행일자: 2023. 3. 2.',
      '주무관',
      '공원조성팀장',
      '공원녹지과장',
      '홍길동',
      '김철수',
      '제목: 도시공원 조성 계획',
      '□ 사업개요',
      ' ㅇ 사업기간: 2023. 4. ~ 2024. 12.',
      '(단위: 천원)',
      '구분',
      '2023년',
      '2024년',
      '사업비',
      '100,000',
      '250,000',
      '□ 향후계획',
      ' ㅇ 설계 용역 착수 : 2023. 5월',
    ].join('\n');
    const result = parseText(text);
    const r = result.records[0]!;
    expect(result.family).toBe('approval');
    expect(r).toMatchObject({
      code: '공원녹지과-1234',
      title: '도시공원 조성 계획',
      department: '공원녹지과',
      phase: 'plan',
    });
    expect(r.status?.asOf).toBe('2023-03-02');
    expect(r.status?.period?.start).toBe('2023-04-01');
    expect(r.budget?.lines.map((l) => [l.period, l.kind, l.amount.won])).toEqual([
      ['2023년', 'allocated', 100_000_000],
      ['2024년', 'planned', 250_000_000],
    ]);
    expect(r.milestones.map((m) => [m.text, m.date?.start, m.done])).toEqual([['설계 용역 착수', '2023-05-01', false]]);
    expect(r.contacts.map((c) => [c.name, c.position])).toEqual([
      ['홍길동', null],
      ['김철수', null],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '결재란의 직위와 이름 수가 맞지 않아 직위를 붙이지 않았습니다',
    ]);
  });
});

const APPROVALS = 'test/fixtures/approvals';
const approval = (name: string) => {
  const result = parseDocument(loadDocument(join(APPROVALS, `seoul-approval-2025-${name}.txt`)).doc);
  return { result, r: result.records[0]! };
};
const people = (r: { contacts: Array<Record<string, unknown>> }) =>
  r.contacts.map((c) => [c.name, c.position, c.team, c.extension, c.role ?? null, c.signedAs ?? null]);

describe('approval family: 보고 layout with HWPX markup (청년사업담당관-11667, TF 제3차 결과 보고)', () => {
  const { result, r } = approval('policy-tf3-result-11667');

  it('reads 문서번호, 결재일자, 공개여부 and the title printed twice, never the number', () => {
    expect(result.family).toBe('approval');
    expect(result.warnings).toEqual([]);
    expect(r).toMatchObject({ code: '청년사업담당관-11667', title: '서울 청년수당 정책 개편 TF(제3차) 결과 보고' });
    expect(r.form).toEqual({
      number: '청년사업담당관-11667',
      date: { written: '2025. 12. 2.', start: '2025-12-02', end: '2025-12-02', precision: 'day' },
      disclosure: '부분공개(5,6)',
      src: { section: null, lines: [2, 6] },
    });
  });

  it('reads the ☎ line through <hp:fwSpace/>: 담당 names paired with their numbers, in the 팀장’s team', () => {
    expect(people(r)).toEqual([
      ['고경인', '청년사업담당관', null, '4299', 'approver', null],
      ['김정남', '청년생활지원팀장', '청년생활지원팀', '4313', 'reviewer', null],
      ['박인현', '주무관', '청년생활지원팀', '4316', 'drafter', null],
      ['한보라', '담당', '청년생활지원팀', '4311', null, null],
    ]);
    expect(r.contacts[0]!.src.lines).toEqual([21, 21]);
  });

  it('keeps body items as facts, the masked 자문위원 as withheld', () => {
    expect(r.facts?.map((f) => [f.label, f.withheld, f.src.lines])).toEqual([
      ['자문방법', false, [25, 25]],
      ['자문일시', false, [26, 26]],
      ['자문위원', true, [27, 30]],
      ['자문위원수당지급', false, [62, 62]],
    ]);
    expect(r.facts?.[1]?.value).toBe('’25. 11. 7. ~ 11. 12. (6일간)');
  });
});

describe('approval family: 시행문 layout (청년사업담당관-9702, 9월 지급분 반납품의)', () => {
  const { result, r } = approval('september-refund-9702');

  it('reads 제목, the 시행 number and date at the foot, and 공개 구분', () => {
    expect(result.family).toBe('approval');
    expect(r).toMatchObject({
      code: '청년사업담당관-9702',
      title: '2025년 서울 청년수당 9월 지급분 반납품의(2건)',
      department: '청년사업담당관',
      organization: '서울특별시',
      year: 2025,
    });
    expect(r.form?.date?.start).toBe('2025-10-01');
    expect(r.form?.disclosure).toBe('부분공개(6)');
  });

  it('pairs each position with the signer below it; 전화 and e-mail are the drafter’s, 전송 the office’s', () => {
    expect(people(r)).toEqual([
      ['박인현', '주무관', '청년생활지원팀', '4316', 'drafter', null],
      ['김정남', '청년생활지원팀장', '청년생활지원팀', null, 'reviewer', null],
      ['고경인', '청년사업담당관', null, null, 'approver', null],
    ]);
    expect(r.contacts[0]).toMatchObject({ phone: '02-2133-4316', email: 'motif77@seoul.go.kr', fax: '02-768-8888' });
  });

  it('never turns a masked amount into a number', () => {
    const amount = r.facts?.find((f) => f.label === '반납금액');
    expect(amount).toMatchObject({ withheld: true, src: { lines: [11, 11] } });
    expect(amount?.value).toMatch(/^\*+$/);
    expect(r.facts?.find((f) => f.label === '납부기한')?.value).toMatch(/^\*+$/);
    expect(r.budget).toBeNull();
  });
});

describe('approval family: 협조자 and 代 in the 시행문 approval line', () => {
  it('cooperators sit in their own unit (12227: 재무행정팀장 이윤창, 재무과장 최선혜)', () => {
    const { r } = approval('december-allowance-payment-12227');
    expect(r.contacts.filter((c) => c.role === 'cooperator').map((c) => [c.name, c.position, c.department, c.team])).toEqual([
      ['이윤창', '재무행정팀장', '재무과', '재무행정팀'],
      ['최선혜', '재무과장', '재무과', null],
    ]);
  });

  it('a deputy signs 代 in the 팀장’s box (851: 代박인현)', () => {
    const { r } = approval('callcenter-expenditure-851');
    expect(people(r)).toEqual([
      ['한보라', '주무관', '청년생활지원팀', '4311', 'drafter', null],
      ['박인현', '청년생활지원팀장', '청년생활지원팀', null, 'reviewer', '代'],
      ['김란수', '청년사업담당관', null, null, 'approver', null],
    ]);
    expect(r.facts?.find((f) => f.label === '사업비용')?.withheld).toBe(true);
  });
});

describe('approval family: a form table flattened one cell per line (청년사업담당관-9145, 공공데이터 제공거부 통보서)', () => {
  const { r } = approval('open-data-refusal-9145');
  const fact = (label: string) => (r.facts ?? []).filter((f) => f.label === label);

  it('reads a label cell and the one value after it as a fact, masked values as withheld', () => {
    expect(fact('접수번호')).toEqual([{ label: '접수번호', value: '127037', withheld: false, src: { section: null, lines: [15, 16] } }]);
    expect(fact('접수일')[0]).toMatchObject({ value: '2025. 9. 5.', withheld: false });
    expect(fact('성명').length).toBeGreaterThan(0);
    expect(fact('성명').every((f) => f.withheld)).toBe(true);
  });

  it('never pairs a label with the first of several figures (a table row: which figure is which is the header\'s)', () => {
    const tf = parseDocument(loadDocument('test/fixtures/corpus/seoul-approval-2024-youth-allowance-tf.txt').doc).records[0]!;
    // "사업예산 / 60,293백만원 / 60,297백만원 (…)": the ’24년 and ’25년 columns.
    expect((tf.facts ?? []).filter((f) => f.label === '사업예산')).toEqual([]);
  });
});

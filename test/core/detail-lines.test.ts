import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/knowledge.js';
import { renderText } from '../../src/render/text.js';
import { answer, CORPUS, knowledgeOf, SAMPLES, tempDir } from '../helpers.js';

// 서울시 공약 9-2-1 (주택임대차 표준계약서): its 추진 실적 are ○ items with dated "-" sub-items, named only in the body.
// Quotes are the document model's blocks: an item's text without its bullet, with the lines it was read from.
let k: Knowledge;
const ask = (q: string) => {
  const r = answer(q, k);
  return { reply: r, text: renderText(r) };
};

beforeAll(() => {
  k = knowledgeOf([SAMPLES, CORPUS]).knowledge;
});

describe('a part of a project named only in its body', () => {
  it('answers "언제" with the dated sub-item that names it, under its heading, citing both lines', () => {
    const { reply, text } = ask('표준계약서 공인중개사 교육 언제 했어');
    expect(reply.kind).toBe('answer');
    expect(text).toContain('188행: 공인중개사 교육시 표준임대차계약서 활용 교육 실시(’14.8.19)');
    expect(text).toContain('182행: 표준임대차계약서 사용 활성화 방안 추진');
    expect(reply.sources).toEqual(['seoul-promise-2016-prom87.txt · 182행, 188행']);
    // The next sub-item (전광판 홍보, ’14.10) is another part: not quoted for this one.
    expect(text).not.toContain('전광판');
    expect(ask('표준계약서 전광판 홍보 언제').text).toContain('190행: 표준임대차계약서 활용을 위한 전광판 홍보 실시(’14.10)');
    // A year written "14년" is the year asked, not a word the line must hold.
    const y14 = ask('14년 표준계약서 전광판 언제').text;
    expect(y14).toContain('190행: 표준임대차계약서 활용을 위한 전광판 홍보 실시(’14.10)');
    expect(y14).not.toContain('110행');
  });

  it('takes a value of the kind asked: a date for "언제", not the heading line that only names the part', () => {
    const { text } = ask('표준계약서 법제화 시행 언제');
    expect(text).toContain('226행: 표준(임대차)계약서 사용 법제화(2016.11.30.시행)');
  });

  it('is not the project\'s schedule when the part asked is nowhere in its document (토론회 is in another document)', () => {
    const { reply, text } = ask('표준계약서 토론회 언제');
    expect(reply.kind).toBe('not_found');
    expect(text).toContain('가장 가까운 사업: 주택임대차 표준계약서 의무사용 법제화 건의');
  });

  it('reads an item wrapped onto the next line, for a size asked (서울시 공약 2-1-1 G밸리)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gvalley.txt'), ['2-1-1', 'G밸리 飛上 프로젝트 본격화', '추진 상황', '정상추진', '사업 구분', '임기 후', '계속',
      '총 사업비', '24,000백만원', '\uf000 최종목표', '○ 서울특별시 G밸리 활성화', '\uf000 추진계획',
      '○ G밸리 이미지 개선 및 브랜딩', '- G밸리 디지털로 및 가산디지털 1로(2.5km)에 역사적 스토리가 담긴', 'G밸리 관광첨단 메인스트리트 조성',
      '총괄부서 산업거점조성반장 : 홍길동 ☎2133-8500'].join('\n\n'));
    const text = renderText(answer('G밸리 메인스트리트 길이', knowledgeOf([dir]).knowledge));
    expect(text).toContain('G밸리 디지털로 및 가산디지털 1로(2.5km)에 역사적 스토리가 담긴');
    expect(text).toContain('G밸리 관광첨단 메인스트리트 조성');
  });

  it('leaves what the card answers to the card, and a part the document never names is not found', () => {
    const owner = ask('표준계약서 공인중개사 교육 담당부서');
    expect(owner.text).not.toContain('문서에서 찾은 내용');
    expect(ask('표준계약서 우주선 발사 언제').reply.kind).toBe('not_found');
  });
});

describe('an item heading found among a programme\'s documents', () => {
  // The layout of 서울시 공약 2-4-3/2-4-4 (사회적경제 특구 and 지역허브, one 담당관's two promises).
  const promise = (code: string, title: string, body: string[]) =>
    [code, title, '추진 상황', '정상추진', '사업 구분', '임기 내', '신규', '총 사업비', '4,800백만원', '집 행 액', '1,200백만원',
      '\uf000 최종목표', '○ 서울특별시 사회적경제 생태계 조성', '\uf000 추진 실적', ...body,
      '총괄부서 사회적경제담당관 : 전효관 ☎2133-5480 담당 : 김민 ☎5484'].join('\n\n');
  let kh: Knowledge;
  beforeAll(() => {
    const dir = tempDir();
    writeFileSync(join(dir, 'zone.txt'), promise('2-4-3', '자치구별 ‘사회적경제 특구’ 육성 지원', [
      '○ 사회적경제 특구 2차 준비사업 공모 및 선정(’16. 6. 16.)', '- 금천구 외 4개 자치구에 총 90백만원 지원',
      '○ 사회적경제 특구 본사업 2년차 선정', '- 6개 자치구 대상 본사업 지원 연장 심사',
    ]));
    writeFileSync(join(dir, 'hub.txt'), promise('2-4-4', '‘사회적경제 지역허브’ 공간 조성', ['○ 지역허브 3개소 개소']));
    kh = knowledgeOf([dir]).knowledge;
  });

  it('quotes the heading with its sub-item holding the amount asked, not the heading alone', () => {
    const r = answer('사회적경제 특구 2차 준비사업 지원금', kh);
    const text = renderText(r);
    expect(text).toContain('사회적경제 특구 2차 준비사업 공모 및 선정(’16. 6. 16.)');
    expect(text).toContain('금천구 외 4개 자치구에 총 90백만원 지원');
    expect(text).not.toContain('4,800');
  });

  it('answers the budget of that item from its own line, not with the project\'s total', () => {
    const text = renderText(answer('사회적경제 특구 2차 준비사업 예산', kh));
    expect(text).toContain('금천구 외 4개 자치구에 총 90백만원 지원');
    expect(text).not.toContain('4,800');
  });
});

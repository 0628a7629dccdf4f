import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/core/knowledge.js';
import { renderText } from '../../src/render/text.js';
import { answer, CORPUS, knowledgeOf, SAMPLES } from '../helpers.js';

// 서울시 공약 9-2-1 (주택임대차 표준계약서): its 추진 실적 are ○ items with dated "-" sub-items, named only in the body.
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
    expect(text).toContain('188행: - 공인중개사 교육시 표준임대차계약서 활용 교육 실시(’14.8.19)');
    expect(text).toContain('182행: ○ 표준임대차계약서 사용 활성화 방안 추진');
    expect(reply.sources).toEqual(['seoul-promise-2016-prom87.txt · 182행, 188행']);
    // The next sub-item (전광판 홍보, ’14.10) is another part: not quoted for this one.
    expect(text).not.toContain('전광판');
    expect(ask('표준계약서 전광판 홍보 언제').text).toContain('190행: - 표준임대차계약서 활용을 위한 전광판 홍보 실시(’14.10)');
  });

  it('takes a value of the kind asked: a date for "언제", not the heading line that only names the part', () => {
    const { text } = ask('표준계약서 법제화 시행 언제');
    expect(text).toContain('226행: - 표준(임대차)계약서 사용 법제화(2016.11.30.시행)');
  });

  it('leaves what the card answers to the card, and a part the document never names is not found', () => {
    const owner = ask('표준계약서 공인중개사 교육 담당부서');
    expect(owner.text).not.toContain('문서에서 찾은 내용');
    expect(ask('표준계약서 우주선 발사 언제').reply.kind).toBe('not_found');
  });
});

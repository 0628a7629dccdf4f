import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { answer, knowledgeOf, tempDir } from '../helpers.js';

// 서울시 재정 2018 has programme records whose titles differ only in their tail ("… 감시망 운영-급성호흡기" and
// "… 감시망 운영-노로바이러스"); both hold every word of either question. Built from the fixture record's layout.
describe('near-twin titles', () => {
  const base = readFileSync('test/fixtures/corpus/seoul-openfinance-2018-1137.txt', 'utf8');
  const dir = tempDir();
  const twin = (file: string, title: string, amount: string) =>
    writeFileSync(join(dir, file), base.replace("건강한 금융생활 지원을 위한 민관협력 활성화", title).replace("\"120,000,000\"", `"${amount}"`).replace("6110000201630486", `61100002016304${file.length}${amount.length}`));
  twin('1468.txt', '노로바이러스 및 급성호흡기 바이러스 대응 국가유전자 감시망 운영-급성호흡기', '62,480,000');
  twin('43.txt', '노로바이러스 및 급성호흡기 바이러스 대응 국가유전자 감시망 운영-노로바이러스', '31,240,000');
  const { knowledge } = knowledgeOf([dir]);

  it('answers with the one whose title writes the words asked as one run', () => {
    const text = renderText(answer('감시망 운영-급성호흡기 예산 얼마', knowledge));
    expect(text).toContain('62,480,000원');
    expect(text).not.toContain('31,240,000');
    expect(renderText(answer('감시망 운영-노로바이러스 예산', knowledge))).toContain('31,240,000원');
  });

  it('answers "예산 얼마" with the record\'s budget, not a body line that holds an amount (소요예산(안) : 140,000천원)', () => {
    const text = renderText(answer('감시망 운영-급성호흡기 예산 얼마', knowledge));
    expect(text).toContain('예산 | 62,480,000원');
    expect(text).not.toContain('140,000천원');
  });
});

describe('a budget programme record\'s written fields', () => {
  it('answers "… 근거" with its 근거 and "… 목적" with its 목적, citing their lines', () => {
    const { knowledge } = knowledgeOf(['test/fixtures/corpus/seoul-openfinance-2018-1137.txt']);
    const basis = answer('민관협력 활성화 근거', knowledge);
    expect(renderText(basis)).toMatch(/근거: ○ 청년 기본 조례 제14조/);
    expect(basis.sources.join(' ')).toContain('seoul-openfinance-2018-1137.txt · 근거 · 23행');
    expect(renderText(answer('민관협력 활성화 목적', knowledge))).toContain('목적: ○저임금, 학자금 대출');
  });
});

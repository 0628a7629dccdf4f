/**
 * Passages read one line of a stored block: a form flattened one cell a line that no table reader recognised is one
 * paragraph of the document model ("회차 일시 주제 1차 2024. 6. 12.(수) …"), and the block keeps its lines as written,
 * so a passage is the round asked with its cells, not the whole run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writtenLines } from '../../src/core/blocks.js';
import { bestPassage } from '../../src/core/passages.js';
import { CORPUS, knowledgeOf } from '../helpers.js';

const TF = `${CORPUS}/seoul-approval-2024-youth-allowance-tf.txt`;
const { store, knowledge } = knowledgeOf([TF], '2025-12-31');
afterAll(() => store.close());
const record = () => knowledge.summaries.map((s) => knowledge.get(String(s.id))!).find((r) => r.document.name.endsWith('youth-allowance-tf.txt'))!;

describe('passages read the stored blocks line by line', () => {
  it('a paragraph run together from a flattened table keeps each of its lines, as written', () => {
    const r = record();
    const lines = writtenLines(knowledge, r.document.versionId, 23, 33);
    expect(lines.map((l) => l.n)).toEqual([23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]);
    expect(lines.map((l) => l.text.trim())).toEqual([
      '회차', '일시', '주제', '1차', '2024. 6. 12.(수)', '[정책 환경 변화 진단 및 사업 시의성 점검]',
      'ㅇ 청년수당 운영경과 및 성과 분석', 'ㅇ 정책환경 변화에 따른 사업 존치 의의 및 필요성 등 진단',
      '2차', '2024. 7. 4.(목)', '[정책 목표 및 사업방식 적정성 진단]',
    ]);
    // One block gives the six lines 23–28: the model's paragraph, not six blocks.
    expect(new Set(lines.slice(0, 6).map((l) => l.block)).size).toBe(1);
  });

  it('a round asked ("2차 적정성 진단") is its label line with the cells after it, cited on those lines', () => {
    const p = bestPassage('2차 적정성 진단', [record()], knowledge);
    expect(p?.text).toBe('2차 2024. 7. 4.(목) [정책 목표 및 사업방식 적정성 진단]');
    expect(p?.src.lines).toEqual([31, 33]);
  });
});

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asWritten, bestLines, quotedBlock, quotedReply } from '../../src/core/quote.js';
import { recordId } from '../../src/core/knowledge.js';
import { answer, knowledgeOf, SAMPLES } from '../helpers.js';

const { store, knowledge } = knowledgeOf([join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt')]);
afterAll(() => store.close());

/** The 2019 report record holding the 원가분석자문위원회 line. */
function recordWith(line: string) {
  const r = knowledge.summaries
    .map((s) => knowledge.get(recordId(s))!)
    .find((x) => {
      const [from, to] = x.record.src.lines;
      return x.record.kind === 'project' && knowledge.blocksAt(x.document.versionId, from, to).some((b) => b.text.includes(line));
    });
  expect(r, line).toBeDefined();
  return r!;
}

describe('quoted-lines reply', () => {
  const query = '원가분석자문위원회 구성';
  const r = recordWith('원가분석자문위원회 구성');

  it('quotes the matching block (an item: its text without the bullet) with its line number and cites that line', () => {
    const lines = bestLines(knowledge, r, query);
    expect(lines[0]).toMatchObject({ line: 322, text: '원가분석자문위원회 구성 : 1.15(목) <공사․용역․물품 분야 총 9명>' });
    const reply = quotedReply(r, lines.slice(0, 1), query, { suggestions: ['감사'] });
    expect(reply).toMatchObject({
      kind: 'answer',
      title: `${r.record.title} — 문서에서 찾은 내용`,
      blocks: [{ type: 'list', caption: null, items: ['322행: 원가분석자문위원회 구성 : 1.15(목) <공사․용역․물품 분야 총 9명>'] }],
      sources: ['yeongdeungpo-audit-annual-report.txt · 322행'],
      suggestions: ['감사'],
    });
  });

  it('keeps the default suggestions when none are given, and clips a long line around the asked term', () => {
    const long = { line: 322, text: `${'가'.repeat(200)} 원가분석자문위원회 구성 ${'나'.repeat(200)}`, score: 1 };
    const block = quotedBlock([long], query, '문서 내용');
    expect(block.type === 'list' && block.items[0]!.startsWith('322행: …')).toBe(true);
    expect(block.type === 'list' && block.items[0]!.includes('원가분석자문위원회')).toBe(true);
    expect(quotedReply(r, [long], query).suggestions).toEqual([]);
  });

  it('is what the bot answers for a fact no field holds (the project card quotes the lines)', () => {
    expect(answer('원가분석자문위원회 구성', knowledge)).toEqual({
      kind: 'answer',
      title: '계약심사제 운영 — 문서에서 찾은 내용',
      blocks: [{ type: 'list', caption: null, items: ['322행: 원가분석자문위원회 구성 : 1.15(목) <공사․용역․물품 분야 총 9명>'] }],
      sources: ['yeongdeungpo-audit-annual-report.txt · 322행'],
      suggestions: ['계약심사제 운영'],
      // The general answerer found the same line; the family's quote stands, and the trace says both were tried.
      trace: ['project: answer (quoted lines)', 'general: fact from yeongdeungpo-audit-annual-report.txt lines 322-322'],
    });
  });

  it('"원문: …" quotes a line as written', () => {
    expect(asWritten('3 인력(정/현원) : 8/10명')).toBe('원문: 3 인력(정/현원) : 8/10명');
  });
});

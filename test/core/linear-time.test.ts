/**
 * Answering reads document lines too (quoted detail lines, passages, table cells, the values a question asks
 * for): its time grows in proportion to a line's length. Each case stores a real document whose projects carry a
 * long line in their body, then times the answers to questions about those projects (see ../linear-time.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, type Knowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { answer, storeWith, tempDir } from '../helpers.js';
import { repeatTo, superLinear } from '../linear-time.js';

const QUESTIONS = ['{t} 얼마', '{t} 언제', '{t} 몇 명', '{t} 근거', '{t} 어디서 해', '{t} 담당자', '{t} 목표', '{t}'];

/** Knowledge of `path` with `run` appended to a body line of its first projects, and the questions to ask of them. */
function answering(path: string, unit: string): (n: number) => void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const dir = tempDir();
  const build = (n: number) => {
    const file = join(dir, `n${n}.txt`);
    const edited = [...lines];
    for (const at of targets) edited[at] = `${edited[at]} ${repeatTo(unit, n)}`;
    writeFileSync(file, edited.join('\n'));
    return loadKnowledge(storeWith([file], join(dir, `n${n}.db`)), fixedClock('2021-06-01'));
  };
  // The projects are those of the document as written; the run goes on the line after each one's first.
  let targets: number[] = [];
  const plain = build(0);
  const records = plain.summaries
    .map((s) => plain.get(String(s.id))!)
    .filter((r) => r.record.src.lines[1] > r.record.src.lines[0])
    .slice(0, 3);
  targets = records.map((r) => r.record.src.lines[0]); // 1-based first line → index of the next line
  const questions = records.flatMap((r) => QUESTIONS.map((q) => q.replace('{t}', r.record.title)));
  const known = new Map<number, Knowledge>();
  return (n) => {
    if (!known.has(n)) known.set(n, build(n));
    const knowledge = known.get(n)!;
    for (const q of questions) answer(q, knowledge);
  };
}

// Small documents: the fixed part of answering (a search over every record) is noise a long line must stand out of.
const CASES: Array<[string, string, string]> = [
  ['digits', 'data/samples/incheon-innovation-2019-work-plan.txt', '1234567890'],
  ['amounts', 'data/samples/suwon-policy-sheet-cooperative-governance.txt', '1,000원 '],
  ['dates', 'test/fixtures/corpus/seoul-promise-2016-prom87.txt', '’25. 6. '],
  ['counts and spaces', 'test/fixtures/corpus/boryeong-promises-2021-12-31.txt', '3명  '],
  ['spaced syllables', 'data/samples/suwon-policy-sheet-3-8-76-human-rights-governance.txt', '가 '],
  ['brackets', 'test/fixtures/corpus/busan-approval-2025-sinkhole-rnd.txt', '【(1'],
  ['rates', 'test/fixtures/corpus/seoul-openfinance-2018-1137.txt', '1,5%'],
  ['places and names', 'test/fixtures/unknown/seoul-press-release-water-taxi.txt', '과장 : 김철수  에서 '],
];

describe('answer time is linear in the length of a document line', () => {
  it.each(CASES)('a long line of %s', (_, path, unit) => {
    const grew = superLinear(answering(path, unit), { reps: 5 });
    expect(grew, `${JSON.stringify(unit)} in ${path}`).toBeNull();
  }, 180_000);
});

/**
 * Families no parser was written for (보도자료, 예산 사업설명자료, 공고, HWP texts): the labelled sets written from
 * the documents before damdang was run on them, through the real dispatcher over a real store of the whole corpus.
 * Each family's set reaches issue 18's target of 0.90; damdang's one reply must beat a keyword
 * search's ten lines on every family.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluationPaths } from '../../scripts/lib/corpus-paths.js';
import { evaluate, loadQueries, type QueryResult } from '../../scripts/lib/evaluate.js';
import { baselineFinds, baselineLines } from '../../scripts/lib/keyword-baseline.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const { paths, shared } = evaluationPaths();
const FLOORS: Array<[string, string, number]> = [
  ['press', 'eval-press.json', 0.9],
  ['budget briefs', 'eval-briefs.json', 0.9],
  ['notices', 'eval-notices.json', 0.9],
  ['hwp', 'eval-hwp.json', 0.9],
];

describe.skipIf(!shared)('answers on families with no parser (../shared/corpus)', () => {
  const store = shared ? ProjectStore.open(join(tempDir(), 'new-families.db')) : null;
  if (store) ingestPaths(store, paths);
  afterAll(() => store?.close());
  const lines = store ? baselineLines(store.currentDocuments()) : [];
  const knowledge = store ? loadKnowledge(store, fixedClock('2025-07-01')) : null;

  it.each(FLOORS)('%s: at or above the floor and above the keyword top-10', (_family, file, floor) => {
    const { results } = evaluate(knowledge!, loadQueries(join('test/fixtures', file)));
    const share = (f: (r: QueryResult) => boolean, rs: QueryResult[]) => rs.filter(f).length / rs.length;
    const withValues = results.filter((r) => baselineFinds(lines, r.query, 10) !== null);
    const wrong = results.filter((r) => !r.correct).map((r) => `"${r.query.q}": ${r.why}`).join('\n');
    expect(results.length).toBeGreaterThanOrEqual(45);
    expect(share((r) => r.correct === true, results), wrong).toBeGreaterThanOrEqual(floor);
    expect(share((r) => r.correct === true, withValues)).toBeGreaterThan(share((r) => baselineFinds(lines, r.query, 10) === true, withValues));
  });
});

/**
 * Answer correctness over the labelled set (section 7 of issue 6): the real dispatcher over a real store of the
 * samples, the fixture corpus and the shared corpus folders. Thresholds are the product owner's, not today's.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationPaths, sharedScaleDirs } from '../../scripts/lib/corpus-paths.js';
import { askableQueries, evaluate, loadQueries, type QueryResult, type TagScore } from '../../scripts/lib/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const { paths, shared, missing } = evaluationPaths();
let overall: TagScore;
let samples: TagScore;
let tags: Map<string, TagScore>;
let results: QueryResult[];

const listWrong = (rs: QueryResult[]) =>
  rs
    .filter((r) => r.correct === false)
    .map((r) => `"${r.query.q}": ${r.why}`)
    .join('\n');

beforeAll(() => {
  if (missing) console.warn(`answer correctness: ${missing}`);
  const store = ProjectStore.open(join(tempDir(), 'answers-eval.db'));
  ingestPaths(store, paths);
  const result = evaluate(
    loadKnowledge(store, fixedClock('2021-06-01')),
    askableQueries(loadQueries('test/fixtures/eval-queries.json'), shared !== null),
  );
  ({ overall, samples, results } = result);
  tags = new Map(result.tags.map((t) => [t.tag, t]));
  store.close();
}, 120_000);

describe('answer correctness over the labelled set', () => {
  it('has at least 150 answer queries over the new documents, every section-7 tag among them', () => {
    if (shared) expect(overall.answered - samples.answered).toBeGreaterThanOrEqual(150);
    for (const tag of ['table-cell', 'department-overview', 'approval-fact', 'project-history', 'year-org-constraint'])
      expect(tags.get(tag)?.answered ?? 0, tag).toBeGreaterThan(0);
  });

  // Issue 6's acceptance targets: 1.0 on the four samples and 0.95 on the whole set (over ../shared/corpus when
  // it is beside the repo, as in CI).
  it('answers every query over the four samples correctly', () => {
    expect(samples.answered).toBeGreaterThan(0);
    expect(samples.correctness, listWrong(results.filter((r) => r.query.doc?.startsWith('data/samples/')))).toBe(1);
  });

  it('answers at least 95% of the whole set correctly', () => {
    if (shared) expect(overall.correctness, `${overall.correctness}\n${listWrong(results)}`).toBeGreaterThanOrEqual(0.95);
  });
});

// Documents nobody tuned on (../shared/scale: promise sheets, budget programme records), with questions written by
// readers of the documents before damdang was run on them. Set 1 guided the work; set 2 was 0.60 before it; set 3
// was 0.57 at the start of the session and 0.66 when first run. With the 4,022 budget records in the store too, the
// set reads 0.78 (their titles make some promise questions ambiguous). A floor against regressions, below it.
describe.skipIf(!sharedScaleDirs())('answer correctness over unseen documents', () => {
  it('answers at least 75% of the unseen set correctly', () => {
    const store = ProjectStore.open(join(tempDir(), 'answers-unseen.db'));
    ingestPaths(store, [...paths, ...sharedScaleDirs()!]);
    const unseen = evaluate(loadKnowledge(store, fixedClock('2017-06-01')), loadQueries('test/fixtures/eval-unseen.json'));
    store.close();
    expect(unseen.overall.answered).toBeGreaterThanOrEqual(190);
    expect(unseen.overall.correctness, listWrong(unseen.results)).toBeGreaterThanOrEqual(0.75);
  }, 300_000);
});

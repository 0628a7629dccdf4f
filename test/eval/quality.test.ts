import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadQueries, type TagScore } from '../../scripts/lib/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { CORPUS, SAMPLES, tempDir } from '../helpers.js';

let tags: Map<string, TagScore>;
let overall: TagScore;

beforeAll(() => {
  const store = ProjectStore.open(join(tempDir(), 'eval.db'));
  ingestPaths(store, [SAMPLES, CORPUS]);
  const result = evaluate(
    loadKnowledge(store, fixedClock('2021-06-01')),
    loadQueries('test/fixtures/eval-queries.json'),
  );
  tags = new Map(result.tags.map((t) => [t.tag, t]));
  overall = result.overall;
  store.close();
});

describe('search quality over the labelled query set', () => {
  it('has at least 150 queries, every tag the issue names among them', () => {
    expect(overall.n).toBeGreaterThanOrEqual(150);
    for (const tag of [
      'title',
      'compound',
      'particle',
      'person',
      'position',
      'extension',
      'department',
      'team',
      'choseong',
      'typo',
      'keyboard',
      'code',
      'ambiguous',
      'out-of-scope',
    ]) {
      expect(tags.has(tag), tag).toBe(true);
    }
  });

  it('keeps recall@1 at 0.95 or more', () => {
    expect(overall.recall1).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every person and extension first', () => {
    expect(tags.get('person')!.recall1).toBe(1);
    expect(tags.get('extension')!.recall1).toBe(1);
  });

  it('answers "not found" to out-of-scope questions', () => {
    expect(tags.get('out-of-scope')!.notFoundRate).toBeGreaterThanOrEqual(0.9);
  });
});

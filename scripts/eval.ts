/** `npm run eval`: ingests the samples and the corpus into a temporary store and prints the quality table. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';
import { evaluate, formatTable, loadQueries } from './lib/evaluate.js';

const store = ProjectStore.open(join(mkdtempSync(join(tmpdir(), 'damdang-eval-')), 'eval.db'));
ingestPaths(store, ['data/samples', 'test/fixtures/corpus']);
const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
const { results, tags, overall } = evaluate(knowledge, loadQueries('test/fixtures/eval-queries.json'));
process.stdout.write(`${formatTable(tags, overall)}\n`);
const misses = results.filter((r) => (r.query.expect ? r.rank !== 1 : r.verdict !== 'none'));
if (misses.length) {
  process.stdout.write(`\nmisses (${misses.length}):\n`);
  for (const m of misses)
    process.stdout.write(
      `- "${m.query.q}" [${m.query.tags.join(',')}] rank=${m.rank ?? '-'} verdict=${m.verdict} top=${m.top ?? '-'}\n`,
    );
}
store.close();

/** `npm run eval`: ingests the samples and the corpora into a temporary store and prints the quality table. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';
import { evaluationPaths, REPO_ROOT, sharedScaleDirs } from './lib/corpus-paths.js';
import { askableQueries, evaluate, formatTable, loadQueries } from './lib/evaluate.js';

const { paths, shared, missing } = evaluationPaths();
if (missing) process.stdout.write(`note: ${missing}\n`);
const store = ProjectStore.open(join(mkdtempSync(join(tmpdir(), 'damdang-eval-')), 'eval.db'));
ingestPaths(store, paths);
const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
const queries = askableQueries(loadQueries(join(REPO_ROOT, 'test/fixtures/eval-queries.json')), shared !== null);
const { results, tags, overall, samples } = evaluate(knowledge, queries);
process.stdout.write(`${formatTable(tags, overall, samples)}\n`);
const misses = results.filter((r) => r.query.expect !== undefined && (r.query.expect ? r.rank !== 1 : r.verdict !== 'none'));
if (misses.length) {
  process.stdout.write(`\nsearch misses (${misses.length}):\n`);
  for (const m of misses)
    process.stdout.write(
      `- "${m.query.q}" [${m.query.tags.join(',')}] rank=${m.rank ?? '-'} verdict=${m.verdict} top=${m.top ?? '-'}\n`,
    );
}
const wrong = results.filter((r) => r.correct === false);
if (wrong.length) {
  process.stdout.write(`\nwrong answers (${wrong.length}):\n`);
  for (const w of wrong)
    process.stdout.write(`- "${w.query.q}" [${w.query.tags.join(',')}] ${w.why} — ${(w.reply ?? '').split('\n')[0]}\n`);
}
store.close();

// Documents nobody tuned on: ../shared/scale (243 promise sheets, 4,022 budget programme records), with questions
// written by readers of the documents before damdang was run on them, over the same store plus those folders.
const scale = sharedScaleDirs();
if (scale) {
  const unseenStore = ProjectStore.open(join(mkdtempSync(join(tmpdir(), 'damdang-eval-unseen-')), 'eval.db'));
  ingestPaths(unseenStore, [...paths, ...scale]);
  const unseen = evaluate(loadKnowledge(unseenStore, fixedClock('2017-06-01')), loadQueries(join(REPO_ROOT, 'test/fixtures/eval-unseen.json')));
  process.stdout.write(`\nunseen documents (../shared/scale):\n${formatTable(unseen.tags, unseen.overall)}\n`);
  const wrongUnseen = unseen.results.filter((r) => r.correct === false);
  if (wrongUnseen.length) {
    process.stdout.write(`\nwrong answers (${wrongUnseen.length}):\n`);
    for (const w of wrongUnseen)
      process.stdout.write(`- "${w.query.q}" [${w.query.doc ?? ''}] ${w.why} — ${(w.reply ?? '').split('\n')[0]}\n`);
  }
  unseenStore.close();
} else process.stdout.write('\nnote: ../shared/scale not found: the unseen set is skipped\n');

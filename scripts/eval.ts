/** `npm run eval`: ingests the samples and the corpora into a temporary store and prints the quality table. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';
import { evaluationPaths, REPO_ROOT, sharedScaleDirs } from './lib/corpus-paths.js';
import { askableQueries, evaluate, formatTable, loadQueries, type QueryResult } from './lib/evaluate.js';
import { familyOf, familyTable, shapeOf } from './lib/family-table.js';
import { baselineLines } from './lib/keyword-baseline.js';

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
// Families the repo has no parser for (보도자료, 예산 사업설명자료, 공고, HWP texts): sets written from the documents
// before damdang was run on them, asked as of the documents' own time, beside the keyword baseline.
const lines = baselineLines(store.currentDocuments());
const familySets = ['eval-press.json', 'eval-briefs.json', 'eval-notices.json', 'eval-hwp.json'];
const newQueries = askableQueries(familySets.flatMap((f) => loadQueries(join(REPO_ROOT, 'test/fixtures', f))), shared !== null);
const newResults = evaluate(loadKnowledge(store, fixedClock('2025-07-01')), newQueries).results;
const all: QueryResult[] = [...results, ...newResults];
process.stdout.write(`\nper family (same store; keyword baseline over questions with values):\n${familyTable(all, lines, (r) => familyOf(r.query.doc), 'family')}\n`);
process.stdout.write(`\nnew families, per question shape:\n${familyTable(newResults, lines, (r) => shapeOf(r.query.tags), 'shape')}\n`);
const wrongNew = newResults.filter((r) => r.correct === false);
if (wrongNew.length) {
  process.stdout.write(`\nwrong answers, new families (${wrongNew.length}):\n`);
  for (const w of wrongNew)
    process.stdout.write(`- "${w.query.q}" [${familyOf(w.query.doc)}] ${w.why} — ${(w.reply ?? '').split('\n').slice(0, 3).join(' / ').slice(0, 200)}\n`);
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

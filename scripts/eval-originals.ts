/**
 * `npm run eval:originals`: answer correctness from the original office files beside their text versions. Two
 * stores hold the same documents, except that the second takes each text that has an original in
 * ../shared/originals from the original (PDF, HWPX, HWP) instead; every labelled question about such a document is
 * asked of both. Per family, the originals should answer at least as well.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { collectFiles, ingestPathsAsync } from '../src/ingest/ingest.js';
import { SUPPORTED_EXTENSIONS } from '../src/ingest/parse.js';
import { ProjectStore } from '../src/store/store.js';
import { evaluationPaths, REPO_ROOT, sharedOriginalsDir } from './lib/corpus-paths.js';
import { evaluate, loadQueries, type LabelledQuery, type QueryResult } from './lib/evaluate.js';
import { familyOf } from './lib/family-table.js';
import { documentStem } from './lib/original-pairs.js';

const originalsDir = sharedOriginalsDir();
const { paths, shared } = evaluationPaths();
if (!originalsDir || !shared) {
  process.stdout.write('note: ../shared/originals or ../shared/corpus not found: nothing to compare\n');
  process.exit(0);
}

const originals = collectFiles([originalsDir], SUPPORTED_EXTENSIONS).files;
const stems = new Set(originals.map(documentStem));
const texts = collectFiles(paths).files;
const fromTexts = texts;
const fromOriginals = [...texts.filter((f) => !stems.has(documentStem(f))), ...originals];

// Each set is asked as of its documents' own time, as `npm run eval` does.
const SETS: Array<{ file: string; today: string }> = [
  { file: 'eval-queries.json', today: '2021-06-01' },
  ...['eval-press.json', 'eval-briefs.json', 'eval-notices.json', 'eval-hwp.json'].map((file) => ({ file, today: '2025-07-01' })),
];
const hasOriginal = (q: LabelledQuery) => q.answer !== undefined && q.doc !== undefined && stems.has(documentStem(q.doc));

// Each store loads the sets afresh: a question is known by its set, text and document.
const keyOf = (set: string, q: LabelledQuery) => `${set}\u0000${q.q}\u0000${q.doc ?? ''}`;

async function answers(files: string[], label: string): Promise<Map<string, QueryResult>> {
  const started = performance.now();
  const store = ProjectStore.open(join(mkdtempSync(join(tmpdir(), `damdang-eval-${label}-`)), 'eval.db'));
  const summary = await ingestPathsAsync(store, files);
  const refused = summary.reports.filter((r) => r.outcome === 'failed');
  process.stdout.write(
    `${label}: ${files.length} files, ${refused.length} refused, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const r of refused) process.stdout.write(`  refused: ${r.error}\n`);
  const out = new Map<string, QueryResult>();
  for (const { file, today } of SETS) {
    const queries = loadQueries(join(REPO_ROOT, 'test/fixtures', file)).filter(hasOriginal);
    for (const r of evaluate(loadKnowledge(store, fixedClock(today)), queries).results) out.set(keyOf(file, r.query), r);
  }
  store.close();
  return out;
}

const byText = await answers(fromTexts, 'texts');
const byOriginal = await answers(fromOriginals, 'originals');

const rows = new Map<string, { n: number; text: number; original: number }>();
const lost: string[] = [];
const gained: string[] = [];
for (const [key, t] of byText) {
  const query = t.query;
  const o = byOriginal.get(key)!;
  for (const key of [familyOf(query.doc), 'all']) {
    const row = rows.get(key) ?? { n: 0, text: 0, original: 0 };
    row.n++;
    if (t.correct) row.text++;
    if (o.correct) row.original++;
    rows.set(key, row);
  }
  const line = (r: QueryResult) => `- "${query.q}" [${query.doc}] ${r.why ?? ''} — ${(r.reply ?? '').split('\n').slice(0, 2).join(' / ').slice(0, 160)}`;
  if (t.correct && !o.correct) lost.push(line(o));
  if (!t.correct && o.correct) gained.push(line(t));
}
const f = (a: number, n: number) => (n ? (a / n).toFixed(3) : '–');
process.stdout.write('\n| family | n | from texts | from originals |\n|---|---|---|---|\n');
for (const [key, r] of [...rows].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b))))
  process.stdout.write(`| ${key} | ${r.n} | ${f(r.text, r.n)} | ${f(r.original, r.n)} |\n`);
if (lost.length) process.stdout.write(`\nright from the text, wrong from the original (${lost.length}):\n${lost.join('\n')}\n`);
if (gained.length) process.stdout.write(`\nwrong from the text, right from the original (${gained.length}):\n${gained.join('\n')}\n`);

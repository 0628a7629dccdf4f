/**
 * Measured in a fresh process, so start-up and memory are those of a real start: opens the store, loads the
 * saved index, runs the queries through the index and through the whole answer path.
 */
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../commands/index.js';
import { createRouter } from '../src/core/dispatch.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ProjectStore } from '../src/store/store.js';
import { type BenchQuery, satisfies } from './lib/synthetic.js';

const [dbFile, queriesFile] = process.argv.slice(2) as [string, string];
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
const t0 = performance.now();
const store = ProjectStore.open(dbFile);
const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
const router = createRouter(COMMANDS);
const startupMs = performance.now() - t0;
const rssAfterStart = process.memoryUsage().rss;

const searchMs: number[] = [];
const answerMs: number[] = [];
const byKind: Record<string, [number, number]> = {};
let hits = 0;
for (const query of queries) {
  const a = performance.now();
  const outcome = knowledge.index.search(query.q, { limit: 10 });
  searchMs.push(performance.now() - a);
  const top = outcome.hits[0] ? knowledge.get(outcome.hits[0].id)?.record : undefined;
  const ok =
    outcome.verdict !== 'none' &&
    !!top &&
    satisfies(
      query,
      top.title,
      top.contacts.map((c) => c.name ?? ''),
    );
  if (ok) hits++;
  const k = (byKind[query.kind] ??= [0, 0]);
  k[0] += ok ? 1 : 0;
  k[1] += 1;
  const b = performance.now();
  router.answer(query.q, knowledge);
  answerMs.push(performance.now() - b);
}
process.stdout.write(
  JSON.stringify({
    startupMs,
    records: knowledge.summaries.length,
    rssMb: Math.max(rssAfterStart, process.memoryUsage().rss) / 2 ** 20,
    search: percentiles(searchMs),
    answer: percentiles(answerMs),
    recall1: hits / queries.length,
    byKind,
  }),
);
store.close();

function percentiles(xs: number[]): { p50: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

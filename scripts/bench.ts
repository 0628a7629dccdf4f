/**
 * `npm run bench`: speed and memory of ingest, index build, start-up with a saved index and queries, for a
 * synthetic corpus of 10,000 and 100,000 projects and for the real documents of ../shared/scale, with SQLite
 * FTS5 (trigram) as the baseline in the same run. A benchmark, not a test: the figures go into the notes.
 *   npm run bench                 # 10k, 100k and ../shared/scale
 *   npm run bench -- 10000        # only the sizes given (and "scale")
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadKnowledge, toSearchDoc } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectIndex, type SearchDoc } from '../src/search/project-index.js';
import { ProjectStore } from '../src/store/store.js';
import { type BenchQuery, generate, satisfies, seedFrom } from './lib/synthetic.js';

const work = mkdtempSync(join(tmpdir(), 'damdang-bench-'));
const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const runSizes = sizes.length || args.length ? sizes : [10_000, 100_000];
const runScale = args.length === 0 || args.includes('scale');
const log = (s: string) => process.stderr.write(`${s}\n`);
const rows: string[] = [];

// The real documents give the synthetic corpus its vocabulary and shape.
const realStore = ProjectStore.open(join(work, 'real.db'));
ingestPaths(realStore, ['data/samples', 'test/fixtures/corpus']);
const real = realStore.currentRecords();
const seed = seedFrom(
  real.map((r) => r.record),
  realStore.currentDocuments().flatMap((d) => d.text.split('\n')),
);

for (const n of runSizes) {
  log(`synthetic ${n}: generating and storing…`);
  const dbFile = join(work, `synthetic-${n}.db`);
  const store = ProjectStore.open(dbFile);
  const queries: BenchQuery[] = [];
  const t0 = performance.now();
  let i = 0;
  for (const s of generate(seed, n, 42)) {
    const lines = s.body.split('\n');
    const loaded = {
      doc: { path: `synthetic/${i}.txt`, name: `${i}.txt`, encoding: 'utf-8' as const, lines },
      hash: `h${i}`,
      text: s.body,
    };
    store.saveDocument(
      loaded,
      { family: 'synthetic', organization: s.record.organization, records: [s.record], warnings: [] },
      `synthetic/${i}.txt`,
    );
    if (i % Math.max(1, Math.floor(n / 500)) === 0) {
      queries.push(...s.queries);
    }
    i++;
  }
  const storeMs = performance.now() - t0;
  rows.push(...measure(`synthetic ${n.toLocaleString('en')}`, store, dbFile, queries, storeMs));
  store.close();
}

if (runScale) {
  const scale = '../shared/scale';
  if (existsSync(scale)) {
    log('real corpus ../shared/scale: ingesting…');
    const dbFile = join(work, 'scale.db');
    const store = ProjectStore.open(dbFile);
    const t0 = performance.now();
    const summary = ingestPaths(store, [scale]);
    const ingestMs = performance.now() - t0;
    log(`  ${summary.reports.length} documents, ${summary.failed} failed, ${(ingestMs / 1000).toFixed(1)} s`);
    const records = store.currentRecords();
    const queries = records
      .filter((_, k) => k % Math.max(1, Math.floor(records.length / 500)) === 0)
      .map((r): BenchQuery => {
        const words = r.record.title.split(/\s+/).slice(0, 2);
        return { q: words.join(' '), kind: 'title', mustContain: words };
      });
    rows.push(...measure(`real ../shared/scale (${summary.reports.length} docs)`, store, dbFile, queries, ingestMs));
    store.close();
  } else {
    log('../shared/scale not found: skipped');
  }
}

process.stdout.write(`\n${rows.join('\n')}\n`);
realStore.close();
// The corpora are hundreds of megabytes: leave nothing behind in the temp folder.
rmSync(work, { recursive: true, force: true });

function measure(label: string, store: ProjectStore, dbFile: string, queries: BenchQuery[], storeMs: number): string[] {
  const records = store.currentRecords();
  const t1 = performance.now();
  const docs = records.map((r) => toSearchDoc(r, store.blocksOf(r.document.versionId)));
  ProjectIndex.build(docs);
  const buildMs = performance.now() - t1;
  loadKnowledge(store, fixedClock('2021-06-01')); // writes the saved index the child loads
  const queriesFile = join(work, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  const child = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-child.ts', dbFile, queriesFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  ) as {
    startupMs: number;
    rssMb: number;
    search: { p50: number; p99: number };
    answer: { p50: number; p99: number };
    recall1: number;
    byKind: Record<string, [number, number]>;
  };
  const fts = fts5Baseline(docs, queries);
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const f = (x: number) => x.toFixed(2);
  return [
    `## ${label}`,
    `- store: ${records.length} records written in ${(storeMs / 1000).toFixed(1)} s; database ${mb(size(dbFile) + size(`${dbFile}-wal`))} MB, saved index ${mb(size(`${dbFile}.index.json`))} MB`,
    `- index build: ${(buildMs / 1000).toFixed(2)} s; start-up with saved index (fresh process): ${(child.startupMs / 1000).toFixed(2)} s; RSS ${child.rssMb.toFixed(0)} MB`,
    `- damdang search: p50 ${f(child.search.p50)} ms, p99 ${f(child.search.p99)} ms, recall@1 ${child.recall1.toFixed(3)} (${queries.length} queries; ${recallByKind(child.byKind)}); whole answer p50 ${f(child.answer.p50)} ms, p99 ${f(child.answer.p99)} ms`,
    `- FTS5 trigram baseline: p50 ${f(fts.p50)} ms, p99 ${f(fts.p99)} ms, recall@1 ${fts.recall1.toFixed(3)} (${recallByKind(fts.byKind)}); p99 ratio damdang/FTS5 ${(child.search.p99 / Math.max(fts.p99, 1e-6)).toFixed(2)}`,
    '',
  ];
}

/** The same queries through SQLite FTS5's trigram tokenizer: terms under three characters cannot match at all. */
function fts5Baseline(docs: SearchDoc[], queries: BenchQuery[]) {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(title, people, body, tokenize='trigram')");
  const insert = db.prepare('INSERT INTO fts (rowid, title, people, body) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const d of docs) insert.run(Number(d.id), d.title, d.people.join(' '), d.body);
  })();
  const byRowid = new Map(docs.map((d) => [Number(d.id), d]));
  const search = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 10.0, 5.0, 1.0) LIMIT 10');
  const times: number[] = [];
  const byKind: Record<string, [number, number]> = {};
  let hits = 0;
  for (const query of queries) {
    const terms = query.q
      .split(/\s+/)
      .filter((t) => [...t].length >= 3)
      .map((t) => `"${t.replace(/"/g, '""')}"`);
    const a = performance.now();
    const rows = terms.length ? (search.all(terms.join(' OR ')) as Array<{ rowid: number }>) : [];
    times.push(performance.now() - a);
    const top = rows[0] ? byRowid.get(rows[0].rowid) : undefined;
    const ok = !!top && satisfies(query, top.title, top.people);
    if (ok) hits++;
    const k = (byKind[query.kind] ??= [0, 0]);
    k[0] += ok ? 1 : 0;
    k[1] += 1;
  }
  db.close();
  const s = [...times].sort((x, y) => x - y);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), recall1: hits / queries.length, byKind };
}

function recallByKind(byKind: Record<string, [number, number]>): string {
  return Object.entries(byKind)
    .map(([k, [ok, n]]) => `${k} ${(ok / n).toFixed(2)}`)
    .join(', ');
}

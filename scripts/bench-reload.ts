/**
 * `npm run bench:reload`: how long the event loop stalls when the bot's knowledge is reloaded after another
 * process commits, over ../shared/scale (4,265 documents), as it was (the next question read the new
 * generation in place: `loadKnowledge` on the event loop) and as it is (liveKnowledge: a worker reads it, the
 * previous generation answers meanwhile). Two runs each: one commit then a reload; and an ingest of 100
 * documents by another process while a question comes every 250 ms (what Slack's 3-second ack has to beat).
 * Event-loop delay is perf_hooks.monitorEventLoopDelay's (10 ms resolution), checked against the longest gap
 * between the ticks of a 5 ms interval timer, with the main thread's own CPU time within that gap (Linux,
 * /proc, 10 ms ticks): on a loaded machine a gap is also time the thread waited for a core, which the CPU
 * figure leaves out. A question's time is its own.
 *   npm run bench:reload
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { COMMANDS } from '../commands/index.js';
import { createBot } from '../src/bot.js';
import { type Knowledge, liveKnowledge, loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';

const SCALE = '../shared/scale';
const log = (s: string) => process.stderr.write(`${s}\n`);
if (!existsSync(SCALE)) {
  log(`${SCALE} not found: nothing to measure`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'damdang-reload-'));
const db = join(work, 'scale.db');
const clock = fixedClock('2021-06-01');
log('ingesting ../shared/scale…');
const writer = ProjectStore.open(db);
ingestPaths(writer, [SCALE], () => {}, { organization: '서울특별시' });
const promises = join(SCALE, 'seoul-promises-2016');
const sheets = readdirSync(promises).filter((f) => f.endsWith('.txt')).sort();

/** Copies of real promise sheets under new names: new documents to the store. */
function newDocuments(tag: string, n: number): string[] {
  const dir = join(work, tag);
  mkdirSync(dir);
  return sheets.slice(0, n).map((f) => {
    const to = join(dir, `${tag}-${f}`);
    copyFileSync(join(promises, f), to);
    return to;
  });
}

interface Figures {
  maxMs: number;
  p99Ms: number;
  gapMs: number;
  gapCpuMs: number | null;
  reloadMs: number;
  questionMaxMs: number;
}

const turn = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU milliseconds the main thread (whose thread id is the pid) has used; null where /proc is not there. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return ((utime ?? 0) + (stime ?? 0)) * 10;
  } catch {
    return null;
  }
}

/** Starts watching the event loop (after letting it turn, so the monitor's timer runs); the stop lets it turn again. */
async function delayMonitor(): Promise<() => Promise<{ maxMs: number; p99Ms: number; gapMs: number; gapCpuMs: number | null }>> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  let gapMs = 0;
  let gapCpuMs: number | null = null;
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    if (now - last > gapMs) {
      gapMs = now - last;
      gapCpuMs = cpu === null || lastCpu === null ? null : cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
  }, 5);
  await turn(50);
  return async () => {
    await turn(50);
    clearInterval(ticker);
    h.disable();
    return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, gapMs, gapCpuMs };
  };
}

const reader = ProjectStore.openReadOnly(db)!;
const question = (k: () => Knowledge) => createBot({ knowledge: k, commands: COMMANDS });
const textIn = (text: string) => ({ kind: 'text' as const, text, origin: { platform: 'test' as const, workspace: null, channel: 'C', user: 'U' }, at: new Date() });
const ASK = '서울둘레길 예산';

/** As it was: every question compared generations and, when they differed, read the new one in place. */
function inPlace(onReload: (millis: number) => void = () => {}): () => Knowledge {
  let current = loadKnowledge(reader, clock);
  return () => {
    if (reader.identity().generation !== current.generation) {
      const t = performance.now();
      current = loadKnowledge(reader, clock);
      onReload(performance.now() - t);
    }
    return current;
  };
}

async function oneCommit(mode: 'before' | 'after'): Promise<Figures> {
  let reloadMs = 0;
  const live = mode === 'after' ? liveKnowledge(reader, clock, (r) => (reloadMs = r.millis), { pollMs: 0 }) : null;
  const knowledge = live ?? inPlace();
  const bot = question(knowledge);
  await bot.handle(textIn(ASK));
  ingestPaths(writer, newDocuments(`one-${mode}`, 1));
  const stop = await delayMonitor();
  const t = performance.now();
  await bot.handle(textIn(ASK));
  const questionMs = performance.now() - t;
  if (live) {
    await live.settled();
    live.close();
  } else reloadMs = questionMs;
  return { ...(await stop()), reloadMs, questionMaxMs: questionMs };
}

async function duringIngest(mode: 'before' | 'after'): Promise<Figures & { reloads: number; questions: number }> {
  let reloads = 0;
  let reloadMs = 0;
  const reloaded = (millis: number) => {
    reloads++;
    reloadMs = Math.max(reloadMs, millis);
  };
  const live = mode === 'after' ? liveKnowledge(reader, clock, (r) => reloaded(r.millis), { pollMs: 0 }) : null;
  const knowledge = live ?? inPlace(reloaded);
  const bot = question(knowledge);
  const files = newDocuments(`ingest-${mode}`, 100);
  const stop = await delayMonitor();
  const child = spawn(process.execPath, ['bin/damdang.js', 'ingest', ...files, '--db', db], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  let running = true;
  void exited.then(() => (running = false));
  let questionMaxMs = 0;
  let questions = 0;
  while (running) {
    const t = performance.now();
    await bot.handle(textIn(ASK));
    const ms = performance.now() - t;
    questionMaxMs = Math.max(questionMaxMs, ms);
    questions++;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (live) {
    await live.settled();
    live.close();
  }
  return { ...(await stop()), reloadMs, questionMaxMs, reloads, questions };
}

const rows: string[] = [];
const fmt = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const gap = (f: Figures) => `${fmt(f.gapMs)}${f.gapCpuMs === null ? '' : ` (${fmt(f.gapCpuMs)} on CPU)`}`;
for (const mode of ['before', 'after'] as const) {
  log(`${mode}: one commit…`);
  const one = await oneCommit(mode);
  rows.push(`| one commit, ${mode} | ${fmt(one.maxMs)} | ${gap(one)} | ${fmt(one.p99Ms)} | ${fmt(one.questionMaxMs)} | ${fmt(one.reloadMs)} | 1 |`);
  log(`${mode}: an ingest of 100 documents by another process…`);
  const big = await duringIngest(mode);
  rows.push(
    `| 100-document ingest, ${mode} (${big.questions} questions) | ${fmt(big.maxMs)} | ${gap(big)} | ${fmt(big.p99Ms)} | ${fmt(big.questionMaxMs)} | ${fmt(big.reloadMs)} | ${big.reloads} |`,
  );
}
console.log(`Reload over ../shared/scale (${reader.stats().documents} documents at the end)\n`);
console.log('| run | event-loop delay max | longest 5 ms tick gap (main thread on CPU in it) | delay p99 | slowest question | slowest reload | reloads |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
reader.close();
writer.close();

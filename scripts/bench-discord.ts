/**
 * Discord autocomplete latency (a benchmark, not a test): the real discord.js Client against the fake
 * Discord on 127.0.0.1, over the real documents of /work/shared/scale ingested into a temporary store.
 * 1,000 autocomplete interactions, one at a time: from the gateway dispatch leaving the fake to the
 * callback reaching its REST API. Target p99 < 50 ms (autocomplete cannot be deferred; Discord drops
 * answers after 3 s).
 *
 *   npm run bench:discord                      # /work/shared/scale
 *   npm run bench:discord -- path/to/docs      # any folder, read in place
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './lib/corpus-paths.js';
import { createDiscordAdapter } from '../src/adapters/discord/discord.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { choseong } from '../src/search/korean-tokenizer.js';
import { ProjectStore } from '../src/store/store.js';
import { FAKE, FakeDiscord } from '../test/adapters/discord/fake-discord.js';

const INTERACTIONS = 1000;
const TARGET_P99_MS = 50;
const log = (line: string) => process.stderr.write(`${line}\n`);

const corpus = resolve(process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'scale'));
if (!existsSync(corpus)) {
  log(`${corpus} not found`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'damdang-bench-discord-'));
const store = ProjectStore.open(join(work, 'bench.db'));
let fake: FakeDiscord | null = null;
try {
  log(`ingesting ${corpus} (read in place) into ${work}…`);
  const summary = ingestPaths(store, [corpus]);
  log(`  ${summary.reports.length} documents, ${summary.failed} failed, ${(summary.millis / 1000).toFixed(1)} s`);
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  log(`  ${knowledge.summaries.length} records indexed`);

  fake = await FakeDiscord.start();
  const config = loadConfig({}, { DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl }).discord!;
  const adapter = createDiscordAdapter({
    config,
    service: createBot({ knowledge: () => knowledge }),
    knowledge: () => knowledge,
    feedback: null,
    log: () => undefined,
    // One user types all the queries: the bench measures the search, so the typing limit must not answer them.
    typingRateLimit: { burst: INTERACTIONS, refillMs: 1 },
  });
  await adapter.start();

  // What people type: the first 2–6 characters of real titles, whole words, 초성 and one-syllable typos.
  const titles = knowledge.summaries.map((s) => s.title).filter((t) => t.length >= 2);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const typed = Array.from({ length: INTERACTIONS }, (_, i) => {
    const t = titles[Math.floor(random() * titles.length)]!;
    switch (i % 4) {
      case 0:
        return t.slice(0, 2 + Math.floor(random() * 5));
      case 1:
        return t.split(/\s+/).slice(0, 2).join(' ');
      case 2:
        return choseong(t.replace(/\s+/g, '').slice(0, 4));
      default:
        return t.split(/\s+/)[0]!.replace(/[가-힣]$/, '가');
    }
  });
  const subs = ['budget', 'status', 'contact', 'milestones', 'owner'];
  // Where the time goes: gateway → discord.js event, and event → callback received (handler + REST).
  const arrived = new Map<string, number>();
  adapter.client.on('interactionCreate', (i) => void arrived.set(i.id, performance.now()));
  const toEvent: number[] = [];
  const toCallback: number[] = [];
  const latencies: number[] = [];
  const choiceCounts: number[] = [];
  for (const [i, q] of typed.entries()) {
    const started = performance.now();
    const { id } = fake.autocomplete(subs[i % subs.length]!, q);
    const cb = await fake.request((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`));
    latencies.push(cb.at - started);
    const event = arrived.get(id) ?? cb.at;
    toEvent.push(event - started);
    toCallback.push(cb.at - event);
    choiceCounts.push(((cb.body as { data: { choices: unknown[] } }).data.choices ?? []).length);
  }
  await adapter.stop();

  for (const a of [latencies, toEvent, toCallback]) a.sort((x, y) => x - y);
  const at = (a: number[], p: number) => a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!;
  const pct = (p: number) => at(latencies, p);
  const empty = choiceCounts.filter((n) => n === 0).length;
  const p99 = pct(99);
  process.stdout.write(
    [
      `Discord autocomplete, ${INTERACTIONS} interactions over ${summary.reports.length} documents (${knowledge.summaries.length} records)`,
      `  dispatch → callback at the fake REST: p50 ${pct(50).toFixed(1)} ms · p90 ${pct(90).toFixed(1)} ms · p99 ${p99.toFixed(1)} ms · max ${latencies.at(-1)!.toFixed(1)} ms`,
      `  of which gateway → discord.js event: p50 ${at(toEvent, 50).toFixed(1)} ms · p99 ${at(toEvent, 99).toFixed(1)} ms; event → callback (search + REST): p50 ${at(toCallback, 50).toFixed(1)} ms · p99 ${at(toCallback, 99).toFixed(1)} ms`,
      `  choices: max ${Math.max(...choiceCounts)} (limit 25), ${empty} interactions with none`,
      `  target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
  if (p99 >= TARGET_P99_MS) process.exitCode = 1;
} finally {
  await fake?.close();
  store.close();
  rmSync(work, { recursive: true, force: true });
}

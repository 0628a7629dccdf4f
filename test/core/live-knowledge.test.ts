/**
 * The bot's knowledge after another connection commits (a real SQLite file): questions are answered at once
 * from the previous generation while the next one is read in a worker, then from the new one; one reload at a
 * time, and a commit made during a reload is read by one more after it; the saved index follows the generation.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { createBot } from '../../src/bot.js';
import type { Inbound } from '../../src/core/inbound.js';
import { type Knowledge, type LiveKnowledge, liveKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, storeWith, tempDir, testOrigin } from '../helpers.js';

const AUDIT = join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt');
const COOP = join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt');
const RIGHTS = join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt');
const textIn = (text: string): Inbound => ({ kind: 'text', text, origin: testOrigin(), at: new Date('2021-06-01T01:00:00Z') });

/** Another process's ingest: its own connection to the same file, a copy of the document under a new name. */
function commitFrom(file: string, doc: string): void {
  const copy = join(tempDir(), `copy-${doc.split('/').at(-1)}`);
  copyFileSync(doc, copy);
  const writer = ProjectStore.open(file);
  ingestPaths(writer, [copy]);
  writer.close();
}

const open: Array<{ live: LiveKnowledge; store: ProjectStore }> = [];
afterEach(() => {
  for (const { live, store } of open.splice(0)) {
    live.close();
    store.close();
  }
});

function setUp(options: Parameters<typeof liveKnowledge>[3] = {}) {
  const file = join(tempDir(), 'live.db');
  storeWith([AUDIT], file).close();
  const store = ProjectStore.openReadOnly(file)!;
  const reloads: number[] = [];
  const live = liveKnowledge(store, fixedClock('2021-06-01'), (r) => reloads.push(r.generation), { pollMs: 0, ...options });
  open.push({ live, store });
  return { file, store, live, reloads, bot: createBot({ knowledge: live, commands: COMMANDS }) };
}

describe('live knowledge after another process commits', () => {
  it('answers at once from the previous generation while the next is read, then from the new one', async () => {
    const { file, store, live, reloads, bot } = setUp();
    const before = live().generation;
    commitFrom(file, COOP);

    const r = await bot.handle(textIn('예산 협치'));
    // Answered without waiting for the reload: it is still under way, and the answer is the old store's.
    expect(live.reloading).toBe(true);
    expect(live().generation).toBe(before);
    expect(renderText(r)).not.toContain('31백만원');

    const next = await live.settled();
    expect(next.generation).toBe(store.identity().generation);
    expect(reloads).toEqual([next.generation]);
    expect(renderText(await bot.handle(textIn('예산 협치')))).toMatch(/2019[^\n]*31백만원[^\n]*15백만원/);
    // The worker saved the index it built, under the generation it was read at.
    expect((JSON.parse(readFileSync(`${file}.index.json`, 'utf8')) as { generation: number }).generation).toBe(next.generation);
  }, 60_000);

  it('runs one reload at a time; a commit made during one is read by one more after it', async () => {
    let during: (() => void) | null = null;
    const { file, store, live, reloads } = setUp({ beforeSwap: () => during?.() });
    commitFrom(file, COOP);
    const first = store.identity().generation;
    // The second commit lands after the worker read the first generation, before it replaces the current one.
    during = () => {
      during = null;
      commitFrom(file, RIGHTS);
      // Questions meanwhile start nothing more: the reload under way is the only one.
      for (let i = 0; i < 5; i++) live();
      expect(live.reloading).toBe(true);
    };
    live();
    const done = await live.settled();
    expect(reloads).toEqual([first, first + 1]);
    expect(done.generation).toBe(store.identity().generation);
    const names = new Set(done.summaries.map((s) => s.documentName));
    expect(names).toEqual(new Set(['yeongdeungpo-audit-annual-report.txt', 'copy-suwon-policy-sheet-cooperative-governance.txt', 'copy-suwon-policy-sheet-3-8-76-human-rights-governance.txt']));
    expect(done.index.search('인권 거버넌스').hits.length).toBeGreaterThan(0);
  }, 60_000);

  it('a saved index that cannot be loaded is rebuilt by the worker; answering never stopped', async () => {
    const { file, store, live, bot } = setUp();
    commitFrom(file, COOP);
    // An index file claiming this very store and generation, with a damaged term list.
    const { storeId, generation } = store.identity();
    const fields = Object.fromEntries(['title'].map((f, i) => [f, i]));
    writeFileSync(
      `${file}.index.json`,
      JSON.stringify({ storeId, generation, index: { format: 'damdang-search-index', version: 3, ids: [], titles: [], minisearch: { fieldIds: fields, index: [], documentCount: 0 } } }),
    );
    expect(renderText(await bot.handle(textIn('예산 협치')))).not.toContain('31백만원');
    const next: Knowledge = await live.settled();
    expect(next.generation).toBe(generation);
    expect(renderText(await bot.handle(textIn('예산 협치')))).toMatch(/31백만원/);
  }, 60_000);
});

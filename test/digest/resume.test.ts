/**
 * A digest cut off by `kill -9`: a child process (the real Slack Web API client, against a fake Slack on
 * 127.0.0.1) posts a many-part digest and is killed part-way; a new scheduler over the same SQLite file
 * resumes it within the grace period — every part reaching Slack once — and records it as missed past it.
 */
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackChannelPoster } from '../../src/adapters/slack/delivery.js';
import { createBot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { ChatAdapter } from '../../src/core/port.js';
import { fixedClock } from '../../src/domain/clock.js';
import { createDigests } from '../../src/digest/index.js';
import { SubscriptionStore } from '../../src/digest/subscriptions.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderSlack } from '../../src/render/slack.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';
import { DIGEST_CONFIG, longDigest, longDigestTitles } from './long-digest.js';

type Step = 'ok' | 'hang' | { retryAfter: number };

/** Slack's chat.postMessage on 127.0.0.1: answers each call as scripted and records every request that arrived. */
class FakeSlackPosts {
  readonly received: Array<{ title: string; status: number; ts: string | null }> = [];
  script: Step[] = [];
  private held: ServerResponse[] = [];
  private n = 0;
  private server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (!req.url?.includes('chat.postMessage')) {
        res.end('{"ok":true}');
        return;
      }
      const text = new URLSearchParams(body).get('text') ?? '';
      const title = /^.*?\(\d+\/\d+\)/.exec(text)?.[0] ?? text.split('\n')[0]!;
      const step = this.script.shift() ?? 'ok';
      if (step === 'hang') {
        // The request reached Slack; its answer never leaves (the sender is killed while waiting for it).
        this.received.push({ title, status: 0, ts: null });
        this.held.push(res);
      } else if (step !== 'ok') {
        this.received.push({ title, status: 429, ts: null });
        res.writeHead(429, { 'retry-after': String(step.retryAfter) });
        res.end('{"ok":false,"error":"ratelimited"}');
      } else {
        const ts = `1617235200.${String(++this.n).padStart(6, '0')}`;
        this.received.push({ title, status: 200, ts });
        res.end(JSON.stringify({ ok: true, channel: 'C_DIGEST', ts }));
      }
    });
  });
  url = '';
  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }
  /** What reached the channel: every accepted post, and every post whose answer was cut off. */
  arrived(): string[] {
    return this.received.filter((r) => r.status === 200 || r.status === 0).map((r) => r.title);
  }
  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const SLOT = kst('2021-04-01', '09:00');
const TITLES = longDigestTitles();
const N = TITLES.length;

interface PartRow {
  part: number;
  status: string;
  attempts: number;
  message_id: string | null;
}
function partsOf(db: string): PartRow[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare('SELECT part, status, attempts, message_id FROM digest_parts ORDER BY part').all() as PartRow[];
  } finally {
    conn.close();
  }
}

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A database with the samples and one daily 09:00 subscription to a Slack channel. */
function prepare(): string {
  const db = join(tempDir(), 'resume.db');
  const store = ProjectStore.open(db);
  ingestPaths(store, [SAMPLES]);
  new SubscriptionStore(store).add(
    {
      cadence: 'daily',
      days: '*',
      time: '09:00',
      scope: null,
      target: { platform: 'slack', workspace: 'T1', channel: 'C_DIGEST' },
      createdBy: 'U_ADMIN',
    },
    kst('2021-03-31', '10:00'),
  );
  store.close();
  return db;
}

/** Runs the sending process until `ready`, then kills it with SIGKILL. */
async function sendAndKill(db: string, fake: FakeSlackPosts, ready: () => boolean): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/digest/resume-child.ts', db, fake.url, SLOT.toISOString()], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  try {
    await until('the child to reach the kill point', () => {
      if (child.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
      return ready();
    });
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  return stderr;
}

/** The restarted bot: the same file, the Slack poster against the same fake, the clock at `now`. */
function restart(db: string, fake: FakeSlackPosts, now: Date) {
  const store = ProjectStore.openReadOnly(db)!;
  const poster = createSlackChannelPoster('xoxb-test', fake.url);
  const adapter: ChatAdapter = {
    platform: 'slack',
    start: async () => {},
    stop: async () => {},
    post: async (target, r) => ({ messageId: await poster.post({ channel: target.channel, ...renderSlack(r) }) }),
  };
  const logged: string[] = [];
  const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
  const { service, scheduler } = createDigests(DIGEST_CONFIG, store, { adapters: [adapter], now: () => now, retry, log: (l) => logged.push(l) });
  const bot = createBot({ knowledge: () => loadKnowledge(store, fixedClock('2021-04-01')), digests: service });
  const list = async () =>
    renderText(
      await bot.handle({
        kind: 'command',
        command: 'digest',
        args: { query: 'list' },
        origin: { platform: 'slack', workspace: 'T1', channel: 'C_DIGEST', user: 'U_ADMIN' },
        at: now,
      }),
    );
  return { store, scheduler: scheduler!, logged, list, close: () => (scheduler!.stop(), store.close()) };
}

const fakes: FakeSlackPosts[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

describe('a many-part digest whose process is killed part-way', () => {
  it('is resumed by the next start within the grace period: parts 2..n posted once, part 1 never again', async () => {
    expect(N).toBeGreaterThanOrEqual(8);
    const db = prepare();
    const fake = await new FakeSlackPosts().start();
    fakes.push(fake);
    // Part 2 meets a 429 asking for a minute: the kill lands in that wait, with part 1 posted and recorded.
    fake.script = ['ok', { retryAfter: 60 }];
    await sendAndKill(db, fake, () => {
      const p = partsOf(db);
      return p[0]?.status === 'posted' && p[1]?.status === 'pending' && p[1].attempts === 1;
    });
    expect(fake.arrived()).toEqual([TITLES[0]]);
    expect(partsOf(db)).toHaveLength(N);

    const bot = restart(db, fake, new Date(SLOT.getTime() + 10 * 60_000));
    await bot.scheduler.start();
    await bot.scheduler.idle();
    expect(fake.arrived()).toEqual(TITLES);
    const parts = partsOf(db);
    expect(parts.every((p) => p.status === 'posted')).toBe(true);
    // Each part's Slack ts as the platform returned it.
    expect(parts.map((p) => p.message_id)).toEqual(fake.received.filter((r) => r.status === 200).map((r) => r.ts));
    expect(bot.logged.join('\n')).toContain(`중단된 발송을 이어서 보냅니다 (${N}부 중 1부 보냄)`);
    const listed = await bot.list();
    expect(listed).toContain('마지막 발송 2021-04-01 09:00');
    expect(listed).not.toMatch(/중단된 발송|놓친 발송|⚠/);
    bot.close();

    // A further restart finds nothing left to send.
    const again = restart(db, fake, new Date(SLOT.getTime() + 20 * 60_000));
    await again.scheduler.start();
    expect(fake.arrived()).toEqual(TITLES);
    again.close();
  }, 60_000);

  it('does not post again the part whose post was under way at the kill (at most once), and names it', async () => {
    const db = prepare();
    const fake = await new FakeSlackPosts().start();
    fakes.push(fake);
    // Part 3's request reaches Slack and its answer never comes back before the kill.
    fake.script = ['ok', 'ok', 'hang'];
    await sendAndKill(db, fake, () => fake.received.length === 3 && partsOf(db)[2]?.status === 'posting');

    const bot = restart(db, fake, new Date(SLOT.getTime() + 10 * 60_000));
    await bot.scheduler.start();
    await bot.scheduler.idle();
    // Every part reached the channel exactly once: 1–2 and 3 (cut off) from the killed process, 4..n resumed.
    expect(fake.arrived()).toEqual(TITLES);
    expect(partsOf(db).map((p) => p.status)).toEqual(TITLES.map((_, i) => (i === 2 ? 'unknown' : 'posted')));
    expect(bot.logged.join('\n')).toContain(`3/${N}부는 전송 중 프로그램이 멈춰 도착 여부를 알 수 없어 다시 보내지 않습니다`);
    expect(await bot.list()).toContain(`3/${N}부: 전송 중 프로그램이 멈춰 도착 여부를 알 수 없습니다`);
    bot.close();
  }, 60_000);

  it('past the grace period is recorded as missed and nothing more is sent', async () => {
    const db = prepare();
    const fake = await new FakeSlackPosts().start();
    fakes.push(fake);
    fake.script = ['ok', { retryAfter: 60 }];
    await sendAndKill(db, fake, () => partsOf(db)[1]?.attempts === 1 && partsOf(db)[1]?.status === 'pending');

    const bot = restart(db, fake, new Date(SLOT.getTime() + 2 * 60 * 60_000));
    await bot.scheduler.start();
    await bot.scheduler.idle();
    expect(fake.arrived()).toEqual([TITLES[0]]);
    expect(partsOf(db).filter((p) => p.status === 'pending')).toHaveLength(N - 1);
    const listed = await bot.list();
    expect(listed).toContain('놓친 발송 1건');
    expect(listed).toContain(`${N}부 중 1부를 보낸 뒤 멈췄고, 유예 시간이 지나 나머지 ${N - 1}부는 보내지 않았습니다`);
    bot.close();
  }, 60_000);

  it('a scheduler stopped part-way (SIGTERM) posts no further part, and the next start sends the rest', async () => {
    const db = prepare();
    const posted: string[] = [];
    let stopNow = () => {};
    const adapter: ChatAdapter = {
      platform: 'slack',
      start: async () => {},
      stop: async () => {},
      post: async (_t, r) => {
        posted.push(r.title);
        if (posted.length === 2) stopNow();
        return { messageId: `m${posted.length}` };
      },
    };
    const boot = (now: Date) => {
      const store = ProjectStore.openReadOnly(db)!;
      const { scheduler } = createDigests(DIGEST_CONFIG, store, { adapters: [adapter], now: () => now });
      scheduler!.compose = () => longDigest();
      return { store, scheduler: scheduler! };
    };
    const first = boot(SLOT);
    stopNow = () => first.scheduler.stop();
    await first.scheduler.start();
    expect(posted).toEqual(TITLES.slice(0, 2));
    expect(partsOf(db).map((p) => p.status)).toEqual(TITLES.map((_, i) => (i < 2 ? 'posted' : 'pending')));
    first.store.close();
    const second = boot(new Date(SLOT.getTime() + 5 * 60_000));
    await second.scheduler.start();
    expect(posted).toEqual(TITLES);
    expect(partsOf(db).map((p) => p.message_id)).toEqual(TITLES.map((_, i) => `m${i + 1}`));
    second.scheduler.stop();
    second.store.close();
  });
});

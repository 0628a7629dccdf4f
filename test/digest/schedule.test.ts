import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Origin } from '../../src/core/inbound.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { type ChatAdapter, DeliveryError, type PostTarget } from '../../src/core/port.js';
import { list, type Reply, reply } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import { discordEmbedChars, partBudget, splitReply, type RetryPolicy } from '../../src/digest/deliver.js';
import { DISCORD_LIMITS, renderDiscord } from '../../src/render/discord.js';
import { createDigests } from '../../src/digest/index.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

/** A chat platform in memory: records every post; `failures` decides what the next posts throw. */
class FakeAdapter implements ChatAdapter {
  readonly posts: Array<{ target: PostTarget; reply: Reply; at: number }> = [];
  failures: Array<Error> = [];
  failChannels = new Set<string>();
  constructor(readonly platform: ChatAdapter['platform'] = 'test') {}
  async start() {}
  async stop() {}
  async post(target: PostTarget, r: Reply) {
    if (this.failChannels.has(target.channel)) throw new Error('ECONNRESET');
    const f = this.failures.shift();
    if (f) throw f;
    this.posts.push({ target, reply: r, at: Date.now() });
  }
}

const CONFIG = { timeZone: 'Asia/Seoul', admins: ['U_ADMIN'], digest: { graceMinutes: 60, staleDays: 365 } };
const ADMIN: Origin = { platform: 'test', workspace: 'T1', channel: 'C_DIGEST', user: 'U_ADMIN' };

/** One running process: store, bot, digests and scheduler over the same database file and a settable clock. */
function boot(dbFile: string, clock: { now: Date }, adapter: FakeAdapter, waits: number[] = []) {
  const store = ProjectStore.open(dbFile);
  if (store.isEmpty()) ingestPaths(store, [SAMPLES]);
  const retry: RetryPolicy = {
    attempts: 3,
    baseDelayMs: 1000,
    maxDelayMs: 10_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  const { service, scheduler } = createDigests(CONFIG, store, { adapters: [adapter], now: () => clock.now, retry });
  const knowledge = loadKnowledge(store, fixedClock('2021-04-01'));
  const bot = createBot({ knowledge: () => knowledge, digests: service });
  const say = (args: string, origin: Origin = ADMIN) =>
    bot.handle({ kind: 'command', command: 'digest', args: { query: args }, origin, at: clock.now });
  return { store, service, scheduler: scheduler!, say, close: () => (scheduler!.stop(), store.close()) };
}

/** 2021-04-05 is a Monday; 09:00 in Seoul is 00:00 UTC. */
const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);

describe('digest subscriptions and the scheduler (injected clock, real SQLite)', () => {
  it('a weekly subscription delivers exactly once per week across restarts in the send window', async () => {
    const db = join(tempDir(), 'sched.db');
    const clock = { now: kst('2021-03-31', '10:00') };
    const adapter = new FakeAdapter();
    let p = boot(db, clock, adapter);
    const made = renderText(await p.say('subscribe weekly mon 09:00 정책기획과'));
    expect(made).toContain('요약 구독 #1');
    expect(made).toContain('매주 월요일 09:00 · 정책기획과');
    await p.scheduler.start();

    clock.now = kst('2021-04-05', '08:59');
    await p.scheduler.tick();
    expect(adapter.posts).toHaveLength(0);
    clock.now = kst('2021-04-05', '09:00');
    await p.scheduler.tick();
    await p.scheduler.tick();
    expect(adapter.posts).toHaveLength(1);
    expect(adapter.posts[0]!.target).toEqual({ platform: 'test', workspace: 'T1', channel: 'C_DIGEST', thread: undefined });
    const first = renderText(adapter.posts[0]!.reply);
    expect(first).toContain('주간 요약 · 정책기획과 · 2021-04-05 기준');
    expect(first).not.toContain('늦은 발송');

    // Restart ten minutes into the window: the week's digest is already claimed.
    p.close();
    clock.now = kst('2021-04-05', '09:10');
    p = boot(db, clock, adapter);
    await p.scheduler.start();
    expect(adapter.posts).toHaveLength(1);

    // Down from 08:50 until 09:20 the next Monday: sent once on restart, marked late; a second restart sends nothing.
    clock.now = kst('2021-04-12', '08:50');
    await p.scheduler.tick();
    p.close();
    clock.now = kst('2021-04-12', '09:20');
    p = boot(db, clock, adapter);
    await p.scheduler.start();
    p.close();
    clock.now = kst('2021-04-12', '09:40');
    p = boot(db, clock, adapter);
    await p.scheduler.start();
    expect(adapter.posts).toHaveLength(2);
    expect(renderText(adapter.posts[1]!.reply)).toMatch(/^\[늦은 발송\] 주간 요약 · 정책기획과 · 2021-04-12 기준/);

    // Down past the grace period: not sent, recorded, shown by `digest list`.
    p.close();
    clock.now = kst('2021-04-19', '11:00');
    p = boot(db, clock, adapter);
    await p.scheduler.start();
    expect(adapter.posts).toHaveLength(2);
    const listed = renderText(await p.say('list'));
    expect(listed).toContain('#1 매주 월요일 09:00 · 정책기획과 · test C_DIGEST');
    expect(listed).toContain('놓친 발송 1건');
    expect(listed).toContain('다음 2021-04-26 09:00');

    clock.now = kst('2021-04-26', '09:00');
    await p.scheduler.tick();
    expect(adapter.posts).toHaveLength(3);
    p.close();
  });

  it('a 429 is retried after its Retry-After; repeated failures show in digest list while others go on', async () => {
    const db = join(tempDir(), 'retry.db');
    const clock = { now: kst('2021-03-31', '10:00') };
    const adapter = new FakeAdapter();
    const waits: number[] = [];
    const p = boot(db, clock, adapter, waits);
    await p.say('subscribe daily 매일 09:00');
    await p.say('subscribe daily 09:00 인권담당관', { ...ADMIN, channel: 'C_BROKEN' });
    await p.scheduler.start();
    adapter.failures = [new DeliveryError('slack: 429 ratelimited', { status: 429, retryAfterMs: 1500 })];
    adapter.failChannels.add('C_BROKEN');
    clock.now = kst('2021-04-01', '09:00');
    await p.scheduler.tick();
    expect(adapter.posts.map((x) => x.target.channel)).toEqual(['C_DIGEST']);
    // 1500 ms for the 429, then 1000 and 2000 ms of backoff for the broken channel's three attempts.
    expect([...waits].sort((a, b) => a - b)).toEqual([1000, 1500, 2000]);
    const listed = renderText(await p.say('list'));
    expect(listed).toMatch(/#2 매일 09:00 · 인권담당관 · test C_BROKEN · 아직 발송 없음 .*⚠ 오류 \(2021-04-01 09:00\): ECONNRESET \(시도 3회\)/);
    expect(listed).not.toMatch(/#1 .*⚠/);
    p.close();
  });

  it('only DAMDANG_ADMINS may subscribe or unsubscribe; send posts now; an interrupted send is never repeated', async () => {
    const db = join(tempDir(), 'admin.db');
    const clock = { now: kst('2021-03-31', '10:00') };
    const adapter = new FakeAdapter();
    let p = boot(db, clock, adapter);
    const stranger = { ...ADMIN, user: 'U_OTHER' };
    expect(renderText(await p.say('subscribe weekly mon 09:00', stranger))).toBe('요약 구독은 관리자만 설정할 수 있습니다.');
    expect(renderText(await p.say('subscribe weekly 월요일 25:00'))).toContain('시각은 HH:MM');
    expect(renderText(await p.say('subscribe weekly mon 09:00 없는과'))).toContain('"없는과" 부서·팀을 문서에서 찾지 못했습니다');
    expect(renderText(await p.say('subscribe weekly fri 17:30 정책팀'))).toContain('매주 금요일 17:30 · 정책팀');
    await p.scheduler.start();
    expect(renderText(await p.say('send 1'))).toContain('요약 #1을 지금 보냅니다');
    await p.scheduler.idle();
    expect(adapter.posts).toHaveLength(1);
    expect(renderText(adapter.posts[0]!.reply)).toContain('주간 요약 · 정책팀 · 2021-03-31 기준');

    // A process that died mid-post: the slot stays claimed, marked for a person to check.
    p.service.subscriptions.claim(1, kst('2021-04-02', '17:30').toISOString(), 'sending', false, clock.now);
    p.close();
    clock.now = kst('2021-04-02', '17:35');
    p = boot(db, clock, adapter);
    await p.scheduler.start();
    expect(adapter.posts).toHaveLength(1);
    expect(renderText(await p.say('list'))).toContain('중단된 발송 1건 (도착 확인 필요)');

    expect(renderText(await p.say('unsubscribe 1', stranger))).toBe('요약 구독 해지는 관리자만 할 수 있습니다.');
    expect(renderText(await p.say('unsubscribe 1'))).toBe('요약 구독 #1을 해지했습니다.');
    expect(renderText(await p.say('list'))).toContain('요약 구독이 없습니다.');
    p.close();
  });

  it('answers "digest 정책기획과" typed as text in chat', async () => {
    const p = boot(join(tempDir(), 'text.db'), { now: kst('2021-04-01', '10:00') }, new FakeAdapter());
    const bot = createBot({ knowledge: () => loadKnowledge(p.store, fixedClock('2021-04-01')), digests: p.service });
    const r = await bot.handle({ kind: 'text', text: 'digest 정책기획과 --days 14', origin: ADMIN, at: new Date() });
    expect(r.title).toBe('주간 요약 · 정책기획과 · 2021-04-01 기준 (다음 14일)');
    expect(renderText(r)).toContain('협치 시정 활성화 연구용역');
    p.close();
  });
});

describe('splitting a long digest to the platform limit', () => {
  it('keeps every item, each part within the limit, sources on the last part', () => {
    const items = Array.from({ length: 60 }, (_, i) => `항목 ${i + 1} — ${'가'.repeat(60)} [문서.txt · ${i + 1}행]`);
    const long = reply('answer', '주간 요약', [list(items, '다가오는 일정')], { sources: ['문서.txt'] });
    const parts = splitReply(long, 2000);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(renderText(part).length).toBeLessThanOrEqual(2000);
    const all = parts.map(renderText).join('\n');
    for (const it of items) expect(all).toContain(it);
    expect(all).not.toContain('외 ');
    expect(parts.at(-1)!.sources).toEqual(['문서.txt']);
    expect(parts[0]!.title).toBe(`주간 요약 (1/${parts.length})`);
  });

  it('for Discord, measures parts as rendered embeds: each within the 6,000-character message, nothing left out', () => {
    const items = Array.from({ length: 120 }, (_, i) => `항목 ${i + 1} — ${'가'.repeat(60)} *강조* [문서.txt · ${i + 1}행]`);
    const long = reply('answer', '주간 요약', [list(items, '다가오는 일정')], { sources: ['문서.txt'] });
    const parts = splitReply(long, partBudget('discord'));
    expect(parts.length).toBeGreaterThan(1);
    const rendered = parts.map((p) => renderDiscord(p));
    for (const [i, m] of rendered.entries()) {
      expect(discordEmbedChars(parts[i]!)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
      expect(JSON.stringify(m)).not.toContain('생략');
    }
    const all = rendered.map((m) => JSON.stringify(m)).join('\n');
    for (let i = 1; i <= items.length; i++) expect(all).toContain(`항목 ${i} —`);
    expect(rendered.at(-1)!.embeds.at(-1)!.footer?.text).toBe('출처: 문서.txt');
  });
});

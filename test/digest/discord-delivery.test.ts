/**
 * A digest subscribed in the fake Discord with a real slash command and delivered on schedule through the
 * Discord adapter's post(): the real discord.js Client and REST against test/adapters/discord/fake-discord.ts,
 * the samples in a real SQLite file, the scheduler's clock injected.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordAdapterFromConfig } from '../../src/adapters/discord/index.js';
import { createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { ChatAdapter } from '../../src/core/port.js';
import { fixedClock, systemClock } from '../../src/domain/clock.js';
import type { RetryPolicy } from '../../src/digest/deliver.js';
import { createDigests } from '../../src/digest/index.js';
import type { DigestScheduler } from '../../src/digest/schedule.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { silentLogger } from '../../src/logger.js';
import { ProjectStore } from '../../src/store/store.js';
import { FAKE, FakeDiscord, type RecordedRequest } from '../adapters/discord/fake-discord.js';
import { SAMPLES, tempDir } from '../helpers.js';

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}
interface MessageBody {
  content?: string;
  embeds?: Embed[];
  allowed_mentions?: unknown;
  flags?: number;
}
const textOf = (b: MessageBody | undefined) =>
  (b?.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]).join('\n');

/** 2021-04-05 is a Monday; 09:00 in Seoul is 00:00 UTC. */
const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const STRANGER = '400000000000000099';

let fake: FakeDiscord;
let store: ProjectStore;
let adapter: ChatAdapter;
let scheduler: DigestScheduler;
const clock = { now: kst('2021-03-31', '10:00') };
/** What the scheduler waited between attempts (it really waits: discord.js must see the time pass too). */
const waits: number[] = [];
const logged: string[] = [];

const channelPosts = () =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${FAKE.channelId}/messages`);
const delivered = () => channelPosts().filter((r) => r.status === 200);
const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
async function slash(query: string, user?: string): Promise<string> {
  const { id } = fake.slash('digest', { query }, user);
  const cb = (await fake.request(callbackOf(id))).body as { data?: MessageBody };
  return textOf(cb.data);
}

beforeAll(async () => {
  store = ProjectStore.open(join(tempDir(), 'discord-digest.db'));
  ingestPaths(store, [SAMPLES]);
  fake = await FakeDiscord.start({ heartbeatMs: 60_000 });
  const config = loadConfig(
    {},
    { DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, DAMDANG_ADMINS: FAKE.userId },
  );
  const retry: RetryPolicy = {
    attempts: 3,
    baseDelayMs: 200,
    maxDelayMs: 2000,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
  const digests = createDigests(config, store, { now: () => clock.now, retry, log: (l) => logged.push(l) });
  const knowledge = loadKnowledge(store, fixedClock('2021-03-31'));
  const bot = createBot({ knowledge: () => knowledge, digests: digests.service });
  adapter = discordAdapterFromConfig({
    config,
    service: bot,
    logger: silentLogger,
    clock: systemClock('Asia/Seoul', () => clock.now),
    knowledge: () => knowledge,
    feedback: store.feedback,
  })!;
  await adapter.start();
  scheduler = digests.schedule([adapter]);
  await scheduler.start();
});

afterAll(async () => {
  scheduler?.stop();
  await adapter?.stop();
  await fake?.close();
  store?.close();
});

describe('a digest subscribed in Discord is delivered on schedule through the adapter', () => {
  it('an admin subscribes with /damdang digest; a stranger is refused', async () => {
    expect(await slash('subscribe weekly mon 09:00 정책기획과', STRANGER)).toContain('요약 구독은 관리자만 설정할 수 있습니다.');
    const made = await slash('subscribe weekly mon 09:00 정책기획과');
    expect(made).toContain('요약 구독 #1');
    expect(made).toContain('매주 월요일 09:00 · 정책기획과');
    expect(await slash('list')).toContain(`#1 매주 월요일 09:00 · 정책기획과 · discord ${FAKE.channelId}`);
  });

  it('posts the week\'s digest to the channel once at Monday 09:00, with mentions disabled', async () => {
    clock.now = kst('2021-04-05', '08:59');
    await scheduler.tick();
    expect(channelPosts()).toHaveLength(0);

    clock.now = kst('2021-04-05', '09:00');
    await scheduler.tick();
    await scheduler.tick();
    await scheduler.idle();
    expect(channelPosts()).toHaveLength(1);
    const [post] = delivered();
    expect(post!.auth).toBe(`Bot ${FAKE.token}`);
    const body = post!.body as MessageBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = textOf(body);
    expect(text).toContain('주간 요약 · 정책기획과 · 2021-04-05 기준');
    // The sheet's 2021 row: 확보(e) 29, 집행 0 (suwon-policy-sheet-cooperative-governance.txt, line 23).
    expect(text).toContain('계획 대비 부진 — 수원시 정책기획과 › 협치시정 활성화');
    expect(text).toContain('2021년 집행 0백만원 / 예산(확보) 29백만원 = 0%');
    expect(text).toContain('suwon-policy-sheet-cooperative-governance.txt · 예산투자현황 및 투자계획 · 23행');
    expect(text).not.toContain('인권');
    expect(text).toContain('출처: suwon-policy-sheet-cooperative-governance.txt');
    expect(waits).toEqual([]);
  });

  it('a 429 with Retry-After is waited out and the digest is delivered after it, once', async () => {
    fake.rateLimitMessages = [1];
    clock.now = kst('2021-04-12', '09:00');
    await scheduler.tick();
    await scheduler.idle();
    const week = channelPosts().slice(1);
    expect(week.map((r) => r.status)).toEqual([429, 200]);
    expect(week[1]!.at - week[0]!.at).toBeGreaterThanOrEqual(1000);
    // Retry-After: 1 is 1,000 ms, plus discord.js's 50 ms offset; the scheduler's own backoff (200 ms) is not used.
    expect(waits).toEqual([1050]);
    expect(logged.join('\n')).toContain('discord: 429 rate limited');
    expect(textOf(week[1]!.body as MessageBody)).toContain('주간 요약 · 정책기획과 · 2021-04-12 기준');

    // Nothing else goes out that week; `digest list` shows the delivery and no error.
    await scheduler.tick();
    await scheduler.idle();
    expect(delivered()).toHaveLength(2);
    const listed = await slash('list');
    expect(listed).not.toContain('⚠');
    expect(listed).toContain('다음 2021-04-19 09:00');
  });
});

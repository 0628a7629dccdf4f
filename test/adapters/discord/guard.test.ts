/**
 * Every Discord way in — slash command, button, autocomplete — goes through the adapter's guard (allow-lists,
 * rate limit), a button never runs a command with side effects, and digest send and the full digest list are
 * an admin's: the real discord.js Client against the fake Discord, the samples in a real SQLite file, real
 * digests posting through the same adapter.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { createDigests, type DigestWiring } from '../../../src/digest/index.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ProjectStore } from '../../../src/store/store.js';
import { SAMPLES, tempDir } from '../../helpers.js';
import { FAKE, FakeDiscord, type RecordedRequest } from './fake-discord.js';

const ADMIN = '400000000000000009';
const FOREIGN = { guild: '200000000000000099', channel: '300000000000000099' };
/** The adapter's clock stands still, so the rate limit's burst is exact. */
const NOW = new Date('2021-06-01T01:00:00Z');

interface Callback {
  type: number;
  data?: {
    flags?: number;
    content?: string;
    embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }>;
    components?: Array<{ components: Array<{ label: string; custom_id: string }> }>;
    choices?: Array<{ name: string; value: string }>;
  };
}

let fake: FakeDiscord;
let store: ProjectStore;
let digests: DigestWiring;
let adapter: ReturnType<typeof createDiscordAdapter>;

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const textOf = (d: Callback['data']) =>
  [d?.content, ...(d?.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])]
    .filter(Boolean)
    .join('\n');
const answerTo = async (sent: { id: string }) => (await fake.request(callbackOf(sent.id))).body as Callback;
const channelPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${FAKE.channelId}/messages`);

beforeAll(async () => {
  store = ProjectStore.open(join(tempDir(), 'discord-guard.db'));
  ingestPaths(store, [SAMPLES]);
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  fake = await FakeDiscord.start({ heartbeatMs: 60_000 });
  const config = loadConfig(
    {},
    {
      DISCORD_TOKEN: FAKE.token,
      DISCORD_APP_ID: FAKE.appId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_ALLOWED_GUILDS: FAKE.guildId,
      DAMDANG_ADMINS: ADMIN,
    },
  );
  digests = createDigests(config, store, { now: () => NOW });
  adapter = createDiscordAdapter({
    config: config.discord!,
    service: createBot({ knowledge: () => knowledge, digests: digests.service }),
    knowledge: () => knowledge,
    feedback: store.feedback,
    log: () => undefined,
    now: () => NOW,
  });
  await adapter.start();
  digests.schedule([adapter]);
});

afterAll(async () => {
  digests?.scheduler?.stop();
  await adapter?.stop();
  await fake?.close();
  store?.close();
});

describe('the Discord guard', () => {
  it('a 👍 from another guild is refused and nothing is stored', async () => {
    const answer = await answerTo(fake.slash('budget', { query: '협치' }, '400000000000000011'));
    const up = answer.data!.components!.flatMap((r) => r.components).find((b) => b.label === '👍')!;
    const press = await answerTo(fake.button(up.custom_id, fake.message(answer.data as Record<string, unknown>), '400000000000000012', FOREIGN));
    expect(press.data?.flags).toBe(64);
    expect(textOf(press.data)).toContain('쓸 수 없습니다');
    expect(store.feedback.list()).toEqual([]);
  });

  it('a slash command and autocomplete from another guild answer nothing of the documents', async () => {
    const slash = await answerTo(fake.slash('budget', { query: '협치' }, '400000000000000012', FOREIGN));
    expect(textOf(slash.data)).toContain('쓸 수 없습니다');
    expect(textOf(slash.data)).not.toContain('116백만원');
    const typed = await answerTo(fake.autocomplete('status', '협치', '400000000000000012', FOREIGN));
    expect(typed.type).toBe(8);
    expect(typed.data?.choices).toEqual([]);
  });

  it('20 👍 presses by one user record at most the burst (10)', async () => {
    const user = '400000000000000020';
    const answer = await answerTo(fake.slash('status', { query: '협치' }, '400000000000000021'));
    const up = answer.data!.components!.flatMap((r) => r.components).find((b) => b.label === '👍')!;
    const message = fake.message(answer.data as Record<string, unknown>);
    const presses = await Promise.all(Array.from({ length: 20 }, () => answerTo(fake.button(up.custom_id, message, user))));
    expect(store.feedback.list().filter((r) => r.user === user)).toHaveLength(10);
    expect(presses.filter((p) => textOf(p.data).includes('질문이 조금 많습니다'))).toHaveLength(10);
  });

  it('autocomplete has a bucket of its own: typing does not spend the questions', async () => {
    const user = '400000000000000030';
    const keystrokes = Array.from({ length: 40 }, (_, i) => ['협치', '협치시', '협치시정'][i % 3]!);
    const typed = await Promise.all(keystrokes.map((k) => answerTo(fake.autocomplete('status', k, user))));
    const answered = typed.filter((t) => (t.data?.choices ?? []).length > 0).length;
    expect(answered).toBe(30);
    const asked = await answerTo(fake.slash('status', { query: '협치' }, user));
    expect(textOf(asked.data)).toContain('협치시정 활성화');
  });
});

describe('buttons and digest commands', () => {
  it('a follow-up button carrying digest subscribe or send runs nothing', async () => {
    await answerTo(fake.slash('digest', { query: 'subscribe weekly mon 09:00 정책기획과' }, ADMIN));
    expect(digests.service.subscriptions.active()).toHaveLength(1);
    const message = fake.message({ embeds: [{ title: '협치시정 활성화 — 예산' }] });
    for (const custom of ['damdang:ask:digest:subscribe weekly tue 10:00', 'damdang:ask:digest:send 1']) {
      const cb = await answerTo(fake.button(custom, message, ADMIN));
      expect(textOf(cb.data)).toContain('버튼으로는 무언가를 바꾸는 명령을 실행하지 않습니다');
    }
    await digests.scheduler!.idle();
    expect(digests.service.subscriptions.active()).toHaveLength(1);
    expect(channelPosts()).toEqual([]);
  });

  it('/damdang digest query:send 1 by a non-admin is refused and nothing is posted; an admin\'s is sent', async () => {
    const refused = await answerTo(fake.slash('digest', { query: 'send 1' }, '400000000000000040'));
    expect(textOf(refused.data)).toContain('요약 보내기는 관리자만 할 수 있습니다');
    await digests.scheduler!.idle();
    expect(channelPosts()).toEqual([]);
    const sent = await answerTo(fake.slash('digest', { query: 'send 1' }, ADMIN));
    expect(textOf(sent.data)).toContain('요약 #1을 지금 보냅니다');
    await digests.scheduler!.idle();
    expect(channelPosts().length).toBeGreaterThan(0);
  });

  it('/damdang digest query:list by a non-admin shows only the channel asked in', async () => {
    digests.service.subscribe({
      cadence: 'daily',
      days: '*',
      time: '08:00',
      scope: null,
      target: { platform: 'slack', workspace: 'T1', channel: 'C2' },
      createdBy: ADMIN,
    });
    const mine = textOf((await answerTo(fake.slash('digest', { query: 'list' }, '400000000000000041'))).data);
    expect(mine).toContain('이 채널의 요약 구독 1건');
    expect(mine).toContain(`discord ${FAKE.channelId}`);
    expect(mine).not.toMatch(/slack|C2/);
    const all = textOf((await answerTo(fake.slash('digest', { query: 'list' }, ADMIN))).data);
    expect(all).toContain('요약 구독 2건');
    expect(all).toContain('slack C2');
  });
});

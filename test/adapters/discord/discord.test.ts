/** The real discord.js Client against the fake Discord on 127.0.0.1, answering from the real documents. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapterDeps } from '../../../src/adapters/discord/discord.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import type { AnsweringService } from '../../../src/core/inbound.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ProjectStore } from '../../../src/store/store.js';
import { realDocuments, tempDir } from '../../helpers.js';
import { FAKE, FakeDiscord, type RecordedRequest } from './fake-discord.js';

let fake: FakeDiscord;
let store: ProjectStore;
let deps: DiscordAdapterDeps;
let adapter: ReturnType<typeof createDiscordAdapter>;
/** An answer this slow (ms) makes the adapter defer. */
let slowMs = 0;

interface Callback {
  type: number;
  data?: {
    flags?: number;
    embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }>;
    components?: Array<{ components: Array<{ label: string; custom_id: string }> }>;
    allowed_mentions?: unknown;
    choices?: Array<{ name: string; value: string }>;
    content?: string;
  };
}

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const editOf = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${FAKE.appId}/${token}/messages/@original`;
const embedText = (d: Callback['data']) =>
  (d?.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]).join('\n');

beforeAll(async () => {
  store = ProjectStore.open(join(tempDir(), 'discord.db'));
  ingestPaths(store, realDocuments());
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  fake = await FakeDiscord.start({ heartbeatMs: 60_000 });
  const config = loadConfig(
    {},
    { DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, DISCORD_ALLOWED_GUILDS: FAKE.guildId },
  ).discord!;
  const bot = createBot({ knowledge: () => knowledge });
  const service: AnsweringService = {
    handle: async (inbound) => {
      if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
      return bot.handle(inbound);
    },
  };
  deps = {
    config,
    service,
    rateLimit: { burst: 100, refillMs: 1000 },
    knowledge: () => knowledge,
    feedback: store.feedback,
    log: () => undefined,
  };
  adapter = createDiscordAdapter(deps);
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  store?.close();
});

describe('Discord adapter against the fake Discord', () => {
  it('connects through /gateway/bot and IDENTIFY with only the Guilds intent, and heartbeats are acknowledged', async () => {
    expect(fake.requests.some((r) => r.path === '/gateway/bot' && r.auth === `Bot ${FAKE.token}`)).toBe(true);
    const identify = fake.gatewayLog.find((p) => p.op === 2) as { d: { intents: number; token: string } };
    expect(identify.d.intents).toBe(1);
    expect(adapter.client.isReady()).toBe(true);
    expect(adapter.client.guilds.cache.has(FAKE.guildId)).toBe(true);
    fake.requestHeartbeat();
    await expect.poll(() => fake.heartbeatAcks, { timeout: 5000 }).toBeGreaterThan(0);
  });

  it('answers /damdang budget query:협치 with an embed of 116백만원, follow-up and feedback buttons, mentions off', async () => {
    const { id } = fake.slash('budget', { query: '협치' });
    const cb = (await fake.request(callbackOf(id))).body as Callback;
    expect(cb.type).toBe(4);
    expect(cb.data?.flags ?? 0).toBe(0);
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
    const text = embedText(cb.data);
    expect(text).toContain('협치시정 활성화 — 예산');
    expect(text).toContain('116백만원');
    expect(text).toMatch(/2019년[^\n]*\n[^\n]*31백만원[^\n]*15백만원/);
    expect(text).toContain('출처: suwon-policy-sheet-cooperative-governance.txt');
    const buttons = cb.data!.components!.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual(['일정', '담당자', '👍', '👎']);
    expect(buttons[0]!.custom_id).toBe('damdang:ask:milestones:협치시정 활성화');
  });

  it('defers a slow answer and edits the original response through the webhook', async () => {
    deps.deferAfterMs = 20;
    slowMs = 300;
    try {
      const { id, token } = fake.slash('status', { query: '협치' });
      const cb = (await fake.request(callbackOf(id))).body as Callback;
      expect(cb.type).toBe(5);
      const edit = (await fake.request(editOf(token))).body as Callback['data'];
      expect(edit?.allowed_mentions).toEqual({ parse: [] });
      expect(embedText(edit)).toContain('협치시정 활성화 — 추진 현황');
      expect(embedText(edit)).toContain('100%');
    } finally {
      deps.deferAfterMs = undefined;
      slowMs = 0;
    }
  });

  it('autocompletes "인권" with at most 25 choices including the 수원 human-rights project', async () => {
    const { id } = fake.autocomplete('budget', '인권');
    const cb = (await fake.request(callbackOf(id))).body as Callback;
    expect(cb.type).toBe(8);
    const choices = cb.data!.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('인권보호 거버넌스 구축 및 인권조직 위상 강화');
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('autocompletes 초성, wrong-keyboard and typo input like the console search', async () => {
    for (const typed of ['ㅎㅊㅅㅈ', 'guqcl', '헙치']) {
      const { id } = fake.autocomplete('status', typed);
      const cb = (await fake.request(callbackOf(id))).body as Callback;
      expect(cb.data!.choices!.map((c) => c.value)).toContain('협치시정 활성화');
    }
  });

  it('answers contact privately by default, and publicly when ephemeral:false', async () => {
    const first = fake.slash('contact', { query: '정책기획과장' });
    const cb = (await fake.request(callbackOf(first.id))).body as Callback;
    expect(cb.data?.flags).toBe(64);
    expect(embedText(cb.data)).toContain('☎ 2050');
    const second = fake.slash('contact', { query: '정책기획과장', ephemeral: false });
    const cb2 = (await fake.request(callbackOf(second.id))).body as Callback;
    expect(cb2.data?.flags ?? 0).toBe(0);
  });

  it('a follow-up button asks about the same project', async () => {
    const message = fake.message({ embeds: [{ title: '협치시정 활성화 — 예산' }] });
    const { id } = fake.button('damdang:ask:owner:협치시정 활성화', message);
    const cb = (await fake.request(callbackOf(id))).body as Callback;
    expect(cb.type).toBe(4);
    expect(embedText(cb.data)).toContain('협치시정 활성화 — 담당');
    expect(embedText(cb.data)).toContain('정책기획과');
  });

  it('stores 👍/👎 in the shared feedback store with the question, the reply as read and its sources', async () => {
    const { id } = fake.slash('budget', { query: '협치' });
    const answer = (await fake.request(callbackOf(id))).body as Callback;
    const down = answer.data!.components!.flatMap((r) => r.components).find((b) => b.label === '👎')!;
    const press = fake.button(down.custom_id, fake.message(answer.data as Record<string, unknown>));
    const ack = (await fake.request(callbackOf(press.id))).body as Callback;
    expect(ack.data?.flags).toBe(64);
    const row = store.feedback.list().at(-1)!;
    expect(row).toMatchObject({
      platform: 'discord',
      workspace: FAKE.guildId,
      channel: FAKE.channelId,
      user: FAKE.userId,
      question: '/damdang budget 협치',
      replyKind: 'answer',
      verdict: 'down',
    });
    expect(row.replyText).toContain('116백만원');
    expect(row.sources[0]).toMatch(/^suwon-policy-sheet-cooperative-governance\.txt/);
  });

  it('an unknown free-form question is answered as not found, never with a guess', async () => {
    const { id } = fake.slash('ask', { query: '김치찌개 레시피' });
    const cb = (await fake.request(callbackOf(id))).body as Callback;
    expect(embedText(cb.data)).not.toMatch(/\d+백만원/);
    expect(embedText(cb.data)).toMatch(/찾지 못했|없습니다/);
  });

  it('posts a reply to a channel (the digest path) with mentions disabled', async () => {
    await adapter.post(
      { platform: 'discord', workspace: FAKE.guildId, channel: FAKE.channelId },
      { kind: 'answer', title: '주간 요약 @everyone', blocks: [{ type: 'text', text: '<@&123> 알림' }], sources: [], suggestions: [] },
    );
    const r = await fake.request((x) => x.method === 'POST' && x.path === `/channels/${FAKE.channelId}/messages`);
    const body = r.body as Callback['data'];
    expect(body?.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body)).not.toMatch(/@everyone|<@&/);
  });
});

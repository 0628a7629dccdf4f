/** @mentions, when the operator enables the Message Content intent: the real discord.js Client against the fake. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ProjectStore } from '../../../src/store/store.js';
import { realDocuments, tempDir } from '../../helpers.js';
import { FAKE, FakeDiscord, type RecordedRequest } from './fake-discord.js';

let fake: FakeDiscord;
let store: ProjectStore;
let adapter: ReturnType<typeof createDiscordAdapter>;

interface Sent {
  content?: string;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  allowed_mentions?: { parse?: unknown[]; replied_user?: boolean };
  message_reference?: { message_id?: string };
}
const channelPost = (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${FAKE.channelId}/messages`;
const textOf = (b: Sent) =>
  [b.content, ...(b.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');

beforeAll(async () => {
  store = ProjectStore.open(join(tempDir(), 'discord-mentions.db'));
  ingestPaths(store, realDocuments());
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  fake = await FakeDiscord.start({ heartbeatMs: 60_000 });
  const config = loadConfig(
    {},
    { DISCORD_TOKEN: FAKE.token, DISCORD_APP_ID: FAKE.appId, DISCORD_API_URL: fake.apiUrl, DISCORD_MENTIONS: 'true' },
  ).discord!;
  adapter = createDiscordAdapter({
    config,
    service: createBot({ knowledge: () => knowledge }),
    knowledge: () => knowledge,
    feedback: store.feedback,
    log: () => undefined,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  store?.close();
});

describe('Discord @mentions (DISCORD_MENTIONS=true)', () => {
  it('asks for the guild message and Message Content intents besides Guilds', () => {
    const identify = fake.gatewayLog.find((p) => p.op === 2) as { d: { intents: number } };
    // Guilds (1) + GuildMessages (1 << 9) + MessageContent (1 << 15)
    expect(identify.d.intents).toBe(1 | (1 << 9) | (1 << 15));
  });

  it('answers "@damdang 박동일 내선번호" in a reply to the message, with 2580 and no one pinged', async () => {
    const asked = fake.userMessage(`<@${FAKE.botId}> 박동일 내선번호`);
    const post = await fake.request(channelPost);
    const body = post.body as Sent;
    expect(textOf(body)).toContain('2580');
    expect(body.message_reference?.message_id).toBe(asked);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('does not answer messages that do not mention it, nor other bots', async () => {
    const before = fake.requests.filter(channelPost).length;
    fake.userMessage('박동일 내선번호', { mentionsBot: false });
    fake.userMessage(`<@${FAKE.botId}> 박동일 내선번호`, { fromBot: true });
    // A mention sent after both is answered: by then the two before it were read and passed over.
    fake.userMessage(`<@${FAKE.botId}> 정책기획과장 전화번호`);
    const post = await fake.request((r) => channelPost(r) && fake.requests.filter(channelPost).length > before);
    expect(textOf(post.body as Sent)).toContain('2050');
    expect(fake.requests.filter(channelPost).length).toBe(before + 1);
  });
});

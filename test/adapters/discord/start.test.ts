/** `npm start` with Discord variables connects to the (fake) Discord and answers; registration end to end. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_RULES, registrationPayload, validateRegistration } from '../../../src/adapters/discord/commands.js';
import { registerCommands } from '../../../src/adapters/discord/register.js';
import { loadConfig } from '../../../src/config.js';
import { tempDir } from '../../helpers.js';
import { FAKE, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let bot: ChildProcess | null = null;
let stderr = '';

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  await fake.close();
});

const discordEnv = () => ({
  DISCORD_TOKEN: FAKE.token,
  DISCORD_APP_ID: FAKE.appId,
  DISCORD_API_URL: fake.apiUrl,
  DAMDANG_TODAY: '2021-06-01',
});

describe('npm start with a Discord token', () => {
  it('connects, answers /damdang budget query:협치 from the samples, and exits 0 on SIGTERM', async () => {
    const db = join(tempDir(), 'start.db');
    bot = spawn(process.execPath, ['bin/damdang.js', 'start'], {
      env: { ...process.env, ...discordEnv(), DAMDANG_DB: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    await fake.ready;
    await expect.poll(() => stderr, { timeout: 20_000 }).toContain('Discord: damdang');
    const { id } = fake.slash('budget', { query: '협치' });
    const cb = await fake.request((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), 15_000);
    const body = cb.body as { type: number; data: { embeds: unknown[]; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(JSON.stringify(body.data.embeds)).toContain('116백만원');
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    bot.kill('SIGTERM');
    const [code] = await once(bot, 'exit');
    expect(code).toBe(0);
  });
});

describe('command registration', () => {
  it('the payload keeps Discord rules: lowercase names 1–32, descriptions ≤ 100, ≤ 25 options, ko localizations', () => {
    const payload = registrationPayload();
    expect(validateRegistration(payload)).toEqual([]);
    const [command] = payload;
    const subs = command!.options as Array<{ name: string; name_localizations: { ko: string }; options: Array<{ name: string; autocomplete?: boolean }> }>;
    expect(subs.map((s) => s.name)).toEqual(['status', 'budget', 'milestones', 'contact', 'owner', 'search', 'digest', 'help', 'ask']);
    expect(subs.length).toBeLessThanOrEqual(COMMAND_RULES.options);
    expect(subs.find((s) => s.name === 'budget')!.name_localizations.ko).toBe('예산');
    for (const s of subs) expect(s.options.map((o) => o.name)).toEqual(['query', 'ephemeral']);
    expect(subs.find((s) => s.name === 'ask')!.options[0]!.autocomplete).toBe(false);
  });

  it('the validator names what breaks a rule', () => {
    const bad = [
      {
        name: 'Damdang',
        description: 'x'.repeat(101),
        name_localizations: { ko: '담당' },
        options: Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, description: 'd', name_localizations: { ko: `옵${i}` }, description_localizations: { ko: '설명' } })),
      },
    ];
    const problems = validateRegistration(bad);
    expect(problems.join('\n')).toMatch(/소문자/);
    expect(problems.join('\n')).toMatch(/설명은 1–100자/);
    expect(problems.join('\n')).toMatch(/옵션은 25개까지/);
    expect(problems.join('\n')).toMatch(/한국어 설명/);
  });

  it('discord:register --dry-run --json prints the validated payload without a token', () => {
    const r = spawnSync(process.execPath, ['bin/damdang.js', 'discord:register', '--dry-run', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DISCORD_TOKEN: '', DISCORD_APP_ID: '' },
    });
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as unknown[];
    expect(printed).toEqual(JSON.parse(JSON.stringify(registrationPayload())));
    expect(r.stderr).toContain('규칙에 맞습니다');
  });

  it('registers the commands in a guild through REST (bulk overwrite)', async () => {
    const config = loadConfig({}, { ...discordEnv(), DISCORD_GUILD_ID: FAKE.guildId }).discord!;
    const result = await registerCommands(config, config.guildId);
    expect(result).toEqual({ scope: 'guild', guildId: FAKE.guildId, commands: 1 });
    const put = await fake.request((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${FAKE.appId}/guilds/${FAKE.guildId}/commands`);
    expect(put.auth).toBe(`Bot ${FAKE.token}`);
    expect(validateRegistration(put.body as never)).toEqual([]);
  });

  it('a token without an application id is a config error naming the variable', () => {
    expect(() => loadConfig({}, { DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APP_ID/);
    expect(() => loadConfig({}, { DISCORD_TOKEN: 't', DISCORD_APP_ID: 'abc' })).toThrow(/DISCORD_APP_ID/);
    expect(() => loadConfig({}, { DISCORD_TOKEN: 't', DISCORD_APP_ID: FAKE.appId, DISCORD_MENTIONS: 'yes' })).toThrow(/DISCORD_MENTIONS/);
  });
});

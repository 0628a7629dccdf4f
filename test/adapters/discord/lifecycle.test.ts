/**
 * `damdang start` with Discord, as a real process against the fake Discord: a malformed gateway event does not
 * kill the bot, and a bad token or an unreachable API ends start-up with one clear message and a non-zero exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.js';
import { FAKE, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let bot: ChildProcess | null = null;
// One store for every start: the first seeds it with the samples, the others reuse it.
const DB = join(tempDir(), 'lifecycle.db');

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterEach(() => {
  if (bot && bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
  bot = null;
});

afterAll(async () => {
  await fake.close();
});

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Run {
  let stderr = '';
  const child = spawn(process.execPath, ['bin/damdang.js', 'start'], {
    env: { ...process.env, DAMDANG_DB: DB, DAMDANG_TODAY: '2021-06-01', DISCORD_APP_ID: FAKE.appId, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot = child;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (stderr += c));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stderr: () => stderr, exit };
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('a running Discord bot survives what discord.js throws', () => {
  it('an INTERACTION_CREATE with neither member nor user is logged with an incident id, and the next command is answered', async () => {
    const run = start({ DISCORD_TOKEN: FAKE.token, DISCORD_API_URL: fake.apiUrl });
    await expect.poll(run.stderr, { timeout: 30_000 }).toContain('Discord: damdang');
    // What Discord never should send, but a proxy or a future payload could: discord.js reads member.user and throws.
    fake.dispatch('INTERACTION_CREATE', {
      id: '700000000000000007',
      application_id: FAKE.appId,
      type: 2,
      token: 'itoken-malformed',
      version: 1,
      guild_id: FAKE.guildId,
      channel_id: FAKE.channelId,
      data: { id: '600000000000000006', name: 'damdang', type: 1, options: [{ type: 1, name: 'help', options: [] }] },
    });
    await expect.poll(run.stderr, { timeout: 10_000 }).toMatch(/처리하지 못한 오류.*사건 번호 [0-9a-f]{8}/);
    expect(run.child.exitCode).toBeNull();

    const { id } = fake.slash('budget', { query: '협치' });
    const cb = await fake.request((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), 15_000);
    expect(JSON.stringify(cb.body)).toContain('116백만원');
    expect(run.child.exitCode).toBeNull();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 60_000);
});

describe('Discord start-up failures end the process with one clear message', () => {
  it('a token Discord refuses: names DISCORD_TOKEN, exits non-zero, no stack trace', async () => {
    const run = start({ DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: fake.apiUrl });
    const code = await run.exit;
    expect(code).not.toBe(0);
    expect(run.stderr()).toMatch(/DISCORD_TOKEN/);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(run.stderr()).not.toContain('not-the-token');
  }, 25_000);

  it('SIGTERM while the connection is still being tried ends the process at once (it waited for the 30 s deadline)', async () => {
    // An API that accepts connections and never answers: login hangs.
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as { port: number };
    try {
      const run = start({ DISCORD_TOKEN: FAKE.token, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
      await expect.poll(run.stderr, { timeout: 20_000 }).toContain('자동완성 색인 준비');
      const sent = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(143);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(run.stderr()).toContain('시작하는 중에 SIGTERM');
    } finally {
      silent.close();
    }
  }, 45_000);

  it('an unreachable Discord API: names the address, exits non-zero, no stack trace', async () => {
    const port = await closedPort();
    const run = start({ DISCORD_TOKEN: FAKE.token, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    const code = await run.exit;
    expect(code).not.toBe(0);
    expect(run.stderr()).toContain(`127.0.0.1:${port}`);
    expect(run.stderr()).toMatch(/DISCORD_API_URL/);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 25_000);
});

/** The whole way through: `damdang start` (what `npm start` runs) with the Slack variables, against fake Slack. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.js';
import { blockText, FakeSlack, FakeSocketMode, post, slackSignature, slashCommandBody } from './fakes.js';

const SECRET = 'start-test-secret-987';
let child: ChildProcess | null = null;
let stderr = '';
// One store for every start: the first seeds it with the samples, the others reuse it.
const DB = join(tempDir(), 'start.db');

function startBot(env: Record<string, string>): Promise<void> {
  stderr = '';
  child = spawn(process.execPath, ['bin/damdang.js', 'start'], {
    env: { ...process.env, DAMDANG_DB: DB, DAMDANG_TODAY: '2021-06-01', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 30 s:\n${stderr}`)), 30_000);
    child!.stderr!.on('data', (c: string) => {
      stderr += c;
      if (/Slack (HTTP mode listening|Socket Mode connected)/.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child!.once('exit', (code) => reject(new Error(`exited ${code}:\n${stderr}`)));
  });
}

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  child = null;
});

describe('damdang start with Slack configured', () => {
  it('HTTP mode: a signed `/damdang 박동일 내선번호` is answered with 2580', async () => {
    const fake = await new FakeSlack().start();
    try {
      await startBot({ SLACK_BOT_TOKEN: 'xoxb-9-9-start', SLACK_SIGNING_SECRET: SECRET, SLACK_MODE: 'http', PORT: '0', SLACK_API_URL: fake.apiUrl });
      const port = /listening.*port[=":]+(\d+)/.exec(stderr)![1];
      const body = slashCommandBody({ text: '박동일 내선번호', response_url: fake.responseUrl('start-http') });
      const res = await post(`http://127.0.0.1:${port}/slack/events`, body, {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignature(SECRET, body),
      });
      expect(res.status).toBe(200);
      expect(blockText((await fake.responses.next((r) => r.id === 'start-http')).body)).toContain('2580');
      expect(stderr).not.toContain('xoxb-9-9-start');
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('Socket Mode: the same command over the WebSocket is answered with 2580', async () => {
    const [fake, socket] = await Promise.all([new FakeSlack().start(), new FakeSocketMode().start()]);
    fake.wsUrl = socket.url;
    try {
      await startBot({ SLACK_BOT_TOKEN: 'xoxb-9-9-start', SLACK_APP_TOKEN: 'xapp-9-start', SLACK_API_URL: fake.apiUrl });
      await socket.waitConnected();
      const envelope = socket.send('slash_commands', {
        command: '/damdang',
        text: '박동일 내선번호',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        response_url: fake.responseUrl('start-socket'),
      });
      await socket.acks.next((a) => a.envelope_id === envelope);
      expect(blockText((await fake.responses.next((r) => r.id === 'start-socket')).body)).toContain('2580');
    } finally {
      await socket.close();
      await fake.close();
    }
  }, 60_000);

  it.each([
    ['Socket Mode', { SLACK_APP_TOKEN: 'xapp-9-start' }],
    ['HTTP mode', { SLACK_MODE: 'http', SLACK_SIGNING_SECRET: SECRET, PORT: '0' }],
  ])('%s, Slack API unreachable: one message naming SLACK_API_URL and a non-zero exit, no minutes of retries', async (_, env) => {
    // A port nothing listens on: bound, then closed.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    await new Promise((r) => server.close(r));
    const ready = startBot({ SLACK_BOT_TOKEN: 'xoxb-9-9-start', SLACK_API_URL: `http://127.0.0.1:${port}/api/`, ...env });
    await expect(ready).rejects.toThrow(/exited 1/);
    expect(stderr).toMatch(new RegExp(`Slack 연결 실패: http://127\\.0\\.0\\.1:${port}/api/에 연결할 수 없습니다.*SLACK_API_URL`));
    expect(stderr.match(/Slack 연결 실패/g)).toHaveLength(1);
    expect(stderr).not.toContain('xoxb-9-9-start');
  }, 45_000);

  it('names the missing variable and starts nothing', async () => {
    await expect(startBot({ SLACK_BOT_TOKEN: 'xoxb-9-9-start', SLACK_MODE: 'http' })).rejects.toThrow(/SLACK_SIGNING_SECRET/);
    expect(stderr).not.toContain('xoxb-9-9-start');
  }, 60_000);
});

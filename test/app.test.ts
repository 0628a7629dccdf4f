import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChatPlatform } from '../src/adapters/index.js';
import { openApp, runChat } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { createFakeAdapter, FakePlatform } from './adapters/fake-adapter.js';
import { SAMPLES, storeWith, tempDir } from './helpers.js';

const file = join(tempDir(), 'app.db');
storeWith([join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt')], file).close();
const app = openApp(loadConfig({ db: file, today: '2021-06-01' }, {}), silentLogger);
afterAll(() => app.close());

describe('start: the composition root', () => {
  it('opens the console when no chat platform is configured', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const never = new Promise<void>(() => {});
    const running = runChat(app, { input, output, interactive: false, stopSignal: never }, []);
    input.end('순찰 행정 예산\n');
    await running;
    expect(out).toContain('18,630천원');
  });

  it('runs a configured platform from its one line in the list, and stops it on the stop signal', async () => {
    const platform = new FakePlatform();
    let stop!: () => void;
    const stopSignal = new Promise<void>((r) => (stop = r));
    const sent = new Promise<string>((r) => (platform.onSend = (m) => r(m.text)));
    const platforms: ChatPlatform[] = [{ name: 'slack', fromConfig: ({ service }) => createFakeAdapter(platform, service) }];
    const input = new PassThrough();
    const running = runChat(app, { input, output: new PassThrough(), interactive: false, stopSignal }, platforms);
    await new Promise((r) => setTimeout(r, 10));
    platform.deliver({ type: 'message', channel: 'C1', user: 'U1', text: '순찰 행정 예산' });
    expect(await sent).toContain('18,630천원');
    stop();
    await running;
    expect(platform.listener).toBeNull();
  });
});

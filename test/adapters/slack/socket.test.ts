import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/app.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import { aboutKnowledge } from '../../../src/core/about.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ProjectStore } from '../../../src/store/store.js';
import { SAMPLES, tempDir } from '../../helpers.js';
import { blockText, FakeSlack, FakeSocketMode } from './fakes.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('the Slack app in Socket Mode (real Bolt, fake apps.connections.open and WebSocket on 127.0.0.1)', () => {
  const fake = new FakeSlack();
  const socket = new FakeSocketMode();
  const store = ProjectStore.open(join(tempDir(), 'socket.db'));
  let adapter: SlackAdapter;

  beforeAll(async () => {
    ingestPaths(store, [SAMPLES]);
    const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
    await Promise.all([fake.start(), socket.start()]);
    fake.wsUrl = socket.url;
    const config = loadConfig({}, {
      SLACK_BOT_TOKEN: 'xoxb-1-2-socket',
      SLACK_APP_TOKEN: 'xapp-1-A1-socket',
      SLACK_API_URL: fake.apiUrl,
    }).slack!;
    expect(config.mode).toBe('socket');
    adapter = createSlackAdapter({
      config,
      service: createBot({ knowledge: () => knowledge }),
      feedback: store.feedback,
      about: () => aboutKnowledge(knowledge),
      log: quiet,
    });
    await adapter.start();
    await socket.waitConnected();
  });

  afterAll(async () => {
    await adapter.stop();
    await socket.close();
    await fake.close();
    store.close();
  });

  it('opened the connection with the app token through the fake Web API', () => {
    expect(fake.callsOf('apps.connections.open')).toHaveLength(1);
    expect(fake.callsOf('auth.test').length).toBeGreaterThan(0);
  });

  it('acks a slash command envelope and answers 박동일 내선번호 with 2580 at the response_url', async () => {
    const sent = performance.now();
    const envelope = socket.send('slash_commands', {
      command: '/damdang',
      text: '박동일 내선번호',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      trigger_id: 't',
      api_app_id: 'A1',
      response_url: fake.responseUrl('socket-ext'),
    });
    const ack = await socket.acks.next((a) => a.envelope_id === envelope);
    expect(ack.at - sent).toBeLessThan(3000);
    const { body } = await fake.responses.next((r) => r.id === 'socket-ext');
    expect(body.response_type).toBe('ephemeral');
    expect(blockText(body)).toContain('2580');
  });

  it('acks every delivery of an event but answers it once (retry_attempt redelivery)', async () => {
    const payload = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev-socket-1',
      event: { type: 'app_mention', user: 'U2', text: '<@UBOT> 정책기획과장 전화번호', ts: '42.0001', channel: 'C7' },
    };
    const first = socket.send('events_api', payload, { retry_attempt: 0, retry_reason: '' });
    const again = socket.send('events_api', payload, { retry_attempt: 1, retry_reason: 'timeout' });
    await socket.acks.next((a) => a.envelope_id === first);
    await socket.acks.next((a) => a.envelope_id === again);
    const call = await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.channel === 'C7');
    expect(call.args.thread_ts).toBe('42.0001');
    expect(blockText(call.args)).toContain('2050');
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C7')).toHaveLength(1);
  });

  it('posts a reply unprompted (a digest) with no mass mention left in it', async () => {
    const { reply, text } = await import('../../../src/core/reply.js');
    await adapter.post(
      { platform: 'slack', workspace: 'T1', channel: 'C8' },
      reply('answer', '주간 요약 @everyone', [text('<!channel> 감사팀 <@U123> 확인 & 보고')]),
    );
    const call = await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.channel === 'C8');
    const shown = blockText(call.args) + String(call.args.text);
    expect(shown).toContain('주간 요약');
    expect(shown).not.toMatch(/<!channel>|<@U123>|@everyone/);
    expect(shown).toContain('&amp; 보고');
  });
});

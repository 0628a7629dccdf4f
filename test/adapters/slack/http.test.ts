import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/app.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import { aboutKnowledge } from '../../../src/core/about.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ACTIONS } from '../../../src/render/slack.js';
import { ProjectStore } from '../../../src/store/store.js';
import { SAMPLES, tempDir } from '../../helpers.js';
import { actionPayload, blockText, FakeSlack, post, slackSignature, slashCommandBody } from './fakes.js';

const SECRET = 'test-signing-secret-0123';
const BOT_TOKEN = 'xoxb-111-222-abcdefghijkl';
const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));

describe('the Slack app in HTTP mode (real Bolt, fake Slack on 127.0.0.1)', () => {
  const fake = new FakeSlack();
  const store = ProjectStore.open(join(tempDir(), 'slack.db'));
  const logLines: string[] = [];
  let adapter: SlackAdapter;
  let events = '';

  beforeAll(async () => {
    ingestPaths(store, [SAMPLES]);
    const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
    await fake.start();
    const config = loadConfig({}, {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_MODE: 'http',
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      SLACK_ALLOWED_TEAMS: 'T1',
    }).slack!;
    const line = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
      logLines.push(`${level} ${msg} ${JSON.stringify(fields ?? {})}`);
    adapter = createSlackAdapter({
      config,
      service: createBot({ knowledge: () => knowledge }),
      feedback: store.feedback,
      about: () => aboutKnowledge(knowledge),
      log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
      host: '127.0.0.1',
      libraryLogLevel: 'debug',
    });
    await adapter.start();
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    store.close();
  });

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = { 'content-type': 'application/json' };
  const command = (text: string, id: string, fields: Record<string, string> = {}) => {
    const body = slashCommandBody({ text, response_url: fake.responseUrl(id), ...fields });
    return post(events, body, { ...form, ...slackSignature(SECRET, body) });
  };

  it('acks /damdang at once and answers 박동일 내선번호 with 2580 at the response_url, visible to the asker only', async () => {
    const ack = await command('박동일 내선번호', 'ext');
    expect(ack.status).toBe(200);
    const { body } = await fake.responses.next((r) => r.id === 'ext');
    expect(body.response_type).toBe('ephemeral');
    const shown = blockText(body);
    expect(shown).toContain('2580');
    expect(shown).toContain('인권담당관');
    expect(shown).toContain('출처: suwon-policy-sheet-3-8-76-human-rights-governance.txt');
    const buttons = JSON.stringify(body.blocks);
    expect(buttons).toContain(ACTIONS.share);
    expect(buttons).toContain(ACTIONS.feedbackDown);
  });

  it('answers budget questions with the document figures and follow-up buttons', async () => {
    await command('협치 예산', 'budget');
    const { body } = await fake.responses.next((r) => r.id === 'budget');
    expect(blockText(body)).toContain('협치시정 활성화');
    expect(JSON.stringify(body.blocks)).toContain('"value":"현황 협치시정 활성화"');
  });

  it.each([
    ['no signature', (_body: string) => ({ ...form })],
    ['a wrong signature', (body: string) => ({ ...form, ...slackSignature('not-the-secret', body) })],
    [
      'a timestamp over five minutes old',
      (body: string) => ({ ...form, ...slackSignature(SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60) }),
    ],
  ])('refuses a request with %s: 401 and no answer', async (_label, headers) => {
    const id = `bad-${Math.random()}`;
    const body = slashCommandBody({ text: '박동일 내선번호', response_url: fake.responseUrl(id) });
    const res = await post(events, body, headers(body));
    expect(res.status).toBe(401);
    await settle();
    expect(fake.responses.items.filter((r) => r.id === id)).toEqual([]);
  });

  it('answers a mention in a thread under it, and never twice when Slack redelivers the event', async () => {
    const event = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev-mention-1',
      event_time: 1,
      event: { type: 'app_mention', user: 'U2', text: '<@UBOT> 정책기획과장 전화번호', ts: '1700000000.000100', channel: 'C1' },
    };
    const body = JSON.stringify(event);
    expect((await post(events, body, { ...json, ...slackSignature(SECRET, body) })).status).toBe(200);
    const call = await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000000.000100');
    expect(call.args.channel).toBe('C1');
    expect(blockText(call.args)).toContain('2050');
    const retry = await post(events, body, { ...json, ...slackSignature(SECRET, body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await settle(400);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === '1700000000.000100')).toHaveLength(1);
  });

  it('answers a direct message in the DM, and ignores its own and edited messages', async () => {
    const dm = (event_id: string, extra: Record<string, unknown>) =>
      JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id,
        event: { type: 'message', channel: 'D42', channel_type: 'im', user: 'U3', text: '감사담당관 조직', ts: '5.1', ...extra },
      });
    for (const b of [dm('Ev-dm-bot', { bot_id: 'BBOT', user: 'UBOT' }), dm('Ev-dm-edit', { subtype: 'message_changed' }), dm('Ev-dm-1', {})])
      expect((await post(events, b, { ...json, ...slackSignature(SECRET, b) })).status).toBe(200);
    const call = await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.channel === 'D42');
    expect(blockText(call.args)).toContain('감사담당관');
    expect(call.args.thread_ts).toBeUndefined();
    await settle();
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'D42')).toHaveLength(1);
  });

  const click = (action: { action_id: string; value: string }, id: string, ephemeral = true) => {
    const body = new URLSearchParams({ payload: JSON.stringify(actionPayload(action, { ephemeral, responseUrl: fake.responseUrl(id) })) }).toString();
    return post(events, body, { ...form, ...slackSignature(SECRET, body) });
  };

  it('shares an answer in the channel with the same answer blocks', async () => {
    await command('박동일 내선번호', 'before-share');
    const original = (await fake.responses.next((r) => r.id === 'before-share')).body;
    expect((await click({ action_id: ACTIONS.share, value: '박동일 내선번호' }, 'share')).status).toBe(200);
    const { body } = await fake.responses.next((r) => r.id === 'share');
    expect(body.response_type).toBe('in_channel');
    const answerBlocks = (b: unknown) => (b as Array<{ type: string }>).filter((x) => x.type !== 'actions');
    expect(answerBlocks(body.blocks)).toEqual(answerBlocks(original.blocks));
    expect(JSON.stringify(body.blocks)).not.toContain(ACTIONS.share);
  });

  it('answers a follow-up button without retyping, in the thread when the answer was public', async () => {
    await click({ action_id: `${ACTIONS.ask}_0`, value: '예산 3-8-76' }, 'follow', false);
    const call = await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1.0');
    expect(blockText(call.args)).toContain('3-8-76');
  });

  it('stores 👍 and 👎 with question, reply and sources; a 👎 opens a modal whose text is kept', async () => {
    await click({ action_id: ACTIONS.feedbackUp, value: '박동일 내선번호' }, 'thanks');
    expect(blockText({ blocks: [(await fake.responses.next((r) => r.id === 'thanks')).body] })).toContain('고맙습니다');
    await click({ action_id: ACTIONS.feedbackDown, value: '박동일 내선번호' }, 'down');
    const open = await fake.calls.next((c) => c.method === 'views.open');
    const view = open.args.view as { private_metadata: string; callback_id: string };
    expect(open.args.trigger_id).toBe('trig-2');

    const submission = {
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U1', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trig-3',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { what: { text: { type: 'plain_text_input', value: '내선이 2581로 바뀌었어요' } } } },
      },
    };
    const body = new URLSearchParams({ payload: JSON.stringify(submission) }).toString();
    expect((await post(events, body, { ...form, ...slackSignature(SECRET, body) })).status).toBe(200);
    await settle();
    const rows = store.feedback.list();
    expect(rows.map((r) => [r.verdict, r.question, r.comment])).toEqual([
      ['up', '박동일 내선번호', null],
      ['down', '박동일 내선번호', '내선이 2581로 바뀌었어요'],
    ]);
    expect(rows[1]!.replyText).toContain('2580');
    expect(rows[1]!.sources[0]).toContain('suwon-policy-sheet-3-8-76-human-rights-governance.txt');
    expect(rows[1]).toMatchObject({ platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' });
  });

  it('publishes the App Home tab: organisations, project counts and how to ask', async () => {
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-home', event: { type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'home' } });
    await post(events, body, { ...json, ...slackSignature(SECRET, body) });
    const call = await fake.calls.next((c) => c.method === 'views.publish');
    expect(call.args.user_id).toBe('U5');
    const shown = blockText(call.args.view as object);
    expect(shown).toContain('영등포구 — 사업 14건');
    expect(shown).toContain('/damdang 협치 예산');
  });

  it('refuses another workspace with a short message, logs it, and never logs a token', async () => {
    await command('박동일 내선번호', 'elsewhere', { team_id: 'T9' });
    const { body } = await fake.responses.next((r) => r.id === 'elsewhere');
    expect(blockText(body)).toContain('쓸 수 없습니다');
    expect(blockText(body)).not.toContain('2580');
    expect(logLines.some((l) => l.includes('request refused') && l.includes('T9'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(BOT_TOKEN);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('answers an empty /damdang with help', async () => {
    await command('', 'help');
    expect(blockText((await fake.responses.next((r) => r.id === 'help')).body)).toContain('사용법');
  });
});

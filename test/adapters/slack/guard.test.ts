/**
 * Every way into the Slack app goes through one guard (allow-lists, rate limit), and a button never runs a
 * command with side effects: the real Bolt app in HTTP mode against the fake Slack, a real SQLite store with the
 * samples, real digests whose `digest send` posts through the same adapter.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/app.js';
import { createBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/config.js';
import { aboutKnowledge } from '../../../src/core/about.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { createDigests, type DigestWiring } from '../../../src/digest/index.js';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import { ACTIONS } from '../../../src/render/slack.js';
import { ProjectStore } from '../../../src/store/store.js';
import { SAMPLES, tempDir } from '../../helpers.js';
import { actionPayload, blockText, FakeSlack, post, slackSignature, slashCommandBody } from './fakes.js';

const SECRET = 'guard-signing-secret-77';
const ADMIN = 'UADMIN';
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
/** The adapter's clock stands still, so the rate limit's burst is exact (no refill while the test runs). */
const NOW = new Date('2021-06-01T01:00:00Z');

describe('the Slack guard and buttons (real Bolt, fake Slack on 127.0.0.1)', () => {
  const fake = new FakeSlack();
  const store = ProjectStore.open(join(tempDir(), 'slack-guard.db'));
  let adapter: SlackAdapter;
  let digests: DigestWiring;
  let events = '';
  let n = 0;

  beforeAll(async () => {
    ingestPaths(store, [SAMPLES]);
    const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
    await fake.start();
    digests = createDigests(
      { timeZone: 'Asia/Seoul', admins: [ADMIN], digest: { graceMinutes: 60, staleDays: 365 } },
      store,
      { now: () => NOW },
    );
    const config = loadConfig({}, {
      SLACK_BOT_TOKEN: 'xoxb-1-2-guard',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_MODE: 'http',
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      SLACK_ALLOWED_TEAMS: 'T1',
      SLACK_ALLOWED_CHANNELS: 'C1',
    }).slack!;
    const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    adapter = createSlackAdapter({
      config,
      service: createBot({ knowledge: () => knowledge, digests: digests.service }),
      feedback: store.feedback,
      about: () => aboutKnowledge(knowledge),
      log: quiet,
      host: '127.0.0.1',
      now: () => NOW,
    });
    await adapter.start();
    // `digest send` posts through this adapter, as in `npm start`.
    digests.schedule([adapter]);
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    digests.scheduler?.stop();
    await adapter.stop();
    await fake.close();
    store.close();
  });

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const signed = (body: string, type = form) => post(events, body, { ...type, ...slackSignature(SECRET, body) });
  /** `/damdang <text>` by `user` of `team` in `channel`; resolves with what reached its response_url. */
  async function command(text: string, who: { team?: string; user?: string; channel?: string } = {}) {
    const id = `cmd-${++n}`;
    const body = slashCommandBody({
      text,
      response_url: fake.responseUrl(id),
      team_id: who.team ?? 'T1',
      user_id: who.user ?? 'U1',
      channel_id: who.channel ?? 'C1',
    });
    expect((await signed(body)).status).toBe(200);
    return (await fake.responses.next((r) => r.id === id)).body;
  }
  /** A button click; resolves with its response_url id (a 👎 may open a modal instead of responding). */
  async function click(action_id: string, value: string, who: { team?: string; user?: string; channel?: string } = {}) {
    const id = `click-${++n}`;
    const payload = actionPayload({ action_id, value }, { ephemeral: true, responseUrl: fake.responseUrl(id) }, who);
    expect((await signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).status).toBe(200);
    return id;
  }
  const responded = async (id: string) => (await fake.responses.next((r) => r.id === id)).body;
  const inChannel = () => fake.responses.items.filter((r) => r.body.response_type === 'in_channel');
  const channelPosts = (channel: string) => fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);

  it('a share click from another team or channel is refused: nothing posted in the channel', async () => {
    for (const who of [{ team: 'T9', user: 'U9' }, { team: 'T1', user: 'U8', channel: 'C7' }]) {
      const shared = inChannel().length;
      const body = await responded(await click(ACTIONS.share, '박동일 내선번호', who));
      expect(body.response_type).toBe('ephemeral');
      expect(blockText(body)).toContain('쓸 수 없습니다');
      expect(blockText(body)).not.toContain('2580');
      expect(inChannel().length).toBe(shared);
    }
  });

  it('👍/👎 from another team are refused: nothing stored, no modal', async () => {
    const opened = fake.callsOf('views.open').length;
    for (const action of [ACTIONS.feedbackUp, ACTIONS.feedbackDown]) {
      const body = await responded(await click(action, '박동일 내선번호', { team: 'T9', user: 'U9' }));
      expect(blockText(body)).toContain('쓸 수 없습니다');
    }
    await settle();
    expect(store.feedback.list()).toEqual([]);
    expect(fake.callsOf('views.open')).toHaveLength(opened);
  });

  it('the 👎 modal submitted from another team attaches nothing', async () => {
    await click(ACTIONS.feedbackDown, '박동일 내선번호', { user: 'U7' });
    const open = await fake.calls.next((c) => c.method === 'views.open');
    const view = open.args.view as { private_metadata: string; callback_id: string };
    const submit = (team: string, text: string) =>
      signed(
        new URLSearchParams({
          payload: JSON.stringify({
            type: 'view_submission',
            team: { id: team },
            user: { id: 'U7', team_id: team },
            api_app_id: 'A1',
            trigger_id: 'trig-3',
            view: {
              id: 'V1',
              type: 'modal',
              callback_id: view.callback_id,
              private_metadata: view.private_metadata,
              state: { values: { what: { text: { type: 'plain_text_input', value: text } } } },
            },
          }),
        }).toString(),
      );
    await submit('T9', '다른 팀에서 쓴 말');
    await settle();
    expect(store.feedback.list().map((r) => [r.user, r.verdict, r.comment])).toEqual([['U7', 'down', null]]);
    await submit('T1', '내선이 바뀌었어요');
    await settle();
    expect(store.feedback.list().map((r) => r.comment)).toEqual(['내선이 바뀌었어요']);
  });

  it('60 share clicks by one user give the rate limit burst (10), then refusals', async () => {
    const before = inChannel().length;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await click(ACTIONS.share, '박동일 내선번호', { user: 'U60' }));
    const bodies = await Promise.all(ids.map(responded));
    expect(inChannel().length - before).toBe(10);
    expect(bodies.filter((b) => b.response_type === 'in_channel').every((b) => blockText(b).includes('2580'))).toBe(true);
    expect(bodies.filter((b) => blockText(b).includes('질문이 조금 많습니다'))).toHaveLength(50);
  });

  it('App Home opened from another team publishes a refusal and no data', async () => {
    const home = (team: string, user: string) =>
      signed(
        JSON.stringify({ type: 'event_callback', team_id: team, event_id: `Ev-home-${user}`, event: { type: 'app_home_opened', user, channel: 'D5', tab: 'home' } }),
        { 'content-type': 'application/json' },
      );
    await home('T9', 'U9H');
    const foreign = await fake.calls.next((c) => c.method === 'views.publish' && c.args.user_id === 'U9H');
    const shown = blockText(foreign.args.view as object);
    expect(shown).toContain('쓸 수 없습니다');
    expect(shown).not.toMatch(/영등포구|수원|사업 \d+건|\d{4}년/);
    await home('T1', 'U1H');
    const own = await fake.calls.next((c) => c.method === 'views.publish' && c.args.user_id === 'U1H');
    expect(blockText(own.args.view as object)).toContain('영등포구 — 사업 14건');
  });

  it("an admin's subscribe answer clicked 👍 and shared leaves exactly one subscription", async () => {
    const question = 'digest subscribe weekly mon 09:00 정책기획과';
    const made = await command(question, { user: ADMIN });
    expect(blockText(made)).toContain('요약 구독 #1을 만들었습니다');
    expect(JSON.stringify(made.blocks)).toContain(ACTIONS.share);
    const up = await responded(await click(ACTIONS.feedbackUp, question, { user: ADMIN }));
    expect(blockText({ blocks: [up] })).toContain('고맙습니다');
    const shared = await responded(await click(ACTIONS.share, question, { user: ADMIN }));
    // The reply already shown is reposted, not made again (which would read "#2").
    expect(shared.response_type).toBe('in_channel');
    expect(blockText(shared)).toContain('요약 구독 #1을 만들었습니다');
    expect(digests.service.subscriptions.active()).toHaveLength(1);
    const row = store.feedback.list().at(-1)!;
    expect(row).toMatchObject({ user: ADMIN, verdict: 'up', question, replyKind: 'answer' });
    expect(row.replyText).toContain('요약 구독 #1을 만들었습니다');

    // A subscribe question this user was never shown (a crafted payload, or a reply no longer kept): not run.
    const crafted = 'digest subscribe daily 매일 08:00';
    const refused = await responded(await click(ACTIONS.share, crafted, { user: ADMIN }));
    expect(refused.response_type).toBe('ephemeral');
    expect(blockText(refused)).toContain('공유하지 않았습니다');
    await responded(await click(ACTIONS.feedbackUp, crafted, { user: ADMIN }));
    expect(store.feedback.list().at(-1)).toMatchObject({ question: crafted, replyKind: 'not_replayed', replyText: '' });
    // A follow-up button carrying one is refused the same way.
    const follow = await responded(await click(`${ACTIONS.ask}_0`, crafted, { user: ADMIN }));
    expect(blockText(follow)).toContain('버튼으로는 무언가를 바꾸는 명령을 실행하지 않습니다');
    expect(digests.service.subscriptions.active()).toHaveLength(1);
  });

  it('`digest send 1` by a non-admin is refused and nothing is posted; an admin\'s is sent', async () => {
    const posted = channelPosts('C1').length;
    const asked = await command('digest send 1', { user: 'U2' });
    expect(blockText(asked)).toContain('요약 보내기는 관리자만 할 수 있습니다');
    // Ten 👍 on it by the same non-admin, as in the issue: recorded, never run.
    for (let i = 0; i < 10; i++) await responded(await click(ACTIONS.feedbackUp, 'digest send 1', { user: 'U2' }));
    await digests.scheduler!.idle();
    await settle();
    expect(channelPosts('C1').length).toBe(posted);

    expect(blockText(await command('digest send 1', { user: ADMIN }))).toContain('요약 #1을 지금 보냅니다');
    await digests.scheduler!.idle();
    await fake.calls.next((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && blockText(c.args).includes('주간 요약'));
  });

  it('`digest list` by a non-admin shows only the channel asked in; an admin sees every channel', async () => {
    const elsewhere = (platform: 'slack' | 'discord', workspace: string, channel: string) =>
      digests.service.subscribe({
        cadence: 'daily',
        days: '*',
        time: '08:00',
        scope: null,
        target: { platform, workspace, channel },
        createdBy: ADMIN,
      });
    elsewhere('slack', 'T1', 'C2');
    elsewhere('discord', '200000000000000002', '300000000000000003');
    const mine = blockText(await command('digest list', { user: 'U3' }));
    expect(mine).toContain('이 채널의 요약 구독 1건');
    expect(mine).toContain('#1 매주 월요일 09:00 · 정책기획과 · slack C1');
    expect(mine).not.toMatch(/C2|discord|300000000000000003/);
    const all = blockText(await command('digest list', { user: ADMIN }));
    expect(all).toContain('요약 구독 3건');
    expect(all).toMatch(/slack C2[\s\S]*discord 300000000000000003/);
  });
});

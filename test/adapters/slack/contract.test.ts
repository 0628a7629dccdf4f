/** The shared adapter contract, run on the real Slack adapter (HTTP mode) against the fake Slack. */
import { createSlackAdapter } from '../../../src/adapters/slack/app.js';
import { loadConfig } from '../../../src/config.js';
import { reply } from '../../../src/core/reply.js';
import { adapterContract, SentQueue } from '../contract.js';
import { blockText, FakeSlack, post, slackSignature } from './fakes.js';

const SECRET = 'contract-secret-42';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

adapterContract('slack', async (service) => {
  const fake = await new FakeSlack().start();
  const queue = new SentQueue();
  let seen = 0;
  const poll = setInterval(() => {
    for (const c of fake.callsOf('chat.postMessage').slice(seen)) {
      seen += 1;
      queue.push({ channel: String(c.args.channel), text: `${String(c.args.text)}\n${blockText(c.args)}` });
    }
  }, 10);
  const config = loadConfig({}, {
    SLACK_BOT_TOKEN: 'xoxb-contract',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_MODE: 'http',
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
  }).slack!;
  const adapter = createSlackAdapter({ config, service, about: () => reply('answer', '-'), log: quiet, host: '127.0.0.1' });
  let n = 0;
  return {
    adapter,
    identifiesSender: true,
    async sendText(message, where) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id: `Ev-contract-${++n}`,
        event: { type: 'app_mention', user: where.user, text: `<@UBOT> ${message}`, ts: `${n}.0001`, channel: where.channel },
      });
      const res = await post(`http://127.0.0.1:${adapter.port}/slack/events`, body, {
        'content-type': 'application/json',
        ...slackSignature(SECRET, body),
      });
      if (res.status !== 200) throw new Error(`event not accepted: ${res.status}`);
    },
    nextSent: () => queue.next(),
    target: (channel) => ({ platform: 'slack', workspace: 'T1', channel }),
    async close() {
      clearInterval(poll);
      await fake.close();
    },
  };
});

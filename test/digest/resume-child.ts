/**
 * A bot process that sends one scheduled digest to Slack (the real Web API client against the test's fake) and
 * is killed with SIGKILL by the test part-way. argv: database file, Slack API url, the scheduler's "now" (ISO).
 */
import type { ChatAdapter } from '../../src/core/port.js';
import { createSlackChannelPoster } from '../../src/adapters/slack/delivery.js';
import { createDigests } from '../../src/digest/index.js';
import { renderSlack } from '../../src/render/slack.js';
import { ProjectStore } from '../../src/store/store.js';
import { DIGEST_CONFIG, longDigest } from './long-digest.js';

const [db, apiUrl, now] = process.argv.slice(2) as [string, string, string];
const store = ProjectStore.openReadOnly(db)!;
const poster = createSlackChannelPoster('xoxb-test', apiUrl);
const adapter: ChatAdapter = {
  platform: 'slack',
  start: async () => {},
  stop: async () => {},
  post: async (target, r) => ({ messageId: await poster.post({ channel: target.channel, ...renderSlack(r) }) }),
};
const { scheduler } = createDigests(DIGEST_CONFIG, store, {
  adapters: [adapter],
  now: () => new Date(now),
  log: (line) => process.stderr.write(`${line}\n`),
});
scheduler!.compose = () => longDigest();
await scheduler!.start();
process.stderr.write('child: finished (the test should have killed it)\n');

/** The digest path's Slack WebClient against the fake Slack: a 429 reaches the scheduler, it is not queued. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannelPoster } from '../../../src/adapters/slack/delivery.js';
import { DeliveryError } from '../../../src/core/port.js';
import { FakeSlack } from './fakes.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake.close();
});

describe('Slack channel posts for digests', () => {
  it('a 429 rejects at once as a DeliveryError with Retry-After in ms; the next post is delivered once', async () => {
    fake.rateLimitPosts = [3];
    const poster = createSlackChannelPoster('xoxb-test', fake.apiUrl);
    const started = performance.now();
    const err = await poster.post({ channel: 'C_DIGEST', text: '주간 요약' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).options.status).toBe(429);
    expect((err as DeliveryError).retryAfterMs).toBe(3000);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    await poster.post({ channel: 'C_DIGEST', text: '주간 요약' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
  });
});

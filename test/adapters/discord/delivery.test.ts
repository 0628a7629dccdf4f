/** The digest path's REST manager against the fake Discord: what each platform failure becomes for the scheduler. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelPoster } from '../../../src/adapters/discord/delivery.js';
import { DeliveryError } from '../../../src/core/port.js';
import { reply, text } from '../../../src/core/reply.js';
import { renderDiscord } from '../../../src/render/discord.js';
import { FAKE, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
const message = renderDiscord(reply('answer', '주간 요약', [text('이번 주 특이사항 없음')]));

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Discord channel posts for digests', () => {
  it('a 429 is not queued inside discord.js: it rejects at once with Retry-After in ms, and nothing was posted', async () => {
    fake.rateLimitMessages = [2];
    const poster = createChannelPoster({ token: FAKE.token, apiUrl: fake.apiUrl });
    const started = performance.now();
    const err = await failure(poster.post(FAKE.channelId, message));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.options.status).toBe(429);
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(2050);
    const posts = fake.requests.filter((r) => r.path === `/channels/${FAKE.channelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429]);
    // The next post goes through (the fake's limit has passed): the same message, once.
    await poster.post(FAKE.channelId, message);
    expect(fake.requests.filter((r) => r.path === `/channels/${FAKE.channelId}/messages`).map((r) => r.status)).toEqual([429, 200]);
  });

  it('a refused token is a DeliveryError that is not retried', async () => {
    const poster = createChannelPoster({ token: 'wrong-token', apiUrl: fake.apiUrl });
    const err = await failure(poster.post(FAKE.channelId, message));
    expect(err.options.status).toBe(401);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('401');
  });

  it('a platform that cannot be reached is a retryable DeliveryError naming the cause', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((r) => closed.once('listening', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const poster = createChannelPoster({ token: FAKE.token, apiUrl: `http://127.0.0.1:${port}/api` });
    const err = await failure(poster.post(FAKE.channelId, message));
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBeUndefined();
    expect(err.message).toContain('ECONNREFUSED');
  });
});

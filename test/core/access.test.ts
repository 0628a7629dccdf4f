import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import { checkAccess, guardService } from '../../src/core/access.js';
import type { Inbound, Origin } from '../../src/core/inbound.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createRateLimiter } from '../../src/core/rate-limit.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const origin = (o: Partial<Origin> = {}): Origin => ({
  platform: 'slack',
  workspace: 'T1',
  channel: 'C1',
  user: 'U1',
  ...o,
});
const NONE = { workspaces: [], channels: [] };

describe('access lists', () => {
  it('allow everyone when empty, and refuse other workspaces and channels when set', () => {
    expect(checkAccess(NONE, origin())).toEqual({ allowed: true });
    const lists = { workspaces: ['T1'], channels: ['C1', 'C2'] };
    expect(checkAccess(lists, origin({ channel: 'C2' }))).toEqual({ allowed: true });
    expect(checkAccess(lists, origin({ workspace: 'T9' }))).toEqual({ allowed: false, reason: 'workspace' });
    expect(checkAccess(lists, origin({ workspace: null }))).toEqual({ allowed: false, reason: 'workspace' });
    expect(checkAccess(lists, origin({ channel: 'C3' }))).toEqual({ allowed: false, reason: 'channel' });
  });

  it('let a direct message pass the channel list but not the workspace list', () => {
    const lists = { workspaces: ['T1'], channels: ['C1'] };
    expect(checkAccess(lists, origin({ channel: 'D7' }), true)).toEqual({ allowed: true });
    expect(checkAccess(lists, origin({ workspace: 'T2', channel: 'D7' }), true)).toMatchObject({ allowed: false });
  });
});

describe('the per-user rate limiter', () => {
  it('allows a burst, then one question per refill interval, per user', () => {
    const limiter = createRateLimiter({ burst: 3, refillMs: 1_000 });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.take('u1', t0 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.take('u1', t0 + 3)).toEqual({ allowed: false, retryAfterMs: 998 });
    expect(limiter.take('u2', t0 + 3).allowed).toBe(true);
    expect(limiter.take('u1', t0 + 1_003).allowed).toBe(true);
    expect(limiter.take('u1', t0 + 1_004).allowed).toBe(false);
    expect(limiter.take('u1', t0 + 10_000).allowed).toBe(true);
  });

  it('keeps at most maxKeys buckets however many users ask', () => {
    const limiter = createRateLimiter({ burst: 1, refillMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) expect(limiter.take(`u${i}`, i).allowed).toBe(true);
    // u999 is still tracked (its one question spent), so it is refused; the oldest user was swept and starts afresh.
    expect(limiter.take('u999', 1_001).allowed).toBe(false);
    expect(limiter.take('u0', 1_002).allowed).toBe(true);
  });

  it('rejects a configuration that would block everyone', () => {
    expect(() => createRateLimiter({ burst: 0, refillMs: 1_000 })).toThrow(/burst/);
  });
});

describe('the guarded answering service', () => {
  const store = ProjectStore.open(join(tempDir(), 'g.db'));
  ingestPaths(store, [SAMPLES]);
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  const refused: string[] = [];
  const service = guardService(createBot({ knowledge: () => knowledge }), {
    access: { workspaces: ['T1'], channels: [] },
    limiter: createRateLimiter({ burst: 2, refillMs: 60_000 }),
    onRefused: (o, reason) => refused.push(`${o.workspace}/${o.user}:${reason}`),
  });
  const ask = (text: string, o: Partial<Origin> = {}, at = new Date('2025-01-01T00:00:00Z')): Promise<string> =>
    service.handle({ kind: 'text', text, origin: origin(o), at } satisfies Inbound).then(renderText);

  it('answers an allowed user, refuses another workspace, and slows down a user who asks too often', async () => {
    expect(await ask('박동일 내선번호')).toContain('2580');
    expect(await ask('박동일 내선번호', { workspace: 'T2' })).toContain('쓸 수 없습니다');
    expect(await ask('정책기획과장 전화번호')).toContain('2050');
    const third = await ask('정책기획과장 전화번호');
    expect(third).toContain('60초 뒤에 다시');
    expect(third).not.toContain('2050');
    expect(await ask('정책기획과장 전화번호', { user: 'U2' })).toContain('2050');
    expect(refused).toEqual(['T2/U1:workspace', 'T1/U1:rate']);
  });
});

describe('the guard every way in asks first', () => {
  const store = ProjectStore.open(join(tempDir(), 'admit.db'));
  ingestPaths(store, [SAMPLES]);
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  const refused: string[] = [];
  const guard = guardService(createBot({ knowledge: () => knowledge }), {
    access: { workspaces: ['T1'], channels: ['C1'] },
    limiter: createRateLimiter({ burst: 2, refillMs: 60_000 }),
    typingLimiter: createRateLimiter({ burst: 3, refillMs: 60_000 }),
    onRefused: (o, reason) => refused.push(`${o.workspace}/${o.channel}/${o.user}:${reason}`),
  });
  const at = new Date('2025-01-01T00:00:00Z');

  it('admits, then answers on the pass at no second charge; a refusal carries its reply', async () => {
    const first = guard.admit(origin(), at);
    expect(first.allowed).toBe(true);
    if (!first.allowed) return;
    for (let i = 0; i < 3; i++) expect(renderText(await guard.answer(first.pass, { kind: 'text', text: '박동일 내선번호' }))).toContain('2580');
    expect(guard.admit(origin(), at).allowed).toBe(true);
    const third = guard.admit(origin(), at);
    expect(third).toMatchObject({ allowed: false, reason: 'rate' });
    expect(!third.allowed && renderText(third.reply)).toContain('60초 뒤에 다시');
    expect(guard.admit(origin({ workspace: 'T9', user: 'U9' }), at)).toMatchObject({ allowed: false, reason: 'workspace' });
    expect(guard.admit(origin({ channel: 'C7', user: 'U9' }), at)).toMatchObject({ allowed: false, reason: 'channel' });
    expect(guard.admit(origin({ channel: 'D7', user: 'U9' }), at, { direct: true }).allowed).toBe(true);
    expect(refused).toEqual(['T1/C1/U1:rate', 'T9/C1/U9:workspace', 'T1/C7/U9:channel']);
  });

  it('typing (autocomplete) draws on its own bucket: it neither spends nor is stopped by the questions', () => {
    const typist = origin({ user: 'U5' });
    expect([1, 2, 3, 4].map(() => guard.admit(typist, at, { typing: true }).allowed)).toEqual([true, true, true, false]);
    expect([1, 2, 3].map(() => guard.admit(typist, at).allowed)).toEqual([true, true, false]);
    expect(guard.admit(origin({ workspace: 'T9', user: 'U5' }), at, { typing: true })).toMatchObject({ allowed: false, reason: 'workspace' });
  });
});

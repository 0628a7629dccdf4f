/**
 * The digest command's side effects and who may use them, through the real bot (router and slash-command path)
 * over the samples in a real SQLite file: a replayed question (a button) never subscribes, unsubscribes or
 * sends; send and the full list are an admin's; a non-admin sees their own channel's subscriptions.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestCommand } from '../../commands/digest.js';
import { createBot } from '../../src/bot.js';
import type { Inbound, Origin } from '../../src/core/inbound.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { createDigests } from '../../src/digest/index.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const ADMIN: Origin = { platform: 'slack', workspace: 'T1', channel: 'C1', user: 'UADMIN' };
const STAFF: Origin = { ...ADMIN, user: 'U2' };

describe('digest: side effects and admins', () => {
  const store = ProjectStore.open(join(tempDir(), 'digest-command.db'));
  ingestPaths(store, [SAMPLES]);
  afterAll(() => store.close());
  const digests = createDigests({ timeZone: 'Asia/Seoul', admins: ['UADMIN'], digest: { graceMinutes: 60, staleDays: 365 } }, store);
  const knowledge = loadKnowledge(store, fixedClock('2021-04-01'));
  const bot = createBot({ knowledge: () => knowledge, digests: digests.service });
  const at = new Date('2021-04-01T01:00:00Z');
  const text = (t: string, origin: Origin, replay = false) =>
    bot.handle({ kind: 'text', text: t, origin, at, replay } satisfies Inbound).then(renderText);
  const slash = (query: string, origin: Origin, replay = false) =>
    bot.handle({ kind: 'command', command: 'digest', args: { query }, origin, at, replay } satisfies Inbound).then(renderText);

  it('classifies subscribe, unsubscribe and send (Korean words too) as side effects; composing and listing as reads', () => {
    const effects = (query: string) => digestCommand.sideEffects!({ query, message: query });
    expect(['subscribe weekly mon 09:00', '구독 매일 09:00', 'unsubscribe 1', '해지 1', 'send 1', '보내기 1'].map(effects)).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['', '정책기획과', 'all --days 14', 'list', '목록'].map(effects)).toEqual([false, false, false, false, false]);
  });

  it('a replayed subscribe or send runs nothing, typed as text or as a slash command; a replayed read is answered', async () => {
    for (const replayed of [
      () => text('digest subscribe weekly mon 09:00 정책기획과', ADMIN, true),
      () => text('요약 구독 매일 09:00', ADMIN, true),
      () => slash('subscribe weekly mon 09:00', ADMIN, true),
      () => slash('send 1', ADMIN, true),
    ])
      expect(await replayed()).toContain('버튼으로는 무언가를 바꾸는 명령을 실행하지 않습니다');
    expect(digests.service.subscriptions.active()).toEqual([]);
    expect(await text('digest 정책기획과', ADMIN, true)).toContain('주간 요약 · 정책기획과');
    expect(await slash('list', ADMIN, true)).toContain('요약 구독이 없습니다');
  });

  it('an admin subscribes once; the reply offers no send button', async () => {
    const made = await bot.handle({ kind: 'text', text: 'digest subscribe weekly mon 09:00 정책기획과', origin: ADMIN, at });
    expect(made.title).toBe('요약 구독 #1을 만들었습니다.');
    expect(made.suggestions).toEqual(['digest list']);
    expect(renderText(made)).toContain('"digest send 1"를 입력하세요');
  });

  it('send, subscribe and unsubscribe are refused to a non-admin', async () => {
    expect(await slash('send 1', STAFF)).toBe('요약 보내기는 관리자만 할 수 있습니다.');
    expect(await slash('send 99', STAFF)).toBe('요약 보내기는 관리자만 할 수 있습니다.');
    expect(await slash('subscribe weekly mon 09:00', STAFF)).toBe('요약 구독은 관리자만 설정할 수 있습니다.');
    expect(await slash('unsubscribe 1', STAFF)).toBe('요약 구독 해지는 관리자만 할 수 있습니다.');
    expect(digests.service.subscriptions.active()).toHaveLength(1);
  });

  it("a non-admin's list shows their channel only; an admin's and the CLI's show all", async () => {
    await slash('subscribe daily 매일 08:00', { ...ADMIN, channel: 'C2' });
    await slash('subscribe daily 매일 08:00', { ...ADMIN, platform: 'discord', workspace: 'G1', channel: '3003' });
    const mine = await slash('list', STAFF);
    expect(mine).toContain('이 채널의 요약 구독 1건');
    expect(mine).toContain('#1 매주 월요일 09:00 · 정책기획과 · slack C1');
    expect(mine).not.toMatch(/C2|discord/);
    // Same channel id on another team is another channel.
    expect(await slash('list', { ...STAFF, workspace: 'T2' })).toContain('이 채널의 요약 구독이 없습니다');
    expect(await slash('list', { ...STAFF, channel: 'C9' })).toContain('이 채널의 요약 구독이 없습니다');
    for (const who of [ADMIN, { platform: 'cli', workspace: null, channel: 'digest', user: null } satisfies Origin])
      expect(await slash('list', who)).toMatch(/요약 구독 3건[\s\S]*slack C2[\s\S]*discord 3003/);
  });
});

/**
 * The adapter contract: what every ChatAdapter (console, the fake, Slack, Discord) must do, as a reusable
 * suite. A real adapter's test calls `adapterContract('slack', setup)` where `setup` starts the adapter against
 * a local fake of its platform (127.0.0.1 only) and says how to make that platform deliver a message and how to
 * read what the adapter sent back.
 *
 * The service behind the adapter is the real bot over a real SQLite file holding one sample document, wrapped
 * so the suite can see each Inbound and make one answer fail.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { createBot } from '../../src/bot.js';
import type { AnsweringService, Inbound } from '../../src/core/inbound.js';
import { liveKnowledge } from '../../src/core/knowledge.js';
import type { ChatAdapter, PostTarget } from '../../src/core/port.js';
import { reply, text } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, storeWith } from '../helpers.js';

/** Where a fake platform user writes from. */
export interface Where {
  channel: string;
  user: string;
}

/** What the adapter sent to the platform, read back from the fake as plain text. */
export interface Sent {
  channel: string;
  text: string;
}

export interface AdapterHarness {
  adapter: ChatAdapter;
  /** Makes the platform deliver a user's message to the adapter. */
  sendText(message: string, where: Where): Promise<void>;
  /** Makes the platform deliver a slash command with options; absent on platforms without commands. */
  sendCommand?(command: string, args: Record<string, string>, where: Where): Promise<void>;
  /** The next message the adapter sent to the platform (rejects after a few seconds). */
  nextSent(): Promise<Sent>;
  /** A post target the fake platform knows for `channel`. */
  target(channel: string): PostTarget;
  /** False where the platform has no channels or users (the console): origin is then checked for platform only. */
  identifiesSender: boolean;
  /** Frees the fake platform (servers, streams). The suite calls adapter.stop() itself. */
  close?(): Promise<void>;
}

/** The real bot, recording every Inbound; `failNext()` makes the next answer throw inside the service. */
export interface RecordingService extends AnsweringService {
  inbounds: Inbound[];
  failNext(): void;
}

export function recordingService(inner: AnsweringService): RecordingService {
  let fail = false;
  const inbounds: Inbound[] = [];
  return {
    inbounds,
    failNext: () => (fail = true),
    async handle(inbound) {
      inbounds.push(inbound);
      if (fail) {
        fail = false;
        throw new Error('contract: a failure inside the service (C:\\secret\\path)');
      }
      return inner.handle(inbound);
    },
  };
}

export function adapterContract(name: string, setup: (service: RecordingService) => Promise<AdapterHarness>): void {
  describe(`${name} adapter contract`, () => {
    let store: ProjectStore;
    let service: RecordingService;
    let h: AdapterHarness;
    const alice: Where = { channel: 'C-contract', user: 'U-alice' };

    beforeAll(async () => {
      store = storeWith([join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt')]);
      service = recordingService(
        createBot({ knowledge: liveKnowledge(store, fixedClock('2021-06-01')), commands: COMMANDS }),
      );
      h = await setup(service);
      await h.adapter.start();
    });

    afterAll(async () => {
      await h.adapter.stop();
      await h.close?.();
      store.close();
    });

    it('answers a text message in the channel it came from, from the stored documents', async () => {
      await h.sendText('순찰 행정 예산 얼마나 썼어?', alice);
      const sent = await h.nextSent();
      expect(sent.text).toContain('18,630천원');
      expect(sent.text).toContain('yeongdeungpo-audit-annual-report.txt');
      const inbound = service.inbounds.at(-1)!;
      expect(inbound.kind).toBe('text');
      expect(inbound.origin.platform).toBe(h.adapter.platform);
      expect(inbound.at).toBeInstanceOf(Date);
      if (h.identifiesSender) {
        expect(sent.channel).toBe(alice.channel);
        expect(inbound.origin).toMatchObject({ channel: alice.channel, user: alice.user });
      }
    });

    it('hands a slash command to the service as a command with arguments, never as text', async () => {
      if (!h.sendCommand) return;
      await h.sendCommand('budget', { query: '순찰 행정' }, alice);
      const sent = await h.nextSent();
      expect(sent.text).toContain('16,040천원');
      const inbound = service.inbounds.at(-1)!;
      expect(inbound).toMatchObject({ kind: 'command', command: 'budget', args: { query: '순찰 행정' } });
    });

    it('posts a reply to a target unprompted (a digest) with no mass mention left in it', async () => {
      await h.adapter.post(
        h.target(alice.channel),
        reply('answer', '주간 요약 @everyone', [text('<!channel> 감사팀 @here 확인')]),
      );
      const sent = await h.nextSent();
      if (h.identifiesSender) expect(sent.channel).toBe(alice.channel);
      expect(sent.text).toContain('주간 요약');
      expect(sent.text).not.toMatch(/@everyone|@here|<!channel>/);
    });

    it('survives a failure in the service: the user gets a short Korean message and the next answer works', async () => {
      service.failNext();
      await h.sendText('순찰 행정 예산', alice);
      const failed = await h.nextSent();
      expect(failed.text).toMatch(/[가-힣]/);
      expect(failed.text).not.toMatch(/secret|contract: a failure/);
      await h.sendText('순찰 행정 예산', alice);
      expect((await h.nextSent()).text).toContain('18,630천원');
    });

    it('starts and stops idempotently', async () => {
      await h.adapter.start();
      await h.sendText('순찰 행정 예산', alice);
      expect((await h.nextSent()).text).toContain('18,630천원');
    });
  });
}

/** Resolves with the next value pushed to a queue, or rejects after `ms`. */
export class SentQueue {
  private readonly items: Sent[] = [];
  private waiting: Array<(s: Sent) => void> = [];

  push(item: Sent): void {
    const w = this.waiting.shift();
    if (w) w(item);
    else this.items.push(item);
  }

  next(ms = 5000): Promise<Sent> {
    const item = this.items.shift();
    if (item) return Promise.resolve(item);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        reject(new Error(`adapter sent nothing within ${ms} ms`));
      }, ms);
      const done = (s: Sent) => {
        clearTimeout(timer);
        resolve(s);
      };
      this.waiting.push(done);
    });
  }
}

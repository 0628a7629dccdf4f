/**
 * A fake chat platform and its adapter: the smallest ChatAdapter that passes the contract. It shows a real
 * adapter's shape: translate the platform's events to an Inbound, hand it to the service, render the Reply.
 */
import type { AnsweringService, Origin } from '../../src/core/inbound.js';
import type { ChatAdapter, PostTarget } from '../../src/core/port.js';
import type { Reply } from '../../src/core/reply.js';
import { renderText } from '../../src/render/text.js';

export type FakeEvent =
  | { type: 'message'; channel: string; user: string; text: string }
  | { type: 'slash'; channel: string; user: string; command: string; options: Record<string, string> };

/** The platform side: delivers events to whoever listens, records what was sent to each channel. */
export class FakePlatform {
  listener: ((e: FakeEvent) => void) | null = null;
  readonly sent: Array<{ channel: string; text: string }> = [];
  onSend: (m: { channel: string; text: string }) => void = () => {};

  deliver(e: FakeEvent): void {
    this.listener?.(e);
  }

  send(channel: string, text: string): void {
    const m = { channel, text };
    this.sent.push(m);
    this.onSend(m);
  }
}

export function createFakeAdapter(platform: FakePlatform, service: AnsweringService): ChatAdapter {
  const answer = async (origin: Origin, inbound: () => Parameters<AnsweringService['handle']>[0]) => {
    let r: Reply;
    try {
      r = await service.handle(inbound());
    } catch {
      r = { kind: 'error', title: '답변을 보내지 못했습니다. 다시 물어봐 주세요.', blocks: [], sources: [], suggestions: [] };
    }
    platform.send(origin.channel ?? '', renderText(r));
  };
  return {
    platform: 'test',
    async start() {
      platform.listener = (e) => {
        const origin: Origin = { platform: 'test', workspace: 'W-fake', channel: e.channel, user: e.user };
        const at = new Date();
        void answer(origin, () =>
          e.type === 'message'
            ? { kind: 'text', text: e.text, origin, at }
            : { kind: 'command', command: e.command, args: e.options, origin, at },
        );
      };
    },
    async stop() {
      platform.listener = null;
    },
    async post(target: PostTarget, reply: Reply) {
      platform.send(target.channel, renderText(reply));
    },
  };
}

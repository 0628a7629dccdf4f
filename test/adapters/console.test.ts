import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { adapterContract, SentQueue } from './contract.js';

adapterContract('console', async (service) => {
  const input = new PassThrough();
  const output = new PassThrough();
  const queue = new SentQueue();
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => queue.push({ channel: 'console', text: chunk }));
  return {
    adapter: createConsoleAdapter({ service, input, output, interactive: false }),
    identifiesSender: false,
    sendText: async (text) => {
      input.write(`${text}\n`);
    },
    nextSent: () => queue.next(),
    target: (channel) => ({ platform: 'console', workspace: null, channel }),
    close: async () => {
      input.end();
    },
  };
});

describe('the console adapter', () => {
  it('answers piped lines in order and finishes at the end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const seen: string[] = [];
    const adapter = createConsoleAdapter({
      service: {
        handle: async (i) => {
          const t = i.kind === 'text' ? i.text : '';
          seen.push(t);
          await new Promise((r) => setTimeout(r, t === '첫째' ? 30 : 0));
          return { kind: 'answer', title: `답: ${t}`, blocks: [], sources: [], suggestions: [] };
        },
      },
      input,
      output,
      interactive: false,
    });
    await adapter.start();
    input.end('첫째\n\n둘째\n');
    await adapter.finished;
    expect(seen).toEqual(['첫째', '둘째']);
    expect(out).toBe('답: 첫째\n\n답: 둘째\n\n');
  });
});

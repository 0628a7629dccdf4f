/**
 * The console chat on the adapter port: readline over stdin. Interactive on a terminal; one answer per line,
 * in order, when piped. Each line becomes a text Inbound; the Reply is rendered as plain text.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnsweringService, Origin } from '../../core/inbound.js';
import type { ChatAdapter, PostTarget } from '../../core/port.js';
import type { Reply } from '../../core/reply.js';
import { type Logger, silentLogger } from '../../logger.js';
import { renderText } from '../../render/text.js';

export interface ConsoleOptions {
  service: AnsweringService;
  input: Readable;
  output: Writable;
  interactive: boolean;
  logger?: Logger;
  now?: () => Date;
}

export interface ConsoleAdapter extends ChatAdapter {
  /** Settles when the input ends, the user types 종료/exit, or stop() is called. */
  readonly finished: Promise<void>;
}

export const CONSOLE_ORIGIN: Origin = { platform: 'console', workspace: null, channel: 'console', user: null };
const FAILED = '답변을 보내지 못했습니다. 다시 물어봐 주세요.';

export function createConsoleAdapter(options: ConsoleOptions): ConsoleAdapter {
  const { service, input, output, interactive } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  let rl: Interface | null = null;
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));

  const loop = async (lines: Interface) => {
    if (interactive) {
      output.write('담당(damdang) — 무엇이든 물어보세요. "도움말"로 명령 목록, Ctrl+D로 끝냅니다.\n');
      lines.setPrompt('담당> ');
      lines.prompt();
    }
    for await (const line of lines) {
      if (line.trim() === '' && !interactive) continue;
      if (interactive && /^(exit|quit|종료|끝)$/i.test(line.trim())) break;
      let rendered: string;
      try {
        rendered = renderText(await service.handle({ kind: 'text', text: line, origin: CONSOLE_ORIGIN, at: now() }));
      } catch (err) {
        // The service has its own boundary; this only keeps the console alive if that ever fails.
        logger.error('console reply failed', { error: err instanceof Error ? err : String(err) });
        rendered = FAILED;
      }
      output.write(`${rendered}\n\n`);
      if (interactive) lines.prompt();
    }
    lines.close();
  };

  return {
    platform: 'console',
    finished,
    async start() {
      if (rl) return;
      rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
      logger.debug('console started', { interactive });
      loop(rl).then(settle, (err: unknown) => {
        logger.error('console input failed', { error: err instanceof Error ? err : String(err) });
        settle();
      });
    },
    async stop() {
      if (!rl) return;
      rl.close();
      await finished;
    },
    async post(_target: PostTarget, reply: Reply) {
      output.write(`${renderText(reply)}\n\n`);
    },
  };
}

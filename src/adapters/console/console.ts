/** The console chat: readline over stdin. Interactive on a terminal; one answer per line when piped. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answer } from '../../core/dispatch.js';
import type { Knowledge } from '../../core/knowledge.js';
import type { DigestService } from '../../digest/service.js';
import { renderText } from '../../render/text.js';

export interface ConsoleOptions {
  knowledge: Knowledge;
  input: Readable;
  output: Writable;
  interactive: boolean;
  digests?: DigestService | undefined;
}

export async function runConsole({ knowledge, input, output, interactive, digests }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    output.write('담당(damdang) — 무엇이든 물어보세요. "도움말"로 명령 목록, Ctrl+D로 끝냅니다.\n');
    rl.setPrompt('담당> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (line.trim() === '' && !interactive) continue;
    if (interactive && /^(exit|quit|종료|끝)$/i.test(line.trim())) break;
    output.write(`${renderText(answer(line, knowledge, { digests, origin: { platform: 'console', workspace: null, channel: null, user: null } }))}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}

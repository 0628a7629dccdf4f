/**
 * The answering service: every way in calls `handle`. First cut (the "one way in" issue completes it with
 * routing from the registry, knowledge reloads and incident ids); its signature is the contract adapters use.
 */
import { commandNamed } from '../commands/index.js';
import { answer } from './core/dispatch.js';
import type { AnsweringService, Inbound } from './core/inbound.js';
import type { Knowledge } from './core/knowledge.js';
import type { DigestService } from './digest/service.js';
import { type Reply, reply } from './core/reply.js';

export interface BotDeps {
  /** The current knowledge; called per message so a reload is picked up. */
  knowledge(): Knowledge;
  digests?: DigestService | undefined;
}

export function createBot(deps: BotDeps): AnsweringService {
  return {
    async handle(inbound: Inbound): Promise<Reply> {
      const knowledge = deps.knowledge();
      const extra = { origin: inbound.origin, digests: deps.digests };
      if (inbound.kind === 'text') return answer(inbound.text, knowledge, extra);
      const command = commandNamed(inbound.command);
      if (!command) return reply('error', `알 수 없는 명령입니다: ${inbound.command.slice(0, 40)}`);
      const query = inbound.args.query ?? '';
      const args = command.args.safeParse({ query, message: query });
      if (!args.success) return reply('error', `입력을 이해하지 못했습니다: ${args.error.issues[0]?.message ?? ''}`);
      return command.run(args.data, { knowledge, today: knowledge.clock.today(), ...extra });
    },
  };
}

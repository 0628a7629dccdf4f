/**
 * The answering service: every way in (console, `ask`, Slack, Discord, the digest scheduler) calls `handle`.
 * Free text is routed by intent; a command with arguments goes straight to that command, never back through
 * text. This is the one error boundary of answering: a failure is logged with an incident id and the user gets
 * a short Korean message carrying that id, never the raw error.
 */
import { randomUUID } from 'node:crypto';
import { COMMANDS } from '../commands/index.js';
import { type Command, replayRefusal } from './core/command.js';
import { commandContext } from './core/context.js';
import { cleanMessage, createRouter } from './core/dispatch.js';
import type { AnsweringService, Inbound } from './core/inbound.js';
import type { Knowledge } from './core/knowledge.js';
import type { DigestService } from './digest/service.js';
import { type Reply, reply, text } from './core/reply.js';
import { type Logger, silentLogger } from './logger.js';

export interface BotDeps {
  /** The current knowledge; called per message so a reload is picked up (see `liveKnowledge`). */
  knowledge(): Knowledge;
  /** The command registry; the composition root hands it in (defaults to commands/index.ts). */
  commands?: readonly Command[];
  logger?: Logger;
  /** Incident ids; injectable so a test can name the one it expects. */
  incidentId?: () => string;
  /** Digests and subscriptions, for the digest command. */
  digests?: DigestService | undefined;
}

export function createBot(deps: BotDeps): AnsweringService {
  const commands = deps.commands ?? COMMANDS;
  const logger = deps.logger ?? silentLogger;
  const incidentId = deps.incidentId ?? (() => randomUUID().slice(0, 8));
  const router = createRouter(commands);

  const runCommand = (inbound: Extract<Inbound, { kind: 'command' }>, knowledge: Knowledge): Reply => {
    const command = router.command(inbound.command);
    if (!command) {
      return reply('error', `알 수 없는 명령입니다: ${cleanMessage(inbound.command).slice(0, 40)}`, [
        text(`쓸 수 있는 명령: ${commands.map((c) => c.name).join(', ')}`),
      ]);
    }
    const args: Record<string, string> = {};
    for (const [k, v] of Object.entries(inbound.args)) args[k] = cleanMessage(v);
    const query = args.query ?? '';
    const parsed = command.args.safeParse({ message: query, ...args, query });
    if (!parsed.success) return reply('error', `입력을 이해하지 못했습니다: ${parsed.error.issues[0]?.message ?? ''}`);
    const ctx = commandContext(knowledge, undefined, { origin: inbound.origin, digests: deps.digests, replay: inbound.replay });
    return replayRefusal(command, parsed.data, ctx) ?? command.run(parsed.data, ctx);
  };

  return {
    async handle(inbound: Inbound): Promise<Reply> {
      const { origin } = inbound;
      try {
        const knowledge = deps.knowledge();
        const out =
          inbound.kind === 'text'
            ? router.answer(inbound.text, knowledge, { origin, digests: deps.digests, replay: inbound.replay })
            : runCommand(inbound, knowledge);
        logger.debug('answered', { platform: origin.platform, kind: inbound.kind, reply: out.kind });
        return out;
      } catch (err) {
        const incident = incidentId();
        logger.error('answer failed', {
          incident,
          platform: origin.platform,
          workspace: origin.workspace,
          channel: origin.channel,
          user: origin.user,
          inbound: inbound.kind === 'text' ? inbound.text.slice(0, 200) : `${inbound.command} ${JSON.stringify(inbound.args)}`,
          error: err instanceof Error ? err : String(err),
        });
        return reply('error', `답변을 만들다 문제가 생겼습니다 (사건 번호 ${incident}).`, [
          text(`잠시 뒤 다시 물어봐 주세요. 계속되면 관리자에게 사건 번호 ${incident}를 알려 주세요.`),
        ]);
      }
    },
  };
}

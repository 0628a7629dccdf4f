/**
 * The Discord entry of the composition root: the answering service (the adapter guards it: allow-lists and rate
 * limit), the shared feedback log. As with Slack, discord.js is imported on start only: a Slack-only bot and the
 * CLI's other commands do not load it.
 */
import type { ChatAdapter } from '../../core/port.js';
import type { AdapterDeps } from '../index.js';

export function discordAdapterFromConfig(deps: AdapterDeps): ChatAdapter | null {
  const d = deps.config.discord;
  if (!d) return null;
  const { logger } = deps;
  let adapter: ChatAdapter | null = null;
  const load = async () =>
    (adapter ??= (await import('./discord.js')).createDiscordAdapter({
      config: d,
      service: deps.service,
      knowledge: deps.knowledge,
      feedback: deps.feedback,
      log: (level, message) => logger[level](message),
      now: () => deps.clock.now(),
    }));
  return {
    platform: 'discord',
    start: async () => (await load()).start(),
    stop: async () => adapter?.stop(),
    post: async (target, reply) => (await load()).post(target, reply),
  };
}

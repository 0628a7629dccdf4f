/**
 * The Discord entry of the composition root: the guarded answering service, the shared feedback log. As with
 * Slack, discord.js is imported on start only: a Slack-only bot and the CLI's other commands do not load it.
 */
import { guardService } from '../../core/access.js';
import type { ChatAdapter } from '../../core/port.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from '../../core/rate-limit.js';
import type { AdapterDeps } from '../index.js';

export function discordAdapterFromConfig(deps: AdapterDeps): ChatAdapter | null {
  const d = deps.config.discord;
  if (!d) return null;
  const { logger } = deps;
  const service = guardService(deps.service, {
    access: { workspaces: d.allowedGuilds, channels: d.allowedChannels },
    limiter: createRateLimiter(DEFAULT_RATE_LIMIT),
    onRefused: (o, reason) => logger.info('refused', { reason, guild: o.workspace, channel: o.channel, user: o.user }),
  });
  let adapter: ChatAdapter | null = null;
  const load = async () =>
    (adapter ??= (await import('./discord.js')).createDiscordAdapter({
      config: d,
      service,
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

/** Builds the Discord adapter from config for the composition root: guarded service, shared feedback log. */
import type { App } from '../../app.js';
import { createBot } from '../../bot.js';
import type { Config, DiscordConfig } from '../../config.js';
import { guardService } from '../../core/access.js';
import type { ChatAdapter } from '../../core/port.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from '../../core/rate-limit.js';
import { createDiscordAdapter } from './discord.js';

export { registerCommands, checkedPayload } from './register.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function discordAdapter(config: Config & { discord: DiscordConfig }, app: App, log: (line: string) => void): ChatAdapter {
  const d = config.discord;
  const service = guardService(createBot({ knowledge: () => app.knowledge }), {
    access: { workspaces: d.allowedGuilds, channels: d.allowedChannels },
    limiter: createRateLimiter(DEFAULT_RATE_LIMIT),
    onRefused: (o, reason) => log(`Discord: 거절 (${reason}) guild=${o.workspace ?? '-'} channel=${o.channel ?? '-'} user=${o.user ?? '-'}`),
  });
  return createDiscordAdapter({
    config: d,
    service,
    knowledge: () => app.knowledge,
    feedback: app.store.feedback,
    log: (level, message) => {
      if (LEVELS.indexOf(level) >= LEVELS.indexOf(config.logLevel)) log(message);
    },
  });
}

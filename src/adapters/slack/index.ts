/**
 * Slack as a chat platform for `start`: null when no Slack variable is set. Bolt is imported on start only, so
 * every other command (ingest, ask, the console) does not pay for loading it.
 */
import { aboutKnowledge } from '../../core/about.js';
import type { ChatAdapter } from '../../core/port.js';
import type { AdapterDeps, ChatPlatform } from '../index.js';
import type { SlackAdapter } from './app.js';

export function slackAdapterFromConfig(deps: AdapterDeps): ChatAdapter | null {
  const config = deps.config.slack;
  if (!config) return null;
  let adapter: SlackAdapter | null = null;
  const load = async () =>
    (adapter ??= (await import('./app.js')).createSlackAdapter({
      config,
      service: deps.service,
      feedback: deps.feedback,
      about: () => aboutKnowledge(deps.knowledge()),
      log: deps.logger,
      now: () => deps.clock.now(),
      libraryLogLevel: deps.config.logLevel === 'debug' ? 'debug' : 'warn',
    }));
  return {
    platform: 'slack',
    start: async () => (await load()).start(),
    stop: async () => adapter?.stop(),
    post: async (target, reply) => (await load()).post(target, reply),
  };
}

export const slackPlatform: ChatPlatform = { name: 'slack', fromConfig: slackAdapterFromConfig };

/**
 * The chat platforms `start` can run. Each entry returns its adapter when the config enables that platform and
 * null otherwise, so a platform plugs in with one line here; with none configured, `start` opens the console.
 */
import type { Config } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { AnsweringService } from '../core/inbound.js';
import type { Knowledge } from '../core/knowledge.js';
import type { FeedbackLog } from '../store/feedback.js';
import { discordAdapterFromConfig } from './discord/index.js';
import type { ChatAdapter } from '../core/port.js';
import type { Logger } from '../logger.js';
import { slackPlatform } from './slack/index.js';

export interface AdapterDeps {
  config: Config;
  service: AnsweringService;
  /** Already a child logger for the platform (`[slack]`). */
  logger: Logger;
  clock: Clock;
  /** The current knowledge (autocomplete reads its index). */
  knowledge: () => Knowledge;
  /** The one feedback log for every platform (👍/👎). */
  feedback: FeedbackLog;
}

export interface ChatPlatform {
  name: 'slack' | 'discord';
  fromConfig(deps: AdapterDeps): ChatAdapter | null;
}

export const CHAT_PLATFORMS: readonly ChatPlatform[] = [
  slackPlatform,
  { name: 'discord', fromConfig: discordAdapterFromConfig },
];

/** The configured chat adapters, each with its own child logger. */
export function chatAdapters(
  deps: Omit<AdapterDeps, 'logger'> & { logger: Logger },
  platforms: readonly ChatPlatform[] = CHAT_PLATFORMS,
): ChatAdapter[] {
  return platforms.flatMap((p) => p.fromConfig({ ...deps, logger: deps.logger.child({ adapter: p.name }) }) ?? []);
}

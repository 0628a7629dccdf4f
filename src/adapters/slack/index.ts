/** The Slack adapter built from config for `start`: null when no Slack variable is set. */
import { aboutKnowledge } from '../../core/about.js';
import type { Config } from '../../config.js';
import type { AnsweringService } from '../../core/inbound.js';
import type { Knowledge } from '../../core/knowledge.js';
import type { ProjectStore } from '../../store/store.js';
import { createSlackAdapter, type SlackAdapter } from './app.js';
import type { SlackLog } from './context.js';

export interface SlackFromConfig {
  config: Config;
  service: AnsweringService;
  store: ProjectStore;
  knowledge: () => Knowledge;
  log: SlackLog;
}

export function slackAdapterFromConfig(deps: SlackFromConfig): SlackAdapter | null {
  if (!deps.config.slack) return null;
  return createSlackAdapter({
    config: deps.config.slack,
    service: deps.service,
    feedback: deps.store.feedback,
    about: () => aboutKnowledge(deps.knowledge()),
    log: deps.log,
    libraryLogLevel: deps.config.logLevel === 'debug' ? 'debug' : 'warn',
  });
}

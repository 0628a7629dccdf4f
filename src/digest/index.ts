/** Wiring of the digest parts from the configuration: what the CLI and the composition root call. */
import type { Config } from '../config.js';
import type { ChatAdapter } from '../core/port.js';
import type { ProjectStore } from '../store/store.js';
import type { RetryPolicy } from './deliver.js';
import { DigestScheduler } from './schedule.js';
import { DigestService } from './service.js';
import { SubscriptionStore } from './subscriptions.js';

export interface DigestWiring {
  service: DigestService;
  /** Null when no chat adapter can post (the CLI): nothing is scheduled in this process. */
  scheduler: DigestScheduler | null;
}

export function createDigests(
  config: Pick<Config, 'timeZone' | 'admins' | 'digest'>,
  store: ProjectStore,
  options: { adapters?: ChatAdapter[]; now?: () => Date; log?: (line: string) => void; retry?: RetryPolicy } = {},
): DigestWiring {
  const now = options.now ?? (() => new Date());
  const subscriptions = new SubscriptionStore(store);
  const adapters = options.adapters ?? [];
  const scheduler = adapters.length
    ? new DigestScheduler({
        store,
        subscriptions,
        adapters,
        now,
        timeZone: config.timeZone,
        graceMs: config.digest.graceMinutes * 60_000,
        staleDays: config.digest.staleDays,
        retry: options.retry,
        log: options.log,
      })
    : null;
  const settings = { admins: config.admins, timeZone: config.timeZone, staleDays: config.digest.staleDays };
  return { service: new DigestService(store, subscriptions, settings, now, scheduler), scheduler };
}

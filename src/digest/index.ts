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
  /** The scheduler over the adapters that can post; `digest send` goes through it from then on. */
  schedule(adapters: ChatAdapter[]): DigestScheduler;
  /** Set when `schedule` ran (or `adapters` were given to createDigests). */
  scheduler: DigestScheduler | null;
}

export function createDigests(
  config: Pick<Config, 'timeZone' | 'admins' | 'digest'>,
  store: ProjectStore,
  options: { adapters?: ChatAdapter[]; now?: () => Date; log?: (line: string) => void; retry?: RetryPolicy } = {},
): DigestWiring {
  const now = options.now ?? (() => new Date());
  const subscriptions = new SubscriptionStore(store);
  const settings = { admins: config.admins, timeZone: config.timeZone, staleDays: config.digest.staleDays };
  const service = new DigestService(store, subscriptions, settings, now);
  const wiring: DigestWiring = {
    service,
    scheduler: null,
    schedule(adapters) {
      const scheduler = new DigestScheduler({
        store,
        subscriptions,
        adapters,
        now,
        timeZone: config.timeZone,
        graceMs: config.digest.graceMinutes * 60_000,
        staleDays: config.digest.staleDays,
        retry: options.retry,
        log: options.log,
      });
      service.attach(scheduler);
      wiring.scheduler = scheduler;
      return scheduler;
    },
  };
  if (options.adapters?.length) wiring.schedule(options.adapters);
  return wiring;
}

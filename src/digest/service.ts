/** What the digest command needs: compose now, manage subscriptions, send one now. Platform-free. */
import type { Origin } from '../core/inbound.js';
import type { Reply } from '../core/reply.js';
import type { ProjectStore } from '../store/store.js';
import { composeDigest, type Digest } from './compose.js';
import type { DeliveryOutcome } from './deliver.js';
import { cronPattern, type DigestScheduler } from './schedule.js';
import { digestReply } from './reply.js';
import { Cron } from 'croner';
import type { ChannelKey, Delivery, NewSubscription, Subscription, SubscriptionStore } from './subscriptions.js';

export interface DigestSettings {
  /** DAMDANG_ADMINS: platform user ids allowed to subscribe, unsubscribe, send now and list every channel's subscriptions. */
  admins: readonly string[];
  timeZone: string;
  staleDays: number;
}

export interface SubscriptionView {
  subscription: Subscription;
  recent: Delivery[];
  missed: number;
  interrupted: number;
  next: Date | null;
}

export class DigestService {
  constructor(
    private readonly store: ProjectStore,
    readonly subscriptions: SubscriptionStore,
    readonly settings: DigestSettings,
    private readonly now: () => Date,
    private scheduler: DigestScheduler | null = null,
    /** The real instant: documents are stamped with it when read, whatever day --today pins. */
    private readonly readingClock: () => Date = () => new Date(),
  ) {}

  /** The scheduler of a process that posts to chat platforms (the bot), once its adapters run. */
  attach(scheduler: DigestScheduler | null): void {
    this.scheduler = scheduler;
  }

  /**
   * The digest as of `today`; changes are documents read in the `days` up to now. Reading times are real instants,
   * so the window is too: a digest replayed with --today 2025-03-01 still shows the sheet re-read a minute ago.
   */
  compose(scope: string | null, days: number, today: string): { digest: Digest; reply: Reply } {
    const until = this.readingClock();
    const digest = composeDigest(this.store, {
      today,
      days,
      scope,
      staleDays: this.settings.staleDays,
      since: new Date(until.getTime() - days * 86_400_000),
      until,
    });
    return { digest, reply: digestReply(digest) };
  }

  isAdmin(origin: Origin | undefined): boolean {
    return !!origin?.user && this.settings.admins.includes(origin.user);
  }

  subscribe(s: NewSubscription): Subscription {
    const sub = this.subscriptions.add(s, this.now());
    this.scheduler?.refresh();
    return sub;
  }

  unsubscribe(id: number): boolean {
    const ok = this.subscriptions.deactivate(id);
    if (ok) this.scheduler?.refresh();
    return ok;
  }

  /** Every active subscription, or those of one channel. */
  list(channel?: ChannelKey): SubscriptionView[] {
    return this.subscriptions.active(channel).map((subscription) => ({
      subscription,
      recent: this.subscriptions.deliveries(subscription.id, 3),
      missed: this.subscriptions.count(subscription.id, 'missed'),
      interrupted: this.subscriptions.count(subscription.id, 'interrupted'),
      next: new Cron(cronPattern(subscription), { timezone: this.settings.timeZone }).nextRun(this.now()),
    }));
  }

  /** Starts a send outside the schedule; null when no scheduler runs in this process (the CLI). */
  send(id: number): Promise<DeliveryOutcome | null> | null {
    return this.scheduler ? this.scheduler.sendNow(id) : null;
  }
}

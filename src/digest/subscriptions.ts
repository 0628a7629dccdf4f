/**
 * Digest subscriptions and their deliveries, in the store's SQLite file (tables from the last migration).
 * A scheduled slot is claimed with one INSERT before anything is posted: the UNIQUE (subscription, slot) row is
 * what makes "never twice" hold across restarts.
 */
import type Database from 'better-sqlite3';
import type { Platform } from '../core/inbound.js';
import type { PostTarget } from '../core/port.js';
import type { ProjectStore } from '../store/store.js';

export type Cadence = 'weekly' | 'daily';
export type DeliveryStatus = 'sending' | 'sent' | 'missed' | 'failed' | 'interrupted';

/** What `digest subscribe` asks for. */
export interface NewSubscription {
  cadence: Cadence;
  /** Cron day-of-week field: "1" (Monday) … "0" (Sunday), "*" or "1-5". */
  days: string;
  /** HH:MM in the configured time zone. */
  time: string;
  scope: string | null;
  target: PostTarget;
  createdBy: string | null;
}

/** A stored subscription: what was asked for, and how its last delivery went. */
export interface Subscription extends NewSubscription {
  id: number;
  createdAt: string;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface Delivery {
  id: number;
  subscriptionId: number;
  /** ISO time of the scheduled run, or "manual:<ISO>" for `digest send`. */
  slot: string;
  status: DeliveryStatus;
  late: boolean;
  attempts: number;
  parts: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

interface SubscriptionRow {
  id: number;
  cadence: Cadence;
  days: string;
  time: string;
  scope: string | null;
  platform: Platform;
  workspace: string | null;
  channel: string;
  thread: string | null;
  created_by: string | null;
  created_at: string;
  last_error: string | null;
  last_error_at: string | null;
}

interface DeliveryRow {
  id: number;
  subscription_id: number;
  slot: string;
  status: DeliveryStatus;
  late: number;
  attempts: number;
  parts: number;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

export class SubscriptionStore {
  private readonly db: Database.Database;

  constructor(store: ProjectStore) {
    this.db = store.connection;
  }

  add(s: NewSubscription, now: Date): Subscription {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO digest_subscriptions (cadence, days, time, scope, platform, workspace, channel, thread, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          s.cadence,
          s.days,
          s.time,
          s.scope,
          s.target.platform,
          s.target.workspace,
          s.target.channel,
          s.target.thread ?? null,
          s.createdBy,
          now.toISOString(),
        ).lastInsertRowid,
    );
    return this.get(id)!;
  }

  /** Active subscriptions only; an unsubscribed one keeps its history but is never run again. */
  get(id: number): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM digest_subscriptions WHERE id = ? AND active = 1').get(id) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : undefined;
  }

  active(): Subscription[] {
    const rows = this.db.prepare('SELECT * FROM digest_subscriptions WHERE active = 1 ORDER BY id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  deactivate(id: number): boolean {
    return this.db.prepare('UPDATE digest_subscriptions SET active = 0 WHERE id = ? AND active = 1').run(id).changes > 0;
  }

  setError(id: number, error: string | null, at: Date): void {
    this.db
      .prepare('UPDATE digest_subscriptions SET last_error = ?, last_error_at = ? WHERE id = ?')
      .run(error, error ? at.toISOString() : null, id);
  }

  /** Claims a slot; false when any process already claimed (or recorded) it. */
  claim(subscriptionId: number, slot: string, status: 'sending' | 'missed', late: boolean, now: Date): number | null {
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO digest_deliveries (subscription_id, slot, status, late, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(subscriptionId, slot, status, late ? 1 : 0, now.toISOString(), status === 'missed' ? now.toISOString() : null);
    return r.changes > 0 ? Number(r.lastInsertRowid) : null;
  }

  finish(
    deliveryId: number,
    outcome: { status: 'sent' | 'failed'; attempts: number; parts: number; error: string | null },
    now: Date,
  ): void {
    this.db
      .prepare('UPDATE digest_deliveries SET status = ?, attempts = ?, parts = ?, error = ?, finished_at = ? WHERE id = ?')
      .run(outcome.status, outcome.attempts, outcome.parts, outcome.error, now.toISOString(), deliveryId);
  }

  /**
   * Sends a previous process started and never finished: whether the post arrived is unknown, so they are
   * marked for `digest list` rather than sent again.
   */
  markInterrupted(now: Date): number {
    return this.db
      .prepare(
        `UPDATE digest_deliveries SET status = 'interrupted', finished_at = ?,
           error = '전송 중 프로그램이 멈췄습니다: 도착 여부를 확인하세요' WHERE status = 'sending'`,
      )
      .run(now.toISOString()).changes;
  }

  /** The latest scheduled slot recorded for a subscription (any outcome): scheduling resumes after it. */
  lastSlot(subscriptionId: number): string | null {
    const row = this.db
      .prepare(
        "SELECT MAX(slot) AS slot FROM digest_deliveries WHERE subscription_id = ? AND slot NOT LIKE 'manual:%'",
      )
      .get(subscriptionId) as { slot: string | null };
    return row.slot;
  }

  /** When the last digest that reached the channel was composed: changes are reported since then. */
  lastSentAt(subscriptionId: number): string | null {
    const row = this.db
      .prepare("SELECT MAX(started_at) AS at FROM digest_deliveries WHERE subscription_id = ? AND status = 'sent'")
      .get(subscriptionId) as { at: string | null };
    return row.at;
  }

  deliveries(subscriptionId: number, limit = 5): Delivery[] {
    const rows = this.db
      .prepare('SELECT * FROM digest_deliveries WHERE subscription_id = ? ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(subscriptionId, limit) as DeliveryRow[];
    return rows.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      slot: r.slot,
      status: r.status,
      late: r.late === 1,
      attempts: r.attempts,
      parts: r.parts,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      error: r.error,
    }));
  }

  count(subscriptionId: number, status: DeliveryStatus): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM digest_deliveries WHERE subscription_id = ? AND status = ?')
        .get(subscriptionId, status) as { n: number }
    ).n;
  }
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    cadence: r.cadence,
    days: r.days,
    time: r.time,
    scope: r.scope,
    target: { platform: r.platform, workspace: r.workspace, channel: r.channel, thread: r.thread ?? undefined },
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
  };
}

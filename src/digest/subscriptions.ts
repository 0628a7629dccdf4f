/**
 * Digest subscriptions and their deliveries, in the store's SQLite file (tables from the last migration).
 * A scheduled slot is claimed with one INSERT before anything is posted: the UNIQUE (subscription, slot) row is
 * what makes "never twice" hold across restarts. The parts of a digest are stored with the claim, and each
 * part's post is journalled (see `beginPart`), so a restart resumes a digest cut off mid-way.
 */
import type Database from 'better-sqlite3';
import type { Platform } from '../core/inbound.js';
import type { PostTarget } from '../core/port.js';
import type { Reply } from '../core/reply.js';
import type { ProjectStore } from '../store/store.js';

export type Cadence = 'weekly' | 'daily';
export type DeliveryStatus = 'sending' | 'sent' | 'missed' | 'failed' | 'interrupted';

/** One channel of one platform: whose subscriptions a non-admin's `digest list` shows. */
export interface ChannelKey {
  platform: Platform;
  workspace: string | null;
  channel: string;
}

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

export type PartStatus = 'pending' | 'posting' | 'posted' | 'unknown';

/** One part of a digest as stored for posting. */
export interface PlannedPart {
  index: number;
  reply: Reply;
}

export interface DeliveryPart {
  index: number;
  status: PartStatus;
  attempts: number;
  messageId: string | null;
  postedAt: string | null;
  error: string | null;
}

/** A delivery still 'sending': under way here or in another process, or left by one that died. */
export interface UnfinishedDelivery {
  id: number;
  subscriptionId: number;
  slot: string;
  /** host:pid of the process sending it (null: a version that kept none). */
  owner: string | null;
  startedAt: string;
  /** ISO time of its last recorded step: the claim, or a part's latest attempt or post. */
  lastActivity: string;
  /** Parts stored with the claim (0: a version that kept none), and how many were posted. */
  parts: number;
  posted: number;
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

  /** Active subscriptions; with `channel`, only those posting to that channel (what a non-admin may see). */
  active(channel?: ChannelKey): Subscription[] {
    const rows = (
      channel
        ? this.db
            .prepare(
              'SELECT * FROM digest_subscriptions WHERE active = 1 AND platform = ? AND workspace IS ? AND channel = ? ORDER BY id',
            )
            .all(channel.platform, channel.workspace, channel.channel)
        : this.db.prepare('SELECT * FROM digest_subscriptions WHERE active = 1 ORDER BY id').all()
    ) as SubscriptionRow[];
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

  /**
   * Claims a slot; null when any process already claimed (or recorded) it. A send's parts, as composed, are
   * stored in the same transaction: a 'sending' row without parts is one of a version that kept none.
   */
  claim(
    subscriptionId: number,
    slot: string,
    status: 'sending' | 'missed',
    late: boolean,
    now: Date,
    plan: { parts: Reply[]; owner: string } | null = null,
  ): number | null {
    return this.db.transaction(() => {
      const r = this.db
        .prepare(
          `INSERT OR IGNORE INTO digest_deliveries (subscription_id, slot, status, late, started_at, finished_at, owner)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          subscriptionId,
          slot,
          status,
          late ? 1 : 0,
          now.toISOString(),
          status === 'missed' ? now.toISOString() : null,
          plan?.owner ?? null,
        );
      if (r.changes === 0) return null;
      const id = Number(r.lastInsertRowid);
      const part = this.db.prepare('INSERT INTO digest_parts (delivery_id, part, reply_json) VALUES (?, ?, ?)');
      plan?.parts.forEach((reply, i) => part.run(id, i, JSON.stringify(reply)));
      return id;
    }).immediate();
  }

  finish(
    deliveryId: number,
    outcome: { status: 'sent' | 'failed' | 'missed'; attempts: number; parts: number; error: string | null },
    now: Date,
  ): void {
    this.db
      .prepare('UPDATE digest_deliveries SET status = ?, attempts = ?, parts = ?, error = ?, finished_at = ? WHERE id = ?')
      .run(outcome.status, outcome.attempts, outcome.parts, outcome.error, now.toISOString(), deliveryId);
  }

  /** Deliveries left 'sending': a process's sends under way, or those of a process that died. */
  unfinished(): UnfinishedDelivery[] {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.subscription_id, d.slot, d.owner, d.started_at,
                COUNT(p.part) AS total,
                COALESCE(SUM(p.status = 'posted'), 0) AS posted,
                MAX(d.started_at, COALESCE(MAX(p.attempted_at), ''), COALESCE(MAX(p.posted_at), '')) AS last_activity
         FROM digest_deliveries d LEFT JOIN digest_parts p ON p.delivery_id = d.id
         WHERE d.status = 'sending' GROUP BY d.id ORDER BY d.id`,
      )
      .all() as Array<{
      id: number;
      subscription_id: number;
      slot: string;
      owner: string | null;
      started_at: string;
      total: number;
      posted: number;
      last_activity: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      slot: r.slot,
      owner: r.owner,
      startedAt: r.started_at,
      lastActivity: r.last_activity,
      parts: r.total,
      posted: r.posted,
    }));
  }

  /** Makes `owner` the sender of an unfinished delivery; false when another process took it first. */
  takeOver(deliveryId: number, from: string | null, owner: string): boolean {
    return (
      this.db
        .prepare("UPDATE digest_deliveries SET owner = ? WHERE id = ? AND status = 'sending' AND owner IS ?")
        .run(owner, deliveryId, from).changes > 0
    );
  }

  /**
   * A send of a version that kept no parts, cut off by a restart: whether its post arrived is unknown, so it is
   * marked for `digest list` rather than sent again.
   */
  interrupt(deliveryId: number, now: Date): void {
    this.db
      .prepare(
        `UPDATE digest_deliveries SET status = 'interrupted', finished_at = ?,
           error = '전송 중 프로그램이 멈췄습니다: 도착 여부를 확인하세요' WHERE id = ? AND status = 'sending'`,
      )
      .run(now.toISOString(), deliveryId);
  }

  /** Parts whose post was under way when their process died become 'unknown': never sent again. */
  settleInFlight(deliveryId: number): number[] {
    const rows = this.db
      .prepare("UPDATE digest_parts SET status = 'unknown' WHERE delivery_id = ? AND status = 'posting' RETURNING part")
      .all(deliveryId) as Array<{ part: number }>;
    return rows.map((r) => r.part).sort((a, b) => a - b);
  }

  /** The parts not yet posted, in order. */
  pendingParts(deliveryId: number): PlannedPart[] {
    const rows = this.db
      .prepare("SELECT part, reply_json FROM digest_parts WHERE delivery_id = ? AND status = 'pending' ORDER BY part")
      .all(deliveryId) as Array<{ part: number; reply_json: string }>;
    return rows.map((r) => ({ index: r.part, reply: JSON.parse(r.reply_json) as Reply }));
  }

  /**
   * Marks a part 'posting', committed before its post is attempted; false when it is no longer pending
   * (another process took it). What a restart finds 'posting' is the one post whose fate is unknown.
   */
  beginPart(deliveryId: number, part: number, now: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE digest_parts SET status = 'posting', attempts = attempts + 1, attempted_at = ?
           WHERE delivery_id = ? AND part = ? AND status = 'pending'`,
        )
        .run(now.toISOString(), deliveryId, part).changes > 0
    );
  }

  /** The attempt failed (the platform answered with an error, or the request never went out): pending again. */
  partFailed(deliveryId: number, part: number, error: string): void {
    this.db
      .prepare("UPDATE digest_parts SET status = 'pending', error = ? WHERE delivery_id = ? AND part = ? AND status = 'posting'")
      .run(error, deliveryId, part);
  }

  /** The platform accepted the post: committed before the next part is begun, never posted again. */
  partPosted(deliveryId: number, part: number, messageId: string | null, now: Date): void {
    this.db
      .prepare(
        `UPDATE digest_parts SET status = 'posted', message_id = ?, posted_at = ?, error = NULL
         WHERE delivery_id = ? AND part = ?`,
      )
      .run(messageId, now.toISOString(), deliveryId, part);
  }

  /** The parts of a delivery, in order, with how each went (not their text). */
  parts(deliveryId: number): DeliveryPart[] {
    const rows = this.db
      .prepare(
        `SELECT part, status, attempts, message_id, posted_at, error FROM digest_parts
         WHERE delivery_id = ? ORDER BY part`,
      )
      .all(deliveryId) as Array<{
      part: number;
      status: PartStatus;
      attempts: number;
      message_id: string | null;
      posted_at: string | null;
      error: string | null;
    }>;
    return rows.map((r) => ({
      index: r.part,
      status: r.status,
      attempts: r.attempts,
      messageId: r.message_id,
      postedAt: r.posted_at,
      error: r.error,
    }));
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

/**
 * The digest scheduler. croner evaluates each subscription's pattern in the configured time zone and wakes the
 * process at run times; what is due is decided from the stored slots and an injectable clock, so a restart
 * (or a test) replays exactly: the newest missed slot within the grace period is sent once, marked late;
 * older ones are recorded as missed; a slot already claimed is never sent again.
 */
import { Cron } from 'croner';
import type { ChatAdapter } from '../core/port.js';
import { type Reply, text } from '../core/reply.js';
import type { ProjectStore } from '../store/store.js';
import { composeDigest, DEFAULT_DIGEST_DAYS } from './compose.js';
import { DEFAULT_RETRY, type DeliveryOutcome, deliver, type RetryPolicy } from './deliver.js';
import { digestReply } from './reply.js';
import type { Subscription, SubscriptionStore } from './subscriptions.js';

export interface SchedulerOptions {
  store: ProjectStore;
  subscriptions: SubscriptionStore;
  adapters: ChatAdapter[];
  now: () => Date;
  timeZone: string;
  /** A run missed by at most this long (a restart, a sleeping laptop) is still sent, marked late. */
  graceMs: number;
  staleDays: number;
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

/** A run later than this after its slot says so in the digest. */
const ON_TIME_MS = 60_000;
/** A subscription asleep for years does not enumerate every missed slot. */
const MAX_SLOTS_PER_TICK = 400;

export function cronPattern(s: Pick<Subscription, 'days' | 'time'>): string {
  const [hh, mm] = s.time.split(':').map(Number);
  return `${mm} ${hh} * * ${s.days}`;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function dateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export class DigestScheduler {
  private jobs: Cron[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly log: (line: string) => void;

  constructor(private readonly o: SchedulerOptions) {
    this.log = o.log ?? (() => {});
  }

  /** Marks a previous process's unfinished sends, catches up on missed slots and arms one timer per subscription. */
  async start(): Promise<void> {
    const interrupted = this.o.subscriptions.markInterrupted(this.o.now());
    if (interrupted) this.log(`digest: 이전 실행에서 끝나지 않은 전송 ${interrupted}건을 '중단됨'으로 기록했습니다`);
    this.arm();
    await this.tick();
  }

  stop(): void {
    this.disarm();
    this.armed = false;
  }

  /** Re-reads the subscriptions (after subscribe/unsubscribe) and re-arms the timers of a started scheduler. */
  refresh(): void {
    if (!this.armed) return;
    this.disarm();
    this.arm();
  }

  private armed = false;

  private disarm(): void {
    for (const j of this.jobs) j.stop();
    this.jobs = [];
  }

  private arm(): void {
    this.armed = true;
    this.jobs = this.o.subscriptions.active().map(
      (s) =>
        new Cron(
          cronPattern(s),
          { timezone: this.o.timeZone, unref: true, catch: (e) => this.log(`digest: 타이머 오류 ${String(e)}`) },
          () => void this.track(this.tick()),
        ),
    );
  }

  /** Sends what is due now. Each subscription goes on its own: one stuck in retries delays no other. */
  async tick(): Promise<void> {
    await Promise.allSettled(this.o.subscriptions.active().map((s) => this.track(this.runDue(s))));
  }

  /** `digest send`: composes and posts now, outside the schedule. */
  async sendNow(id: number): Promise<DeliveryOutcome | null> {
    const s = this.o.subscriptions.get(id);
    if (!s) return null;
    const now = this.o.now();
    const delivery = this.o.subscriptions.claim(s.id, `manual:${now.toISOString()}`, 'sending', false, now);
    if (delivery === null) return null;
    return this.track(this.send(s, delivery, null));
  }

  /** Resolves when every send started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => {});
    return p;
  }

  private async runDue(s: Subscription): Promise<void> {
    const now = this.o.now();
    const cron = new Cron(cronPattern(s), { timezone: this.o.timeZone });
    const due: Date[] = [];
    let from = new Date(this.o.subscriptions.lastSlot(s.id) ?? s.createdAt);
    for (let next = cron.nextRun(from); next && next <= now && due.length < MAX_SLOTS_PER_TICK; next = cron.nextRun(next)) {
      due.push(next);
      from = next;
    }
    const newest = due.pop();
    for (const slot of due) this.recordMissed(s, slot, now);
    if (!newest) return;
    const lateBy = now.getTime() - newest.getTime();
    if (lateBy > this.o.graceMs) {
      this.recordMissed(s, newest, now);
      return;
    }
    const delivery = this.o.subscriptions.claim(s.id, newest.toISOString(), 'sending', lateBy > ON_TIME_MS, now);
    if (delivery === null) return;
    await this.send(s, delivery, lateBy > ON_TIME_MS ? newest : null);
  }

  private recordMissed(s: Subscription, slot: Date, now: Date): void {
    if (this.o.subscriptions.claim(s.id, slot.toISOString(), 'missed', true, now) !== null)
      this.log(`digest #${s.id}: ${slot.toISOString()} 발송을 놓쳤습니다 (유예 시간 초과) — digest list에 표시`);
  }

  private async send(s: Subscription, deliveryId: number, lateSlot: Date | null): Promise<DeliveryOutcome> {
    const now = this.o.now();
    let outcome: DeliveryOutcome;
    try {
      const adapter = this.o.adapters.find((a) => a.platform === s.target.platform);
      if (!adapter) throw new Error(`${s.target.platform} 어댑터가 실행 중이 아닙니다`);
      const digest = this.compose(s, now, lateSlot);
      outcome = await deliver(adapter, s.target, digest, this.o.retry ?? DEFAULT_RETRY, this.log);
    } catch (err) {
      outcome = { ok: false, attempts: 0, parts: 0, error: (err as Error).message.slice(0, 200) };
    }
    const done = this.o.now();
    this.o.subscriptions.finish(
      deliveryId,
      { status: outcome.ok ? 'sent' : 'failed', attempts: outcome.attempts, parts: outcome.parts, error: outcome.error },
      done,
    );
    this.o.subscriptions.setError(s.id, outcome.ok ? null : outcome.error, done);
    if (!outcome.ok) this.log(`digest #${s.id}: ${s.target.platform}/${s.target.channel} 전송 실패 — ${outcome.error}`);
    return outcome;
  }

  compose(s: Subscription, now: Date, lateSlot: Date | null = null): Reply {
    const since = new Date(this.o.subscriptions.lastSentAt(s.id) ?? s.createdAt);
    const digest = composeDigest(this.o.store, {
      today: dateIn(this.o.timeZone, now),
      days: s.cadence === 'daily' ? 1 : DEFAULT_DIGEST_DAYS,
      scope: s.scope,
      staleDays: this.o.staleDays,
      since,
      until: now,
    });
    const r = digestReply(digest, s.cadence === 'daily' ? '일일 요약' : '주간 요약');
    if (!lateSlot) return r;
    const at = new Intl.DateTimeFormat('ko-KR', { timeZone: this.o.timeZone, dateStyle: 'short', timeStyle: 'short' });
    return { ...r, title: `[늦은 발송] ${r.title}`, blocks: [text(`예정 시각 ${at.format(lateSlot)}보다 늦게 보냅니다.`), ...r.blocks] };
  }
}

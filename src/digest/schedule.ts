/**
 * The digest scheduler. croner evaluates each subscription's pattern in the configured time zone and wakes the
 * process at run times; what is due is decided from the stored slots and an injectable clock, so a restart
 * (or a test) replays exactly: the newest missed slot within the grace period is sent once, marked late;
 * older ones are recorded as missed; a slot already claimed is never sent again.
 *
 * A digest is composed and split before its slot is claimed, and its parts are stored with the claim; each
 * part's post is journalled before and after (SubscriptionStore.beginPart). A process killed part-way leaves
 * its delivery 'sending': the next start resumes it from the first part not posted when the restart comes
 * within the grace period of its last step, and records it as missed otherwise. The part whose post was under
 * way at the kill is the one whose fate is unknown; it is not posted again (at most once): its request had
 * almost always reached the platform already (the time a post is under way is the wait for the platform's
 * answer), a second copy cannot be taken back, and a part left out is named in `digest list` and the log.
 */
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { ChatAdapter } from '../core/port.js';
import { type Reply, text } from '../core/reply.js';
import type { ProjectStore } from '../store/store.js';
import { composeDigest, DEFAULT_DIGEST_DAYS } from './compose.js';
import { DEFAULT_RETRY, type DeliveryOutcome, deliverParts, partBudget, type PartJournal, type RetryPolicy, splitReply } from './deliver.js';
import { digestReply } from './reply.js';
import type { Subscription, SubscriptionStore, UnfinishedDelivery } from './subscriptions.js';

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

/** Deliveries this process is posting now (any scheduler in it): a restart in the same process resumes none of them. */
const POSTING_HERE = new Set<number>();
const HOST = hostname();
const OWNER = `${HOST}:${process.pid}`;

/** Whether the process that owns a delivery still runs (same host: its pid answers signal 0). */
function ownerAlive(owner: string | null, deliveryId: number): boolean {
  if (!owner) return false;
  const cut = owner.lastIndexOf(':');
  const [host, pid] = [owner.slice(0, cut), Number(owner.slice(cut + 1))];
  // SQLite's WAL needs every process on one host: an owner elsewhere is a file copied from another machine.
  if (host !== HOST || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return POSTING_HERE.has(deliveryId);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DigestScheduler {
  private jobs: Cron[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly log: (line: string) => void;
  private stopping = false;

  constructor(private readonly o: SchedulerOptions) {
    this.log = o.log ?? (() => {});
  }

  /**
   * Resumes or records what a previous process left unfinished, catches up on missed slots and arms one timer
   * per subscription.
   */
  async start(): Promise<void> {
    this.stopping = false;
    await this.recover();
    this.arm();
    await this.tick();
  }

  /** Disarms the timers; a send under way posts no further part (a restart resumes it). */
  stop(): void {
    this.stopping = true;
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
    return this.track(this.send(s, `manual:${this.o.now().toISOString()}`, null));
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
    await this.send(s, newest.toISOString(), lateBy > ON_TIME_MS ? newest : null);
  }

  private recordMissed(s: Subscription, slot: Date, now: Date): void {
    if (this.o.subscriptions.claim(s.id, slot.toISOString(), 'missed', true, now) !== null)
      this.log(`digest #${s.id}: ${slot.toISOString()} 발송을 놓쳤습니다 (유예 시간 초과) — digest list에 표시`);
  }

  /**
   * Composes and splits the digest, claims the slot with its parts, then posts them. Null when the slot was
   * already claimed (by this or another process).
   */
  private async send(s: Subscription, slot: string, lateSlot: Date | null): Promise<DeliveryOutcome | null> {
    const now = this.o.now();
    let parts: Reply[] = [];
    let error: string | null = null;
    try {
      if (!this.adapterFor(s)) throw new Error(`${s.target.platform} 어댑터가 실행 중이 아닙니다`);
      parts = splitReply(this.compose(s, now, lateSlot), partBudget(s.target.platform));
    } catch (err) {
      error = (err as Error).message.slice(0, 200);
    }
    const deliveryId = this.o.subscriptions.claim(s.id, slot, 'sending', lateSlot !== null, now, { parts, owner: OWNER });
    if (deliveryId === null) return null;
    if (error !== null) return this.settle(s, deliveryId, { ok: false, attempts: 0, parts: 0, error });
    return this.post(s, deliveryId);
  }

  /** Posts a claimed delivery's pending parts and records how it ended (unless stopped part-way). */
  private async post(s: Subscription, deliveryId: number): Promise<DeliveryOutcome> {
    const subs = this.o.subscriptions;
    POSTING_HERE.add(deliveryId);
    try {
      const adapter = this.adapterFor(s);
      if (!adapter) return this.settle(s, deliveryId, { ok: false, attempts: 0, parts: 0, error: `${s.target.platform} 어댑터가 실행 중이 아닙니다` });
      const journal: PartJournal = {
        begin: (i) => subs.beginPart(deliveryId, i, this.o.now()),
        posted: (i, messageId) => subs.partPosted(deliveryId, i, messageId, this.o.now()),
        failed: (i, error) => subs.partFailed(deliveryId, i, error),
      };
      let error: string | null;
      let stopped = false;
      try {
        const r = await deliverParts(adapter, s.target, subs.pendingParts(deliveryId), journal, {
          policy: this.o.retry ?? DEFAULT_RETRY,
          log: this.log,
          stopping: () => this.stopping,
        });
        error = r.error;
        stopped = r.stopped;
      } catch (err) {
        // A journal write failed: the part in hand stays as recorded ('posting' if its post resolved).
        error = (err as Error).message.slice(0, 200);
      }
      const parts = subs.parts(deliveryId);
      const posted = parts.filter((p) => p.status === 'posted').length;
      const attempts = parts.reduce((n, p) => n + p.attempts, 0);
      if (stopped) {
        const left = parts.length - posted;
        this.log(`digest #${s.id}: ${error ?? '멈추는 중'} — ${parts.length}부 중 ${left}부 남음${error ? '' : ' (다시 시작하면 이어서 보냅니다)'}`);
        return { ok: false, attempts, parts: posted, error: error ?? '멈추는 중이라 나머지를 보내지 않았습니다' };
      }
      const unknown = parts.filter((p) => p.status === 'unknown').map((p) => p.index + 1);
      const ok = error === null && posted + unknown.length === parts.length;
      const note = unknown.length ? `${unknown.join(', ')}/${parts.length}부: 전송 중 프로그램이 멈춰 도착 여부를 알 수 없습니다` : null;
      return this.settle(s, deliveryId, { ok, attempts, parts: posted, error: error ?? note });
    } finally {
      POSTING_HERE.delete(deliveryId);
    }
  }

  private settle(s: Subscription, deliveryId: number, outcome: DeliveryOutcome): DeliveryOutcome {
    const done = this.o.now();
    this.o.subscriptions.finish(
      deliveryId,
      { status: outcome.ok ? 'sent' : 'failed', attempts: outcome.attempts, parts: outcome.parts, error: outcome.error },
      done,
    );
    this.o.subscriptions.setError(s.id, outcome.error, done);
    if (!outcome.ok) this.log(`digest #${s.id}: ${s.target.platform}/${s.target.channel} 전송 실패 — ${outcome.error}`);
    else if (outcome.error) this.log(`digest #${s.id}: ${outcome.error} — 채널에서 확인하세요`);
    return outcome;
  }

  /**
   * What a process that died (or stopped) left 'sending'. A delivery whose owner still runs is left to it; one
   * of a version that kept no parts is marked interrupted; one whose last step is older than the grace period is
   * recorded as missed; the rest are resumed from their first part not posted.
   */
  private async recover(): Promise<void> {
    const subs = this.o.subscriptions;
    const resumed: Array<Promise<unknown>> = [];
    for (const d of subs.unfinished()) {
      if (ownerAlive(d.owner, d.id) || !subs.takeOver(d.id, d.owner, OWNER)) continue;
      const now = this.o.now();
      if (d.parts === 0) {
        subs.interrupt(d.id, now);
        this.log(`digest #${d.subscriptionId}: 이전 실행에서 끝나지 않은 전송을 '중단됨'으로 기록했습니다 (도착 여부 확인 필요)`);
        continue;
      }
      const unknown = subs.settleInFlight(d.id).map((i) => i + 1);
      if (unknown.length)
        this.log(`digest #${d.subscriptionId}: ${unknown.join(', ')}/${d.parts}부는 전송 중 프로그램이 멈춰 도착 여부를 알 수 없어 다시 보내지 않습니다`);
      const s = subs.get(d.subscriptionId);
      const idle = now.getTime() - new Date(d.lastActivity).getTime();
      if (!s || idle > this.o.graceMs) {
        this.recordCutOff(d, s ? `유예 시간이 지나` : '구독이 해지되어', now);
        continue;
      }
      this.log(`digest #${s.id}: 중단된 발송을 이어서 보냅니다 (${d.parts}부 중 ${d.posted}부 보냄)`);
      resumed.push(this.track(this.post(s, d.id)));
    }
    await Promise.allSettled(resumed);
  }

  private recordCutOff(d: UnfinishedDelivery, why: string, now: Date): void {
    const parts = this.o.subscriptions.parts(d.id);
    const posted = parts.filter((p) => p.status === 'posted').length;
    const left = parts.filter((p) => p.status === 'pending').length;
    const error = `${parts.length}부 중 ${posted}부를 보낸 뒤 멈췄고, ${why} 나머지 ${left}부는 보내지 않았습니다`;
    this.o.subscriptions.finish(
      d.id,
      { status: 'missed', attempts: parts.reduce((n, p) => n + p.attempts, 0), parts: posted, error },
      now,
    );
    this.o.subscriptions.setError(d.subscriptionId, error, now);
    this.log(`digest #${d.subscriptionId}: ${error} — digest list에 표시`);
  }

  private adapterFor(s: Subscription): ChatAdapter | undefined {
    return this.o.adapters.find((a) => a.platform === s.target.platform);
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

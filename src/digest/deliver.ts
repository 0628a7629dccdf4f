/**
 * Posting a digest: split to the platform's size, each part retried on rate limits and network failures with
 * exponential backoff that honours Retry-After.
 */
import type { Platform } from '../core/inbound.js';
import { type ChatAdapter, DeliveryError, type PostReceipt, type PostTarget } from '../core/port.js';
import { type Block, type Reply, reply } from '../core/reply.js';
import { DISCORD_LIMITS, renderDiscordCounted } from '../render/discord.js';
import { renderText, TEXT_LIMITS } from '../render/text.js';

/** How much one post may hold, measured the way its platform counts. */
export interface PartBudget {
  maxChars: number;
  size(r: Reply): number;
}

const textBudget = (maxChars: number): PartBudget => ({ maxChars, size: (r) => renderText(r).length });

/**
 * Characters Discord counts against one message's 6,000 across its embeds (title, description, fields, footer);
 * infinite when the renderer had to leave something out, since the size it reaches then is capped, not whole.
 */
export function discordEmbedChars(r: Reply): number {
  const { message, omitted } = renderDiscordCounted(r);
  if (omitted > 0) return Number.POSITIVE_INFINITY;
  return message.embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      e.fields.reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

/** Room renderDiscord keeps for its "… 생략" notice: a part within the rest is shown whole. */
const DISCORD_NOTICE_ROOM = 60;

/**
 * A digest is posted to Discord as embeds, so a part is measured as rendered embeds against Discord's
 * message total; Slack's section text holds 3,000 characters; other ways in (console, CLI) take a whole digest.
 */
const PART_BUDGETS: Partial<Record<Platform, PartBudget>> = {
  discord: { maxChars: DISCORD_LIMITS.embedTotal - DISCORD_NOTICE_ROOM, size: discordEmbedChars },
  slack: textBudget(3000),
};
const DEFAULT_BUDGET = textBudget(12_000);

export function partBudget(platform: Platform): PartBudget {
  return PART_BUDGETS[platform] ?? DEFAULT_BUDGET;
}

/**
 * Splits a reply into parts that fit the budget (a number: rendered text characters). Long lists are cut into
 * runs the renderers show whole (never "… 외 N건" in a digest); the title is repeated with (1/n); sources go
 * with the last part.
 */
export function splitReply(r: Reply, budget: PartBudget | number): Reply[] {
  const { maxChars, size: measure } = typeof budget === 'number' ? textBudget(budget) : budget;
  const blocks = r.blocks.flatMap((b) => (b.type === 'list' ? chunkList(b, maxChars) : [b]));
  const size = (bs: Block[], last: boolean) =>
    measure({ ...r, title: `${r.title} (99/99)`, blocks: bs, ...(last ? {} : { sources: [], suggestions: [] }) });
  const parts: Block[][] = [[]];
  for (const b of blocks) {
    const current = parts.at(-1)!;
    if (current.length > 0 && size([...current, b], false) > maxChars) parts.push([b]);
    else current.push(b);
  }
  // The sources may not fit beside the last part's blocks.
  if (parts.length && size(parts.at(-1)!, true) > maxChars && parts.at(-1)!.length > 1) parts.push([parts.at(-1)!.pop()!]);
  if (parts.length === 1) return [r];
  return parts.map((bs, i) =>
    reply(r.kind, `${r.title} (${i + 1}/${parts.length})`, bs, i === parts.length - 1 ? { sources: r.sources, suggestions: r.suggestions } : {}),
  );
}

function chunkList(b: Extract<Block, { type: 'list' }>, maxChars: number): Block[] {
  const out: Block[] = [];
  let items: string[] = [];
  let chars = b.caption?.length ?? 0;
  for (const raw of b.items) {
    const it = raw.length > maxChars / 2 ? `${raw.slice(0, Math.floor(maxChars / 2))}…` : raw;
    if (items.length && (items.length >= TEXT_LIMITS.listItems || chars + it.length + 6 > maxChars / 2)) {
      out.push({ ...b, items });
      items = [];
      chars = b.caption?.length ?? 0;
    }
    items.push(it);
    chars += it.length + 6;
  }
  out.push({ ...b, items });
  return out.map((x, i) => (i === 0 || x.type !== 'list' ? x : { ...x, caption: x.caption ? `${x.caption} (계속)` : null }));
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 2000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface DeliveryOutcome {
  ok: boolean;
  attempts: number;
  parts: number;
  error: string | null;
}

/**
 * Where the progress of a send is recorded (the store, for a scheduled digest): `begin` before each attempt,
 * then `posted` or `failed`. `begin` answers false when the part is no longer this sender's to post.
 */
export interface PartJournal {
  begin(index: number): boolean;
  posted(index: number, messageId: string | null): void;
  failed(index: number, error: string): void;
}

export interface PartsOutcome {
  ok: boolean;
  attempts: number;
  /** Parts posted by this call. */
  posted: number;
  error: string | null;
  /** Stopped before finishing (the process is shutting down, or another sender took a part): the rest is left pending. */
  stopped: boolean;
}

/**
 * Posts parts in order, each retried under the policy; stops at the first part that still fails. A post that
 * resolved is journalled as posted before the next part begins, and outside the attempt's error handling: a
 * failure to record it can never make the part be posted again.
 */
export async function deliverParts(
  adapter: ChatAdapter,
  target: PostTarget,
  parts: ReadonlyArray<{ index: number; reply: Reply }>,
  journal: PartJournal,
  options: { policy?: RetryPolicy; log?: (line: string) => void; stopping?: () => boolean } = {},
): Promise<PartsOutcome> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const log = options.log ?? (() => {});
  const stopping = options.stopping ?? (() => false);
  let attempts = 0;
  let posted = 0;
  const stopped = (error: string | null = null): PartsOutcome => ({ ok: false, attempts, posted, error, stopped: true });
  for (const part of parts) {
    for (let attempt = 1; ; attempt++) {
      if (stopping()) return stopped();
      if (!journal.begin(part.index)) return stopped(`${part.index + 1}부를 다른 프로세스가 보내고 있습니다`);
      attempts++;
      let receipt: PostReceipt | void;
      try {
        receipt = await adapter.post(target, part.reply);
      } catch (err) {
        const e = err instanceof DeliveryError ? err : null;
        const message = `${(err as Error).message}`.slice(0, 200);
        journal.failed(part.index, message);
        const retryable = e ? e.retryable : true;
        if (!retryable || attempt >= policy.attempts)
          return { ok: false, attempts, posted, error: `${message} (시도 ${attempt}회)`, stopped: false };
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        // The platform's Retry-After is the wait it asked for; otherwise back off exponentially.
        const wait = e?.retryAfterMs ?? backoff;
        log(`digest: ${target.platform}/${target.channel} 전송 실패 (${message}); ${wait} ms 후 다시 시도`);
        await policy.sleep(wait);
        continue;
      }
      journal.posted(part.index, receipt?.messageId ?? null);
      posted++;
      break;
    }
  }
  return { ok: true, attempts, posted, error: null, stopped: false };
}

/** Posts every part of a digest in order, journalled in memory only (nothing to resume). */
export async function deliver(
  adapter: ChatAdapter,
  target: PostTarget,
  digest: Reply,
  policy: RetryPolicy = DEFAULT_RETRY,
  log: (line: string) => void = () => {},
): Promise<DeliveryOutcome> {
  const parts = splitReply(digest, partBudget(target.platform)).map((reply, index) => ({ index, reply }));
  const journal: PartJournal = { begin: () => true, posted: () => {}, failed: () => {} };
  const r = await deliverParts(adapter, target, parts, journal, { policy, log });
  return { ok: r.ok, attempts: r.attempts, parts: r.posted, error: r.error };
}

/**
 * Replies shown with 채널에 공유 or 👍/👎, kept briefly so a click reposts or records exactly the reply the user
 * saw, instead of answering the question again (which for `digest subscribe` would subscribe again, and for any
 * question may differ after a reload). An ephemeral message's content does not come back in a click's payload,
 * so it is kept here, keyed by who saw it, where, and the question the button carries: a payload can only reach
 * replies shown to the same user in the same channel. Bounded and in memory: after a restart or `ttlMs` a click
 * falls back to answering again, read-only questions only.
 */
import type { Origin } from '../../core/inbound.js';
import type { Reply } from '../../core/reply.js';
import { SLACK_LIMITS } from '../../render/slack.js';

export interface ShownReplies {
  remember(origin: Origin, question: string, reply: Reply, nowMs: number): void;
  /** The reply shown to this origin for this question (as a button carries it), or null. */
  recall(origin: Origin, question: string, nowMs: number): Reply | null;
}

export interface ShownRepliesOptions {
  /** How long a reply is kept: long enough for a 👍 a while after reading (default six hours). */
  ttlMs?: number;
  /** Replies kept at most; the oldest go first (default 2,000: a few megabytes). */
  maxEntries?: number;
}

export function shownReplies(options: ShownRepliesOptions = {}): ShownReplies {
  const ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 2_000;
  const kept = new Map<string, { reply: Reply; at: number }>();
  // The button carries the question trimmed and cut to Slack's value limit: the key is what comes back.
  const key = (o: Origin, question: string) =>
    [o.platform, o.workspace ?? '', o.channel ?? '', o.user ?? '', question.trim().slice(0, SLACK_LIMITS.buttonValue).trim()].join('\u0000');
  return {
    remember(origin, question, reply, nowMs) {
      const k = key(origin, question);
      kept.delete(k);
      kept.set(k, { reply, at: nowMs });
      // Map keeps insertion order: the oldest entries go first.
      for (const [old, v] of kept) {
        if (kept.size <= maxEntries && nowMs - v.at < ttlMs) break;
        kept.delete(old);
      }
    },
    recall(origin, question, nowMs) {
      const found = kept.get(key(origin, question));
      return found && nowMs - found.at < ttlMs ? found.reply : null;
    },
  };
}

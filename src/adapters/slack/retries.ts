/**
 * Slack redelivers an event it thinks we missed (HTTP: no 200 within 3 s; Socket Mode: no ack), with the same
 * event_id. Bolt acks events before any middleware runs but does not drop the redelivery, so this does: an
 * event id seen in the last hour is ignored. Bounded; held in memory (a restart forgets, a rare double answer).
 */
export interface SeenEvents {
  /** True the first time an id is offered (within the window). */
  first(id: string, nowMs: number): boolean;
}

export function seenEvents(windowMs = 60 * 60 * 1000, maxIds = 20_000): SeenEvents {
  const seen = new Map<string, number>();
  return {
    first(id, now) {
      const at = seen.get(id);
      if (at !== undefined && now - at < windowMs) return false;
      seen.delete(id);
      seen.set(id, now);
      // Map keeps insertion order: the oldest ids go first.
      for (const [k, t] of seen) {
        if (seen.size <= maxIds && now - t < windowMs) break;
        seen.delete(k);
      }
      return true;
    },
  };
}

/**
 * Answer work in turns: each answer starts in an event-loop turn of its own, so between two answers Node reads
 * the sockets again and acks the requests that arrived meanwhile (acks have Slack's and Discord's 3-second
 * limits; answers do not). A plain setImmediate per answer is not enough: every immediate queued before a
 * check phase runs in that phase, so fifty queued answers would run back to back with no ack between them.
 */
export function answerTurns(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const step = (): void => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    // Scheduled from inside the check phase, so it runs in the next turn, after the poll phase.
    if (scheduled) setImmediate(step);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(step);
      }
    });
}

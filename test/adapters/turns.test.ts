import { describe, expect, it } from 'vitest';
import { answerTurns } from '../../src/adapters/turns.js';

describe('answer turns', () => {
  it('gives each answer an event-loop turn of its own, so callbacks due meanwhile run between answers', async () => {
    const nextTurn = answerTurns();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        await nextTurn();
        order.push(name);
        // Work that came due during answer a (a new request to ack): it must not wait for every queued answer.
        if (name === 'a') setImmediate(() => order.push('due after a'));
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(order.indexOf('due after a')).toBeLessThan(order.indexOf('c'));
    expect(order.filter((o) => o.length === 1)).toEqual(['a', 'b', 'c']);
  });

  it('serves answers queued later too, after the queue ran empty', async () => {
    const nextTurn = answerTurns();
    await nextTurn();
    await expect(Promise.all([nextTurn(), nextTurn()])).resolves.toHaveLength(2);
  });
});

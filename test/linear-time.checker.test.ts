/** The growth checker the linear-time tests rely on tells a quadratic from a linear function. */
import { describe, expect, it } from 'vitest';
import { superLinear } from './linear-time.js';

/** Where the work's result goes, so no compiler can drop the work. */
let sink = 0;

/** A fixed part (the rest of a document) plus work of the given order in n. */
function work(order: 1 | 2): (n: number) => void {
  return (n) => {
    const a = new Uint32Array(1024);
    for (let i = 0; i < 200_000; i++) a[i & 1023]! += i;
    const m = order === 1 ? n * 40 : (n * n) / 10;
    for (let i = 0; i < m; i++) a[(i * 7) & 1023]! ^= i;
    sink ^= a[n & 1023]!;
  };
}

describe('superLinear', () => {
  it('finds a quadratic', () => {
    expect(superLinear(work(2), { n: 2_000 }) ?? '').toMatch(/linear is ×4/);
  }, 60_000);

  it('passes a linear function', () => {
    expect(superLinear(work(1), { n: 2_000 })).toBeNull();
    expect(typeof sink).toBe('number');
  }, 60_000);
});

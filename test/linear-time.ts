/**
 * Does the time a function takes grow in proportion to its input? A regex that backtracks turns a long line into
 * seconds or minutes of ingest; this measures f at size n and 4n and compares. The machine the tests run on is
 * shared and noisy, so the check is a ratio, not a clock: the minimum of a few runs at each size (noise only adds
 * time), a generous bound (linear work gives ×4, quadratic ×16; the bound is ×8), the cost of the input's fixed
 * part subtracted, and a failing measurement taken again before it counts.
 */

export interface Growth {
  /** Milliseconds at size 0 (the fixed part: the rest of a document), n and 4n. */
  base: number;
  small: number;
  large: number;
  n: number;
}

export interface LinearOptions {
  /** Input size to start from; doubled (up to `maxN`) while f takes under `minMillis` at it, so noise is small beside it. */
  n?: number;
  /**
   * Largest n. 4n stays under 64K characters: V8 allocates a longer two-byte string in its large-object space, and
   * every copy of one costs many times more per character (toLowerCase of 128K characters takes 20× that of 64K):
   * a step that no algorithm makes, which a ratio would take for a quadratic.
   */
  maxN?: number;
  minMillis?: number;
  /** Allowed growth of the variable part from n to 4n: linear is 4, quadratic 16. */
  maxRatio?: number;
  /** Milliseconds allowed beyond the ratio, for timer and collector noise. */
  slackMillis?: number;
  reps?: number;
  /** Measurements taken again when one fails the bound (noise spikes, never a real quadratic, pass on a retry). */
  retries?: number;
}

function fastest(f: () => void, reps: number): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Times `run(n)` at sizes 0, n and 4n, interleaved (a slow spell of the machine hits all three), minimum of each. */
export function measureGrowth(run: (n: number) => void, n: number, reps: number): Growth {
  run(n); // warm: compile regexes and functions before the clock starts
  let base = Infinity;
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < reps; i++) {
    base = Math.min(base, fastest(() => run(0), 1));
    small = Math.min(small, fastest(() => run(n), 1));
    if (i < Math.max(1, reps - 1)) large = Math.min(large, fastest(() => run(4 * n), 1));
  }
  // The fixed part can measure above the whole (a collection during it): it is at most the whole.
  return { base: Math.min(base, small), small, large, n };
}

/**
 * Null when `run` grows linearly in n (its size argument), else a sentence saying what grew how much.
 * `run(0)` must do the fixed part of the work only (the document without the long line).
 */
export function superLinear(run: (n: number) => void, options: LinearOptions = {}): string | null {
  const { maxN = 15_000, minMillis = 15, maxRatio = 8, slackMillis = 15, reps = 3, retries = 2 } = options;
  let n = Math.min(options.n ?? 3_000, maxN);
  run(0);
  const fixed = fastest(() => run(0), 2);
  // The line's part must stand out from the fixed part's noise: a fast function is measured on a longer input,
  // where a quadratic term cannot hide.
  const enough = (base: number) => Math.max(minMillis, base / 2);
  while (n * 2 <= maxN && fastest(() => run(n), 2) - fixed < enough(fixed)) n *= 2;
  // The fixed part is the fastest it was ever measured (noise only adds time): a slow spell during one measurement
  // of it would leave the line's part at n as next to nothing, and any growth to 4n a huge ratio.
  let fastestFixed = fixed;
  const measure = (size: number) => {
    const m = measureGrowth(run, size, reps);
    fastestFixed = Math.min(fastestFixed, m.base);
    return { ...m, base: fastestFixed };
  };
  let g = measure(n);
  // A line's part that measured as next to nothing (a slow spell during the fixed part) says nothing: longer.
  while (g.small - g.base < enough(g.base) / 2 && g.n * 2 <= maxN) g = measure(g.n * 2);
  // Measured again only when near the bound (noise); twice the bound is no noise, and a quadratic 4n is slow.
  for (let attempt = 0; attempt < retries && !withinBound(g, maxRatio, slackMillis) && withinBound(g, 2 * maxRatio, 2 * slackMillis); attempt++)
    g = measure(g.n);
  if (withinBound(g, maxRatio, slackMillis)) return null;
  const ratio = (g.large - g.base) / Math.max(g.small - g.base, 0.001);
  return `${g.n} → ${4 * g.n} chars: ${ms(g.small)} → ${ms(g.large)} (fixed part ${ms(g.base)}; ×${ratio.toFixed(1)}, linear is ×4)`;
}

/** Linear: the line's part grew at most `maxRatio` times, give or take noise (some of it proportional to the fixed part). */
function withinBound(g: Growth, maxRatio: number, slack: number): boolean {
  return g.large - g.base <= maxRatio * (g.small - g.base) + slack + g.base / 4;
}

function ms(t: number): string {
  return `${t.toFixed(1)} ms`;
}

/** A line of about n characters made of `unit` repeated (cut to n), so growth is measured in characters. */
export function repeatTo(unit: string, n: number): string {
  if (n === 0 || unit === '') return '';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

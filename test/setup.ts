/**
 * Every test file runs with this: console output a test did not ask for fails the test, so a forgotten
 * debug line or a library warning is seen and fixed instead of scrolling past. A test that means to check
 * what is printed captures it itself (a logger's `write`, a child process's stderr).
 */
import { afterEach, beforeEach, vi } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let stray: string[] = [];

beforeEach(() => {
  stray = [];
  for (const m of METHODS) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      stray.push(`console.${m}(${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(', ')})`);
    });
  }
});

afterEach(() => {
  for (const m of METHODS) (console[m] as unknown as { mockRestore?: () => void }).mockRestore?.();
  if (stray.length) throw new Error(`stray console output in this test:\n${stray.slice(0, 5).join('\n')}`);
});

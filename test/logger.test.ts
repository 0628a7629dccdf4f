import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('the logger', () => {
  const at = () => new Date('2021-06-01T00:00:00Z');

  it('drops lines below its level and names the child scope on every line', () => {
    const lines: string[] = [];
    const root = createLogger({ level: 'info', write: (l) => lines.push(l), time: at });
    const slack = root.child({ adapter: 'slack' });
    slack.debug('hidden');
    slack.info('connected', { team: 'T1', ms: 12 });
    root.error('boom', { error: new Error('bad "thing"') });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('2021-06-01T00:00:00.000Z INFO  [slack] connected team=T1 ms=12');
    expect(lines[1]).toMatch(/^2021-06-01T00:00:00.000Z ERROR boom error="Error: bad \\"thing\\"/);
  });

  it('one event is one line, and no logged value can drive the terminal: escape, bidi and line breaks', () => {
    const lines: string[] = [];
    const root = createLogger({ level: 'info', write: (l) => lines.push(l), time: at });
    root.warn('refused \x1b[2J\x1b]0;pwned\x07message\nFAKE ERROR line', { user: 'U1\u202eevil', text: '\x9b31mred' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('2021-06-01T00:00:00.000Z WARN  refused message\\nFAKE ERROR line user=U1evil text=red');
  });

  it('writes to standard error by default, never standard output', () => {
    const root = createLogger({ level: 'debug' });
    const out = process.stdout.write;
    const err = process.stderr.write;
    const seen: string[] = [];
    process.stdout.write = (() => {
      seen.push('stdout');
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = (() => {
      seen.push('stderr');
      return true;
    }) as typeof process.stderr.write;
    try {
      root.debug('x');
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    expect(seen).toEqual(['stderr']);
  });
});

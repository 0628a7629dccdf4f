import { describe, expect, it } from 'vitest';
import { boltLogger, LogLevel, redactor } from '../../../src/adapters/slack/log.js';
import type { SlackLog } from '../../../src/adapters/slack/context.js';

function capture(): { log: SlackLog; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (msg: string) => void lines.push(`${level} ${msg}`);
  return { log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

describe('Bolt logger', () => {
  it('cuts tokens and the configured secrets out of whatever the library logs', () => {
    const { log, lines } = capture();
    const logger = boltLogger(log, redactor(['s3cret-signing', null]), LogLevel.DEBUG);
    logger.warn('auth failed for', { token: 'xoxb-1234-abcd' }, new Error('secret s3cret-signing rejected'));
    expect(lines).toEqual(['warn auth failed for {"token":"[redacted]"} secret [redacted] rejected']);
  });

  it('does not even format a line below its level (Bolt logs debug lines on every request)', () => {
    const { log, lines } = capture();
    let formatted = 0;
    const costly = { toJSON: () => (formatted++, 'x') };
    const logger = boltLogger(log, redactor([]), LogLevel.WARN);
    logger.debug('request', costly);
    logger.info('request', costly);
    expect(formatted).toBe(0);
    logger.error('failed', costly);
    expect(formatted).toBe(1);
    expect(lines).toEqual(['error failed "x"']);
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now shown');
    expect(lines.at(-1)).toBe('debug now shown');
  });
});

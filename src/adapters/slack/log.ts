/** Bolt's logger interface over ours, with every token or secret cut out of whatever a library logs. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { SlackLog } from './context.js';

const TOKEN = /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]+/g;

export function redactor(secrets: ReadonlyArray<string | null>): (text: string) => string {
  const known = secrets.filter((s): s is string => !!s && s.length >= 6);
  return (text) => known.reduce((t, s) => t.split(s).join('[redacted]'), text.replace(TOKEN, '[redacted]'));
}

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 10, [LogLevel.INFO]: 20, [LogLevel.WARN]: 30, [LogLevel.ERROR]: 40 };

export function boltLogger(log: SlackLog, redact: (text: string) => string, level: LogLevel): BoltLogger {
  let current = level;
  const line = (parts: unknown[]) =>
    redact(parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
  // Bolt logs several debug lines per request whatever the level: a line below the level is not even formatted.
  const admits = (at: LogLevel) => RANK[at] >= RANK[current];
  return {
    debug: (...m: unknown[]) => admits(LogLevel.DEBUG) && log.debug(line(m)),
    info: (...m: unknown[]) => admits(LogLevel.INFO) && log.info(line(m)),
    warn: (...m: unknown[]) => admits(LogLevel.WARN) && log.warn(line(m)),
    error: (...m: unknown[]) => admits(LogLevel.ERROR) && log.error(line(m)),
    setLevel: (l: LogLevel) => (current = l),
    getLevel: () => current,
    setName: () => {},
  };
}

export { LogLevel };

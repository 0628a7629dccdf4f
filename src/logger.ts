/**
 * A small levelled logger that writes one line per event to standard error only, so `ask --json` keeps stdout
 * to its JSON lines. Child loggers carry bindings (`{ adapter: 'slack' }`) into every line.
 *
 * Hand-written rather than pino: we need levels, bindings and one stream; pino's worker-thread transports and
 * pretty-printer are a second dependency tree for that, and its JSON lines are not what a person reading a
 * console chat's stderr wants. The `Logger` interface is pino-shaped (`info(fields, msg)`), so swapping is easy.
 */
import { LINE_BREAK, stripControls } from './domain/control-chars.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; standard error unless a test captures them. */
  write?: (line: string) => void;
  bindings?: LogFields;
  /** Timestamps on each line (off for the console chat's own progress lines would be noise; on by default). */
  time?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bindings = options.bindings ?? {};
  const time = options.time ?? (() => new Date());
  const emit = (at: LogLevel, msg: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    const scope = Object.values(bindings).filter((v) => typeof v === 'string');
    const extra = formatFields({ ...Object.fromEntries(Object.entries(bindings).filter(([, v]) => typeof v !== 'string')), ...fields });
    write(
      escapeControls(
        [time().toISOString(), at.toUpperCase().padEnd(5), scope.length ? `[${scope.join('/')}]` : '', msg, extra]
          .filter(Boolean)
          .join(' '),
      ),
    );
  };
  return {
    level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (more) => createLogger({ ...options, level, write, bindings: { ...bindings, ...more } }),
  };
}

/** A logger that drops everything (library code given no logger). */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => {} });

/**
 * A logged value (a user's message, a file name, a library's error) cannot drive the operator's terminal or split
 * an event over lines: escape and bidi characters are stripped (the one shared definition), line breaks shown as \n.
 */
function escapeControls(line: string): string {
  return stripControls(line).replace(LINE_BREAK, '\\n');
}

function formatFields(fields: LogFields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ');
}

function formatValue(v: unknown): string {
  if (v instanceof Error) return JSON.stringify(v.stack ?? `${v.name}: ${v.message}`);
  if (typeof v === 'string') return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v) ?? String(v);
}

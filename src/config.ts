/** The only reader of process.env. One schema; a readable error names the variable that is wrong. */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './domain/clock.js';
import { DEFAULT_MAX_DOCUMENT_MB } from './domain/document.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 2021-02-28 is a date, 2021-02-30 is not (Date.parse rolls it over to March 2). */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const SNOWFLAKE = /^\d{15,21}$/;
const SNOWFLAKE_LIST = /^\s*\d{15,21}(?:\s*,\s*\d{15,21})*\s*$/;

const EnvSchema = z.object({
  DAMDANG_DB: z.string().min(1).default('data/damdang.db'),
  DAMDANG_TODAY: z
    .string()
    .regex(DATE, 'YYYY-MM-DD 형식이어야 합니다')
    .refine(isCalendarDate, '존재하지 않는 날짜입니다')
    .optional(),
  DAMDANG_SAMPLES: z.string().min(1).default('data/samples'),
  DAMDANG_WATCH: z.string().min(1).optional(),
  DAMDANG_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DAMDANG_TZ: z.string().refine(isTimeZone, '알 수 없는 시간대입니다 (예: Asia/Seoul)').default(DEFAULT_TIME_ZONE),
  DAMDANG_MAX_DOCUMENT_MB: z.coerce
    .number('숫자(MB)여야 합니다')
    .positive('0보다 커야 합니다')
    // A longer text than V8's largest string (about 512 M characters) cannot be decoded at all.
    .max(500, '500 MB 이하여야 합니다')
    .default(DEFAULT_MAX_DOCUMENT_MB),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'xoxb-로 시작하는 봇 토큰이어야 합니다').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'xapp-로 시작하는 앱 토큰이어야 합니다').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_MODE: z.enum(['socket', 'http'], 'socket 또는 http').optional(),
  PORT: z.coerce.number().int('정수여야 합니다').min(0).max(65535).default(3000),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'http(s) URL이어야 합니다' }).optional(),
  SLACK_ALLOWED_TEAMS: z.string().optional(),
  SLACK_ALLOWED_CHANNELS: z.string().optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DAMDANG_ADMINS: z.string().default(''),
  DAMDANG_DIGEST_GRACE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  DAMDANG_DIGEST_STALE_DAYS: z.coerce.number().int().min(1).default(365),
  DISCORD_APP_ID: z.string().regex(SNOWFLAKE, '숫자 ID여야 합니다').optional(),
  DISCORD_GUILD_ID: z.string().regex(SNOWFLAKE, '숫자 ID여야 합니다').optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  DISCORD_ALLOWED_GUILDS: z.string().regex(SNOWFLAKE_LIST, '쉼표로 구분한 숫자 ID 목록이어야 합니다').optional(),
  DISCORD_ALLOWED_CHANNELS: z.string().regex(SNOWFLAKE_LIST, '쉼표로 구분한 숫자 ID 목록이어야 합니다').optional(),
  DISCORD_MENTIONS: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  dbFile: string;
  /** "Today" as YYYY-MM-DD when fixed, else null (the real date). */
  today: string | null;
  samplesDir: string;
  /** A folder `start` keeps the store in sync with (DAMDANG_WATCH): read at start, then watched; null for none. */
  watchDir: string | null;
  logLevel: LogLevel;
  /** IANA zone of the office ("Asia/Seoul"): what "today" and a digest's "09:00" mean. */
  timeZone: string;
  /** Documents larger than this (MB) are refused by ingest, named with their size. */
  maxDocumentMb: number;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  /** Platform user ids allowed to manage digest subscriptions. */
  admins: string[];
  digest: { graceMinutes: number; staleDays: number };
}

export interface DiscordConfig {
  token: string;
  appId: string;
  /** Commands are registered in this guild (instant) instead of globally. */
  guildId: string | null;
  /** REST base, e.g. http://127.0.0.1:PORT/api for the fake Discord; null = discord.com. */
  apiUrl: string | null;
  /** Empty = every guild/channel the bot is in. */
  allowedGuilds: string[];
  allowedChannels: string[];
  /** Answer @mentions (needs the privileged Message Content intent). */
  mentions: boolean;
}

export interface SlackConfig {
  botToken: string;
  mode: 'socket' | 'http';
  appToken: string | null;
  signingSecret: string | null;
  port: number;
  /** Web API base ending in "/" (tests, proxies); null for Slack's own. */
  apiUrl: string | null;
  allowedTeams: string[];
  allowedChannels: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigOverrides {
  db?: string | undefined;
  today?: string | undefined;
}

/**
 * Reads `.env` (from the working folder) into the environment once at start-up, as .env.example promises.
 * Node's loader never overwrites a variable already set, so the shell wins over the file. Returns the file read.
 */
export function loadDotEnv(file = '.env'): string | null {
  if (!existsSync(file)) return null;
  try {
    const bad = dotEnvProblems(readFileSync(file, 'utf8'));
    if (bad.length)
      throw new ConfigError(
        `설정 오류: ${file} ${bad.map((b) => `${b.line}행${b.key ? ` (${b.key})` : ''}`).join(', ')}: KEY=값 형식이 아닙니다 — 이대로는 그 줄의 설정이 읽히지 않습니다`,
      );
    process.loadEnvFile(file);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`설정 오류: ${file}을(를) 읽지 못했습니다 — ${(err as Error).message}`);
  }
  return file;
}

/**
 * Lines of a .env text that are not `KEY=value` (nor blank, nor a # comment): 1-based line numbers and the name
 * the line seems to set, never its value (it may be a token). A quoted value may run over several lines.
 */
export function dotEnvProblems(text: string): Array<{ line: number; key: string | null }> {
  const lines = text.split(/\r?\n/);
  const out: Array<{ line: number; key: string | null }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const m = /^\s*(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*(.*)$/.exec(line);
    if (!m) {
      // Only a name in capitals is shown: a word like "xoxb-…" on its own line is a secret, not a name.
      out.push({ line: i + 1, key: /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]{0,63})(?![\w.-])/.exec(line)?.[1] ?? null });
      continue;
    }
    // An opening quote with no closing one on this line: the value goes on until the line that closes it.
    const value = m[1]!;
    const quote = /^["'`]/.exec(value)?.[0];
    if (quote && !value.slice(1).includes(quote)) {
      while (i + 1 < lines.length && !lines[i + 1]!.includes(quote)) i++;
      i++;
    }
  }
  return out;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const merged = {
    ...pickDefined(env),
    ...(overrides.db !== undefined ? { DAMDANG_DB: overrides.db } : {}),
    ...(overrides.today !== undefined ? { DAMDANG_TODAY: overrides.today } : {}),
  };
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const flag = name === 'DAMDANG_DB' ? ' (--db)' : name === 'DAMDANG_TODAY' ? ' (--today)' : '';
    throw new ConfigError(`설정 오류: ${name}${flag} — ${issue.message}`);
  }
  const e = parsed.data;
  return {
    dbFile: e.DAMDANG_DB,
    today: e.DAMDANG_TODAY ?? null,
    samplesDir: e.DAMDANG_SAMPLES,
    watchDir: e.DAMDANG_WATCH ?? null,
    logLevel: e.DAMDANG_LOG_LEVEL,
    timeZone: e.DAMDANG_TZ,
    maxDocumentMb: e.DAMDANG_MAX_DOCUMENT_MB,
    slack: slackConfig(e),
    discord: discordConfig(e),
    admins: e.DAMDANG_ADMINS.split(/[\s,]+/).filter(Boolean),
    digest: { graceMinutes: e.DAMDANG_DIGEST_GRACE_MINUTES, staleDays: e.DAMDANG_DIGEST_STALE_DAYS },
  };
}

function discordConfig(e: z.infer<typeof EnvSchema>): DiscordConfig | null {
  if (!e.DISCORD_TOKEN && !e.DISCORD_APP_ID) return null;
  if (!e.DISCORD_TOKEN || !e.DISCORD_APP_ID)
    throw new ConfigError(`설정 오류: ${e.DISCORD_TOKEN ? 'DISCORD_APP_ID' : 'DISCORD_TOKEN'} — DISCORD_TOKEN과 DISCORD_APP_ID는 함께 설정해야 합니다`);
  const ids = (list: string | undefined) => (list ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return {
    token: e.DISCORD_TOKEN,
    appId: e.DISCORD_APP_ID,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, '') ?? null,
    allowedGuilds: ids(e.DISCORD_ALLOWED_GUILDS),
    allowedChannels: ids(e.DISCORD_ALLOWED_CHANNELS),
    mentions: e.DISCORD_MENTIONS === 'true',
  };
}

/** Slack is on when any of its variables is set; then what its mode needs must be there (named, never echoed). */
function slackConfig(e: z.infer<typeof EnvSchema>): SlackConfig | null {
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_MODE) return null;
  const mode = e.SLACK_MODE ?? (e.SLACK_APP_TOKEN || !e.SLACK_SIGNING_SECRET ? 'socket' : 'http');
  const missing = (name: string, why: string) => new ConfigError(`설정 오류: ${name} — ${why}`);
  if (!e.SLACK_BOT_TOKEN) throw missing('SLACK_BOT_TOKEN', 'Slack을 쓰려면 봇 토큰(xoxb-)이 필요합니다');
  if (mode === 'socket' && !e.SLACK_APP_TOKEN)
    throw missing('SLACK_APP_TOKEN', 'Socket Mode에는 앱 토큰(xapp-)이 필요합니다 (HTTP 모드는 SLACK_MODE=http)');
  if (mode === 'http' && !e.SLACK_SIGNING_SECRET) throw missing('SLACK_SIGNING_SECRET', 'HTTP 모드에 필요합니다');
  const list = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return {
    botToken: e.SLACK_BOT_TOKEN,
    mode,
    appToken: e.SLACK_APP_TOKEN ?? null,
    signingSecret: e.SLACK_SIGNING_SECRET ?? null,
    port: e.PORT,
    apiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : null,
    allowedTeams: list(e.SLACK_ALLOWED_TEAMS),
    allowedChannels: list(e.SLACK_ALLOWED_CHANNELS),
  };
}

function pickDefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

/** The only reader of process.env. One schema; a readable error names the variable that is wrong. */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './domain/clock.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const EnvSchema = z.object({
  DAMDANG_DB: z.string().min(1).default('data/damdang.db'),
  DAMDANG_TODAY: z
    .string()
    .regex(DATE, 'YYYY-MM-DD 형식이어야 합니다')
    .refine((s) => !Number.isNaN(Date.parse(s)), '존재하지 않는 날짜입니다')
    .optional(),
  DAMDANG_SAMPLES: z.string().min(1).default('data/samples'),
  DAMDANG_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DAMDANG_TZ: z.string().refine(isTimeZone, '알 수 없는 시간대입니다 (예: Asia/Seoul)').default(DEFAULT_TIME_ZONE),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
});

export interface Config {
  dbFile: string;
  /** "Today" as YYYY-MM-DD when fixed, else null (the real date). */
  today: string | null;
  samplesDir: string;
  logLevel: LogLevel;
  /** IANA zone of the office ("Asia/Seoul"): what "today" and a digest's "09:00" mean. */
  timeZone: string;
  slack: { botToken: string; appToken: string } | null;
  discord: { token: string } | null;
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
    process.loadEnvFile(file);
  } catch (err) {
    throw new ConfigError(`설정 오류: ${file}을(를) 읽지 못했습니다 — ${(err as Error).message}`);
  }
  return file;
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
    logLevel: e.DAMDANG_LOG_LEVEL,
    timeZone: e.DAMDANG_TZ,
    slack: e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN ? { botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN } : null,
    discord: e.DISCORD_TOKEN ? { token: e.DISCORD_TOKEN } : null,
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

/**
 * Time for answers and digests. `today()` is the calendar date in the configured time zone (Asia/Seoul unless
 * DAMDANG_TZ says otherwise), fixed by --today / DAMDANG_TODAY so replies can be tested and replayed; `now()` is
 * the instant, and `wallClock()` reads an instant as the office's local date, time and weekday (a digest
 * scheduled for "월요일 09:00" needs that, whatever zone the server runs in).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24-hour) */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface Clock {
  /** YYYY-MM-DD in the clock's time zone. */
  today(): string;
  now(): Date;
  readonly timeZone: string;
  wallClock(at?: Date): WallClock;
}

/** The real time, read in `timeZone`. */
export function systemClock(timeZone = DEFAULT_TIME_ZONE, source: () => Date = () => new Date()): Clock {
  const clock: Clock = {
    timeZone,
    now: source,
    today: () => clock.wallClock().date,
    wallClock: (at = source()) => wallClockIn(timeZone, at),
  };
  return clock;
}

/**
 * "Today" pinned to `isoDate` while the time of day still runs: a bot started with --today answers as on that
 * date all day long, and `now()` is that date at the current local time.
 */
export function fixedClock(isoDate: string, timeZone = DEFAULT_TIME_ZONE, source: () => Date = () => new Date()): Clock {
  const now = () => {
    const real = source();
    const { time } = wallClockIn(timeZone, real);
    const seconds = real.getUTCSeconds() + real.getUTCMilliseconds() / 1000;
    return instantOf(isoDate, time, seconds, timeZone);
  };
  const clock: Clock = {
    timeZone,
    now,
    today: () => isoDate,
    wallClock: (at = now()) => wallClockIn(timeZone, at),
  };
  return clock;
}

export function clockFor(today: string | null, timeZone = DEFAULT_TIME_ZONE): Clock {
  return today ? fixedClock(today, timeZone) : systemClock(timeZone);
}

/** True when Intl knows the zone name ("Asia/Seoul", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, at: Date): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Intl formatting is the costly part of reading a clock, and offsets change only on whole minutes: the last
// minutes read are kept per zone (a pinned clock reads two: the real one and the pinned one).
const minutesRead = new Map<string, Map<number, { wall: WallClock; offset: number }>>();
const MINUTES_KEPT = 8;

function minuteIn(timeZone: string, at: Date): { wall: WallClock; offset: number } {
  const minute = Math.floor(at.getTime() / 60_000);
  let kept = minutesRead.get(timeZone);
  if (!kept) minutesRead.set(timeZone, (kept = new Map()));
  const cached = kept.get(minute);
  if (cached) return cached;
  const p = partsIn(timeZone, new Date(minute * 60_000));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const read = {
    wall: { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAYS.indexOf(p.weekday ?? '') },
    offset: local - minute * 60_000,
  };
  if (kept.size >= MINUTES_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(minute, read);
  return read;
}

export function wallClockIn(timeZone: string, at: Date): WallClock {
  return minuteIn(timeZone, at).wall;
}

/** The instant at which the wall clock in `timeZone` reads `date time` (two passes settle DST edges). */
export function instantOf(date: string, time: string, seconds: number, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi) + seconds * 1000;
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(timeZone, new Date(guess));
  return new Date(guess);
}

function offsetMs(timeZone: string, at: Date): number {
  return minuteIn(timeZone, at).offset;
}

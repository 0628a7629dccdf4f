/**
 * Dates as Korean municipal documents write them: "2021. 하반기", "(3~5월)", "’16. 2. 25.", "2018. 7. ~ 지속",
 * "6.17 ~ 30", "(분기별 1회)" … resolved to an inclusive ISO range plus the precision the writer used.
 *
 * The parser is a small hand-written recursive descent over the raw string (no normalisation pass), so every
 * match keeps exact offsets into the caller's line. It is deliberately conservative: a bare "2.2", "2045" or
 * "1.3억" is a number, not a date, because chapter numbers, phone extensions and amounts outnumber dates there.
 */

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'ongoing';

export interface ResolvedDate {
  /** The expression exactly as it appeared (trimmed), e.g. "2021. 하반기", "(3~5월)". */
  written: string;
  /** ISO 'YYYY-MM-DD' first day of the range; null when unknown. */
  start: string | null;
  /** ISO 'YYYY-MM-DD' last day of the range (inclusive); null when open-ended. */
  end: string | null;
  precision: DatePrecision;
}

/** The year a document is about: used when an expression has no year of its own. */
export interface DateContext {
  year?: number;
}

export interface DateMatch {
  index: number;
  length: number;
  date: ResolvedDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexical pieces. All sticky (`y`): they are matched at a given offset with `lastIndex`.

/** Every apostrophe-like mark seen before a two-digit year ("’16", "‘26", "'25", "′17", "ˊ25", "`25"). */
const QUOTES = "’‘'′ˊ`´＇‛";
const TWO_DIGITS = /(\d{2})(?!\d)/y;
const FOUR_DIGIT_YEAR = /(19\d{2}|20\d{2})(?!\d)/y;
const YEAR_UNIT = / ?년도?/y;
const NUM = /(\d{1,2})(?!\d)/y;
/** "하반기", "상·하반기", and the hanja halves plans write after a year: "(’25.上)", "’28. 下.". */
const HALF = /(?:상 *[·․‧ㆍ・•] *하|상하|상|하)반기|[上下](?:半期|반기)?(?![가-힣一-龥])/y;
const QUARTER = /([1-4]) *(?:\/ *4 *)?분기(?!별)/y;
/** "12월중", "3월말", "1~2월 초": a position inside the month; the month stays the unit of the range. */
const MODIFIER = / ?(?:초순|중순|하순|초|중|말|경)(?:(?=까지|부터|이후)|(?![가-힣]))/y;
const WEEKDAY = / *\( *[월화수목금토일] *\)/y;
/** "(2년간)", "(8개월)", "(2일간)": a restatement of the range's length. */
const DURATION = / *\( *\d+ *(?:년간|개년|개월간|개월|주간|일간|년|주|일) *\)/y;
const TILDE = / *[~∼～〜] */y;
/** "04.14. - 04.15.": a spaced hyphen joins two full dates (never "3-8-76", never an open end). */
const DASH = / +[-–] +/y;
const OPEN_END_WORD = /(?:지속|상시|계속|현재)(?![가-힣])/y;
const UNTIL = / *까지/y;
const FROM = / *(?:이후|부터)/y;

const ONGOING_TERM =
  '(?:(?:상시|연중|수시|지속|계속|정기|격월|매일|매주|매월|매분기|매반기|매년|분기별|반기별|월별|주별)(?: ?\\d+ ?회)?' +
  '|(?:연|년|월|분기|반기|주) ?\\d+ ?회)(?: ?이상)?';
const ONGOING = new RegExp(`${ONGOING_TERM}(?: ?[,·ㆍ‧] ?${ONGOING_TERM})*(?![가-힣])`, 'y');
/** Ongoing words that carry no bounds at all; the others ("연중", "연 2회", "매월") happen within the year. */
const UNBOUNDED_ONGOING = /^(?:상시|수시|지속|계속)$/;

/** A number directly followed by one of these is a quantity ("1.3억", "3년", "5개", "2.6%"), not a date. */
const UNIT_AFTER_NUMBER = /[%A-Za-z억만천원배명개건회톤점호차층년세분주]/;
const UNIT_AFTER_SPACE = /^ +[%억원배]/;
/** Characters that, right before a number, mean we are inside a larger token (decimal, code, time, word). */
const GLUED_BEFORE = /[\dA-Za-z.,:_%-]/;

function sticky(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function skipSpaces(s: string, i: number): number {
  let j = i;
  // Only spaces: tabs separate table columns, so a date never continues across one.
  while (s[j] === ' ' || s[j] === '\u00a0' || s[j] === '\u3000') j++;
  return j;
}

function freeBefore(s: string, i: number): boolean {
  const c = s[i - 1];
  return c === undefined || !GLUED_BEFORE.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function quantityAfter(s: string, i: number): boolean {
  const c = s[i];
  return (c !== undefined && UNIT_AFTER_NUMBER.test(c)) || UNIT_AFTER_SPACE.test(s.slice(i, i + 8));
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic.

/** 0 = both halves ("상·하반기"), 1 = 상반기, 2 = 하반기. */
type Half = 0 | 1 | 2;

/** What an endpoint names; exactly one of day/month/quarter/half is the finest field set (or none: a year). */
interface Fields {
  year?: number;
  month?: number;
  day?: number;
  half?: Half;
  quarter?: number;
}

type FixedPrecision = Exclude<DatePrecision, 'ongoing'>;
const RANK: Record<DatePrecision, number> = { day: 0, month: 1, quarter: 2, half: 3, year: 4, ongoing: 5 };

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The context year, when it is one an ISO date can carry. */
function contextYear(ctx: DateContext | undefined): number | undefined {
  const y = ctx?.year;
  return typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999 ? y : undefined;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function precisionOf(f: Fields): FixedPrecision {
  if (f.day !== undefined) return 'day';
  if (f.month !== undefined) return 'month';
  if (f.quarter !== undefined) return 'quarter';
  if (f.half !== undefined) return 'half';
  return 'year';
}

function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Range checks that need no year; without one, Feb 29 passes because some year has it. */
function plausible(f: Fields): boolean {
  if (f.month !== undefined && (f.month < 1 || f.month > 12)) return false;
  if (f.quarter !== undefined && (f.quarter < 1 || f.quarter > 4)) return false;
  if (f.day !== undefined) {
    if (f.month === undefined) return false;
    if (f.day < 1 || f.day > daysInMonth(f.year ?? 2000, f.month)) return false;
  }
  return f.year !== undefined || precisionOf(f) !== 'year';
}

/** First and last day named by `f` in `year`; null when the day does not exist that year (Feb 29). */
function bounds(f: Fields, year: number): [string, string] | null {
  if (f.month !== undefined) {
    const last = daysInMonth(year, f.month);
    if (f.day !== undefined) return f.day > last ? null : [iso(year, f.month, f.day), iso(year, f.month, f.day)];
    return [iso(year, f.month, 1), iso(year, f.month, last)];
  }
  if (f.quarter !== undefined) {
    const endMonth = f.quarter * 3;
    return [iso(year, endMonth - 2, 1), iso(year, endMonth, daysInMonth(year, endMonth))];
  }
  if (f.half === 1) return [iso(year, 1, 1), iso(year, 6, 30)];
  if (f.half === 2) return [iso(year, 7, 1), iso(year, 12, 31)];
  return [iso(year, 1, 1), iso(year, 12, 31)];
}

interface Span {
  start: string | null;
  end: string | null;
  precision: DatePrecision;
}

function resolveSingle(f: Fields, defaultYear: number | undefined): Span | null {
  if (!plausible(f)) return null;
  const precision = precisionOf(f);
  const year = f.year ?? defaultYear;
  if (year === undefined) return { start: null, end: null, precision };
  const b = bounds(f, year);
  return b ? { start: b[0], end: b[1], precision } : null;
}

/**
 * A range whose endpoints may lack years: the missing one borrows from the other side (or the context), and
 * wraps over New Year when that is the only ordered reading ("2021. 11. ~ 2.", "12.28 ~ 1.5").
 */
function resolveRange(a: Fields, b: Fields, defaultYear: number | undefined): Span | null {
  if (!plausible(a) || !plausible(b)) return null;
  const precision = coarser(precisionOf(a), precisionOf(b));
  let y1 = a.year ?? b.year ?? defaultYear;
  let y2 = b.year ?? a.year ?? defaultYear;
  if (y1 === undefined || y2 === undefined) return { start: null, end: null, precision };
  let first = bounds(a, y1);
  let last = bounds(b, y2);
  if (first && last && first[0] > last[1]) {
    if (b.year === undefined) {
      y2 += 1;
      last = bounds(b, y2);
    } else if (a.year === undefined) {
      y1 -= 1;
      first = bounds(a, y1);
    }
  }
  if (!first || !last || first[0] > last[1]) return null;
  return { start: first[0], end: last[1], precision };
}

// ---------------------------------------------------------------------------------------------------------------
// Endpoints.

type Role = 'first' | 'second';

interface Point extends Fields {
  end: number;
  /** A number whose unit comes from the other endpoint: the "3" of "3~5월", the "28" of "10월 28~29일". */
  loose?: number;
  /** Where the point ends without its loose number, for when no range follows after all. */
  coreEnd?: number;
  /** "2026" or "2021." without 년: only a year when the other endpoint is one too ("2026~2027"). */
  bareYear?: boolean;
  /** "4.2" (single-digit day): too much like a chapter number unless a range, weekday or "(" backs it. */
  weak?: boolean;
}

function readWeekday(s: string, i: number): number {
  const m = sticky(WEEKDAY, s, i);
  return m ? i + m[0].length : i;
}

function readModifier(s: string, i: number): number {
  const m = sticky(MODIFIER, s, i);
  return m ? i + m[0].length : i;
}

function readYear(s: string, i: number): { year: number; end: number; quoted: boolean } | null {
  const c = s[i];
  if (c !== undefined && QUOTES.includes(c)) {
    const m = sticky(TWO_DIGITS, s, i + 1);
    if (!m) return null;
    const yy = Number(m[1]);
    // Administrative documents reach back to the 1970s at most; "’87년 설치" is 1987.
    return { year: yy >= 70 ? 1900 + yy : 2000 + yy, end: i + 3, quoted: true };
  }
  if (!freeBefore(s, i)) return null;
  const m = sticky(FOUR_DIGIT_YEAR, s, i);
  return m ? { year: Number(m[1]), end: i + 4, quoted: false } : null;
}

/** "’30 seconds", "‘30초 영상": a quoted number opening a title, not a year. */
function quotedYearStandsAlone(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined) return true;
  if (/[\dA-Za-z가-힣]/.test(c)) return false;
  if (c === ' ') return !/^ +[A-Za-z]/.test(s.slice(i, i + 40));
  return true;
}

function readHalfOrQuarter(s: string, i: number): Point | null {
  const h = sticky(HALF, s, i);
  if (h) {
    const text = h[0];
    const half: Half = text.startsWith('상') && text.includes('하') ? 0 : /^[상上]/.test(text) ? 1 : 2;
    return { end: i + text.length, half };
  }
  if (!freeBefore(s, i)) return null;
  const q = sticky(QUARTER, s, i);
  return q ? { end: i + q[0].length, quarter: Number(q[1]) } : null;
}

/** After "N월": a modifier, then optionally "D일", or a day that a following "~ D일" gives its unit to. */
function readAfterMonthWord(s: string, i: number, month: number): Point {
  const end = readModifier(s, i);
  const p = skipSpaces(s, end);
  const d = sticky(NUM, s, p);
  if (d) {
    const q = p + d[1]!.length;
    const r = skipSpaces(s, q);
    if (s[r] === '일') return { end: readWeekday(s, r + 1), month, day: Number(d[1]) };
    if (sticky(TILDE, s, q)) return { end: q, month, loose: Number(d[1]), coreEnd: end };
  }
  return { end, month };
}

/** The day after "YYYY. M.": "25.", "25", "25일", then an optional weekday "(수)". */
function readDotDay(s: string, i: number): { day: number; end: number } | null {
  const p = skipSpaces(s, i);
  const m = sticky(NUM, s, p);
  if (!m) return null;
  let q = p + m[1]!.length;
  const day = Number(m[1]);
  if (day < 1 || day > 31 || quantityAfter(s, q)) return null;
  if (s[q] === '.' || s[q] === '일') q++;
  if (isDigit(s[q])) return null;
  return { day, end: readWeekday(s, q) };
}

/** What follows a year: "하반기", "1분기", "12월 중", "3. 26.", "7.", "12" ("2024. 12"). */
function readAfterYear(s: string, i: number, afterYearWord: boolean): Point | null {
  const hq = readHalfOrQuarter(s, i);
  if (hq) return hq;
  const m = sticky(NUM, s, i);
  if (!m) return null;
  const month = Number(m[1]);
  const k = i + m[1]!.length;
  if (month < 1 || month > 12) return null;
  if (s[k] === '월') return readAfterMonthWord(s, k + 1, month);
  // "2021년 3" is not a month; after 년 the month always carries 월.
  if (afterYearWord) return null;
  if (s[k] === '.') {
    const day = readDotDay(s, k + 1);
    return day ? { end: day.end, month, day: day.day } : { end: k + 1, month };
  }
  return quantityAfter(s, k) ? null : { end: k, month };
}

function parseYearLed(s: string, i: number): Point | null {
  const y = readYear(s, i);
  if (!y) return null;
  const year = y.year;
  const unit = sticky(YEAR_UNIT, s, y.end);
  if (unit) {
    const j = y.end + unit[0].length;
    const sub = readAfterYear(s, skipSpaces(s, j), true);
    return sub ? { ...sub, year } : { end: j, year };
  }
  if (s[y.end] === '.') {
    const sub = readAfterYear(s, skipSpaces(s, y.end + 1), false);
    if (sub) return { ...sub, year };
    return { end: y.end + 1, year, bareYear: !y.quoted };
  }
  if (y.quoted) return quotedYearStandsAlone(s, y.end) ? { end: y.end, year } : null;
  return { end: y.end, year, bareYear: true };
}

/** "3.26", "11.11", "4.2.", "9.18(금)" — month.day with no year. */
function readBareMonthDay(s: string, i: number, month: string, role: Role): Point | null {
  const dayMatch = sticky(NUM, s, i);
  if (!dayMatch) return null;
  const day = dayMatch[1]!;
  let q = i + day.length;
  if (quantityAfter(s, q)) return null;
  // "1.1.1.1" headings and "192.168.0.1" are chains, not dates.
  if (s[q] === '.' && isDigit(s[q + 1])) return null;
  const trailingDot = s[q] === '.';
  // "1.04" and "12.05" are decimals; a padded day is a date only beside a padded month ("04.14") or a final
  // dot ("12.05."), as in training schedules. A padded month ("02.18") is never a decimal.
  const paddedDay = day.length === 2 && day.startsWith('0');
  if (role === 'first' && paddedDay && (month.length < 2 || (!month.startsWith('0') && !trailingDot))) return null;
  if (trailingDot) q++;
  const afterWeekday = readWeekday(s, q);
  const weak = role === 'first' && day.length === 1 && afterWeekday === q;
  return { end: afterWeekday, month: Number(month), day: Number(day), weak };
}

function parseYearless(s: string, i: number, role: Role): Point | null {
  const hq = readHalfOrQuarter(s, i);
  if (hq) return hq;
  if (!freeBefore(s, i)) return null;
  const m = sticky(NUM, s, i);
  if (!m) return null;
  const n = Number(m[1]);
  const k = i + m[1]!.length;
  if (s[k] === '월') return n >= 1 && n <= 12 ? readAfterMonthWord(s, k + 1, n) : null;
  if (s[k] === '일') return role === 'second' ? { end: readWeekday(s, k + 1), day: n } : null;
  if (s[k] === '.' && isDigit(s[k + 1])) return readBareMonthDay(s, k + 1, m[1]!, role);
  if (s[k] === '.') return role === 'second' ? { end: k + 1, loose: n } : null;
  return quantityAfter(s, k) ? null : { end: k, loose: n };
}

function parsePoint(s: string, i: number, role: Role): Point | null {
  return parseYearLed(s, i) ?? parseYearless(s, i, role);
}

function fieldsOf(p: Point): Fields {
  const f: Fields = {};
  if (p.year !== undefined) f.year = p.year;
  if (p.month !== undefined) f.month = p.month;
  if (p.day !== undefined) f.day = p.day;
  if (p.half !== undefined) f.half = p.half;
  if (p.quarter !== undefined) f.quarter = p.quarter;
  return f;
}

function isYearOnly(f: Fields): boolean {
  return f.year !== undefined && precisionOf(f) === 'year';
}

/** Gives each endpoint the units the writer left out: "(3~5월)", "6.17 ~ 30", "2021. 4. ~ 10.", "10월 28~29일". */
function completePair(p1: Point, p2: Point): [Fields, Fields] | null {
  const a = fieldsOf(p1);
  const b = fieldsOf(p2);
  if (p1.loose !== undefined) {
    if (a.month !== undefined) a.day = p1.loose;
    else if (b.month !== undefined && b.year === undefined && b.day === undefined) a.month = p1.loose;
    else if (b.quarter !== undefined && b.year === undefined) a.quarter = p1.loose;
    else return null;
  }
  if (p2.loose !== undefined) {
    if (a.day !== undefined && a.month !== undefined) {
      b.month = a.month;
      b.day = p2.loose;
    } else if (a.month !== undefined) b.month = p2.loose;
    else if (a.quarter !== undefined) b.quarter = p2.loose;
    else return null;
  }
  if (b.day !== undefined && b.month === undefined) {
    if (a.month === undefined) return null;
    b.month = a.month;
  }
  if ((p1.bareYear || p2.bareYear) && !(isYearOnly(a) && isYearOnly(b))) return null;
  if (isYearOnly(a) && b.year === undefined) return null;
  return [a, b];
}

// ---------------------------------------------------------------------------------------------------------------
// Whole expressions.

interface Hit {
  end: number;
  span: Span;
  /** The last year written out in the expression, for the dates that follow it on the same line. */
  writtenYear?: number;
  /** Only a date in the right place: ongoing words ("상시") are also ordinary prose. */
  kind: 'date' | 'ongoing' | 'weak';
}

/** An open end after "~": nothing, a closing parenthesis, a separator or a stray dot ("‘26.01~."). */
function openEndAt(s: string, tildeEnd: number): number | null {
  let j = tildeEnd;
  if (s[j] === '.') j++;
  const c = s[j];
  return c === undefined || /[)\]:：,;\s]/.test(c) ? j : null;
}

function tildeCharEnd(s: string, from: number): number {
  let j = from;
  while (s[j] === ' ') j++;
  return j + 1;
}

function finish(s: string, end: number): number {
  const d = sticky(DURATION, s, end);
  return d ? end + d[0].length : end;
}

/** A single point, with "까지" (until: no start) or "이후"/"부터" (from: open end) when the writer added one. */
function withSuffix(s: string, p: Point, f: Fields, defaultYear: number | undefined): Hit | null {
  const span = resolveSingle(f, defaultYear);
  if (!span) return null;
  const writtenYear = f.year;
  const until = sticky(UNTIL, s, p.end);
  if (until) {
    const upTo: Span = { ...span, start: null };
    return { end: finish(s, p.end + until[0].length), span: upTo, writtenYear, kind: 'date' };
  }
  const from = sticky(FROM, s, p.end);
  if (from) {
    const open: Span = { start: span.start, end: null, precision: 'ongoing' };
    return { end: finish(s, p.end + from[0].length), span: open, writtenYear, kind: 'date' };
  }
  return { end: finish(s, p.end), span, writtenYear, kind: p.weak ? 'weak' : 'date' };
}

function parseRangeTail(s: string, p1: Point, defaultYear: number | undefined): Hit | null {
  const dash = sticky(DASH, s, p1.end);
  const t = dash ?? sticky(TILDE, s, p1.end);
  if (!t) return null;
  const afterTilde = p1.end + t[0].length;
  const a = fieldsOf(p1);
  const openWord = dash ? null : sticky(OPEN_END_WORD, s, afterTilde);
  const p2 = openWord ? null : parsePoint(s, afterTilde, 'second');
  if (p2 && dash && (p2.loose !== undefined || p1.loose !== undefined || p2.day === undefined)) return null;
  if (p2) {
    const pair = completePair(p1, p2);
    const span = pair ? resolveRange(pair[0], pair[1], defaultYear) : null;
    if (pair && span) {
      const end = finish(s, p2.end + (sticky(UNTIL, s, p2.end)?.[0].length ?? 0));
      return { end, span, writtenYear: pair[1].year ?? pair[0].year, kind: 'date' };
    }
  }
  if (p1.loose !== undefined || p1.bareYear || dash) return null;
  const openEnd = openWord ? afterTilde + openWord[0].length : openEndAt(s, tildeCharEnd(s, p1.end));
  if (openEnd === null) return null;
  const span = resolveSingle(a, defaultYear);
  if (!span) return null;
  return {
    end: finish(s, openEnd),
    span: { start: span.start, end: null, precision: 'ongoing' },
    writtenYear: a.year,
    kind: 'date',
  };
}

function parseDateAt(s: string, i: number, defaultYear: number | undefined): Hit | null {
  const p1 = parsePoint(s, i, 'first');
  if (!p1) return null;
  const range = parseRangeTail(s, p1, defaultYear);
  if (range) return range;
  if (p1.bareYear) return null;
  if (p1.loose !== undefined) {
    // "10월 28" with no "~ 29일" after all: just the month.
    if (p1.coreEnd === undefined) return null;
    const core: Point = { ...p1, end: p1.coreEnd };
    delete core.loose;
    return withSuffix(s, core, fieldsOf(core), defaultYear);
  }
  return withSuffix(s, p1, fieldsOf(p1), defaultYear);
}

function parseOngoingAt(s: string, i: number, defaultYear: number | undefined): Hit | null {
  const c = s[i - 1];
  if (c !== undefined && /[가-힣]/.test(c)) return null;
  const m = sticky(ONGOING, s, i);
  if (!m) return null;
  const terms = m[0].split(/ ?[,·ㆍ‧] ?/).map((t) => t.replace(/ ?\d+ ?회| ?이상/g, ''));
  const bounded = terms.some((t) => !UNBOUNDED_ONGOING.test(t));
  const span: Span =
    bounded && defaultYear !== undefined
      ? { start: iso(defaultYear, 1, 1), end: iso(defaultYear, 12, 31), precision: 'ongoing' }
      : { start: null, end: null, precision: 'ongoing' };
  return { end: i + m[0].length, span, kind: 'ongoing' };
}

function parseAt(s: string, i: number, defaultYear: number | undefined): Hit | null {
  return parseDateAt(s, i, defaultYear) ?? parseOngoingAt(s, i, defaultYear);
}

// ---------------------------------------------------------------------------------------------------------------
// Public API.

/** Parses one whole date expression; null when the text is not a date. Never throws. */
export function parseKoreanDate(text: string, ctx?: DateContext): ResolvedDate | null {
  try {
    const written = String(text).trim();
    if (!written) return null;
    const wrapped = written.startsWith('(') && written.endsWith(')');
    const inner = wrapped ? written.slice(1, -1).trim() : written;
    const hit = parseAt(inner, 0, contextYear(ctx));
    if (!hit || inner.slice(hit.end).trim() !== '') return null;
    if (hit.kind === 'weak' && !wrapped) return null;
    return { written, ...hit.span };
  } catch {
    return null;
  }
}

const CAN_START = /[\d’‘'′ˊ`´＇‛상하연년수지계정격매분반월주]/;

/** A parenthesis holding nothing but the date belongs to it: "(3월)", "(2018. 12월~ 상시)". */
function widenToParens(line: string, start: number, end: number): [number, number] {
  let l = start - 1;
  while (line[l] === ' ') l--;
  let r = end;
  while (line[r] === ' ') r++;
  return line[l] === '(' && line[r] === ')' ? [l, r + 1] : [start, end];
}

/** Index of the nearest non-blank character before `i` (-1 at the start); a '\n' there means a line start. */
function indexBefore(line: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && (line[j] === ' ' || line[j] === '\t' || line[j] === '\u00a0' || line[j] === '\u3000')) j--;
  return j;
}

/** Nothing but blanks and a final dot from `i` to the end of the line. */
function restOfLineBlank(line: string, i: number): boolean {
  let j = i;
  while (j < line.length && line[j] !== '\n') {
    if (!/[\s.]/.test(line[j]!)) return false;
    j++;
  }
  return true;
}

/** Ongoing words count only where a date is expected: in parentheses or as a "항목 : 연중" value at line end. */
function ongoingInPlace(line: string, start: number, end: number, widened: boolean): boolean {
  if (widened) return true;
  const j = indexBefore(line, start);
  const c = line[j];
  const afterSeparator = c === undefined || c === '\n' || c === ':' || c === '：' || (c === '-' && line[j - 1] === '-');
  return afterSeparator && restOfLineBlank(line, end);
}

/** "4.2" is a date after "(" or ":" ("청렴서약(4.2)", "일자 : 4.2"); at a line start it is a heading. */
function weakInPlace(line: string, start: number): boolean {
  const c = line[indexBefore(line, start)];
  return c === '(' || c === ':' || c === '：';
}

/**
 * Finds date expressions inside a longer line, left to right, non-overlapping. Never throws.
 * A date without a year takes the last year written earlier on the same line ("’25. 5월, 10월"), else ctx.year.
 */
export function findDates(line: string, ctx?: DateContext): DateMatch[] {
  const out: DateMatch[] = [];
  try {
    const s = String(line);
    let lineYear: number | undefined;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      // Matches never span a line break, so a newline seen here is the only place a line ends.
      if (c === '\n') lineYear = undefined;
      if (!CAN_START.test(c)) {
        i++;
        continue;
      }
      const hit = parseAt(s, i, lineYear ?? contextYear(ctx));
      if (!hit) {
        i++;
        continue;
      }
      const [start, end] = widenToParens(s, i, hit.end);
      const accepted =
        hit.kind === 'date' ||
        (hit.kind === 'weak' && weakInPlace(s, i)) ||
        (hit.kind === 'ongoing' && ongoingInPlace(s, i, hit.end, start !== i));
      if (!accepted) {
        i = hit.kind === 'ongoing' ? hit.end : i + 1;
        continue;
      }
      out.push({ index: start, length: end - start, date: { written: s.slice(start, end), ...hit.span } });
      if (hit.writtenYear !== undefined) lineYear = hit.writtenYear;
      i = end;
    }
  } catch {
    // Never throw: whatever was found so far still stands.
  }
  return out;
}

const BULLET = /^\s*(?:[-–—·•○●◦▪▫▸▹►❍❖◇◆□■※*ㅇㅁ①-⑳]+\s*)*/;
// The lookbehind starts the run at its first character: tried from each one, a long run takes quadratic time.
const TRAILING_SEPARATORS = /(?<![\s\-–—─―:：▸▹⇒→])[\s\-–—─―:：▸▹⇒→]+$/;

/** The item text, or '' when it is a table row (tab-separated cells) rather than one milestone. */
function cleanItem(text: string): string {
  const item = text.replace(BULLET, '').replace(TRAILING_SEPARATORS, '').trim();
  return item.includes('\t') ? '' : item;
}

/**
 * The trailing date of a milestone line and the item text before it:
 * "- 협치 백서 발간 ----- 2021. 11. ~ 2022. 2.", "혁신토론회 개최(3월)", "인권위원회 구성·운영 : 4월".
 * Also reads the schedule form that leads with the date, "ㅇ ’25. 6. : 중간보고회 개최".
 * Returns null when the line has no such date, nothing but a date, or is a tab-separated table row.
 */
export function splitTrailingDate(line: string, ctx?: DateContext): { text: string; date: ResolvedDate } | null {
  try {
    const s = String(line);
    const dates = findDates(s, ctx);
    const last = dates[dates.length - 1];
    if (!last) return null;
    if (/^[\s.,;)]*$/.test(s.slice(last.index + last.length))) {
      const text = cleanItem(s.slice(0, last.index));
      if (text) return { text, date: last.date };
    }
    const first = dates[0]!;
    const lead = BULLET.exec(s)?.[0].length ?? 0;
    if (first.index !== lead) return null;
    const rest = /^\s*[:：]\s*(.*)$/s.exec(s.slice(first.index + first.length));
    const text = rest ? cleanItem(rest[1]!) : '';
    return text ? { text, date: first.date } : null;
  } catch {
    return null;
  }
}

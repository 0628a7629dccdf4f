/**
 * 주요업무 추진실적: a department's annual report, extracted from PDF. Layout read here:
 *
 *   "1. 일반현황" with numbered sub-sections for the org chart (department line "○○과 - (N)개팀", a line of team
 *   names, then "- duty" lines in team order), staffing (정원/현원 rows) and the department budget table (예산액,
 *   집행액 split by as-of dates, 잔액; the "(단위 …)" line may sit before or after the table);
 *   "2. … 추진실적" with numbered project blocks "N 제목 팀명[, 팀명]", a purpose paragraph, □ sections and
 *   optional unnumbered sub-parts (each with its own □ sections); then the numbering restarts for next year's plan.
 *
 * Every block becomes a record per year and phase; the department itself is one more record. Years are rarely in
 * the headings, so they are inferred from the "20NN년" mentions of each part.
 */
import { findDates } from '../../domain/korean-date.js';
import { type MoneyUnit, parseAmountWithUnit, unitFromText } from '../../domain/money.js';
import {
  type Budget,
  type BudgetKind,
  type Contact,
  emptyBudget,
  emptyRecord,
  partialStatus,
  type Milestone,
  type ProjectRecord,
  recordKey,
} from '../../domain/project.js';
import { type Source, src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { compact, isBlank, noBudgetPhrase } from '../structure/cells.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { MAX_DATES_PER_LINE, tooManyDates } from '../structure/dated-items.js';
import { soleFunding } from '../structure/funding.js';
import { bulletLevel, stripBullet } from '../structure/headings.js';
import { detectOrganization } from '../structure/organization.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import {
  AMOUNT_TOKEN,
  type BudgetColumn,
  type BudgetTableRead,
  readBudgetTable as readBudgetColumns,
  tokens,
} from '../tables/budget-columns.js';
import { readDocumentOverview } from '../tables/overview.js';
import { readStaffRows } from '../tables/staff-rows.js';

type Phase = 'report' | 'plan';

/** A 0-based half-open range of the document's lines. */
interface Span {
  from: number;
  to: number;
}

interface Ctx {
  doc: SourceDocument;
  /**
   * The lines the document's model read, as written, each with its block: the PDF export leaves the report's
   * headings, table rows and org chart laid out line by line, and blank lines are none of them.
   */
  read: LineRead[];
  /** The document's line count: where a span that runs to the end stops. */
  total: number;
  warnings: ParseWarning[];
  /** The unit the department table used, for blocks that do not name one. */
  defaultUnit: MoneyUnit | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Line shapes

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';
/** "1. 일반현황", "Ⅱ. 주요업무 추진실적": the document's top-level parts. */
const TOP_HEADING = new RegExp(
  `^\\s*([${ROMAN}]|[IVX]{1,4}|\\d{1,2})\\.\\s*((?:20\\d{2}\\s*년도?\\s*)?[가-힣「‘'"(].{0,50})$`,
);
/** "1 조직", " 3 예산현황", "가. 인력", "□ 예산": sub-sections of the general part. */
const GENERAL_HEADING = /^\s*(?:\d{1,2}(?:\s*\.)?|[가-하]\.|[□■○◆◇❖])\s*([가-힣][가-힣\s·()]{0,14}?)\s*(?:[:：(].*)?$/;
/** " 1 감사의 내실화 및 공직기강 확립 감사팀": a number without a dot, then a title. */
// The title ends at its last non-space: `.*?\s*$` rescans a run of spaces from each of its positions.
const PROJECT_HEADING = /^\s*(\d{1,2})\s+([^\d\s.)](?:.*\S)?)\s*$/;
/**
 * Table-of-contents lines end in leader dots and a page number. Four leaders, not "four or more" from the first:
 * a test from every dot of a long run (and `\s*\d*\s*`, which can split spaces many ways) took quadratic time.
 */
const TOC_LEADER = /[·.…‥](?:\s*[·.…‥]){3}\s*(?:\d+\s*)?$/;
const BOX = /^\s*[□■]\s*/;
const YEAR_IN_TEXT = /(?<!\d)(20\d{2})\s*년/g;
const TEAM_NAME = /^[가-힣A-Za-z]{1,12}(?:팀|담당|반)$/;

function isTopHeading(line: string): RegExpExecArray | null {
  if (TOC_LEADER.test(line) || line.trim().length > 60) return null;
  return TOP_HEADING.exec(line);
}

function isBoxLine(line: string): boolean {
  return BOX.test(line);
}

/** The name of a □ section without its inline value or unit: "예산현황", "소요예산", "세부 추진계획". */
function boxName(line: string): string {
  return line
    .replace(BOX, '')
    .split(/[:：(<]/)[0]!
    .trim();
}

function amountTokenCount(line: string): number {
  return tokens(line).filter((t) => AMOUNT_TOKEN.test(t)).length;
}

/** Index in `read` of the first line at or after 0-based line `at`. */
function firstAt(read: LineRead[], at: number): number {
  let lo = 0;
  let hi = read.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (read[mid]!.n - 1 < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lines read within a span, in order. */
function inSpan(read: LineRead[], span: Span): LineRead[] {
  const out: LineRead[] = [];
  for (let k = firstAt(read, span.from); k < read.length && read[k]!.n - 1 < span.to; k++) out.push(read[k]!);
  return out;
}

/** The 0-based index of a line read. */
const indexOf = (l: LineRead) => l.n - 1;

/** A src for 0-based line indexes. */
function srcAt(section: string | null, from: number, to: number = from): Source {
  return src(section, from + 1, to + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

function detect(doc: SourceDocument): number {
  let resultsTop = false;
  let resultBoxes = 0;
  let executionTables = 0;
  let orgLine = false;
  let teamHeadings = 0;
  for (const { text: line } of linesRead(modelOf(doc))) {
    const top = isTopHeading(line);
    if (top && /실적/.test(top[2]!)) resultsTop = true;
    if (isBoxLine(line) && /실적/.test(boxName(line))) resultBoxes++;
    const c = compact(line);
    if (/예산액/.test(c) && /집행액/.test(c)) executionTables++;
    if (/(?<![가-힣])[가-힣]+[-–(]+\d+\)?개?(?:팀|담당)/.test(c)) orgLine = true;
    const h = PROJECT_HEADING.exec(line);
    if (h && !TOC_LEADER.test(line) && /(?:팀|담당)$/.test(h[2]!)) teamHeadings++;
  }
  let score = 0;
  if (resultsTop) score += 0.3;
  if (resultBoxes > 0) score += 0.2;
  if (executionTables > 0) score += 0.2;
  if (teamHeadings >= 2) score += 0.2;
  if (orgLine) score += 0.1;
  // The 실적 words alone appear in policy sheets too; the report needs its tables or its project blocks as well.
  return score >= 0.6 && (executionTables > 0 || teamHeadings >= 2) ? Math.min(score, 0.95) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Document layout: general part, project runs

interface GeneralSection {
  kind: 'org' | 'staff' | 'budget';
  title: string;
  /** The heading line as written ("3 예산현황 (단위 : 천원)"). */
  line: string;
  span: Span;
}

interface Layout {
  general: GeneralSection[];
  /** Where the project part starts (after the general part). */
  projectStart: number;
  /** Top-level headings after the general part, which end a project block. */
  tops: Array<{ at: number; text: string }>;
}

function generalKind(title: string): GeneralSection['kind'] | null {
  const t = compact(title);
  if (/^(?:조직|기구)/.test(t)) return 'org';
  if (/^(?:인력|정원|현원|인원)/.test(t)) return 'staff';
  if (/^(?:예산|세출|재정)/.test(t)) return 'budget';
  return null;
}

function readLayout(read: LineRead[], total: number): Layout {
  const heads: Array<{ kind: GeneralSection['kind']; title: string; line: string; at: number }> = [];
  const limit = generalLimit(read, total);
  for (const l of read) {
    const i = indexOf(l);
    if (i >= limit) break;
    const line = l.text;
    if (TOC_LEADER.test(line) || line.trim().length > 30) continue;
    const m = GENERAL_HEADING.exec(line);
    const kind = m ? generalKind(m[1]!) : null;
    if (!kind || heads.some((h) => h.kind === kind)) continue;
    // Sub-sections come in one run near the start; a later "예산" box belongs to a project.
    if (heads.length > 0 && i - heads[heads.length - 1]!.at > 200) break;
    heads.push({ kind, title: compact(m![1]!), line, at: i });
  }
  let projectStart = 0;
  const general: GeneralSection[] = [];
  if (heads.length > 0) {
    const last = heads[heads.length - 1]!.at;
    const endTop = read.find((l) => indexOf(l) > last && isTopHeading(l.text) !== null);
    const generalEnd = endTop ? indexOf(endTop) : findFirstProject(read, last + 1, total);
    projectStart = generalEnd;
    heads.forEach((h, k) => {
      const to = k + 1 < heads.length ? heads[k + 1]!.at : generalEnd;
      general.push({ kind: h.kind, title: h.title, line: h.line, span: { from: h.at, to } });
    });
  }
  const tops = inSpan(read, { from: projectStart, to: total })
    .filter((l) => isTopHeading(l.text))
    .map((l) => ({ at: indexOf(l), text: l.text }));
  return { general, projectStart, tops };
}

/**
 * The general part ends at the part heading of the projects ("2. 주요업무 추진실적"), or failing one at the first
 * numbered block with □ sections: a project's "□ 예산현황" is never taken for the department's.
 */
function generalLimit(read: LineRead[], total: number): number {
  const top = read.find((l) => /실적|계획|추진|성과/.test(isTopHeading(l.text)?.[2] ?? ''));
  if (top) return indexOf(top);
  for (let k = 0; k < read.length; k++) {
    const m = projectHeadingShape(read[k]!.text);
    if (m && !generalKind(m[2]!) && boxFollows(read, k)) return indexOf(read[k]!);
  }
  return total;
}

/** Fallback end of the general part when no top heading follows it. */
function findFirstProject(read: LineRead[], from: number, total: number): number {
  for (let k = firstAt(read, from); k < read.length; k++)
    if (projectHeadingShape(read[k]!.text) && boxFollows(read, k)) return indexOf(read[k]!);
  return total;
}

function projectHeadingShape(line: string): RegExpExecArray | null {
  if (TOC_LEADER.test(line) || /[:：]/.test(line) || line.trim().length > 90) return null;
  const m = PROJECT_HEADING.exec(line);
  if (!m || !/[가-힣]{2}/.test(m[2]!) || amountTokenCount(m[2]!) >= 2) return null;
  return m;
}

/** A project heading (the `k`th line read) is followed by its □ sections before any other heading-shaped line. */
function boxFollows(read: LineRead[], k: number): boolean {
  const at = indexOf(read[k]!);
  for (let j = k + 1; j < read.length && indexOf(read[j]!) < at + 80; j++) {
    const line = read[j]!.text;
    if (isBoxLine(line)) return true;
    if (projectHeadingShape(line) || isTopHeading(line)) return false;
  }
  return false;
}

interface ProjectBlock {
  number: number;
  heading: string;
  title: string;
  teams: string[];
  span: Span;
  run: number;
}

/** Numbered blocks in sequence; numbering that restarts at 1 starts a new run (the next year's plan). */
function readBlocks(read: LineRead[], layout: Layout, knownTeams: string[], total: number): ProjectBlock[] {
  const starts: Array<{ at: number; n: number; run: number; text: string }> = [];
  let last = 0;
  let run = -1;
  for (let k = firstAt(read, layout.projectStart); k < read.length; k++) {
    const m = projectHeadingShape(read[k]!.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (!(n === last + 1 || n === 1) || !boxFollows(read, k)) continue;
    if (n === 1) run++;
    last = n;
    starts.push({ at: indexOf(read[k]!), n, run, text: read[k]!.text });
  }
  return starts.map((s, k) => {
    const nextStart = starts[k + 1]?.at ?? total;
    const nextTop = layout.tops.find((t) => t.at > s.at)?.at ?? total;
    const text = PROJECT_HEADING.exec(s.text)![2]!;
    const { title, teams } = splitTeams(text, knownTeams);
    return {
      number: s.n,
      heading: `${s.n} ${title}`,
      title,
      teams,
      span: { from: s.at, to: Math.min(nextStart, nextTop) },
      run: s.run,
    };
  });
}

/** "구정 청렴도 향상      감사팀, 조사팀" → title and teams; known team names first, else names ending in 팀/담당. */
function splitTeams(text: string, knownTeams: string[]): { title: string; teams: string[] } {
  let rest = text.trim();
  const teams: string[] = [];
  const paren = /\(([^()]+)\)\s*$/.exec(rest);
  if (paren && paren[1]!.split(/[,·\s]+/).every((t) => isTeam(t, knownTeams))) {
    teams.push(...paren[1]!.split(/[,·\s]+/).filter(Boolean));
    rest = rest.slice(0, paren.index).trim();
  }
  for (;;) {
    const m = /(?:^|[\s,·])([^\s,·]+)[\s,·]*$/.exec(rest);
    if (!m || !isTeam(m[1]!, knownTeams)) break;
    const before = rest.slice(0, m.index).trim();
    if (before === '') break;
    teams.unshift(m[1]!);
    rest = before.replace(/[,·]\s*$/, '').trim();
  }
  return { title: rest, teams };
}

function isTeam(token: string, knownTeams: string[]): boolean {
  if (knownTeams.length > 0) return knownTeams.includes(token) || (TEAM_NAME.test(token) && /팀$/.test(token));
  return TEAM_NAME.test(token);
}

// ---------------------------------------------------------------------------------------------------------------
// General part: org chart

interface OrgChart {
  department: string | null;
  teams: Array<{ name: string; duties: string[]; src: Source }>;
}

// Each optional mark takes the spaces after it: `\s*[-:]?\s*` could split a run of spaces many ways.
const DEPT_LINE = /^\s*([가-힣]{2,20}?)\s*(?:[-–:：]\s*)?(?:[(（]\s*)?(\d{1,2})\s*(?:[)）]\s*)?(?:개\s*)?(?:팀|담당)/;

/**
 * The org chart's lines: the department line, team names (one line of them, or one team per line), duties as
 * "- …" lines (a line without a bullet continues the one above: "- 분야별 인권증진" / "세부계획 수립"), or
 * "감사팀 : 자체감사, 청렴도 향상" lines naming team and duties together.
 */
function readOrg(ctx: Ctx, section: GeneralSection): OrgChart {
  let department: string | null = null;
  const teamNames: string[] = [];
  const teamLines: number[] = [];
  const labelled = new Map<string, string[]>();
  const duties: Array<{ text: string; at: number; seen: number }> = [];
  for (const l of inSpan(ctx.read, { from: section.span.from + 1, to: section.span.to })) {
    const i = indexOf(l);
    const line = l.text;
    if (isBlank(line)) continue;
    const dept: RegExpExecArray | null = department === null ? DEPT_LINE.exec(line) : null;
    if (dept) {
      department = dept[1]!;
      continue;
    }
    const words = tokens(line);
    if (bulletLevel(line) === null && words.length > 0 && words.every((w) => TEAM_NAME.test(w))) {
      for (const w of words) {
        teamNames.push(w);
        teamLines.push(i);
      }
      continue;
    }
    const named = /^\s*(?:[-·•○]\s*)?([가-힣A-Za-z]{1,12}(?:팀|담당))\s*[:：]\s*(.+)$/.exec(line);
    if (named) {
      teamNames.push(named[1]!);
      teamLines.push(i);
      labelled.set(named[1]!, named[2]!.split(/(?<!\s)\s*[,·]\s*|[,·]\s*/).filter(Boolean));
      continue;
    }
    if (teamNames.length === 0) continue;
    if (bulletLevel(line) !== null) duties.push({ text: stripBullet(line), at: i, seen: teamNames.length });
    else if (duties.length > 0) duties[duties.length - 1]!.text += ` ${line.trim()}`;
  }
  if (department === null) department = departmentFallback(ctx.read, section);
  const groups = groupDuties(duties, teamNames, teamLines);
  if (duties.length > 0 && groups === null) {
    ctx.warnings.push({
      line: (duties[0]?.at ?? section.span.from) + 1,
      message: `조직도의 담당업무 ${duties.length}건을 팀별로 나누지 못했습니다 (팀 이름만 읽음)`,
    });
  }
  const teams = teamNames.map((name, t) => {
    const mine = groups ? duties.filter((_, d) => groups[d] === t) : [];
    const from = Math.min(teamLines[t]!, mine[0]?.at ?? teamLines[t]!);
    const to = Math.max(teamLines[t]!, mine[mine.length - 1]?.at ?? teamLines[t]!);
    const texts = [...(labelled.get(name) ?? []), ...mine.map((d) => d.text)];
    return { name, duties: texts, src: srcAt(section.title, from, to) };
  });
  return { department, teams };
}

/** Team index per duty: by position when each team's line heads its own duties, else by the order-keeping match. */
function groupDuties(
  duties: Array<{ text: string; seen: number }>,
  teamNames: string[],
  teamLines: number[],
): number[] | null {
  const interleaved = duties.some((d) => d.seen < teamNames.length);
  const oneTeamPerLine = new Set(teamLines).size === teamLines.length;
  if (interleaved && oneTeamPerLine) return duties.map((d) => d.seen - 1);
  return assignDuties(
    duties.map((d) => d.text),
    teamNames,
  );
}

function departmentFallback(read: LineRead[], section: GeneralSection): string | null {
  for (const l of inSpan(read, section.span)) {
    const m = /([가-힣]{2,12}(?:담당관|과|국|실|단|센터|사업소))(?![가-힣])/.exec(l.text);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Duties come in team order (the chart's columns read left to right) with nothing marking where one team's end.
 * The split that best matches duty words to team names (shared two-letter words: "자체감사실시" ↔ 감사팀) while
 * keeping the order is taken, ties going to the earlier team; it is trusted only when nearly every team gets a
 * duty that names it. Returns the team index per duty, or null.
 */
function assignDuties(duties: string[], teams: string[]): number[] | null {
  const n = duties.length;
  const k = teams.length;
  if (n === 0 || k === 0 || n < k) return null;
  const score = duties.map((d) => teams.map((t) => overlap(d, t)));
  // best[i][t]: best total for duties 0..i with duty i in team t (teams non-empty, in order).
  const NEG = Number.NEGATIVE_INFINITY;
  const best = Array.from({ length: n }, () => new Array<number>(k).fill(NEG));
  const from = Array.from({ length: n }, () => new Array<number>(k).fill(-1));
  const bias = (t: number) => -t * 1e-6;
  best[0]![0] = score[0]![0]! + bias(0);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const stay = best[i - 1]![t]!;
      const move = t > 0 ? best[i - 1]![t - 1]! : NEG;
      const prev = stay >= move ? t : t - 1;
      const value = Math.max(stay, move);
      if (value === NEG) continue;
      best[i]![t] = value + score[i]![t]! + bias(t);
      from[i]![t] = prev;
    }
  }
  if (best[n - 1]![k - 1] === NEG) return null;
  const assigned = new Array<number>(n).fill(0);
  let t = k - 1;
  for (let i = n - 1; i >= 0; i--) {
    assigned[i] = t;
    if (i > 0) t = from[i]![t]!;
  }
  const anchored = teams.filter((_, team) => assigned.some((a, d) => a === team && score[d]![team]! > 0)).length;
  return anchored >= k - (k >= 4 ? 1 : 0) ? assigned : null;
}

function overlap(duty: string, team: string): number {
  const stem = team.replace(/(?:팀|담당|반)$/, '');
  const bigrams = (s: string) => {
    const c = compact(s);
    const out = new Set<string>();
    for (let i = 0; i + 1 < c.length; i++) out.add(c.slice(i, i + 2));
    return out;
  };
  const a = bigrams(duty);
  let shared = 0;
  for (const b of bigrams(stem)) if (a.has(b)) shared++;
  return shared;
}

// ---------------------------------------------------------------------------------------------------------------
// Budget tables: read by the table layer (tables/budget-columns.ts) from the lines of a span

function readBudgetTable(
  ctx: Ctx,
  span: Span,
  section: string,
  year: number | null,
  defaults: BudgetColumn[],
  unitHint: MoneyUnit | null,
): BudgetTableRead {
  const under = inSpan(ctx.read, { from: span.to, to: span.to + 3 });
  const spec = { section, year, defaults, unit: unitHint, fallbackUnit: ctx.defaultUnit };
  const table = readBudgetColumns(inSpan(ctx.read, span), under, spec, ctx.warnings);
  // The first unit a table was read in stands for the tables that name none.
  ctx.defaultUnit ??= table.unit;
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Project blocks

interface BoxSection {
  name: string;
  line: string;
  span: Span;
}

function boxSections(read: LineRead[], span: Span): BoxSection[] {
  const starts = inSpan(read, span).filter((l) => isBoxLine(l.text));
  return starts.map((l, k) => ({
    name: boxName(l.text),
    line: l.text,
    span: { from: indexOf(l), to: starts[k + 1] ? indexOf(starts[k + 1]!) : span.to },
  }));
}

/**
 * An unnumbered sub-part title (the `k`th line read): a short line indented where the PDF lost its glyph (or marked ①/◈), no colon,
 * no bullet, directly followed by a □ section. Purpose paragraphs also precede □ lines but are not indented.
 */
function isPartTitle(read: LineRead[], k: number, end: number): boolean {
  const raw = read[k]!.text;
  const t = raw.trim();
  if (t === '' || !(/^\s+\S/.test(raw) || PART_MARK.test(t))) return false;
  if (bulletLevel(t) !== null || isBoxLine(t) || /[:：]/.test(t) || t.length > 40) return false;
  if (/(?:[.。]|[다함임음])$/.test(t) || amountTokenCount(t) > 0) return false;
  const next = read.slice(k + 1).find((l) => !isBlank(l.text));
  return next !== undefined && indexOf(next) < end && isBoxLine(next.text);
}

/** Glyphs that mark a sub-part when the extraction kept them: "① …", "◈ …", "가. …", "(1) …". */
const PART_MARK = /^(?:[①-⑳◈▣]\s*|[가-하]\.\s+|\(\d{1,2}\)\s*)/;

interface Part {
  title: string;
  span: Span;
}

function readParts(read: LineRead[], block: ProjectBlock): { head: Span; parts: Part[] } {
  const starts: LineRead[] = [];
  for (let k = firstAt(read, block.span.from + 1); k < read.length && indexOf(read[k]!) < block.span.to; k++)
    if (isPartTitle(read, k, block.span.to)) starts.push(read[k]!);
  // One indented title is just a heading of the block; parts come at least in twos.
  if (starts.length < 2) return { head: block.span, parts: [] };
  return {
    head: { from: block.span.from, to: indexOf(starts[0]!) },
    parts: starts.map((l, k) => ({
      title: l.text.trim().replace(PART_MARK, '').trim(),
      span: { from: indexOf(l), to: starts[k + 1] ? indexOf(starts[k + 1]!) : block.span.to },
    })),
  };
}

interface Unit {
  title: string;
  heading: string;
  parent: string | null;
  block: ProjectBlock;
  span: Span;
  /** The block's lines before its parts, shared by every part. */
  context: Span | null;
}

function unitsOf(read: LineRead[], block: ProjectBlock): { units: Unit[]; parentOnly: Unit | null } {
  const { head, parts } = readParts(read, block);
  const whole: Unit = {
    title: block.title,
    heading: block.heading,
    parent: null,
    block,
    span: block.span,
    context: null,
  };
  if (parts.length === 0) return { units: [whole], parentOnly: null };
  const units = parts.map((p) => ({
    title: p.title,
    heading: p.title,
    parent: block.title,
    block,
    span: p.span,
    context: head,
  }));
  return { units, parentOnly: { ...whole, span: head } };
}

type SectionRole = 'budget' | 'done' | 'planned' | 'other';

function sectionRole(name: string): SectionRole {
  const c = compact(name);
  if (/예산|사업비|재원/.test(c)) return 'budget';
  if (/실적|성과/.test(c)) return 'done';
  if (/계획|일정|향후/.test(c)) return 'planned';
  return 'other';
}

function buildRecord(
  ctx: Ctx,
  unit: Unit,
  phase: Phase,
  year: number | null,
  base: { organization: string | null; department: string | null },
): ProjectRecord {
  const sections = boxSections(ctx.read, unit.span);
  const budget = emptyBudget();
  const milestones: Milestone[] = [];
  let hasBudget = false;
  for (const section of sections) {
    const role = sectionRole(section.name);
    if (role === 'budget') hasBudget = readUnitBudget(ctx, section, phase, year, budget) || hasBudget;
    else if (role === 'done' || role === 'planned')
      milestones.push(...readMilestones(ctx, section, year, role === 'done'));
  }
  const contacts = contactsIn(ctx.read, unit.span, unit.heading);
  const headings = [...(unit.parent ? [unit.block.heading] : []), unit.heading, ...sections.map((s) => s.name)].filter(
    (h, k, all) => all.indexOf(h) === k,
  );
  const titleKey = unit.parent ? `${unit.parent} - ${unit.title}` : unit.title;
  return emptyRecord({
    kind: 'project',
    key: recordKey([base.organization, base.department, year, phase, titleKey]),
    title: unit.title,
    aliases: unit.parent ? [unit.parent] : [],
    organization: base.organization,
    department: base.department,
    teams: unit.block.teams,
    year,
    phase,
    budget: hasBudget ? budget : null,
    milestones,
    contacts,
    headings,
    src: srcAt(unit.heading, unit.span.from, Math.max(unit.span.from, lastNonBlank(ctx.read, unit.span))),
  });
}

function lastNonBlank(read: LineRead[], span: Span): number {
  const last = inSpan(read, span).findLast((l) => !isBlank(l.text));
  return last ? indexOf(last) : span.from;
}

function contactsIn(read: LineRead[], span: Span, section: string | null): Contact[] {
  return inSpan(read, span).flatMap((l) => contactsFromPhoneLine(l.text, l.n, section));
}

/**
 * "□ 예산현황 (단위:천원)" + header + values, or "□ 소요예산 : 21,371천원 (구비 100%)". Returns whether the section
 * said anything about money (amounts or "비예산").
 */
function readUnitBudget(ctx: Ctx, section: BoxSection, phase: Phase, year: number | null, budget: Budget): boolean {
  const name = section.name;
  const inline = section.line.replace(BOX, '').split(/[:：]/).slice(1).join(':').trim();
  const body = inSpan(ctx.read, section.span)
    .map((l) => l.text)
    .filter((l) => !isBlank(l));
  const none = noBudgetPhrase([inline || body.slice(1).join(' ')]);
  if (none && amountTokenCount(inline || body.slice(1).join(' ')) === 0) {
    // As written: "비예산 사업" from the heading line; a phrase spread over table cells comes closed up.
    budget.noBudget = inline !== '' && inline.length <= 20 ? inline : none;
    return true;
  }
  const s = srcAt(name, section.span.from);
  const defaultKind: BudgetKind = /소요/.test(name) ? 'required' : phase === 'plan' ? 'planned' : 'allocated';
  if (inline && /\d/.test(inline)) {
    const amount = parseAmountWithUnit(inline, unitFromText(section.line) ?? ctx.defaultUnit);
    if (amount) {
      const notes = [...inline.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim()).filter(Boolean);
      const funding = soleFunding(notes);
      budget.lines.push({ period: name, year, kind: defaultKind, funding, item: null, amount, src: s });
      for (const n of notes) budget.notes.push({ text: n, src: s });
      return true;
    }
    ctx.warnings.push({ line: section.span.from + 1, message: `${name}: 금액을 읽지 못했습니다 (${inline})` });
  }
  const table = readBudgetTable(
    ctx,
    { from: section.span.from + 1, to: section.span.to },
    name,
    year,
    [{ kind: defaultKind, label: name, year: null }],
    unitFromText(section.line),
  );
  budget.lines.push(...table.lines);
  budget.rates.push(...table.rates);
  budget.notes.push(...table.notes);
  return table.rows > 0;
}

/**
 * Dated items of a 실적/계획/일정 section. A "-" item keeps its "○" parent as context ("… 계획 수립 › 심사분석 :
 * 7월, 12월"); an item naming several dates becomes one milestone per date. Table rows are skipped.
 */
function readMilestones(ctx: Ctx, section: BoxSection, year: number | null, done: boolean): Milestone[] {
  const out: Milestone[] = [];
  let parent: { text: string; at: number } | null = null;
  for (const l of inSpan(ctx.read, { from: section.span.from + 1, to: section.span.to })) {
    const i = indexOf(l);
    const line = l.text;
    if (isBlank(line) || amountTokenCount(line) >= 3) continue;
    const level = bulletLevel(line);
    const text = stripBullet(line);
    if (level === 1) parent = { text, at: i };
    const dates = datesIn(text, year);
    if (dates.length === 0) continue;
    if (dates.length > MAX_DATES_PER_LINE) {
      ctx.warnings.push({ line: i + 1, message: tooManyDates(dates.length) });
      dates.length = MAX_DATES_PER_LINE;
    }
    const child = level !== null && level >= 2 && parent !== null;
    const shown = child ? `${parent!.text} › ${text}` : text;
    // An item shown with its parent cites the parent's line too.
    const at = child ? srcAt(section.name, parent!.at, i) : srcAt(section.name, i);
    for (const date of dates) out.push({ text: shown, date, done, src: at });
  }
  return out;
}

/**
 * Dates in an item resolved against the record's year. The item's date is the one in value position (after ":",
 * "(" or "~"): "하반기 추진현황 평가 : 12월중" is due in December, and a bare year used as a modifier ("2014년 …
 * 사례집 발간 : 7.15") names the topic, so it is blanked before it lends its year to the real date. Without a
 * value-position date, whatever date the item names is kept. "3. 26" after a colon is closed up to "3.26", which
 * the date reader takes only without the space.
 */
function datesIn(text: string, year: number | null): NonNullable<Milestone['date']>[] {
  const ctx = year === null ? {} : { year };
  const closed = text.replace(/([:：(]\s*)(\d{1,2})\.\s+(\d{1,2})(?![\d.])/g, '$1$2.$3');
  // Read from the end of the text before the date: a pattern tried at every position of it, per date, and the
  // whole text rebuilt per blanked year, were quadratic in the dates of a line.
  const inValue = (s: string, index: number) => /[:：(~]/.test(s.slice(0, index).trimEnd().slice(-1));
  let t = '';
  let at = 0;
  for (const m of findDates(closed, ctx)) {
    if (m.date.precision === 'year' && !inValue(closed, m.index)) {
      t += closed.slice(at, m.index) + ' '.repeat(m.length);
      at = m.index + m.length;
    }
  }
  t += closed.slice(at);
  const found = findDates(t, ctx).filter((m) => m.date.start !== null || m.date.end !== null);
  // "심사분석 : 7월, 12월": a list after the colon is all in value position.
  const valued: typeof found = [];
  for (const m of found) {
    const prev = valued[valued.length - 1];
    const listed = prev !== undefined && /^\s*(?:[,·]|및|와|과)\s*$/.test(t.slice(prev.index + prev.length, m.index));
    if (inValue(t, m.index) || listed) valued.push(m);
  }
  return (valued.length > 0 ? valued : found).map((m) => m.date);
}

// ---------------------------------------------------------------------------------------------------------------
// Years and phases

function yearCounts(read: LineRead[], spans: Span[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const span of spans) {
    for (const l of inSpan(read, span)) {
      for (const m of l.text.matchAll(YEAR_IN_TEXT)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function mostFrequent(counts: Map<number, number>, filter: (y: number) => boolean = () => true): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (!filter(y)) continue;
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

function runPhase(read: LineRead[], blocks: ProjectBlock[], runIndex: number): Phase {
  let done = 0;
  let planned = 0;
  for (const b of blocks) {
    for (const s of boxSections(read, b.span)) {
      const c = compact(s.name);
      if (/실적/.test(c) || /예산현황/.test(c)) done++;
      if (/소요예산|세부추진계획|추진일정|추진방향/.test(c)) planned++;
    }
  }
  if (done === 0 && planned === 0) return runIndex === 0 ? 'report' : 'plan';
  return done >= planned ? 'report' : 'plan';
}

/** The year named in a top heading just before the run ("2. 2015년 주요업무 추진실적"), if any. */
function headingYear(layout: Layout, firstLine: number): number | null {
  const top = [...layout.tops].reverse().find((t) => t.at < firstLine);
  if (top === undefined) return null;
  const m = /(20\d{2})\s*년/.exec(top.text);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Parse

function parse(doc: SourceDocument): ParseResult {
  const read = linesRead(modelOf(doc));
  const ctx: Ctx = { doc, read, total: doc.lines.length, warnings: [], defaultUnit: null };
  const organization = detectOrganization(read.map((l) => l.text));
  const layout = readLayout(read, ctx.total);
  const orgSection = layout.general.find((g) => g.kind === 'org');
  const org: OrgChart = orgSection ? readOrg(ctx, orgSection) : { department: null, teams: [] };
  const blocks = readBlocks(
    read,
    layout,
    org.teams.map((t) => t.name),
    ctx.total,
  );
  if (blocks.length === 0) ctx.warnings.push({ line: null, message: '번호 붙은 사업 항목을 찾지 못했습니다' });

  const runs = [...new Set(blocks.map((b) => b.run))];
  const phases = runs.map((r) =>
    runPhase(
      read,
      blocks.filter((b) => b.run === r),
      r,
    ),
  );
  const years = inferYears(ctx, layout, blocks, runs, phases);
  const department = org.department ?? departmentFromText(read);
  if (!department) ctx.warnings.push({ line: null, message: '부서 이름을 찾지 못했습니다' });
  const base = { organization, department };

  const reportYear = years.find((_, k) => phases[k] === 'report') ?? null;
  const deptRecord = buildDepartment(ctx, layout, org, base, reportYear);
  const records: ProjectRecord[] = deptRecord ? [deptRecord] : [];
  runs.forEach((r, k) => {
    for (const block of blocks.filter((b) => b.run === r)) {
      try {
        records.push(...blockRecords(ctx, block, phases[k]!, years[k]!, base));
      } catch (err) {
        // One odd block costs its own records, not the document's.
        ctx.warnings.push({
          line: block.span.from + 1,
          message: `"${block.title}"을 읽지 못했습니다: ${(err as Error).message}`,
        });
      }
    }
  });
  return { family: 'annual-report', organization, records, warnings: ctx.warnings };
}

/**
 * A block's records: one, or one per sub-part. The parent of sub-parts is no record of its own unless its lines
 * before the parts carry facts; the parts carry its title as an alias and heading so it stays searchable.
 */
function blockRecords(
  ctx: Ctx,
  block: ProjectBlock,
  phase: Phase,
  year: number | null,
  base: { organization: string | null; department: string | null },
): ProjectRecord[] {
  const { units, parentOnly } = unitsOf(ctx.read, block);
  const out: ProjectRecord[] = [];
  if (parentOnly) {
    const parent = buildRecord(ctx, parentOnly, phase, year, base);
    if (parent.budget || parent.milestones.length > 0) out.push(parent);
  }
  for (const unit of units) out.push(buildRecord(ctx, unit, phase, year, base));
  return out;
}

/** The year of each run: a year in its top heading, else the most frequent "20NN년" in it; a plan follows the report. */
function inferYears(
  ctx: Ctx,
  layout: Layout,
  blocks: ProjectBlock[],
  runs: number[],
  phases: Phase[],
): (number | null)[] {
  const spanOf = (r: number): Span[] => blocks.filter((b) => b.run === r).map((b) => b.span);
  const years: (number | null)[] = runs.map((r) => {
    const first = blocks.find((b) => b.run === r)!;
    return headingYear(layout, first.span.from);
  });
  const reportIdx = phases.indexOf('report');
  if (reportIdx >= 0 && years[reportIdx] === null)
    years[reportIdx] = mostFrequent(yearCounts(ctx.read, spanOf(runs[reportIdx]!)));
  const reportYear = reportIdx >= 0 ? years[reportIdx]! : null;
  runs.forEach((r, k) => {
    if (years[k] !== null || k === reportIdx) return;
    const counts = yearCounts(ctx.read, spanOf(r));
    const found = mostFrequent(counts, (y) => reportYear === null || y > reportYear);
    years[k] = found ?? (reportYear !== null ? reportYear + 1 : null);
  });
  if (years.some((y) => y === null)) {
    ctx.warnings.push({ line: null, message: '연도를 본문에서 찾지 못했습니다 (year 비움)' });
  }
  return years;
}

function departmentFromText(read: LineRead[]): string | null {
  for (const l of inSpan(read, { from: 0, to: 60 })) {
    const m = /([가-힣]{2,12}(?:담당관|과))(?![가-힣])/.exec(l.text);
    if (m) return m[1]!;
  }
  return null;
}

function buildDepartment(
  ctx: Ctx,
  layout: Layout,
  org: OrgChart,
  base: { organization: string | null; department: string | null },
  year: number | null,
): ProjectRecord | null {
  if (layout.general.length === 0 || !base.department) return null;
  const staffSection = layout.general.find((g) => g.kind === 'staff');
  const budgetSection = layout.general.find((g) => g.kind === 'budget');
  const staffing = staffSection
    ? readStaffRows(inSpan(ctx.read, { from: staffSection.span.from + 1, to: staffSection.span.to }), staffSection.title, ctx.warnings)
    : [];
  let budget: Budget | null = null;
  let asOf: string | null = null;
  if (budgetSection) {
    const table = readBudgetTable(
      ctx,
      { from: budgetSection.span.from + 1, to: budgetSection.span.to },
      budgetSection.title,
      year,
      [{ kind: 'allocated', label: '예산액', year: null }],
      unitFromText(budgetSection.line),
    );
    if (table.rows > 0) budget = { noBudget: null, lines: table.lines, rates: table.rates, notes: table.notes };
    asOf = table.asOf;
  }
  const first = layout.general[0]!.span.from;
  const last = layout.general[layout.general.length - 1]!.span.to - 1;
  const s = srcAt(layout.general[0]!.title, first, lastNonBlank(ctx.read, { from: first, to: last + 1 }));
  // The one table reader over the general part: the organisation count as written ("(7)개팀") and every table's
  // cells; the staffing and budget read above stay the record's own figures.
  const overview = readDocumentOverview(ctx.doc, { from: first, to: last, section: layout.general[0]!.title });
  return emptyRecord({
    kind: 'department',
    key: recordKey([base.organization, base.department, year, 'department']),
    title: base.department!,
    organization: base.organization,
    department: base.department,
    teams: org.teams.map((t) => t.name),
    year,
    phase: 'report',
    status: asOf
      ? partialStatus({ asOf, src: srcAt(budgetSection?.title ?? null, budgetSection?.span.from ?? first) })
      : null,
    budget,
    orgTeams: org.teams,
    staffing,
    overview,
    contacts: contactsIn(ctx.read, { from: first, to: last + 1 }, null),
    headings: layout.general.map((g) => g.title),
    src: s,
  });
}

export const annualReportFamily: DocumentFamily = {
  name: 'annual-report',
  description: '부서 주요업무 추진실적 (일반현황·사업별 실적·다음 해 계획)',
  detect,
  parse,
};

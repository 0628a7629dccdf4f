/**
 * 주요업무계획: one department's plan for a year, as a city writes it for its council. Structure read here:
 *
 *   a title block (the plan year "2019년 주요 업무계획" / "- 2025년도 -", the report date "2018. 12.", sometimes the
 *   department "부산광역시인재개발원"), a table of contents of Roman-numbered parts with page numbers, then the parts:
 *   "I. 일반현황 / 기본현황" (기구·조직표, 인력 정원/현원, 예산 tables, 부서별 주요업무) and the part that plans the
 *   year ("III. 2019년 주요업무 추진계획", "Ⅳ. 전략과제별 주요 업무 추진계획"). That part holds the numbered tasks,
 *   listed with their pages in a table of contents (front matter or the part's own first page); in the body a task
 *   opens with its numbered title ("1 / 제목", "❶ 제목", "1      제목") or, when the title is left out, with its
 *   "◇" summary block. Tasks carry □ sections and dated bullet lines ("(3~5월)", "인권위원회 구성·운영 : 4월").
 *
 * The department becomes one record (kind "department": teams, 정원/현원, budget lines) and every task one project
 * record with its milestones resolved against the plan year. Layout-mode PDF text is messy: every table is checked
 * (sums, 증감 columns) before its numbers are kept, and a table that does not check out becomes a warning.
 */
import { findDates, parseKoreanDate, type ResolvedDate, splitTrailingDate } from '../../domain/korean-date.js';
import { type Money, type MoneyUnit, parseAmount, unitFromText } from '../../domain/money.js';
import {
  type Budget,
  type BudgetLine,
  type Contact,
  emptyBudget,
  emptyRecord,
  type Milestone,
  type ProjectRecord,
  recordKey,
} from '../../domain/project.js';
import { type Source, src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import { compact, isBlank } from '../structure/cells.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { datedClauses, MAX_DATES_PER_LINE, tooManyDates } from '../structure/dated-items.js';
import { headingText, stripBullet } from '../structure/headings.js';
import { detectOrganization, organizationAliases } from '../structure/organization.js';
import { cellsOf, lineCells } from '../tables/cells.js';
import { DASH_CELL, documentFigureTableBelow, type FigureRow, headerByPosition, TOTAL_LABEL } from '../tables/figure-rows.js';
import { overviewBudget, overviewStaffing, readDocumentOverview } from '../tables/overview.js';

const FAMILY = 'work-plan';
/** "Ⅲ. 제목", "III. 제목", and in layout text a Roman numeral character set off by spaces alone ("Ⅴ     제목"). */
const ROMAN_HEADING = /^\s*([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]{1,4})\s*\.\s*(.+)$|^\s*([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s{2,}(\S.*)$/;
/** A table-of-contents page reference: "⇥6", "········ 7", "   12", or the lone " ·" of a dotted leader. */
// Tried only where a run of spaces or of leaders begins (from every position of a long run it took quadratic
// time), with the page number's spaces read one way: `\s*\d{0,3}\s*` could split them many ways.
const PAGE_REF =
  /(?:(?<!\s)(?:\t\s*\d{1,3}\s*|\s+[·…ㆍ.]{2,}\s*(?:\d{1,3}\s*)?|\s+·\s*(?:\d{1,3}\s*)?|\s{2,}\d{1,3}\s*)|(?<![·…ㆍ.])[·…ㆍ.]{2,}\s*(?:\d{1,3}\s*)?)$/;
const SUMMARY_GLYPH = /^\s*(?:-\s*)?[◇◈❖◆]/;
/**
 * A □ section line. PDF extraction often maps the □ glyph to a private-use character (U+F000…): that is the
 * same heading level, so it counts as □ here.
 */
const SECTION_GLYPH = /^\s*[□■\uE000-\uF8FF]/;
const PRIVATE_GLYPH = /[\uE000-\uF8FF]/g;
const DINGBAT_NUMBERS = '❶❷❸❹❺❻❼❽❾❿➊➋➌➍➎➏➐➑➒➓';
/** Units that name a department or one of its sub-units. */
const UNIT_SUFFIX = /(?:담당관실|담당관|사업본부|본부|사업소|개발원|연구원|연구소|센터|과|국|실|단|원|팀|[가-힣]{2}관)$/;
/** Sub-units a staffing row may name (a "공무원" or "6급" row is a grade group, not a team). */
const TEAM_SUFFIX = /(?:팀|과|담당관|담당관실|실|사업소|센터|지소)$/;

type Warn = (line: number | null, message: string) => void;

/** 1-based inclusive line range. */
interface Range {
  from: number;
  to: number;
}

interface Part extends Range {
  numeral: string;
  title: string;
}

interface TocEntry {
  title: string;
  line: number;
  /** The entry's number as written ("2." → 2). */
  number?: number;
}

interface TaskSpan extends Range {
  title: string;
  /** The title as the body writes it, when it differs from the table of contents. */
  bodyTitle: string | null;
  category: string | null;
}

interface Context {
  doc: SourceDocument;
  organization: string | null;
  department: string | null;
  year: number | null;
  reportDate: { asOf: string; line: number } | null;
  warn: Warn;
}

/**
 * The lines of the document model's blocks as written, in order: what a step reading a line's layout (its glyph,
 * its columns, a number set off by spaces) reads. A table's header lines come with its first row; blank lines and
 * rules are no block.
 */
function writtenLines(doc: SourceDocument): LineRead[] {
  return linesRead(modelOf(doc));
}

/** The written lines from `from` to `to` (1-based, inclusive). */
function linesIn(doc: SourceDocument, from: number, to: number): LineRead[] {
  return writtenLines(doc).filter((l) => l.n >= from && l.n <= to);
}

export const workPlanFamily: DocumentFamily = {
  name: FAMILY,
  description: '주요업무계획: 부서의 한 해 업무계획 (일반현황·인력·예산, 추진과제와 일정)',
  detect: detectWorkPlan,
  parse: parseWorkPlan,
};

// ---------------------------------------------------------------------------------------------------------------
// Detection.

/**
 * The words 주요업무계획 in the title block or the contents, plus the 현황 part and staffing/budget tables a plan
 * opens with. An annual report (주요업무 추진실적) has the 현황 part too but never calls itself a 업무계획.
 */
function detectWorkPlan(doc: SourceDocument): number {
  const head = linesIn(doc, 1, 60).map((l) => compact(l.text));
  const titled = head.some((l) => /주요업무계획|주요업무추진계획|\d{4}년도?업무계획/.test(l));
  if (!titled) return 0;
  let score = 0.55;
  const parts = romanHeadings(doc);
  if (parts.some((p) => /(?:일반|기본)현황/.test(compact(p.title)))) score += 0.2;
  if (parts.some((p) => isTaskPartTitle(p.title))) score += 0.1;
  if (writtenLines(doc).some((l) => /정원|현원|정\/현원/.test(compact(l.text)))) score += 0.05;
  return Math.min(score, 0.9);
}

// ---------------------------------------------------------------------------------------------------------------
// Parse.

function parseWorkPlan(doc: SourceDocument): ParseResult {
  const warnings: ParseWarning[] = [];
  const warn: Warn = (line, message) => warnings.push({ line, message });
  const organization = detectOrganization(writtenLines(doc).map((l) => l.text));
  const parts = bodyParts(doc);
  const titleEnd = titleBlockEnd(doc);
  const general = generalRange(doc, parts);
  const taskPart = parts.find((p) => isTaskPartTitle(p.title)) ?? null;
  const year = planYear(doc, titleEnd, taskPart);
  if (year === null) warn(null, '계획 연도를 찾지 못했습니다');
  const ctx: Context = {
    doc,
    organization,
    department: null,
    year,
    reportDate: reportDate(doc, titleEnd),
    warn,
  };
  ctx.department = findDepartment(ctx, titleEnd, general);
  if (!ctx.department) warn(null, '부서명을 찾지 못했습니다');
  const records: ProjectRecord[] = [departmentRecord(ctx, general, parts)];
  if (taskPart) records.push(...taskRecords(ctx, taskPart));
  else warn(null, '추진계획 부분(Ⅲ/Ⅳ. … 추진계획)을 찾지 못해 과제를 읽지 않았습니다');
  return { family: FAMILY, organization, records, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Document layout: title block, parts, table of contents.

interface RomanLine {
  numeral: string;
  title: string;
  line: number;
  toc: boolean;
}

/**
 * The parts of the plan and their contents entries, from the document model: a block that opens with a Roman
 * numeral as written — a level-0 heading ("Ⅲ. 제목", "Ⅴ     제목"), and where the model does not read one so, a
 * contents line it read as a table row ("III. 제목⇥4"). "참고 1" headings of the same level are not parts.
 */
function romanHeadings(doc: SourceDocument): RomanLine[] {
  const out: RomanLine[] = [];
  for (const block of modelOf(doc).blocks) {
    const text = block.written?.[0] ?? block.text;
    const m = ROMAN_HEADING.exec(text);
    const title = m?.[2] ?? m?.[4];
    if (!m || !/[가-힣]/.test(title!)) continue;
    const toc = PAGE_REF.test(text);
    out.push({ numeral: (m[1] ?? m[3])!, title: title!.replace(PAGE_REF, '').trim(), line: block.lines[0], toc });
  }
  return out;
}

/** Roman headings without a page reference are the body's parts; each runs to the next one. */
function bodyParts(doc: SourceDocument): Part[] {
  const all = romanHeadings(doc).filter((h) => !h.toc);
  // Raw mode puts a contents entry's page number on lines of its own: an entry the body repeats later (same
  // numeral, same title) is the contents', not a part.
  const heads = all.filter(
    (h, k) => !all.slice(k + 1).some((g) => g.numeral === h.numeral && compact(g.title) === compact(h.title)),
  );
  const contents = romanHeadings(doc).filter((h) => h.toc);
  // A body heading the layout cut short ("Ⅳ. 2025년" over "주요 업무계획") is named by its contents entry.
  const titleOf = (h: RomanLine) => {
    const entry = contents.find((c) => c.line < h.line && romanValue(c.numeral) === romanValue(h.numeral));
    const [short, full] = [compact(h.title), compact(entry?.title ?? '')];
    return entry && full.length > short.length && full.startsWith(short) ? entry.title : h.title;
  };
  return heads.map((h, k) => ({
    numeral: h.numeral,
    title: titleOf(h),
    from: h.line,
    to: (heads[k + 1]?.line ?? doc.lines.length + 1) - 1,
  }));
}

function isTaskPartTitle(title: string): boolean {
  const t = compact(title);
  return /추진계획|업무계획/.test(t) && !/성과|실적|여건|진단|현안/.test(t);
}

/** The lines before the contents ("목차", "순서") or the first part: where the title and date stand. */
function titleBlockEnd(doc: SourceDocument): number {
  const limit = Math.min(doc.lines.length, 40);
  const first = romanHeadings(doc)[0]?.line ?? Infinity;
  for (const block of modelOf(doc).blocks) {
    if (block.lines[0] > limit) break;
    if (/^(?:목차|순서|보고순서|차례)$/.test(compact(block.text)) || block.lines[0] >= first) return block.lines[0] - 1;
  }
  return Math.min(limit, 15);
}

/** The 현황 part, or everything before the task part when the document has no such heading. */
function generalRange(doc: SourceDocument, parts: Part[]): Range {
  const status = parts.find((p) => /(?:일반|기본)현황/.test(compact(p.title)));
  if (status) return { from: status.from, to: status.to };
  const task = parts.find((p) => isTaskPartTitle(p.title));
  return { from: 1, to: task ? task.from - 1 : Math.min(doc.lines.length, 120) };
}

function planYear(doc: SourceDocument, titleEnd: number, taskPart: Part | null): number | null {
  const block = linesIn(doc, 1, Math.max(titleEnd, 1)).map((l) => l.text);
  for (const line of block) {
    const m = /(\d{4})\s*년도?\s*(?:[-–]\s*)?주요\s*업무\s*계획/.exec(line);
    if (m) return Number(m[1]);
  }
  // "- 2025년도 -" on its own line above "주요업무계획".
  if (block.some((l) => /주요업무계획/.test(compact(l)))) {
    for (const line of block) {
      const m = /^[\s\-–]*(\d{4})\s*년도?[\s\-–]*$/.exec(line);
      if (m) return Number(m[1]);
    }
  }
  const fromPart = taskPart ? /(\d{4})\s*년/.exec(taskPart.title) : null;
  if (fromPart) return Number(fromPart[1]);
  for (const { text } of linesIn(doc, 1, 60)) {
    const m = /(\d{4})\s*년도?\s*주요\s*업무\s*계획/.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** "2018. 12." or "2025. 2. 7.(금) 14:00" standing alone in the title block. */
function reportDate(doc: SourceDocument, titleEnd: number): { asOf: string; line: number } | null {
  for (const { n: line, text } of linesIn(doc, 1, Math.max(titleEnd, 1))) {
    const m = /^(\d{4}\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.)?)/.exec(text.trim());
    if (!m) continue;
    const date = parseKoreanDate(m[1]!);
    if (!date?.start) continue;
    const asOf = date.precision === 'day' ? date.start : date.start.slice(0, 7);
    return { asOf, line };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Department name.

/**
 * The title block names the department in most plans ("부산광역시인재개발원"); otherwise the root of the org chart
 * under "기구/조직" ("대변인", "상수도사업본부"); otherwise a unit name standing alone on a line or as a table row
 * ("혁신담당관실"), the most frequent winning.
 */
function findDepartment(ctx: Context, titleEnd: number, general: Range): string | null {
  const { doc } = ctx;
  for (const { text } of linesIn(doc, 1, titleEnd)) {
    const name = departmentName(text, ctx.organization);
    if (name) return name;
  }
  const root = orgChartRoot(doc, general);
  if (root) return stripOrganization(root, ctx.organization);
  const counts = new Map<string, number>();
  for (const { text } of writtenLines(doc)) {
    const first = cellsOf(text)[0] ?? '';
    const lone = cellsOf(text).length === 1 || (text.includes('\t') && first !== '');
    if (!lone) continue;
    const name = departmentName(first, ctx.organization);
    if (name && !/팀$/.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

function departmentName(text: string, organization: string | null): string | null {
  // A title block may write the name in brackets and spread over the page: "(기   획   관)".
  const bare = text.trim().replace(/^\((.+)\)$/, '$1').trim();
  const t = bare.split(/\s+/).every((w) => /^[가-힣]$/.test(w)) ? bare.replace(/\s+/g, '') : bare;
  if (!/^[가-힣]{2,20}$/.test(t) || /위원회$|계획$|현황$/.test(t)) return null;
  // A lone "부산광역시" is the organisation, not a department.
  if (t === organization) return null;
  const name = stripOrganization(t, organization);
  return name.length >= 2 && UNIT_SUFFIX.test(name) && !/팀$/.test(name) ? name : null;
}

function stripOrganization(name: string, organization: string | null): string {
  if (!organization) return name;
  // "부산광역시인재개발원", "부산시인재개발원"; never the bare "부산" (부산진구청 is a district office).
  const forms = [organization, ...organizationAliases(organization).map((a) => `${a}시`)];
  for (const form of forms) {
    if (name.startsWith(form) && name.length > form.length + 1) return name.slice(form.length).trim();
  }
  return name;
}

/** The first lone name under the "기구 : …" / "조직 ▸ …" line: the head of the chart, unless it is a post (원장). */
function orgChartRoot(doc: SourceDocument, general: Range): string | null {
  const all = writtenLines(doc);
  for (const [k, { n: at, text }] of all.entries()) {
    if (at < general.from || at > general.to) continue;
    const label = compact(stripGlyph(text)).replace(/^ㅇ/, '').replace(/^\d+/, '');
    if (!/^(?:기구|조직)(?:[:▸·]|$)/.test(label) || /조직표|조직도/.test(label)) continue;
    // The four lines under the label (blank lines are no block).
    for (const { text: line } of all.slice(k + 1, k + 5)) {
      if (/인력|정원|현원|예산/.test(line)) return null;
      const cells = lineCells(line);
      if (cells.length !== 1 || !/^[가-힣]{2,15}$/.test(cells[0]!)) continue;
      if (/장$/.test(cells[0]!) || /^(?:조직|기구|조직표|조직도)$/.test(cells[0]!)) continue;
      return cells[0]!;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The department record: teams, staffing, budget.

function departmentRecord(ctx: Context, general: Range, parts: Part[]): ProjectRecord {
  const { doc } = ctx;
  const title = ctx.department ?? doc.name;
  const section = partTitleAt(parts, general.from) ?? null;
  // The one table reader first; the older line readers only where it finds no staffing or budget table.
  const overview = readDocumentOverview(doc, { from: general.from, to: overviewEnd(doc, general), section });
  const heading = (line: number) => headingAbove(doc, line, general.from);
  const read = overviewStaffing(overview, heading);
  const staffing = read.length > 0 ? read : readStaffing(ctx, general, section);
  const duties = readDutyTable(ctx, general, section);
  const teamNames = unique([
    ...overview.units.filter((u) => u !== ctx.department && u !== title),
    ...duties.map((t) => t.name),
    ...staffing.filter((s) => !TOTAL_LABEL.test(s.group) && TEAM_SUFFIX.test(s.group)).map((s) => s.group),
  ]);
  const orgTeams = teamNames.map(
    (name) =>
      duties.find((t) => t.name === name) ?? {
        name,
        duties: [],
        src: staffing.find((s) => s.group === name)?.src ?? src(section, general.from),
      },
  );
  const overviewLines = overviewBudget(overview, ctx.year, heading);
  const lines = readBudget(ctx, general, section, overviewLines);
  const budget: Budget | null = lines.length > 0 ? { ...emptyBudget(), lines } : null;
  const record = emptyRecord({
    kind: 'department',
    key: recordKey([ctx.organization, ctx.department, ctx.year, 'plan', 'department']),
    title,
    src: src(section, general.from, general.to),
  });
  return {
    ...record,
    organization: ctx.organization,
    aliases: departmentAliases(ctx),
    department: ctx.department,
    teams: teamNames,
    year: ctx.year,
    phase: 'plan',
    status: planStatus(ctx, false, general.from),
    budget,
    orgTeams,
    staffing,
    overview,
    headings: parts.map((p) => p.title),
  };
}

/** The overview part ends at the next part; a 기본현황 that runs to the end of the file is cut at 300 lines. */
function overviewEnd(doc: SourceDocument, general: Range): number {
  return Math.min(general.to, general.from + 300, doc.lines.length);
}

const OVERVIEW_HEADING = /^\s*(?:[□■○ㅇ◦❍▪•∘]|\d{1,2}\s+[가-힣])/;

/** The nearest heading line above `line` (a table's "□ 인 력 : …"), spread letters closed up. */
function headingAbove(doc: SourceDocument, line: number, floor: number): string | null {
  const above = linesIn(doc, Math.max(floor, line - 10), line - 1).reverse();
  const heading = above.find((l) => OVERVIEW_HEADING.test(l.text));
  return heading ? compact(heading.text) : null;
}

/** "대변인" is also written "대변인실"; the title block may give the full "부산광역시인재개발원". */
function departmentAliases(ctx: Context): string[] {
  const dept = ctx.department;
  if (!dept) return [];
  const text = writtenLines(ctx.doc)
    .map((l) => l.text)
    .join('\n');
  const out: string[] = [];
  if (!/실$/.test(dept) && text.includes(`${dept}실`)) out.push(`${dept}실`);
  if (ctx.organization && text.includes(`${ctx.organization}${dept}`)) out.push(`${ctx.organization}${dept}`);
  return out;
}

function planStatus(ctx: Context, planned: boolean, fallbackLine: number): ProjectRecord['status'] {
  if (!ctx.reportDate && !planned) return null;
  return {
    progressPct: null,
    stateWritten: null,
    state: planned ? 'planned' : null,
    targetMonth: null,
    targetWritten: null,
    period: null,
    asOf: ctx.reportDate?.asOf ?? null,
    src: src(null, ctx.reportDate?.line ?? fallbackLine),
    asOfSrc: ctx.reportDate ? src(null, ctx.reportDate.line) : null,
  };
}

function partTitleAt(parts: Part[], line: number): string | undefined {
  return parts.find((p) => p.from <= line && line <= p.to)?.title;
}

// --- staffing ---------------------------------------------------------------------------------------------------

type Staffing = ProjectRecord['staffing'][number];

/**
 * Staffing tables are read by the one table reader (overviewStaffing); a plan that states it in a sentence,
 * "정원 1,138명(공무원 850명, 공무직·청경 등 288명)", is read here.
 */
function readStaffing(ctx: Context, general: Range, section: string | null): Staffing[] {
  return staffingInline(ctx, general, section);
}

function countOf(text: string): number | null {
  const t = text.replace(/,/g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** "정원 1,138명(공무원 850명, 공무직·청경 등 288명)"; the breakdown is kept only when it adds up. */
function staffingInline(ctx: Context, general: Range, section: string | null): Staffing[] {
  for (const { n: at, text: line } of linesIn(ctx.doc, general.from, general.to)) {
    const auth = /정원\s*([\d,]+)\s*명/.exec(line);
    if (!auth) continue;
    const cur = /현원\s*([\d,]+)\s*명/.exec(line);
    const total: Staffing = {
      group: '계',
      authorized: countOf(auth[1]!),
      current: cur ? countOf(cur[1]!) : null,
      src: src(section, at),
    };
    const inner = /정원\s*[\d,]+\s*명\s*\(([^)]*)\)/.exec(line)?.[1] ?? '';
    // A group's name is short; unbounded, it was read from every letter to the end of a long line.
    const parts = [...inner.matchAll(/([가-힣·ㆍ][가-힣·ㆍ\s]{0,40}?)\s*([\d,]+)\s*명/g)].map((m) => ({
      group: m[1]!.trim(),
      n: countOf(m[2]!),
    }));
    const sum = parts.reduce((s, p) => s + (p.n ?? 0), 0);
    const breakdown =
      parts.length > 1 && sum === total.authorized
        ? parts.map((p) => ({ group: p.group, authorized: p.n, current: null, src: src(section, at) }))
        : [];
    return [total, ...breakdown];
  }
  return [];
}

// --- duties per unit ("부서별 주요업무") --------------------------------------------------------------------------

type Team = ProjectRecord['orgTeams'][number];

/**
 * A two-column table: unit name on the left, its duty bullets on the right. In layout text the name sits beside
 * the middle of its bullets, so each blank-separated block with exactly one unit name is that unit's duties.
 */
function readDutyTable(ctx: Context, general: Range, section: string | null): Team[] {
  const inPart = linesIn(ctx.doc, general.from, general.to);
  const start = inPart.findIndex((l) => {
    const t = compact(l.text);
    return /(?:부서|팀|과)별주요업무|주요업무현황|담당업무/.test(t) && !/\d/.test(t);
  });
  if (start < 0) return [];
  const teams: Team[] = [];
  let block: LineRead[] = [];
  const flush = () => {
    const team = dutyBlock(block, section);
    if (team) teams.push(team);
    block = [];
  };
  for (const [k, written] of inPart.entries()) {
    if (k <= start) continue;
    const line = written.text;
    // A line that does not follow the one above had blank lines (no block) between them.
    if (written.n !== inPart[k - 1]!.last + 1) flush();
    if (SECTION_GLYPH.test(line) || unitFromText(line) || /^\s*\d{1,3}\s*$/.test(line)) {
      if (teams.length > 0 || block.length > 0) break;
      continue;
    }
    block.push(written);
  }
  flush();
  return teams;
}

const DUTY_BULLET = /^(?:[∘◦○•·ㆍ❍-]|[wm](?=\s))\s*/;

function dutyBlock(block: LineRead[], section: string | null): Team | null {
  if (block.length === 0) return null;
  let name: string | null = null;
  const duties: string[] = [];
  for (const { text } of block) {
    const cells = cellsOf(text);
    for (const cell of cells) {
      const merged = compact(cell);
      if (!DUTY_BULLET.test(cell) && /^[가-힣]{2,15}$/.test(merged) && UNIT_SUFFIX.test(merged)) {
        if (name && name !== merged) return null;
        name = merged;
      } else if (DUTY_BULLET.test(cell)) duties.push(cell.replace(DUTY_BULLET, '').trim());
      else if (duties.length > 0) duties[duties.length - 1] = `${duties[duties.length - 1]} ${cell.trim()}`;
    }
  }
  if (!name || duties.length === 0) return null;
  return { name, duties, src: src(section, block[0]!.n, block[block.length - 1]!.last) };
}

// --- budget -----------------------------------------------------------------------------------------------------

interface Column {
  label: string;
  year: number | null;
  role: 'year' | 'total' | 'part' | 'diff';
}

/**
 * Budget tables of the 현황 part: one after each "(단위 : …)" that a 예산/세입/세출 line introduces. Each table is
 * read only if it checks out (items add up to the total, A − B equals the 증감 column); otherwise it is a warning.
 * A plan without such tables may give "예산규모 ▸ 4,560억원" and "(세입) 사용료수익 3,656, …" lines instead.
 */
/**
 * Budget tables checked by sums and 증감 columns come first; then the lines the one table reader pinned to named
 * cells; the inline "세입 …억원, 세출 …억원" line only when no table says more.
 */
function readBudget(ctx: Context, general: Range, section: string | null, fromTables: BudgetLine[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const all = writtenLines(ctx.doc);
  for (const [k, { n: line, text }] of all.entries()) {
    if (line < general.from || line > general.to) continue;
    const unit = unitFromText(text);
    if (!unit) continue;
    const context = budgetContext(all, k);
    if (context === null) continue;
    lines.push(...readBudgetTable(ctx, line, unit, context, general, section));
  }
  if (lines.length > 0) return lines;
  if (fromTables.length > 0) return fromTables;
  return readInlineBudget(ctx, general, section);
}

/**
 * The words of a unit line (the k-th written line) and of the two lines above it: null when the table is not a
 * budget, else whether it lists revenue (세입).
 */
function budgetContext(all: LineRead[], k: number): { revenue: boolean; text: string } | null {
  const around = [all[k]!, ...all.slice(Math.max(0, k - 2), k).reverse()].map((l) => l.text);
  const text = compact(around.join(' '));
  if (!/예산|세입|세출/.test(text)) return null;
  return { revenue: /세입/.test(text) && !/세출/.test(text), text };
}

function readBudgetTable(
  ctx: Context,
  unitLine: number,
  unit: MoneyUnit,
  context: { revenue: boolean; text: string },
  general: Range,
  section: string | null,
): BudgetLine[] {
  const { header, rows } = documentFigureTableBelow(ctx.doc, unitLine, general.to);
  if (rows.length === 0) return [];
  const columns = budgetColumns(ctx, header, rows, context.text);
  if (!columns) {
    ctx.warn(unitLine, `예산 표의 열을 읽지 못했습니다: ${compact(header.join(' ')).slice(0, 60)}`);
    return [];
  }
  return budgetLinesFrom(ctx, rows, columns, unit, context.revenue, section);
}

function budgetColumns(ctx: Context, header: string[], rows: FigureRow[], contextText: string): Column[] | null {
  const width = Math.max(...rows.map((r) => r.values.length));
  const byIndex = headerByPosition(header, rows);
  if (byIndex && byIndex.length === width) return byIndex.map((label) => columnOf(label, ctx.year, contextText));
  // Layout headers wrap ("’25 년 예산(A)" over two lines): read the years and the 증감 column by meaning.
  const text = header.join(' ');
  const years = [...text.matchAll(/(?:(\d{4})\s*년|[’‘'`ˊ]\s*(\d{2})\s*년?)/g)].map((m) =>
    m[1] ? Number(m[1]) : 2000 + Number(m[2]),
  );
  const distinct = unique(years.map(String)).map(Number);
  if (width === 3 && distinct.length === 2 && /증감|A\s*-\s*B/.test(text)) {
    const [a, b] = distinct.sort((x, y) => y - x) as [number, number];
    return [
      { label: yearLabel(text, a), year: a, role: 'year' },
      { label: yearLabel(text, b), year: b, role: 'year' },
      { label: '증감', year: null, role: 'diff' },
    ];
  }
  return null;
}

function columnOf(label: string, planYear: number | null, contextText: string): Column {
  const t = compact(label);
  const y = /(\d{4})년?/.exec(t) ?? /[’‘'`ˊ](\d{2})년?/.exec(t);
  if (y) return { label, year: y[1]!.length === 4 ? Number(y[1]) : 2000 + Number(y[1]), role: 'year' };
  if (TOTAL_LABEL.test(t)) {
    const asOf = asOfNote(contextText);
    return { label: asOf?.written ?? periodOf(planYear), year: asOf?.year ?? planYear, role: 'total' };
  }
  if (/증감|대비|A-B/.test(t)) return { label, year: null, role: 'diff' };
  return { label, year: null, role: 'part' };
}

/** "【’25. 1. 1. 기준 / 단위 : 백만원】": the date the figures of a table without year columns are as of. */
function asOfNote(text: string): { year: number; written: string } | null {
  const m = /(?:[’‘'`ˊ](\d{2})|(?<!\d)(\d{4}))[\d.]{0,12}기준/.exec(text);
  if (!m) return null;
  return { year: m[2] ? Number(m[2]) : 2000 + Number(m[1]), written: m[0] };
}

function yearLabel(text: string, year: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const m = new RegExp(`(?:${year}\\s*년|[’‘'\`ˊ]\\s*${yy}\\s*년?)`).exec(text);
  return m ? m[0].replace(/\s+/g, '') : `${year}년`;
}

function budgetLinesFrom(
  ctx: Context,
  rows: FigureRow[],
  columns: Column[],
  unit: MoneyUnit,
  revenue: boolean,
  section: string | null,
): BudgetLine[] {
  const totalRow = rows.find((r) => TOTAL_LABEL.test(r.full)) ?? null;
  // A row repeating the total (the department's own row under 계) adds nothing.
  const others = rows.filter((r) => r !== totalRow && !(totalRow && sameValues(r, totalRow)));
  if (!checkDiffColumn(ctx, rows, columns)) return [];
  const subRowsOk = totalRow === null || others.length === 0 || rowsAddUp(totalRow, others, columns, unit);
  if (!subRowsOk) {
    ctx.warn(others[0]!.line, '예산 표의 세부 항목 합계가 총계와 맞지 않아 총계만 읽었습니다');
  }
  const kept = totalRow ? [totalRow, ...(subRowsOk ? others : [])] : others;
  const out: BudgetLine[] = [];
  for (const row of kept) {
    const rowKind = rowKindOf(row, revenue);
    if (rowKind === null) continue;
    out.push(...rowLines(ctx, row, columns, unit, rowKind, section));
  }
  return out;
}

/** What a row is: revenue or expenditure, and the item it names (null for the total). */
function rowKindOf(row: FigureRow, revenue: boolean): { revenue: boolean; item: string | null } | null {
  if (/^세입/.test(row.full)) return { revenue: true, item: null };
  if (/^세출/.test(row.full)) return { revenue: false, item: null };
  return { revenue, item: TOTAL_LABEL.test(row.full) ? null : row.item };
}

function rowLines(
  ctx: Context,
  row: FigureRow,
  columns: Column[],
  unit: MoneyUnit,
  kind: { revenue: boolean; item: string | null },
  section: string | null,
): BudgetLine[] {
  const out: BudgetLine[] = [];
  const whole = splitColumn(columns, ctx.year);
  const hasParts = columns.some((c) => c.role === 'part');
  const partsOk = !hasParts || (whole >= 0 && partsAddUp(row, columns, whole, unit));
  if (!partsOk) ctx.warn(row.line, `예산 표의 내역 열 합계가 맞지 않아 내역을 읽지 않았습니다 (${row.full})`);
  columns.forEach((column, k) => {
    if (column.role === 'diff' || (column.role === 'part' && !partsOk)) return;
    const amount = parseAmount(row.values[k] ?? '', unit);
    if (!amount) return;
    // 내역 columns split the column they add up to: its year and its period label.
    const base = column.role === 'part' ? columns[whole]! : column;
    const year = base.year;
    const period = base.label;
    const item = itemName(kind, column.role === 'part' ? column.label : null);
    out.push(line(period, year, item, amount, src(section, row.line)));
  });
  return out;
}

/** The column that 내역 columns split: 계 when there is one, else the plan year's (or the last) year column. */
function splitColumn(columns: Column[], planYear: number | null): number {
  const total = columns.findIndex((c) => c.role === 'total');
  if (total >= 0) return total;
  const years = columns.map((c, k) => ({ c, k })).filter(({ c }) => c.role === 'year');
  return (years.find(({ c }) => c.year === planYear) ?? years[years.length - 1])?.k ?? -1;
}

function periodOf(year: number | null): string {
  return year === null ? '' : `${year}년`;
}

function itemName(kind: { revenue: boolean; item: string | null }, columnItem: string | null): string | null {
  const parts = [kind.revenue ? '세입' : null, kind.item, columnItem].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function line(period: string, year: number | null, item: string | null, amount: Money, source: Source): BudgetLine {
  return { period, year, kind: 'allocated', funding: null, item, amount, src: source };
}

function sameValues(a: FigureRow, b: FigureRow): boolean {
  return a.values.length === b.values.length && a.values.every((v, k) => v === b.values[k]);
}

function wonAt(row: FigureRow, k: number, unit: MoneyUnit): number {
  return parseAmount(row.values[k] ?? '', unit)?.won ?? 0;
}

/** Sub-rows must add up to the total row in every year/total column. */
function rowsAddUp(total: FigureRow, others: FigureRow[], columns: Column[], unit: MoneyUnit): boolean {
  return columns.every((c, k) => {
    if (c.role === 'diff') return true;
    const sum = others.reduce((s, r) => s + wonAt(r, k, unit), 0);
    return sum === wonAt(total, k, unit);
  });
}

/** 내역 columns (인건비/물건비/…, or one column per unit) must add up to the column they split. */
function partsAddUp(row: FigureRow, columns: Column[], whole: number, unit: MoneyUnit): boolean {
  const sum = columns.reduce((s, c, k) => (c.role === 'part' ? s + wonAt(row, k, unit) : s), 0);
  return sum === wonAt(row, whole, unit);
}

/** With an 증감 column, the total row must satisfy A − B = 증감, else the columns are not where we think. */
function checkDiffColumn(ctx: Context, rows: FigureRow[], columns: Column[]): boolean {
  const diff = columns.findIndex((c) => c.role === 'diff');
  if (diff < 0) return true;
  const years = columns.map((c, k) => ({ c, k })).filter(({ c }) => c.role === 'year');
  if (years.length !== 2) return true;
  const row = rows.find((r) => TOTAL_LABEL.test(r.full)) ?? rows[0]!;
  const a = parseAmount(row.values[years[0]!.k] ?? '', '원')?.won;
  const b = parseAmount(row.values[years[1]!.k] ?? '', '원')?.won;
  const d = DASH_CELL.test(row.values[diff] ?? '') ? 0 : parseAmount(row.values[diff] ?? '', '원')?.won;
  // 증감 is new − old whichever column comes first.
  if (a === undefined || b === undefined || d === undefined || (a - b !== d && b - a !== d)) {
    ctx.warn(row.line, '예산 표의 증감(A-B)이 맞지 않아 표를 읽지 않았습니다');
    return false;
  }
  return true;
}

/**
 * "ㅇ2025년 예산규모 ▸ 4,560억원(…)" then "- (세입) 사용료수익 3,656, …" / "- (세출) 인건비성경비 1,041, …": the
 * lists carry no unit, so they are kept only when they add up to the total.
 */
function readInlineBudget(ctx: Context, general: Range, section: string | null): BudgetLine[] {
  const inPart = linesIn(ctx.doc, general.from, general.to);
  for (const [k, { n: at, text }] of inPart.entries()) {
    if (!/예산\s*규모|예산\s*총액|예\s*산\s*[:▸]/.test(text)) continue;
    const m = /(?<![\d,])([\d,]+(?:\.\d+)?)\s*(백만\s*원|천\s*원|억\s*원|만\s*원)/.exec(text);
    if (!m) continue;
    const unit = unitFromText(`단위:${m[2]!}`);
    const amount = unit ? parseAmount(m[1]!, unit) : null;
    if (!unit || !amount) continue;
    const year = Number(/(\d{4})\s*년/.exec(text)?.[1] ?? ctx.year ?? Number.NaN);
    const y = Number.isNaN(year) ? null : year;
    const period = y === null ? '' : `${y}년`;
    const out = [line(period, y, null, amount, src(section, at))];
    // The lists stand in the four lines under it.
    for (const { n: listAt, text: listText } of inPart.slice(k + 1).filter((l) => l.n <= at + 4)) {
      const list = /^\s*-\s*\((세입|세출)\)\s*(.+)$/.exec(listText);
      if (!list) continue;
      const items = [...list[2]!.matchAll(/([가-힣][가-힣·ㆍ\s]{0,40}?)\s*([\d,]+(?:\.\d+)?)(?=\s*(?:,|$))/g)];
      const amounts = items.map((it) => ({ name: it[1]!.trim(), money: parseAmount(it[2]!, unit) }));
      const sum = amounts.reduce((s, a) => s + (a.money?.won ?? 0), 0);
      if (sum !== amount.won || amounts.some((a) => !a.money)) {
        ctx.warn(listAt, `${list[1]} 내역의 합계가 예산규모와 맞지 않아 읽지 않았습니다`);
        continue;
      }
      for (const a of amounts) {
        const item = list[1] === '세입' ? `세입 · ${a.name}` : a.name;
        // From the 예산규모 line, where the year stands, down to the list line.
        out.push(line(period, y, item, a.money!, src(section, at, listAt)));
      }
    }
    return out;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks.

function taskRecords(ctx: Context, part: Part): ProjectRecord[] {
  const spans = taskSpans(ctx, part);
  if (spans.length === 0) ctx.warn(part.from, `${part.title}: 과제를 찾지 못했습니다`);
  return spans.map((span) => taskRecord(ctx, part, span));
}

/**
 * Task titles come from the table of contents (the front one under this part's numeral, or the part's own list
 * with page numbers); each is then found in the body as a numbered heading, or as its bare title followed by a
 * ◇ summary or □ section, or — when the body leaves the title out — as the next ◇ block after the previous task's
 * □ sections. Without a table of contents the body's numbered headings ("1      제목", "❶ 제목") are the tasks.
 */
function taskSpans(ctx: Context, part: Part): TaskSpan[] {
  const toc = tocTasks(ctx.doc, part);
  const starts = toc.length > 0 ? finerTasks(locateTocTasks(ctx, part, toc), numberedTasks(ctx.doc, part)) : numberedTasks(ctx.doc, part);
  return starts.map((s, k) => ({
    ...s,
    to: Math.min(starts[k + 1]?.from ?? part.to + 1, s.until ?? part.to + 1) - 1,
  }));
}

/**
 * Contents that list the part's goals while the body numbers the tasks under each ("1. 신산업 생태계 구축" over
 * "1  주력산업 육성", "2  신발산업 고도화"): the tasks are the records, each under its goal as category. Taken only
 * when every goal found in the body has numbered tasks of its own.
 */
function finerTasks(goals: Start[], numbered: Start[]): Start[] {
  if (goals.length === 0 || numbered.length <= goals.length) return goals;
  const goalOf = (t: Start) => [...goals].reverse().find((g) => g.from <= t.from);
  const under = goals.map((g) => numbered.filter((t) => goalOf(t) === g && t.from > g.from));
  if (under.some((tasks) => tasks.length === 0)) return goals;
  return under.flatMap((tasks, k) => tasks.map((t) => ({ ...t, category: goals[k]!.title })));
}

function tocTasks(doc: SourceDocument, part: Part): TocEntry[] {
  const inPart = tocRun(doc, part);
  if (inPart.length > 0) return inPart;
  const heads = romanHeadings(doc);
  const entry = heads.find((h) => h.toc && romanValue(h.numeral) === romanValue(part.numeral));
  if (!entry) return [];
  const next = heads.find((h) => h.line > entry.line);
  const entries = numberedEntries(doc, entry.line + 1, (next?.line ?? entry.line + 40) - 1, false);
  // A page number one space after the title ("… 구축 24") is a page number when every entry ends with one.
  const paged = entries.length >= 2 && entries.every((e) => /\s\d{1,3}$/.test(e.title));
  return paged ? entries.map((e) => ({ ...e, title: e.title.replace(/\s\d{1,3}$/, '') })) : entries;
}

/**
 * The part's own contents: "1. 제목⇥6", "2. …⇥7", … numbered in order with page references and only blank lines
 * between them (a numbered table row with a trailing figure is not a contents line).
 */
function tocRun(doc: SourceDocument, part: Part): TocEntry[] {
  const entries = numberedEntries(doc, part.from, part.to, true);
  const starts = modelOf(doc).blocks.map((b) => b.lines[0]);
  for (let k = 0; k < entries.length; k++) {
    if (entries[k]!.number !== 1) continue;
    const run = [entries[k]!];
    for (let n = k + 1; n < entries.length; n++) {
      const e = entries[n]!;
      const last = run[run.length - 1]!.line;
      if (e.number !== run.length + 1 || starts.some((l) => l > last && l < e.line)) break;
      run.push(e);
    }
    if (run.length >= 2) return run;
  }
  return [];
}

/** "Ⅲ" and "III" are the same part: contents and body do not always use the same characters. */
function romanValue(numeral: string): number {
  const unicode = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ'.indexOf(numeral);
  if (unicode >= 0) return unicode + 1;
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let k = 0; k < numeral.length; k++) {
    const v = values[numeral[k]!] ?? 0;
    total += v < (values[numeral[k + 1] ?? ''] ?? 0) ? -v : v;
  }
  return total;
}

/** "1. 제목⇥6", " 2. ‘글로벌 …’ 도약 ······· 8": numbered lines, with a page reference where required. */
function numberedEntries(doc: SourceDocument, from: number, to: number, needPage: boolean): TocEntry[] {
  const out: TocEntry[] = [];
  for (const block of modelOf(doc).blocks) {
    if (block.lines[0] < from || block.lines[0] > to) continue;
    // As written: the number is off a heading's or an item's text, and a contents line may be read as a table row.
    const text = block.written?.[0] ?? block.text;
    if (needPage && !PAGE_REF.test(text)) continue;
    const m = /^\s*(\d{1,2})\s*\.\s*(.+)$/.exec(text.replace(PAGE_REF, ''));
    if (!m || !/[가-힣]/.test(m[2]!)) continue;
    out.push({ title: m[2]!.trim(), line: block.lines[0], number: Number(m[1]) });
  }
  return out;
}

interface Start {
  from: number;
  title: string;
  bodyTitle: string | null;
  category: string | null;
  /** A strategy heading after the task that ends it before the next task begins. */
  until?: number;
}

function locateTocTasks(ctx: Context, part: Part, toc: TocEntry[]): Start[] {
  const { doc } = ctx;
  const lastToc = Math.max(...toc.map((t) => t.line));
  let cursor = lastToc >= part.from && lastToc <= part.to ? lastToc + 1 : part.from + 1;
  const out: Start[] = [];
  for (const [k, entry] of toc.entries()) {
    let numbered = findNumberedTitle(doc, cursor, part.to, entry.title);
    // The part's own list of its tasks ("1. 제목" then, after blank lines only, "2. 제목") is not the task's body:
    // the task starts where its title stands again.
    const next = toc[k + 1];
    if (numbered && next) {
      const all = writtenLines(doc);
      const after = all.findIndex((l) => l.n > numbered!.line);
      const listed = after >= 0 ? numberedTitleAt(all, after) : null;
      if (listed && similar(listed.title, next.title) >= 0.75)
        numbered = findNumberedTitle(doc, numbered.line + 1, part.to, entry.title) ?? numbered;
    }
    const found =
      numbered ??
      findBareTitle(doc, cursor, part.to, entry.title) ??
      findSummaryStart(doc, cursor, part.to, out.length === 0);
    if (!found) {
      ctx.warn(entry.line, `과제 "${entry.title}"의 본문을 찾지 못했습니다`);
      continue;
    }
    const bodyTitle = found.title && compactTitle(found.title) !== compactTitle(entry.title) ? found.title : null;
    out.push({ from: found.line, title: entry.title, bodyTitle, category: null });
    cursor = found.line + 1;
  }
  return out;
}

interface Found {
  line: number;
  title: string | null;
}

/**
 * "❶ 제목", "1      제목", "1. 제목" on the k-th written line, or a number alone with the title on the next line
 * (within three lines); `at` is the position of the title's line.
 */
function numberedTitleAt(all: LineRead[], k: number): { title: string; at: number } | null {
  const { text, n } = all[k]!;
  if (PAGE_REF.test(text) && /\t|[·.]{2,}/.test(text)) return null;
  const m = new RegExp(`^\\s*(?:[${DINGBAT_NUMBERS}]\\s*|\\d{1,2}(?:\\.\\s*|\\s{2,}))(\\S.*)$`).exec(text);
  if (m && canBeTitle(m[1]!)) return { title: m[1]!.trim(), at: k };
  const next = all[k + 1];
  if (/^\s*\d{1,2}\s*$/.test(text) && next && next.n <= n + 3) {
    return isPlainLine(next.text) ? { title: next.text.trim(), at: k + 1 } : null;
  }
  return null;
}

function findNumberedTitle(doc: SourceDocument, from: number, to: number, title: string): Found | null {
  const all = writtenLines(doc);
  for (const [k, { n: line }] of all.entries()) {
    if (line < from || line > to) continue;
    const n = numberedTitleAt(all, k);
    if (n && similar(n.title, title) >= 0.75) return { line, title: n.title };
    // A title the layout wrapped ("4. 혁신･성장 인프라 확대로" over "고부가가치 수산 산업 육성"): joined with its next line.
    const next = n ? all[n.at + 1] : undefined;
    const rest = next && next.n === all[n!.at]!.last + 1 ? next.text.trim() : undefined;
    if (n && rest && isPlainLine(rest)) {
      const joined = `${n.title} ${rest}`;
      if (similar(joined, title) >= 0.9) return { line, title: joined };
    }
  }
  return null;
}

/** The title alone on a line, confirmed by a ◇ summary or □ section right after it (charts repeat titles too). */
function findBareTitle(doc: SourceDocument, from: number, to: number, title: string): Found | null {
  const all = writtenLines(doc);
  for (const [k, { n: line, text }] of all.entries()) {
    if (line < from || line > to || !isPlainLine(text) || similar(text, title) < 0.9) continue;
    if (all.slice(k + 1, k + 3).some((l) => SUMMARY_GLYPH.test(l.text) || SECTION_GLYPH.test(l.text))) {
      return { line, title: text.trim() };
    }
  }
  return null;
}

/**
 * The next "◇" block that follows a □ section (the previous task's): where a task whose title the body left out
 * begins. The first task has no previous one, so its first ◇ block will do.
 */
function findSummaryStart(doc: SourceDocument, from: number, to: number, first: boolean): Found | null {
  let sawSection = first;
  for (const block of modelOf(doc).blocks) {
    if (block.lines[0] < from || block.lines[0] > to) continue;
    const text = block.written?.[0] ?? block.text;
    if (SECTION_GLYPH.test(text)) sawSection = true;
    else if (sawSection && SUMMARY_GLYPH.test(text)) return { line: block.lines[0], title: null };
  }
  return null;
}

/** Without a table of contents: the body's numbered headings, grouped under "1. 전략" lines when there are any. */
function numberedTasks(doc: SourceDocument, part: Part): Start[] {
  // "1      제목" (layout), "1 제목" (raw text keeps one space), "1-1   제목" (a strategy's tasks), "❶ 제목".
  const spaced = new RegExp(`^\\s*(?:\\d{1,2}(?:-\\d{1,2})?\\.?\\s{2,}|\\d{1,2}\\s(?=[가-힣])|[${DINGBAT_NUMBERS}]\\s*)(\\S.*)$`);
  const out: Start[] = [];
  const groups: number[] = [];
  // What each task's line writes: the number's style tells a task from a sub-task.
  const written = new Map<number, string>();
  let category: string | null = null;
  const inPart = linesIn(doc, part.from + 1, part.to);
  for (const { n: line, text } of inPart) {
    const group = /^\s*\d{1,2}\.\s+([가-힣「『‘'].*)$/.exec(text);
    if (group && !PAGE_REF.test(text)) {
      category = group[1]!.trim();
      groups.push(line);
      continue;
    }
    const m = spaced.exec(text);
    if (!m || !canBeTitle(m[1]!)) continue;
    // One space after the number is raw text's heading; a line that goes on in columns is a chart's step ("01 …").
    if (/^\s*\d{1,2}\s(?=[가-힣])/.test(text) && (text.trim().length !== text.trim().replace(/\s{2,}/g, ' ').length || /^\s{2,}/.test(text))) continue;
    out.push({ from: line, title: m[1]!.trim(), bodyTitle: null, category });
    written.set(line, text);
  }
  // Both numbering styles present: the dingbat ones are sub-tasks when spaced numbers exist.
  const spacedNumber = (s: Start) => /^\s*\d/.test(written.get(s.from)!);
  const numbered = out.some(spacedNumber) ? out.filter(spacedNumber) : out;
  // A title listed before its body (a strategy's list of its tasks) starts where it stands the last time.
  const tasks = numbered.filter((t, k) => !numbered.slice(k + 1).some((u) => compactTitle(u.title) === compactTitle(t.title)));
  // A group line after a task ends it, unless it is the task's first line of content (its first item, "1. …").
  for (const t of tasks) {
    const first = inPart.find((l) => l.n > t.from)?.n ?? 0;
    const until = groups.find((g) => g > t.from && g !== first);
    if (until !== undefined) t.until = until;
  }
  return tasks;
}

const ITEM_GLYPH = /^[-–·•○◦ㅇ❍◇◈❖◆▸▹▫▪‣►※*①-⑳[(<〈《]/;

/** Not a bullet, list item or table row: a line that can be a title. */
function isPlainLine(text: string): boolean {
  const t = text.trim();
  if (!/[가-힣]{2}/.test(t) || t.length > 80) return false;
  if (ITEM_GLYPH.test(t) || /^[mw]\s/.test(t)) return false;
  return cellsOf(text).length === 1;
}

/**
 * What follows a number can be a task's title: words, not an item ("▹13개 종목, 20여개국, 3,413여명 참가" after a
 * stray "26" of "제26회" is a bullet of figures, not a heading).
 */
function canBeTitle(text: string): boolean {
  const t = text.trim();
  if (!/[가-힣]{2}/.test(t) || ITEM_GLYPH.test(t)) return false;
  const words = t.split(/[\s,]+/).filter(Boolean);
  return words.filter((w) => /\d/.test(w)).length * 2 <= words.length;
}

function compactTitle(text: string): string {
  return text.replace(/[\s‘’'"“”「」『』·‧ㆍ,.()]/g, '');
}

/** Dice coefficient of character bigrams over the titles closed up: survives "안정적"/"안정적인", quotes, spaces. */
function similar(a: string, b: string): number {
  const x = compactTitle(a);
  const y = compactTitle(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let k = 0; k < s.length - 1; k++) m.set(s.slice(k, k + 2), (m.get(s.slice(k, k + 2)) ?? 0) + 1);
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

function taskRecord(ctx: Context, part: Part, span: TaskSpan): ProjectRecord {
  const { doc } = ctx;
  const headings: string[] = [];
  const milestones: Milestone[] = [];
  const notes: Budget['notes'] = [];
  const contacts: Contact[] = [];
  let section: string = span.title;
  const all = writtenLines(doc);
  for (const [k, { n: line, text }] of all.entries()) {
    if (line < span.from || line > span.to) continue;
    const heading = sectionHeading(all, k)?.trim();
    if (heading) {
      headings.push(heading);
      if (SECTION_GLYPH.test(text) || /^\s*[➊-➓]/.test(text)) section = `${span.title} > ${heading}`;
      continue;
    }
    if (SUMMARY_GLYPH.test(text)) {
      headings.push(text.replace(/^\s*(?:-\s*)?[◇◈❖◆]\s*/, '').trim());
      continue;
    }
    milestones.push(...milestonesOf(ctx, text, line, section).filter((m) => /[가-힣A-Za-z]/.test(m.text)));
    if (/\d\s*(?:백만\s*원|천\s*원|억\s*원|만\s*원)/.test(text))
      notes.push({ text: cleanText(text), src: src(section, line) });
    contacts.push(...contactsFromPhoneLine(text, line, section));
  }
  const record = emptyRecord({
    kind: 'project',
    key: recordKey([ctx.organization, ctx.department, ctx.year, 'plan', span.title]),
    title: span.title,
    src: src(part.title, span.from, span.to),
  });
  return {
    ...record,
    organization: ctx.organization,
    aliases: span.bodyTitle ? [span.bodyTitle] : [],
    department: ctx.department,
    category: span.category,
    year: ctx.year,
    phase: 'plan',
    status: planStatus(ctx, true, span.from),
    budget: notes.length > 0 ? { ...emptyBudget(), notes } : null,
    milestones,
    contacts,
    headings: unique(headings.filter((h) => h && compactTitle(h) !== compactTitle(span.title))),
  };
}

/**
 * Headings inside a task: "□ 향후계획", "➊ 최적의 상수도 관망환경 조성", and in layout text the sub-titles whose □
 * glyph the extractor lost (a plain line directly followed by a first-level bullet).
 */
function sectionHeading(all: LineRead[], k: number): string | null {
  const { text, n } = all[k]!;
  if (/^\s*[□■]/.test(text)) return headingText(text) ?? stripBullet(text);
  if (SECTION_GLYPH.test(text)) return text.replace(PRIVATE_GLYPH, '').trim() || null;
  const dingbat = new RegExp(`^\\s*[${DINGBAT_NUMBERS}]\\s*(\\S.*)$`).exec(text);
  if (dingbat) return dingbat[1]!.trim();
  if (!isPlainLine(text) || /[.)]$|\d$/.test(text.trim())) return null;
  // A sub-title opens a block (after a blank line, no block's); a plain line right under a bullet is that bullet wrapped.
  const above = all[k - 1];
  const prev = above && above.last === n - 1 ? above.text : '';
  if (!isBlank(prev) && !SUMMARY_GLYPH.test(prev) && !new RegExp(`^\\s*[□■${DINGBAT_NUMBERS}]`).test(prev)) return null;
  const next = all[k + 1];
  return next && /^\s*(?:[○◦ㅇ❍]|[mw]\s)/.test(next.text) ? text.trim() : null;
}

/**
 * Every date on a line becomes a milestone: a single trailing one ("(3월)", ": 4월", ": 연중") with the line's
 * text, several ("설계(’20.11.~‘23.12.), 철거(’25.12.)") each with the clause before it. Table rows, dates that
 * open a title (“2040년 수도정비계획”) and "(’25년 계획)" labels in front of dated steps are not milestones.
 */
function milestonesOf(ctx: Context, raw: string, lineNo: number, section: string): Milestone[] {
  if (cellsOf(raw).length >= 4) return [];
  // Layout text leaves stray marks at line ends ("제작(2~6월)    ·").
  const text = raw.replace(/(?<!\s)\s{2,}[·‧․,.ㆍ]+\s*$/, '');
  const opts = ctx.year === null ? {} : { year: ctx.year };
  // The one character before each date (testing the whole text before it was quadratic in the dates of a line).
  const dates = findDates(text, opts).filter((d) => !/[“"「『]/.test(text.charAt(d.index - 1)));
  if (dates.length === 0) return [];
  if (dates.length > MAX_DATES_PER_LINE) {
    ctx.warn(lineNo, tooManyDates(dates.length));
    dates.length = MAX_DATES_PER_LINE;
  }
  if (dates.length === 1) {
    const only = dates[0]!;
    const split = splitTrailingDate(text, opts);
    if (split && split.date.written === only.date.written)
      return [milestone(ctx, split.text, only.date, lineNo, section)];
    return [milestone(ctx, singleDateText(text, only.index, only.length), only.date, lineNo, section)];
  }
  const out: Milestone[] = [];
  // The whole line's text, cleaned once for all the dates that fall back to it (per date it was quadratic).
  let whole: string | null = null;
  // Each date with its own item: the clause before it, or after it when the date leads ("’05. 1. : GB해제").
  for (const item of datedClauses(text, dates)) {
    if (item.label) continue;
    out.push(milestone(ctx, cleanClause(item.text) ?? (whole ??= cleanText(text)), item.date.date, lineNo, section));
  }
  return out;
}

/** One date inside a line: "개최(4월), 굿즈숍 조성" keeps the clause it qualifies; a bare one is cut out. */
function singleDateText(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  if (/\(\s*$/.test(before) || text[index] === '(') return cleanClause(before) ?? cleanText(text);
  return cleanText(`${before} ${text.slice(index + length)}`);
}

function cleanText(text: string): string {
  return stripGlyph(text)
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function cleanClause(text: string): string | null {
  const t = stripGlyph(text)
    .replace(/^[\s,;및·ㆍ/〈<《【]+/, '')
    .replace(/(?<![\s,;:：▸▹⇒→~∼(-])[\s,;:：▸▹⇒→~∼(-]+$/, '')
    .trim();
  return /[가-힣A-Za-z]/.test(t) ? t : null;
}

/** stripBullet plus the glyphs layout extraction produces: ❍, ▫, and the "m"/"w" of unmapped symbol fonts. */
function stripGlyph(text: string): string {
  return stripBullet(text.replace(PRIVATE_GLYPH, '').replace(/^\s*(?:[❍▫▪‣►∘]|[mw](?=\s))\s*/, ''));
}

function milestone(ctx: Context, text: string, date: ResolvedDate, lineNo: number, section: string): Milestone {
  // A plan cites past steps too ("가결(2018.12.14.)"); only what falls in or after the plan year is planned.
  const past = ctx.year !== null && date.end !== null && date.end < `${ctx.year}-01-01`;
  return { text, date, done: past ? null : false, src: src(section, lineNo) };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * 정책실명제 sheets (수원시 민선7기 "시민과의 약속"): one project per document. The sheet is a form: an optional code
 * and title, a status row (사업구분 · 완료종료 · 완료지속추진 · 추진중(진도율) · 목표연월 · 담당부서), numbered sections
 * (사업개요, 예산투자현황 with a two-row header table, 연도별 성과지표, 성과지표별 추진현황, 사업변경내역, 문제점 및
 * 대책, 향후추진계획) and a contact table (담당부서 · 직(직급) · 성명 · 전화번호). Everything is read by the form's
 * labels and table headers, never by position in a particular file.
 */
import {
  type DateContext,
  findDates,
  parseKoreanDate,
  type ResolvedDate,
  splitTrailingDate,
} from '../../domain/korean-date.js';
import { type MoneyUnit, parseAmount, unitFromText } from '../../domain/money.js';
import {
  type Budget,
  type BudgetKind,
  type BudgetLine,
  type Contact,
  emptyBudget,
  emptyRecord,
  type Indicator,
  type Milestone,
  type ProjectRecord,
  recordKey,
  type State,
} from '../../domain/project.js';
import { type Source, src } from '../../domain/provenance.js';
import { stateOf } from '../../domain/vocabulary.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import { compact, isBlank, noBudgetPhrase } from '../structure/cells.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { fundingOfLabel } from '../structure/funding.js';
import { bulletLevel, headingText, labelValue, stripBullet } from '../structure/headings.js';
import { detectOrganization, organizationAliases } from '../structure/organization.js';
import { tabCells } from '../tables/cells.js';
import { captionAbove, headerLineOf, headerRowCount, rowUnder, spannedColumns, type TabRow, tabRowsOf, tabRowsUnder, tabRunsOf } from '../tables/rows.js';

/** A numbered section ("3. 연도별 성과지표"): its name without the trailing "(기간)" or ": 해당없음". */
interface Section {
  name: string;
  /** What the heading line says after its name: "(2018. 7. ~ 2021. 3. 31.) : 해당없음". */
  tail: string;
  kind: SectionKind;
  /** 1-based line numbers: the heading, and the last line before the next section. */
  start: number;
  end: number;
}

type SectionKind = 'overview' | 'budget' | 'indicators' | 'progress' | 'changes' | 'issues' | 'plans' | 'other';

interface Ctx {
  /**
   * The sheet's lines as the model read them: its form is tables of tab-separated rows (the model's rows, their
   * header lines kept on the first) and label : value lines under numbered headings, read a line at a time.
   */
  lines: LineRead[];
  warnings: ParseWarning[];
  dates: DateContext;
  /** "2021-03-31": the end of the reporting period, for telling done milestones from planned ones. */
  asOf: string | null;
}

const CODE_LINE = /^\s*(\d{1,3}(?:-\d{1,3}){1,3})\s*$/;
const STATUS_HEADER_WORDS = ['사업구분', '목표연월', '담당부서'];
const CONTACT_HEADER_WORDS = ['성명', '전화번호'];

export const policySheetFamily: DocumentFamily = {
  name: 'policy-sheet',
  description: '정책실명제 사업 카드: 추진상황·진도율·목표연월, 예산투자현황, 성과지표, 향후추진계획, 담당자',
  detect(doc) {
    const lines = linesRead(modelOf(doc));
    const status = findStatusHeader(lines);
    if (status === null) return 0;
    let score = 0.8;
    if (findSections(lines).some((s) => s.kind === 'budget')) score += 0.08;
    if (headerLineOf(lines, CONTACT_HEADER_WORDS) !== null) score += 0.08;
    return score;
  },
  parse(doc) {
    return parsePolicySheet(doc);
  },
};

function parsePolicySheet(doc: SourceDocument): ParseResult {
  const warnings: ParseWarning[] = [];
  const lines = linesRead(modelOf(doc));
  const organization = detectOrganization(lines.map((l) => l.text));
  const statusAt = findStatusHeader(lines);
  const sections = findSections(lines);
  const reporting = reportingEnd(sections);
  const asOf = reporting?.end ?? null;
  const ctx: Ctx = { lines, warnings, dates: asOf ? { year: Number(asOf.slice(0, 4)) } : {}, asOf };

  // The head ends above the status row, or with the first section's heading line when there is none.
  const head = readHead(lines, statusAt !== null ? statusAt - 1 : (sections[0]?.start ?? 1));
  const status = statusAt !== null ? readStatus(ctx, statusAt) : null;
  const overview = sections.find((s) => s.kind === 'overview');
  const facts = overview ? readOverview(ctx, overview) : { period: null, periodSrc: null, target: null, contents: [], notes: [] };

  const budget = readBudgetSection(
    ctx,
    sections.find((s) => s.kind === 'budget'),
  );
  budget.notes.push(...facts.notes);
  const indicators = sections.filter((s) => s.kind === 'indicators').flatMap((s) => readIndicators(ctx, s));
  const milestones = [
    ...sections.filter((s) => s.kind === 'progress').flatMap((s) => readProgressMilestones(ctx, s)),
    ...sections.filter((s) => s.kind === 'plans').flatMap((s) => readPlanMilestones(ctx, s)),
  ];
  const contacts = readContacts(ctx, sections.at(-1)?.name ?? null);
  const department = status?.department ?? contacts.find((c) => c.department)?.department ?? null;

  const title =
    head.title ?? titleFromOverview(facts.target, facts.contents, organization) ?? indicators[0]?.name ?? doc.name;
  if (!head.title) warnings.push({ line: null, message: `제목 줄이 없어 사업개요에서 제목을 만들었습니다: ${title}` });
  const code = head.code;
  const key = code ? recordKey([organization, code]) : recordKey([organization, department, title]);

  const record = emptyRecord({
    kind: 'project',
    key,
    title,
    organization,
    code,
    aliases: aliasesOf(title, code),
    department,
    teams: [...new Set(contacts.map((c) => c.team).filter((t): t is string => t !== null))],
    category: status?.category ?? null,
    year: asOf ? Number(asOf.slice(0, 4)) : null,
    phase: 'report',
    status: status
      ? {
          progressPct: status.progress,
          stateWritten: status.stateWritten,
          state: status.state,
          targetMonth: status.targetMonth,
          targetWritten: status.targetWritten,
          period: facts.period,
          asOf,
          src: status.src,
          asOfSrc: reporting ? src(reporting.section, reporting.line) : null,
          asOfWritten: reporting?.written ?? null,
          periodSrc: facts.periodSrc,
        }
      : null,
    budget,
    indicators,
    milestones,
    contacts,
    issues: sections.filter((s) => s.kind === 'issues').flatMap((s) => readIssues(ctx, s)),
    changes: sections.filter((s) => s.kind === 'changes').flatMap((s) => readChanges(ctx, s)),
    headings: sections.map((s) => s.name),
    src: src(null, 1, Math.max(1, doc.lines.length)),
  });
  return { family: 'policy-sheet', organization, records: [record], warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Layout: status row, head lines, numbered sections.

/** Line (1-based) of the "사업구분 ⇥ 완료종료 ⇥ … ⇥ 목표연월 ⇥ 담당부서" row. */
function findStatusHeader(lines: LineRead[]): number | null {
  return headerLineOf(lines, STATUS_HEADER_WORDS, (cells) => cells.some((c) => /완료|추진중/.test(c)))?.n ?? null;
}

/** Numbered headings in increasing order; a "1." inside a section's text does not restart the numbering. */
function findSections(lines: LineRead[]): Section[] {
  const out: Section[] = [];
  let lastNumber = 0;
  const last = lines.at(-1)?.n ?? 0;
  for (const { n: lineNo, text: line } of lines) {
    const m = /^\s*(\d{1,2})\.\s/.exec(line);
    if (!m || line.includes('\t')) continue;
    const n = Number(m[1]);
    const text = headingText(line);
    if (!text || n <= lastNumber) continue;
    lastNumber = n;
    const [name, tail] = splitHeading(text);
    const prev = out.at(-1);
    if (prev) prev.end = lineNo - 1;
    out.push({ name, tail, kind: sectionKind(name), start: lineNo, end: last });
  }
  return out;
}

function splitHeading(text: string): [string, string] {
  // The name ends at its last non-space before the first "(" or ":" (a lazy `.*?\s*` rescanned each run of spaces).
  const m = /^((?:[^(:：]*[^\s(:：])?)\s*([(:：].*)?$/.exec(text);
  const name = (m?.[1] ?? text).trim();
  return [name || text, (m?.[2] ?? '').trim()];
}

/** The lines of a section under its heading. */
function within(ctx: Ctx, section: Section): LineRead[] {
  return ctx.lines.filter((l) => l.n > section.start && l.n <= section.end);
}

function sectionKind(name: string): SectionKind {
  const t = compact(name);
  if (/개요/.test(t)) return 'overview';
  if (/예산|투자/.test(t)) return 'budget';
  if (/성과지표/.test(t) && /추진현황|추진실적/.test(t)) return 'progress';
  if (/성과지표/.test(t)) return 'indicators';
  if (/변경/.test(t)) return 'changes';
  if (/문제점|대책/.test(t)) return 'issues';
  if (/향후|추진계획/.test(t)) return 'plans';
  return 'other';
}

/** The end of the reporting period written beside a section heading: "(2018. 7. ~ 2021. 3. 31.)" → 2021-03-31. */
/** The end of the reporting period a progress section's heading gives ("추진실적 (2018.7.~2021.3.)"), and its line. */
function reportingEnd(sections: Section[]): { end: string; written: string; line: number; section: string } | null {
  for (const s of sections) {
    if (s.kind !== 'progress' && s.kind !== 'changes') continue;
    const d = findDates(s.tail)[0]?.date;
    // The period's end as written ("2018.7.~2021.3." → "2021.3."): its day, when missing, is not the document's.
    if (d?.end) {
      const written = d.written.split(/[~～]/).at(-1)!.replace(/(?<![)\]])[)\]]+$/, '').trim();
      return { end: d.end, written, line: s.start, section: s.name };
    }
  }
  return null;
}

/** Lines up to `until` (above the status row): a code line ("3-8-76") and the title, possibly wrapped. */
function readHead(lines: LineRead[], until: number): { code: string | null; title: string | null } {
  let code: string | null = null;
  const titleParts: string[] = [];
  for (const { n, text } of lines) {
    if (n > until) break;
    const line = text.trim();
    if (line === '' || line.includes('\t')) continue;
    const m = CODE_LINE.exec(line);
    if (m && code === null) code = m[1]!;
    else titleParts.push(line);
  }
  const title = titleParts.join(' ').trim();
  return { code, title: title || null };
}

// ---------------------------------------------------------------------------------------------------------------
// Status row.

interface StatusFacts {
  category: string | null;
  stateWritten: string | null;
  state: State | null;
  progress: number | null;
  targetWritten: string | null;
  targetMonth: string | null;
  department: string | null;
  src: Source;
}

function readStatus(ctx: Ctx, headerLine: number): StatusFacts {
  const header = tabCells(ctx.lines.find((l) => l.n === headerLine)!.text);
  const { n: valueLine, cells: values } = rowUnder(ctx.lines, headerLine);
  const facts: StatusFacts = {
    category: null,
    stateWritten: null,
    state: null,
    progress: null,
    targetWritten: null,
    targetMonth: null,
    department: null,
    src: src(null, headerLine, valueLine),
  };
  let marked: { written: string; state: State } | null = null;
  let progressColumn: { written: string; state: State } | null = null;
  header.forEach((h, col) => {
    const label = compact(h);
    const value = (values[col] ?? '').trim();
    const empty = value === '' || value === '-';
    if (label === '사업구분') facts.category = empty ? null : value;
    else if (label === '목표연월' && !empty) {
      facts.targetWritten = value;
      const d = parseKoreanDate(value, ctx.dates) ?? findDates(value, ctx.dates)[0]?.date ?? null;
      facts.targetMonth = d?.end ? d.end.slice(0, 7) : null;
    } else if (label === '담당부서') facts.department = empty ? null : value;
    else if (/진도율|추진율/.test(label)) {
      // "추진중 (전체 사업진도율(%))": the rate of every project, and the state only when no other column is marked.
      const n = /(\d{1,3}(?:\.\d+)?)/.exec(value);
      if (n && Number(n[1]) <= 100) facts.progress = Number(n[1]);
      if (!empty) progressColumn = { written: stateWord(h), state: stateOf(stateWord(h)) };
    } else if (/완료|추진|중단|보류/.test(label) && !empty) {
      marked ??= { written: stateWord(h), state: stateOf(label) };
    }
  });
  const chosen = (marked ?? progressColumn) as { written: string; state: State } | null;
  if (chosen) {
    facts.stateWritten = chosen.written;
    facts.state = chosen.state;
  } else ctx.warnings.push({ line: valueLine, message: '상태 표에서 추진상황 표시를 찾지 못했습니다' });
  return facts;
}

/** The header as the column names the state: "추진중 (전체 사업진도율(%))" → "추진중". */
function stateWord(header: string): string {
  return header.replace(/(?<!\s)\s*\(.*$/, '').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// 사업개요: label : value lines.

interface OverviewFacts {
  period: ReturnType<typeof parseKoreanDate>;
  periodSrc: Source | null;
  /** 사업대상's value, for a title when the sheet has no title line. */
  target: string | null;
  /** 사업내용/주요내용 sub-bullets. */
  contents: string[];
  notes: Budget['notes'];
}

function readOverview(ctx: Ctx, section: Section): OverviewFacts {
  const facts: OverviewFacts = { period: null, periodSrc: null, target: null, contents: [], notes: [] };
  let inContents = false;
  for (const { n, text: line } of within(ctx, section)) {
    if (isBlank(line)) continue;
    const lv = labelValue(line);
    const indented = /^\s+\S/.test(line);
    if (lv && !indented) {
      inContents = false;
      readOverviewLabel(ctx, facts, lv.label, lv.value, n, section.name);
      continue;
    }
    const bare = compact(stripBullet(line));
    if (!indented && /내용$/.test(bare)) {
      inContents = true;
      continue;
    }
    if (inContents && bulletLevel(line) !== null) facts.contents.push(stripBullet(line));
  }
  return facts;
}

function readOverviewLabel(ctx: Ctx, facts: OverviewFacts, label: string, value: string, n: number, section: string) {
  if (/기간/.test(label)) {
    facts.period = parseKoreanDate(value, ctx.dates) ?? findDates(value, ctx.dates)[0]?.date ?? null;
    facts.periodSrc = facts.period ? src(section, n) : null;
    if (!facts.period) ctx.warnings.push({ line: n, message: `사업기간을 날짜로 읽지 못했습니다: ${value}` });
  } else if (/대상/.test(label)) facts.target = value || null;
  else if (/사업명/.test(label) && value) facts.target = value;
  else if (/예산|사업비/.test(label) && value) facts.notes.push({ text: `${label} : ${value}`, src: src(section, n) });
}

/**
 * A sheet without a title line names its project in 사업대상 ("수원시 협치시정 활성화 사업"): without the
 * organisation in front and the word 사업 at the end it is the title. A list of targets ("시민사회, 기업 …") is not.
 */
function titleFromOverview(target: string | null, contents: string[], organization: string | null): string | null {
  if (target && !/[,、·]/.test(target) && !/등$/.test(target)) {
    let t = target;
    for (const name of organization ? [organization, ...organizationAliases(organization)] : []) {
      if (t.startsWith(name)) t = t.slice(name.length).trim();
    }
    t = t.replace(/(?<!\s)\s*사업$/, '').trim();
    if (t) return t;
  }
  return contents[0] ?? null;
}

function aliasesOf(title: string, code: string | null): string[] {
  const out = new Set<string>();
  const bare = title.replace(/[‘’“”'"「」『』]/g, '').trim();
  if (bare !== title && bare) out.add(bare);
  const spaceless = compact(bare);
  if (spaceless !== bare) out.add(spaceless);
  if (code) out.add(code);
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// 예산투자현황: "(단위 : 백만원)", a two-row header (periods, then 확보/집행/계획) and one row per funding source.

interface BudgetColumn {
  period: string;
  year: number | null;
  kind: BudgetKind;
}

function readBudgetSection(ctx: Ctx, section: Section | undefined): Budget {
  const budget = emptyBudget();
  if (!section) return budget;
  const inline = noBudgetPhrase([section.tail.replace(/^\(.*?\)/, '')]);
  let unit: MoneyUnit | null = null;
  for (const { text } of within(ctx, section)) {
    unit = unitFromText(text);
    if (unit) break;
  }
  const rows = tabRowsOf(ctx.lines, section.start + 1, section.end);
  if (rows.length === 0) {
    if (inline) budget.noBudget = inline;
    return budget;
  }
  // Rows under the first with no label are its sub-header; with none, the first row alone heads the table.
  const headerCount = headerRowCount(rows, 1);
  const header = rows.slice(0, headerCount === rows.length ? 1 : headerCount);
  const body = rows.slice(header.length);
  const columns = budgetColumns(ctx, header);
  if (!unit) {
    ctx.warnings.push({ line: section.start, message: '예산 표에 단위가 없어 금액을 읽지 않았습니다' });
    return budget;
  }
  const phrases: string[] = [];
  for (const row of body) {
    const label = row.cells[0] ?? '';
    const funding = fundingOfLabel(label);
    const item = funding ? null : label.trim() || null;
    for (let col = 1; col < row.cells.length; col++) {
      const cell = row.cells[col]!;
      if (cell === '') continue;
      const amount = parseAmount(cell, unit);
      const column = columns.get(col);
      if (!amount || !column) continue;
      budget.lines.push({ ...column, funding, item, amount, src: src(section.name, row.n) } satisfies BudgetLine);
    }
    const phrase = noBudgetPhrase(row.cells.slice(1));
    if (phrase) phrases.push(phrase);
  }
  if (budget.lines.length === 0 && (phrases.length > 0 || inline)) budget.noBudget = phrases[0] ?? inline;
  return budget;
}

/** Column → period and kind, from the period row (carried over merged cells) and the 확보/집행/계획 row. */
function budgetColumns(ctx: Ctx, header: TabRow[]): Map<number, BudgetColumn> {
  const out = new Map<number, BudgetColumn>();
  for (const { col, top: period, sub: s } of spannedColumns(header[0]?.cells ?? [], header[1]?.cells ?? [], 1)) {
    const kind = budgetKind(period, s);
    if (!kind) {
      ctx.warnings.push({ line: header[0]!.n, message: `예산 표의 열을 알아보지 못했습니다: ${period} ${s}`.trim() });
      continue;
    }
    const year = /(?:19|20)\d{2}/.exec(period);
    out.set(col, { period, year: year ? Number(year[0]) : null, kind });
  }
  return out;
}

function budgetKind(period: string, sub: string): BudgetKind | null {
  const t = compact(`${sub} ${period}`);
  if (/소요|총사업비/.test(t)) return 'required';
  if (/확보|예산액|편성/.test(t)) return 'allocated';
  if (/집행|기투자|지출/.test(t)) return 'executed';
  if (/계획|소요/.test(t)) return 'planned';
  if (/잔액/.test(t)) return 'balance';
  return null;
}


// ---------------------------------------------------------------------------------------------------------------
// 연도별 성과지표: tables whose header row has a 단위 column; periods from the rows under it (years, quarters).

const TARGET_WORDS = /^(?:목표|계획)$/;
const ACTUAL_WORDS = /^(?:현재|실적|달성)$/;

function readIndicators(ctx: Ctx, section: Section): Indicator[] {
  const byName = new Map<string, Indicator>();
  for (const rows of tabRunsOf(ctx.lines, section.start + 1, section.end)) {
    const unitCol = rows[0]?.cells.findIndex((c) => compact(c) === '단위') ?? -1;
    if (unitCol < 1) {
      ctx.warnings.push({ line: rows[0]?.n ?? section.start, message: '성과지표 표의 머리행을 찾지 못했습니다' });
      continue;
    }
    const headerRows = rows.slice(0, headerRowCount(rows, unitCol + 1));
    const periods = indicatorPeriods(
      headerRows.slice(1).map((r) => r.cells),
      unitCol,
    );
    let lastName: string | null = null;
    for (const row of rows.slice(headerRows.length)) {
      const labels = row.cells.slice(0, unitCol).filter((c) => c !== '');
      const role = labels.at(-1) && ACTUAL_WORDS.test(compact(labels.at(-1)!)) ? 'actual' : 'target';
      const names = labels.filter((l) => !TARGET_WORDS.test(compact(l)) && !ACTUAL_WORDS.test(compact(l)));
      const name: string | null = names.at(-1) ?? lastName;
      if (!name) continue;
      lastName = name;
      const values = indicatorValues(row.cells, unitCol, periods);
      if (values.length === 0) continue;
      const unitCell = row.cells[unitCol] ?? '';
      const unit = unitCell && unitCell !== '-' && !/\d/.test(unitCell) ? unitCell : null;
      const indicator = byName.get(name) ?? newIndicator(name, unit, section.name, row.n);
      byName.set(name, indicator);
      indicator.unit ??= unit;
      (role === 'actual' ? indicator.actuals : indicator.targets).push(...values);
      indicator.src = src(section.name, indicator.src.lines[0], row.n);
    }
  }
  return [...byName.values()];
}

function newIndicator(name: string, unit: string | null, section: string, n: number): Indicator {
  return { name, unit, targets: [], actuals: [], cumulative: /누적/.test(name), src: src(section, n) };
}

/** "2021년" over "1분기 … 4분기" becomes "2021년 1분기" … "2021년 4분기"; a lone "2022년 6월까지" stays. */
function indicatorPeriods(headerRows: string[][], unitCol: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const { col, top, sub } of spannedColumns(headerRows[0] ?? [], headerRows[1] ?? [], unitCol + 1)) {
    out.set(col, [top, sub].filter(Boolean).join(' '));
  }
  return out;
}

function indicatorValues(cells: string[], unitCol: number, periods: Map<number, string>) {
  const out: Array<{ period: string; value: string }> = [];
  for (let col = unitCol + 1; col < cells.length; col++) {
    const value = cells[col]!.trim();
    const period = periods.get(col);
    // "%" alone is an empty cell that kept its unit; "-" says nothing happened in that period.
    if (!period || value === '' || value === '-' || value === '%') continue;
    out.push({ period, value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 성과지표별 추진현황 (dated items in table cells) and 향후추진계획 (one item per line, date at the end).

/** Done when the date is over by the reporting date, planned when it starts after it, else not said. */
function doneBy(asOf: string | null, date: Milestone['date']): boolean | null {
  if (!asOf || !date) return null;
  if (date.end && date.end <= asOf) return true;
  if (date.start && date.start > asOf) return false;
  return null;
}

function readProgressMilestones(ctx: Ctx, section: Section): Milestone[] {
  const out: Milestone[] = [];
  for (const rows of tabRunsOf(ctx.lines, section.start + 1, section.end)) {
    for (const row of rows) {
      for (const cell of row.cells.slice(1)) {
        let parent: string | null = null;
        for (const item of cell.split(/(?<!\s)\s+(?=[○•·ㆍ▸-]\s)/)) {
          const text = stripBullet(item);
          if (/^\s*○/.test(item)) parent = text;
          const split = splitDatedItem(text, ctx.dates);
          if (!split) continue;
          // "일시 : 2019. 8. 21." under "○ 2019 공직자·시민 협치 교육": the item is the parent's.
          const name = compact(split.text).length <= 2 && parent && parent !== text ? parent : split.text;
          out.push({ text: name, date: split.date, done: doneBy(ctx.asOf, split.date), src: src(section.name, row.n) });
        }
      }
    }
  }
  return out;
}

/**
 * An item and its date. Several dates closing the item ("회의참석 (2020. 12. 7. 2021. 3. 12.)",
 * "회의 개최 : 2020.8.12./8.14./8.19") make one span from the first to the last.
 */
function splitDatedItem(text: string, dates: DateContext): { text: string; date: ResolvedDate } | null {
  const split = splitTrailingDate(text, dates);
  const found = findDates(text, dates);
  const first = found[0];
  const last = found.at(-1);
  if (!split || !first || !last || found.length < 2) return split;
  let rest = text.slice(first.index);
  for (const d of found) rest = rest.replace(d.date.written, '');
  const head = text
    .slice(0, first.index)
    .replace(/(?<![\s:：(\-–—])[\s:：(\-–—]+$/, '')
    .trim();
  if (!head || !/^[\s.,/()·~∼-]*$/.test(rest)) return split;
  const written = text.slice(first.index, last.index + last.length).trim();
  const date = {
    written,
    start: first.date.start,
    end: last.date.end ?? first.date.end,
    precision: first.date.precision,
  };
  return { text: head, date };
}

function readPlanMilestones(ctx: Ctx, section: Section): Milestone[] {
  const out: Milestone[] = [];
  for (const { n, text: line } of within(ctx, section)) {
    if (isBlank(line) || line.includes('\t') || bulletLevel(line) === null) continue;
    const text = stripBullet(line).replace(/(?<!\s)\s*-{3,}\s*/, ' ');
    const split = splitDatedItem(text, ctx.dates);
    if (!split) {
      ctx.warnings.push({ line: n, message: `향후계획 항목에서 날짜를 찾지 못했습니다: ${text}` });
      out.push({ text, date: null, done: false, src: src(section.name, n) });
      continue;
    }
    out.push({ text: split.text, date: split.date, done: false, src: src(section.name, n) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 문제점 및 대책, 사업변경내역.

const NOTHING = /^(?:해당\s*없음|없음|-)$/;

function readIssues(ctx: Ctx, section: Section) {
  let mode: 'problem' | 'countermeasure' | null = null;
  const problem: string[] = [];
  const counter: string[] = [];
  let first = 0;
  let last = section.start;
  for (const { n, text: line } of within(ctx, section)) {
    if (isBlank(line)) continue;
    // The word ends at a non-space: `.+?\s*】` rescanned a run of spaces from each of its positions.
    const h = /^\s*【\s*([^\s】](?:[^】]*?[^\s】])?)\s*】/.exec(line);
    if (h) {
      const word = compact(h[1]!);
      mode = /문제/.test(word) ? 'problem' : /대책|개선/.test(word) ? 'countermeasure' : null;
      continue;
    }
    if (!mode || line.includes('\t')) continue;
    const text = stripBullet(line);
    if (NOTHING.test(compact(text))) continue;
    (mode === 'problem' ? problem : counter).push(text);
    first ||= n;
    last = n;
  }
  if (problem.length === 0 && counter.length === 0) return [];
  return [
    {
      problem: problem.join(' ') || null,
      countermeasure: counter.join(' ') || null,
      src: src(section.name, first || section.start, last),
    },
  ];
}

function readChanges(ctx: Ctx, section: Section) {
  const out: ProjectRecord['changes'] = [];
  for (const rows of tabRunsOf(ctx.lines, section.start + 1, section.end)) {
    const header = rows[0]!.cells.map(compact);
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    const [what, why, when] = [col(/내용/), col(/사유/), col(/시기|일자/)];
    for (const row of rows.slice(1)) {
      const change = (row.cells[Math.max(what, 0)] ?? '').trim();
      if (change === '' || NOTHING.test(compact(change))) continue;
      const reason = why >= 0 ? (row.cells[why] ?? '').trim() : '';
      const at = when >= 0 ? (row.cells[when] ?? '').trim() : '';
      out.push({
        change,
        reason: reason && !NOTHING.test(compact(reason)) ? reason : null,
        when: at && !NOTHING.test(compact(at)) ? at : null,
        src: src(section.name, row.n),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 담당자: the "담당부서 ⇥ 직(직급) ⇥ 성명 ⇥ 전화번호" table (an empty 담당부서 cell repeats the one above), or ☎ lines.

function readContacts(ctx: Ctx, fallbackSection: string | null): Contact[] {
  let section = fallbackSection;
  const header = headerLineOf(ctx.lines, CONTACT_HEADER_WORDS);
  if (header === null) {
    return ctx.lines.flatMap(({ n, text }) => contactsFromPhoneLine(text, n, section));
  }
  const cols = tabCells(header.text).map(compact);
  const caption = captionAbove(ctx.lines, header.n);
  if (caption) section = caption;
  const at = (re: RegExp) => cols.findIndex((c) => re.test(c));
  const [deptCol, posCol, nameCol, phoneCol] = [at(/부서/), at(/^직/), at(/성명/), at(/전화/)];
  const out: Contact[] = [];
  let department: string | null = null;
  for (const { n, cells } of tabRowsUnder(ctx.lines, header.n)) {
    const cell = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    if (cell(deptCol)) department = cell(deptCol);
    const phone = cell(phoneCol) || null;
    const name = cell(nameCol) || null;
    if (!name && !phone) continue;
    const position = cell(posCol) || null;
    const digits = phone?.replace(/\D/g, '') ?? '';
    out.push({
      name,
      position,
      department,
      team: position && /팀장$/.test(position) ? position.replace(/장$/, '') : null,
      phone,
      extension: digits.length >= 3 ? digits.slice(-4) : null,
      src: src(section, n),
    });
  }
  if (out.length === 0) ctx.warnings.push({ line: header.n, message: '담당자 표에 사람이 없습니다' });
  return out;
}

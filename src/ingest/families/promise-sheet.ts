/**
 * 공약이행 sheets (서울시장 민선6기 공약 실천계획, PDF → text): one promise per document. A code line ("2-4-3",
 * "혁신-22", sometimes with the title on it), the title (possibly wrapped), then label/value pairs each on its own
 * line (추진 상황, 사업 구분, 총 사업비, 집 행 액) — the extraction often shuffles labels away from their values, so
 * values are recognised by their shape too — then sections whose headings start with an unmapped glyph
 * (최종목표, 추진계획, 연차별 투자수요, 연도별 집행액, 추진 실적, 향후 계획 …) and the ☎ contact lines at the end.
 */
import { type DateContext, findDates, type ResolvedDate, parseKoreanDate, splitTrailingDate } from '../../domain/korean-date.js';
import { type MoneyUnit, parseAmountWithUnit, unitFromText } from '../../domain/money.js';
import {
  type Budget,
  type BudgetKind,
  type BudgetLine,
  type Contact,
  emptyBudget,
  emptyRecord,
  type Milestone,
  recordKey,
} from '../../domain/project.js';
import { type Source, src } from '../../domain/provenance.js';
import { stateOf } from '../../domain/vocabulary.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { compact, isBlank, noBudgetPhrase } from '../structure/cells.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { bulletLevel, labelValue, stripBullet } from '../structure/headings.js';
import { detectOrganization } from '../structure/organization.js';
import { modelOf } from '../model/read-model.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { readPeriodTable } from '../tables/period-columns.js';

type Label = 'state' | 'category' | 'total' | 'executed';

/** The form's four labels, letters closed up; "추진 상황*" carries a footnote mark. */
const LABELS: Record<string, Label> = {
  추진상황: 'state',
  사업구분: 'category',
  총사업비: 'total',
  집행액: 'executed',
};
/** "2-4-3", "15-3-5", "혁신-22", "시민-1": the promise number, alone or before the title. */
const CODE = /^\s*((?:\d{1,2}-){2}\d{1,2}|[가-힣]{1,4}-\d{1,3})(?:\s+(.+))?$/;
/** A section heading: a glyph the extractor could not map (private use area), a space, a short name. */
const HEADING = /^\s*[\uE000-\uF8FF]\s+([가-힣].*)$/;
const STATE_VALUE =
  /^(?:이행후계속추진|완료후계속추진|정상추진|추진중|완료|추진완료|일부추진|일부완료|지연|부진|보류|중단|폐기|미추진|미착수|계속추진)$/;
const CATEGORY_VALUE = /^(?:임기[내후]|신규|계속|지속|완료)$/;
const MONEY_VALUE = /^[△-]?\d[\d,]*(?:\.\d+)?\s*(?:백만\s*원|천\s*원|만\s*원|억\s*원|원)$/;
const DASH = /^[-–－]$/;
/** Words that open a contact group: the lead department and those that help it. */
const CONTACT_LEAD = /(?:총괄|협조|관리|주관|소관|추진|담당)부서/;
const HEAD_POSITION = /(?:과장|담당관|국장|실장|단장|본부장|부장|소장|센터장|원장|처장)$/;

interface Ctx {
  doc: SourceDocument;
  /** The promise's own lines as the model read them (the PDF export puts most labels and values on lines of their own). */
  written: LineRead[];
  warnings: ParseWarning[];
}

interface Section {
  name: string;
  /** "연차별 투자수요(계획) : 비예산 사업": what the heading line says after a colon. */
  tail: string;
  start: number;
  end: number;
}

export const promiseSheetFamily: DocumentFamily = {
  name: 'promise-sheet',
  description: '공약이행 실천계획 카드: 공약번호, 추진 상황, 사업 구분, 총 사업비·집행액, 향후 계획, 담당자(☎)',
  detect(doc) {
    const labels = new Set<Label>();
    let code = false;
    let firstText = true;
    for (const { n, text: line } of linesRead(modelOf(doc))) {
      if (n > 60) break;
      if (isBlank(line)) continue;
      if (line.includes('\t')) return 0;
      if (firstText && CODE.test(line)) code = true;
      firstText = false;
      const label = labelOf(line);
      if (label) labels.add(label.label);
    }
    if (labels.size >= 3) return code ? 0.92 : 0.75;
    return labels.size === 2 && code ? 0.6 : 0;
  },
  parse(doc) {
    return parsePromiseSheet(doc);
  },
};

/**
 * A file may bind several promises one after another ("혁신-57 …", then "혁신-58 자동차 정비가격 다나와!" with its own
 * form, plans and ☎ lines): each is a record of its own, read from its own lines only, so no promise takes
 * another's department, budget or contacts.
 */
function parsePromiseSheet(doc: SourceDocument): ParseResult {
  const written = linesRead(modelOf(doc));
  const starts = promiseStarts(written);
  if (starts.length < 2) return parseOnePromise(doc, written, null);
  const warnings: ParseWarning[] = [];
  const organization = authorOf({ doc, written, warnings }, written);
  const records = starts.flatMap((start, k) => {
    // The lines before the first promise (a cover) go with it; each later promise ends where the next begins.
    const from = k === 0 ? 1 : start;
    const to = (starts[k + 1] ?? doc.lines.length + 1) - 1;
    const own = written.filter((l) => l.n >= from && l.n <= to);
    const one = parseOnePromise(doc, own, { organization, from, to });
    warnings.push(...one.warnings);
    return one.records;
  });
  return { family: 'promise-sheet', organization, records, warnings };
}

/**
 * Lines (1-based) where a promise starts: a code line followed closely by the form's labels. Code lines with no
 * form between them ("9-1-5" / "9-1-6" over one title) start one promise.
 */
function promiseStarts(written: LineRead[]): number[] {
  /** Indexes in `written` of the code lines that start a promise. */
  const out: number[] = [];
  const labelsBetween = (from: number, to: number) =>
    new Set(written.slice(from, to).flatMap((l) => labelOf(l.text)?.label ?? [])).size;
  written.forEach((code, i) => {
    if (!CODE.test(code.text)) return;
    const labels = new Set<Label>();
    for (let j = i + 1, seen = 0; j < written.length && seen < 16; j++) {
      if (isBlank(written[j]!.text)) continue;
      seen++;
      const label = labelOf(written[j]!.text);
      if (label) labels.add(label.label);
    }
    if (labels.size < 3) return;
    const previous = out.at(-1);
    if (previous === undefined || labelsBetween(previous, i) >= 3) out.push(i);
  });
  return out.map((i) => written[i]!.n);
}

function parseOnePromise(
  doc: SourceDocument,
  written: LineRead[],
  part: { organization: string | null; from: number; to: number } | null,
): ParseResult {
  const ctx: Ctx = { doc, written, warnings: [] };
  const organization = part ? part.organization : authorOf(ctx, written);
  const sections = findSections(written, doc.lines.length);
  const headEnd = headerEnd(written, sections, doc.lines.length);
  const head = readHead(ctx, headEnd);
  const values = assignValues(ctx, head.items);

  const budget = readBudget(ctx, values, sections);
  const contactsRead = readContacts(ctx);
  const year = reportYear(ctx, sections);
  const plans = sections.filter((s) => /향후/.test(compact(s.name)));
  const milestones = plans.flatMap((s) => readMilestones(ctx, s));
  const department = contactsRead.department;

  const first = head.codes[0];
  const code = first?.code || null;
  const title = first?.title || head.codes.find((c) => c.title)?.title || firstLine(ctx) || doc.name;
  if (!code) ctx.warnings.push({ line: null, message: '공약번호 줄을 찾지 못했습니다' });
  const key = code ? recordKey([organization, code]) : recordKey([organization, department, title]);

  const period = readPeriod(ctx, sections, year);
  const goal = readGoal(ctx, sections);
  const record = emptyRecord({
    kind: 'project',
    key,
    title,
    organization,
    code,
    aliases: aliasesOf(title, head.codes.slice(1)),
    department,
    teams: [...new Set(contactsRead.contacts.map((c) => c.team).filter((t): t is string => t !== null))],
    category: values.category?.text ?? null,
    year,
    phase: 'report',
    status: values.state
      ? {
          progressPct: null,
          stateWritten: values.state.text,
          state: stateOf(values.state.text),
          targetMonth: null,
          targetWritten: null,
          period: period?.date ?? null,
          asOf: null,
          src: src(null, values.state.line),
          periodSrc: period ? src(null, period.line) : null,
          goalWritten: goal?.text ?? null,
          goalSrc: goal?.src ?? null,
        }
      : null,
    budget,
    milestones,
    contacts: contactsRead.contacts,
    headings: sections.map((s) => s.name),
    src: part ? src(null, part.from, part.to) : src(null, 1, Math.max(1, doc.lines.length)),
  });
  if (!values.state) ctx.warnings.push({ line: null, message: '추진 상황 값을 찾지 못했습니다' });
  return { family: 'promise-sheet', organization, records: [record], warnings: ctx.warnings };
}

const METRO_LEVEL = /(?:특별시|광역시|특별자치시|특별자치도)$/;

/**
 * A mayor's promise sheet names districts and towns as the places where the work happens ("종로구 일대",
 * "금산군 캠프장"); the metropolitan city it mentions at all is the author. Without one, the shared guess stands.
 */
function authorOf(ctx: Ctx, written: LineRead[]): string | null {
  const first = detectOrganization(written.map((l) => l.text));
  let text = written.map((l) => l.text);
  let guess = first;
  for (let i = 0; i < 40 && guess && !METRO_LEVEL.test(guess); i++) {
    const place = guess;
    text = text.map((l) => l.split(place).join(' '));
    guess = detectOrganization(text);
  }
  if (guess && METRO_LEVEL.test(guess)) return guess;
  if (!first) ctx.warnings.push({ line: null, message: '작성 기관(시·군·구)을 본문에서 찾지 못했습니다' });
  return first;
}

function firstLine(ctx: Ctx): string | null {
  return ctx.written.find((l) => !isBlank(l.text))?.text.trim() ?? null;
}

/** The promise's lines the model read on lines `from`..`to`. */
function between(ctx: Ctx, from: number, to: number): LineRead[] {
  return ctx.written.filter((l) => l.n >= from && l.n <= to);
}

// ---------------------------------------------------------------------------------------------------------------
// Layout.

/**
 * The sections, line by line: the model reads the unmapped glyph as no marker, so a heading may sit inside a
 * paragraph it was joined to ("… 훈련 운영(1,500명)" / " 연차별 투자수요").
 */
function findSections(written: LineRead[], lastLine: number): Section[] {
  const out: Section[] = [];
  for (const l of written) {
    const m = HEADING.exec(l.text);
    if (!m) continue;
    const [name, tail] = splitHeading(m[1]!.trim());
    // A glyph also marks some bullets inside sections; a heading is a short name.
    if (name.length > 25) continue;
    const prev = out.at(-1);
    if (prev) prev.end = l.n - 1;
    out.push({ name, tail, start: l.n, end: lastLine });
  }
  return out;
}

function splitHeading(text: string): [string, string] {
  const i = text.search(/[:：]/);
  return i < 0 ? [text, ''] : [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/**
 * The head ends at the first ○ bullet, at the first "-" bullet once a label was seen (before, a "-" line is part
 * of the title), or at the second section heading (values may sit under 최종목표).
 */
function headerEnd(written: LineRead[], sections: Section[], lastLine: number): number {
  const second = sections[1]?.start ?? lastLine + 1;
  let seenLabel = false;
  for (const { n, text: line } of written) {
    if (n >= second) break;
    if (labelOf(line)) seenLabel = true;
    const level = bulletLevel(line);
    if (level === null || DASH.test(line.trim()) || HEADING.test(line)) continue;
    if (level <= 1 || (seenLabel && level <= 2)) return n;
  }
  return Math.min(second, lastLine + 1);
}

function labelOf(line: string): { label: Label; rest: string } | null {
  const t = compact(line).replace(/(?<!\*)\*+$/, '');
  for (const [word, label] of Object.entries(LABELS)) {
    if (t === word) return { label, rest: '' };
    // "집 행 액 1,656,977백만원": the value on the label's line.
    if (t.startsWith(word) && MONEY_VALUE.test(t.slice(word.length))) {
      return { label, rest: line.replace(/^\D*?(?=[△-]?\d)/, '').trim() };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Head: codes, titles, then labels and values.

type ItemKind = 'label' | 'state' | 'category' | 'money' | 'dash' | 'note' | 'other';

interface HeadItem {
  kind: ItemKind;
  text: string;
  line: number;
  label?: Label;
}

interface CodeTitle {
  code: string;
  title: string;
  line: number;
}

function readHead(ctx: Ctx, end: number): { codes: CodeTitle[]; items: HeadItem[] } {
  const codes: CodeTitle[] = [];
  // A title's lines, joined once at the end: joining (and trimming) the whole title again at each line was
  // quadratic in the head's length.
  const titleLines = new Map<CodeTitle, string[]>();
  const items: HeadItem[] = [];
  let inTitle = true;
  for (const { n, text: line } of between(ctx, 1, end - 1)) {
    if (isBlank(line) || HEADING.test(line)) continue;
    const item = classify(line, n);
    if (inTitle && item.kind === 'other') {
      const m = CODE.exec(line);
      if (m) {
        codes.push({ code: m[1]!, title: m[2]?.trim() ?? '', line: n });
        continue;
      }
      const current = codes.at(-1);
      if (current) {
        const more = titleLines.get(current) ?? [];
        more.push(line.trim());
        titleLines.set(current, more);
      } else codes.push({ code: '', title: line.trim(), line: n });
      continue;
    }
    inTitle = false;
    items.push(item);
  }
  for (const [code, more] of titleLines) code.title = [code.title, ...more].filter((t) => t !== '').join(' ');
  // A code with no title of its own shares the next one's ("9-1-5" / "9-1-6" / two title lines).
  for (let i = codes.length - 2; i >= 0; i--) if (!codes[i]!.title) codes[i]!.title = codes[i + 1]!.title;
  return { codes: codes.filter((c) => c.code !== '' || codes.length === 1), items };
}

function classify(line: string, n: number): HeadItem {
  const text = line.trim();
  const label = labelOf(line);
  if (label) return { kind: 'label', text: label.rest, line: n, label: label.label };
  const t = compact(text);
  if (STATE_VALUE.test(t)) return { kind: 'state', text, line: n };
  if (CATEGORY_VALUE.test(t)) return { kind: 'category', text, line: n };
  if (MONEY_VALUE.test(t) || /^비예산/.test(t)) return { kind: 'money', text, line: n };
  if (DASH.test(t)) return { kind: 'dash', text, line: n };
  if (/^\(.*\)$/.test(t)) return { kind: 'note', text, line: n };
  return { kind: 'other', text, line: n };
}

interface Value {
  text: string;
  line: number;
  lastLine: number;
}

interface Values {
  state: Value | null;
  category: Value | null;
  total: Value | null;
  executed: Value | null;
  notes: Value[];
}

/**
 * Values by their label when the label's next line fits it, else by shape in reading order: the extraction keeps
 * the values in order (state, 사업 구분 parts, 총 사업비, 집행액) even where it moves the labels.
 */
function assignValues(ctx: Ctx, items: HeadItem[]): Values {
  const out: Values = { state: null, category: null, total: null, executed: null, notes: [] };
  const used = new Set<number>();
  const take = (i: number): Value => {
    used.add(i);
    return { text: items[i]!.text, line: items[i]!.line, lastLine: items[i]!.line };
  };
  const fits: Record<Label, ItemKind[]> = {
    state: ['state'],
    category: ['category'],
    total: ['money'],
    executed: ['money', 'dash', 'other'],
  };
  items.forEach((item, i) => {
    if (item.kind !== 'label' || !item.label) return;
    if (item.text) {
      out[item.label] = { text: item.text, line: item.line, lastLine: item.line };
      return;
    }
    const next = items[i + 1];
    if (next && !used.has(i + 1) && fits[item.label].includes(next.kind) && !out[item.label]) {
      out[item.label] = take(i + 1);
    }
  });
  const free = (kinds: ItemKind[]) => items.findIndex((it, i) => !used.has(i) && kinds.includes(it.kind));
  // 사업 구분 is several lines: "임기 내" then "신 규" / "계속" / "완료".
  const catStart = items.findIndex((it, i) => !used.has(i) && it.kind === 'category' && /^임기/.test(compact(it.text)));
  if (!out.category && catStart >= 0) out.category = take(catStart);
  if (out.category) {
    const parts = [out.category.text];
    // "완료" after "임기 내" is a 사업 구분 part when the state is written elsewhere.
    const states = items.filter((it) => it.kind === 'state').length;
    const isPart = (it: HeadItem) =>
      it.kind === 'category' ||
      (it.kind === 'state' && CATEGORY_VALUE.test(compact(it.text)) && (states > 1 || !!out.state));
    let i = items.findIndex((it) => it.line === out.category!.line) + 1;
    while (items[i] && isPart(items[i]!) && !used.has(i) && parts.length < 3) {
      parts.push(items[i]!.text);
      out.category.lastLine = take(i).line;
      i++;
    }
    out.category.text = parts.join(' · ');
  }
  if (!out.state) {
    const i = free(['state', 'category']);
    if (i >= 0) out.state = take(i);
  }
  if (!out.total) {
    const i = free(['money']);
    if (i >= 0) out.total = take(i);
  }
  if (!out.executed) {
    const i = free(['money', 'dash']);
    if (i >= 0) out.executed = take(i);
  }
  items.forEach((it, i) => {
    if (!used.has(i) && (it.kind === 'note' || it.kind === 'other')) out.notes.push(take(i));
  });
  if (!out.total) ctx.warnings.push({ line: null, message: '총 사업비 값을 찾지 못했습니다' });
  return out;
}

function aliasesOf(title: string, others: CodeTitle[]): string[] {
  const out = new Set<string>();
  const bare = title
    .replace(/[‘’“”'"「」『』]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (bare && bare !== title) out.add(bare);
  for (const o of others) {
    out.add(o.code);
    if (o.title && o.title !== title) out.add(o.title);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// Budget: 총 사업비 (required) and 집행액 (executed) from the head; per-year figures from the column-per-line tables
// when they add up.

function readBudget(ctx: Ctx, values: Values, sections: Section[]): Budget {
  const budget = emptyBudget();
  for (const note of values.notes) budget.notes.push({ text: note.text, src: src(null, note.line) });
  const headNo = values.total ? noBudgetPhrase([values.total.text]) : null;
  const sectionNo = sections.map((s) => (s.tail ? noBudgetPhrase([s.tail]) : null)).find(Boolean) ?? null;
  if (headNo || (sectionNo && !values.total)) {
    budget.noBudget = values.total?.text ?? sectionNo;
    return budget;
  }
  const total = values.total ? parseAmountWithUnit(values.total.text) : null;
  if (total && values.total) budget.lines.push(headLine('총 사업비', 'required', total, values.total.line));
  const executed = values.executed ? parseAmountWithUnit(values.executed.text) : null;
  if (executed && values.executed) budget.lines.push(headLine('집행액', 'executed', executed, values.executed.line));
  else if (values.executed && !DASH.test(values.executed.text)) {
    budget.notes.push({ text: `집행액 : ${values.executed.text}`, src: src(null, values.executed.line) });
  }
  let unit: MoneyUnit | null = total?.unit ?? null;
  for (const s of sections) {
    const kind: BudgetKind | null = /투자수요/.test(s.name) ? 'planned' : /집행/.test(s.name) ? 'executed' : null;
    if (!kind) continue;
    unit = sectionUnit(ctx, s) ?? unit;
    if (!unit) continue;
    // The line above the table's first: "임기" over a "후" that opens it is the column 임기 후.
    const above = ctx.written.filter((l) => l.n <= s.start && !isBlank(l.text)).at(-1)?.text ?? '';
    const spec = { section: s.name, line: s.start, kind, unit };
    budget.lines.push(...readPeriodTable(between(ctx, s.start + 1, s.end), above, spec, ctx.warnings));
  }
  return budget;
}

function headLine(period: string, kind: BudgetKind, amount: BudgetLine['amount'], line: number): BudgetLine {
  return { period, year: null, kind, funding: null, item: null, amount, src: src(null, line) };
}

function sectionUnit(ctx: Ctx, s: Section): MoneyUnit | null {
  for (const l of between(ctx, s.start, s.end)) {
    const unit = unitFromText(l.text);
    if (unit) return unit;
  }
  return null;
}

/**
 * 최종목표 as written: its ○ items, each with the lines that continue it ("○ 사회복지인력 2,000명 → 4,000명", "○ 방문간호사"
 * / "400명 → 800명 이상으로 확대"), at most three, joined; sub-items and notes are left to the document.
 */
function readGoal(ctx: Ctx, sections: Section[]): { text: string; src: Source } | null {
  const s = sections.find((x) => /^최종목표/.test(compact(x.name)));
  if (!s) return null;
  const items: Array<{ text: string; last: number }> = [];
  let first: number | null = null;
  for (const { n, text: line } of between(ctx, s.start, s.end - 1)) {
    if (isBlank(line) || /^\s*-\s*\d{1,4}\s*-\s*$/.test(line)) continue;
    const level = bulletLevel(line);
    if (level !== null && level <= 1) {
      if (items.length === 3) break;
      items.push({ text: stripBullet(line), last: n });
      first ??= n;
    } else if (level === null && items.length) {
      const item = items.at(-1)!;
      item.text = `${item.text} ${line.trim()}`;
      item.last = n;
    } else if (items.length) break;
  }
  if (first === null || items.length === 0) return null;
  return { text: items.map((i) => i.text).join(' / '), src: src(s.name, first, items.at(-1)!.last) };
}

// ---------------------------------------------------------------------------------------------------------------
// Year, period, milestones.

/** The year the sheet reports on: the one whose quarters 연차별 추진계획 breaks down ("○ ’16년 분기별 세부 추진"). */
function reportYear(ctx: Ctx, sections: Section[]): number | null {
  const plan = sections.find((s) => /연차별추진계획/.test(compact(s.name)));
  if (!plan) return null;
  for (const { text: line } of between(ctx, plan.start + 1, plan.end)) {
    if (!/분기별/.test(line)) continue;
    const d = findDates(line)[0]?.date;
    if (d?.start) return Number(d.start.slice(0, 4));
  }
  return null;
}

function readPeriod(ctx: Ctx, sections: Section[], year: number | null): { date: ResolvedDate; line: number } | null {
  const dates: DateContext = year ? { year } : {};
  for (const s of sections.slice(0, 3)) {
    for (const { n, text } of between(ctx, s.start + 1, s.end)) {
      const lv = labelValue(text);
      if (lv && /^사업기간$/.test(lv.label)) {
        const date = parseKoreanDate(lv.value, dates) ?? findDates(lv.value, dates)[0]?.date ?? null;
        return date ? { date, line: n } : null;
      }
    }
  }
  return null;
}

/** The shared bullet levels, plus the "․" and "✓" marks of these sheets' sub-items. */
function itemLevel(line: string): number | null {
  return bulletLevel(line) ?? (/^\s*[․‧▪✓]/.test(line) ? 3 : null);
}

interface Item {
  text: string;
  line: number;
  lastLine: number;
}

/**
 * 향후 계획: bullet items (a long one wraps onto the next line), each with its date. Dates printed in a column of
 * their own (": ’17.1월" lines after as many bullets) are paired back with their items in order.
 */
function readMilestones(ctx: Ctx, s: Section): Milestone[] {
  const items: Item[] = [];
  const dateLines: Item[] = [];
  let dates: DateContext = {};
  for (const { n, text: line } of between(ctx, s.start + 1, s.end)) {
    if (isBlank(line) || line.includes('☎')) continue;
    const t = line.trim();
    if (/^[:：]\s*\S/.test(t) && findDates(t).length > 0) {
      dateLines.push({ text: t.replace(/^[:：]\s*/, ''), line: n, lastLine: n });
      continue;
    }
    const level = itemLevel(line);
    if (level !== null && level <= 3 && !DASH.test(t)) {
      items.push({ text: stripBullet(line).replace(/^[․‧▪✓]\s*/, ''), line: n, lastLine: n });
      continue;
    }
    const last = items.at(-1);
    if (last && last.lastLine >= n - 2 && last.text.length >= 30 && t.length >= 2) {
      last.text = `${last.text} ${t}`;
      last.lastLine = n;
    }
  }
  const undated = items.filter((it) => findDates(it.text).length === 0);
  if (dateLines.length > 0 && dateLines.length <= undated.length) {
    const tail = undated.slice(undated.length - dateLines.length);
    tail.forEach((it, i) => {
      it.text = `${it.text} : ${dateLines[i]!.text}`;
    });
  }
  const out: Milestone[] = [];
  for (const it of items) {
    const first = findDates(it.text)[0]?.date;
    if (first?.start && !dates.year) dates = { year: Number(first.start.slice(0, 4)) };
    const split = splitTrailingDate(it.text, dates);
    if (!split || /분기별/.test(split.text)) continue;
    out.push({ text: split.text, date: split.date, done: false, src: src(s.name, it.line, it.lastLine) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts: the ☎ lines at the end, read as groups that each start with a department head.

interface ContactLine {
  text: string;
  line: number;
}

function readContacts(ctx: Ctx): { contacts: Contact[]; department: string | null } {
  const region = contactRegion(ctx.written);
  if (region.length === 0) {
    ctx.warnings.push({ line: null, message: '☎ 담당자 줄을 찾지 못했습니다' });
    return { contacts: [], department: null };
  }
  const contacts: Contact[] = [];
  let department: string | null = null;
  let leadDepartment: string | null = null;
  for (const group of contactGroups(region)) {
    // The lead word is the group's section, not part of the first position ("추진부서 자연생태과장").
    const text = repairContactText(group.text.replace(new RegExp(`^\\s*${CONTACT_LEAD.source}\\s*`), ''));
    const found = contactsFromPhoneLine(text, group.held[0]!.line, group.lead);
    locateContacts(found, group);
    const dept = found.find((c) => c.department)?.department ?? departmentOf(found);
    for (const c of found) c.department ??= dept;
    department ??= dept;
    if (!leadDepartment && group.lead && /총괄|주관|소관/.test(group.lead)) leadDepartment = dept;
    contacts.push(...found);
  }
  if (contacts.length === 0) ctx.warnings.push({ line: region[0]!.line, message: '☎ 줄에서 담당자를 읽지 못했습니다' });
  return { contacts, department: leadDepartment ?? department };
}

/** From the first ☎ line to the end, with the fragments right above it ("총괄부서", "창업기반팀장: 박은주"). */
function contactRegion(written: LineRead[]): ContactLine[] {
  const first = written.findIndex((l) => l.text.includes('☎'));
  if (first < 0) return [];
  let start = first;
  // Up to six lines above, blank ones counted.
  for (let i = first - 1; i >= 0 && written[i]!.n >= written[first]!.n - 6; i--) {
    const t = written[i]!.text.trim();
    if (t === '') continue;
    if (bulletLevel(t) !== null || HEADING.test(written[i]!.text) || t.length > 40) break;
    if (!(CONTACT_LEAD.test(t) || /[:：]\s*[가-힣]{2,4}$|[:：]$|(?:장|관)$/.test(t))) break;
    start = i;
  }
  const out: ContactLine[] = [];
  for (const l of written.slice(start)) {
    const t = l.text.trim();
    if (t === '') continue;
    // Text after the contacts (a stray bullet or a note) is not part of them.
    if (bulletLevel(t) !== null && !t.includes('☎')) continue;
    out.push({ text: t, line: l.n });
  }
  return out;
}

interface ContactGroup {
  lead: string | null;
  text: string;
  /** The region's lines the group's text runs over. */
  held: ContactLine[];
  /** Offset of each line's text in `text`. */
  offsets: number[];
}

const GROUP_START = new RegExp(
  // A head is read from the start of its word (or right after a lead word): tried from every letter of a long run,
  // the search took quadratic time.
  `(?:${CONTACT_LEAD.source}\\s*)|(?:(?<![가-힣A-Za-z()·ⅠⅡ])|(?<=부서))[가-힣A-Za-z()·ⅠⅡ]+${HEAD_POSITION.source.replace('$', '')}\\s*(?:[:：]\\s*)?[가-힣]{2,4}\\s*☎\\s*\\d{2,4}-\\d{3,4}`,
  'g',
);

/** Joined text split where a new department starts: a lead word, or a head with a full number. */
function contactGroups(region: ContactLine[]): ContactGroup[] {
  let text = '';
  const offsets: number[] = [];
  for (const l of region) {
    offsets.push(text.length + (text ? 1 : 0));
    text = text ? `${text} ${l.text}` : l.text;
  }
  const starts = new Set<number>([0]);
  for (const m of text.matchAll(GROUP_START)) {
    // A head right after its lead word belongs to the lead's group.
    const before = text.slice(0, m.index).trimEnd();
    if (!CONTACT_LEAD.test(before.slice(-6)) || before === '') starts.add(m.index);
  }
  const cuts = [...starts].sort((a, b) => a - b);
  return cuts.map((from, i) => {
    const to = cuts[i + 1] ?? text.length;
    const part = text.slice(from, to);
    const lead = CONTACT_LEAD.exec(part.slice(0, 8))?.[0] ?? null;
    const held = region.filter((_, j) => offsets[j]! < to && (offsets[j + 1] ?? text.length + 1) > from);
    const lineOffsets = held.map((l) => Math.max(0, offsets[region.indexOf(l)]! - from));
    return { lead, text: part, held, offsets: lineOffsets };
  });
}

/**
 * Forms the shared reader misses: "건강증진과장 박경옥 ☎ 2133-7560" (no colon), "강안회 ☎2239, 조혜림 ☎2241"
 * (more 담당 after a number), "관광정책과장 : 김재용 2133-2805" (no ☎), "녹색에너지과장: 권 민 ☎" (a spaced name).
 */
function repairContactText(text: string): string {
  return text
    .replace(/([:：]\s*)([가-힣]) ([가-힣]{1,2})\s*☎/g, '$1$2$3 ☎')
    // "담당 김성훈 ☎5834": the bare 담당 (staff) too, not only …장/…관/…담당 positions.
    .replace(/((?:(?<![가-힣)])[가-힣)]+(?:장|관|담당))|(?<![가-힣])담당)\s+([가-힣]{2,4})\s*☎/g, '$1 : $2 ☎')
    .replace(/([0-9])(?:\s*,)?\s+([가-힣]{2,4})\s*☎/g, '$1 담당 : $2 ☎')
    // "담당 신재민 : ☎5030": the colon after the name.
    .replace(/((?:(?<![가-힣)])[가-힣)]+(?:장|관))|(?<![가-힣])담당)\s+([가-힣]{2,4})\s*[:：]\s*☎/g, '$1 : $2 ☎')
    .replace(/([:：]\s*[가-힣]{2,4})\s+(\d{2,4}-\d{3,4})(?!\d)/g, '$1 ☎$2');
}

/**
 * The shared reader names the department only after a "…과장"/"…담당관"; a group may open with the unit itself
 * ("교통정보과 : 이경순") or a head of another title ("산업거점조성반장", "총무부장").
 */
function departmentOf(found: Contact[]): string | null {
  for (const c of found) {
    const m = /^(.+(?:과|관|반|단|실|국|부|센터|본부|사업소|처))장?$/.exec(c.position ?? '');
    if (m && !/팀$|^담당/.test(m[1]!)) return m[1]!;
  }
  return null;
}

/** Gives each contact the line its name is on. */
function locateContacts(found: Contact[], group: ContactGroup) {
  // Linear in the group's text however many contacts it holds: each line closed up once, each search's answer
  // kept (a long contact line holds thousands of contacts; redoing them per contact was quadratic).
  const closed = group.held.map((l) => l.text.replace(/\s+/g, ''));
  const holds = new Map<string, boolean>();
  const firstWith = new Map<string, ContactLine | undefined>();
  const missing = new Set<string>();
  let from = 0;
  let idx = 0;
  for (const c of found) {
    // Names are searched from the previous one on, so one not found stays not found.
    const at = c.name && !missing.has(c.name) ? group.text.indexOf(c.name, from) : -1;
    if (at < 0) {
      if (c.name) missing.add(c.name);
      continue;
    }
    from = at;
    // The line holding `at`: the last one starting at or before it (positions only grow).
    while (idx + 1 < group.offsets.length && group.offsets[idx + 1]! <= at) idx++;
    const line = group.held[idx]!.line;
    // A short number completed with the exchange of a full one written earlier ("☎2133-7000" … "☎7705"): the
    // line that writes the exchange is cited too.
    const phone = c.phone?.replace(/\s+/g, '') ?? '';
    const key = `${idx}:${phone}`;
    if (c.phone && !holds.has(key)) holds.set(key, closed[idx]!.includes(phone));
    const exchange = c.phone?.includes('-') && !holds.get(key) ? c.phone.slice(0, c.phone.lastIndexOf('-')) : null;
    if (exchange !== null && !firstWith.has(exchange))
      firstWith.set(exchange, group.held.find((_, i) => closed[i]!.includes(`${exchange}-`)));
    const first = exchange === null ? undefined : firstWith.get(exchange);
    c.src = { section: c.src.section, lines: [first?.line ?? line, line] } satisfies Source;
  }
}

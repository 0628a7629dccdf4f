/**
 * 재정사업 record of an open-finance site (서울시 재정정보): one programme per file, each field a label on its own
 * line ("부서", or "부서부서부서" where the extraction tripled it) followed by its value, which may be quoted and
 * run over several lines. 예산/지출 are whole won. 경위 (history) and 계획 (plan) become dated milestones.
 */
import { findDates, type ResolvedDate, splitTrailingDate } from '../../domain/korean-date.js';
import { parseAmount } from '../../domain/money.js';
import { type BudgetLine, emptyBudget, emptyRecord, type ProjectRecord, partialStatus, recordKey } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import { detectOrganization } from '../structure/organization.js';

const LABELS = [
  '부서',
  '사업',
  '예산',
  '지출',
  '유아이디',
  '기능',
  '정책',
  '단위',
  '목적',
  '내용',
  '근거',
  '경위',
  '계획',
] as const;
type Label = (typeof LABELS)[number];

/**
 * 행정표준코드 of the metropolitan governments: the first seven digits of a programme's 유아이디 name the
 * government that keeps it, which is surer than counting place names in the text (a 서울 record may mention
 * 마포구 more often than 서울).
 */
const ORGANIZATION_CODES: Record<string, string> = {
  '6110000': '서울특별시',
  '6260000': '부산광역시',
  '6270000': '대구광역시',
  '6280000': '인천광역시',
  '6290000': '광주광역시',
  '6300000': '대전광역시',
  '6310000': '울산광역시',
  '5690000': '세종특별자치시',
  '6410000': '경기도',
  '6500000': '제주특별자치도',
};

interface FieldValue {
  label: Label;
  /** The value's lines joined with "\n", quotes of the CSV cell removed. */
  value: string;
  /** 1-based line of the label, and the value's first and last line. */
  labelLine: number;
  from: number;
  to: number;
}

/** "부서", "부서부서부서" (tripled by the extraction) → "부서"; null for any other line. */
function labelOf(line: string): Label | null {
  const t = line.trim();
  const m = /^(.{1,4}?)\1{0,2}$/.exec(t);
  const word = m ? m[1]! : t;
  return (LABELS as readonly string[]).includes(word) ? (word as Label) : null;
}

/**
 * The record's cells, one a line: the model reads the record as paragraphs (a label and its value are no sentence
 * of their own), whose lines as written are its cells.
 */
function cellLines(doc: SourceDocument): LineRead[] {
  return linesRead(modelOf(doc));
}

/** Splits the record's cells into label → value, honouring quoted values that run over several lines. */
function readFields(cells: LineRead[]): FieldValue[] {
  const fields: FieldValue[] = [];
  let label: Label | null = null;
  let labelLine = 0;
  let values: Array<{ text: string; line: number }> = [];
  let inQuote = false;
  const flush = () => {
    if (!label) return;
    const kept = values.filter((v) => v.text.trim() !== '');
    const from = kept[0]?.line ?? labelLine;
    const to = kept[kept.length - 1]?.line ?? labelLine;
    fields.push({ label, value: unquote(kept.map((v) => v.text).join('\n')), labelLine, from, to });
  };
  for (const { n, text: line } of cells) {
    // Inside a quoted value a lone "계획" may be text; only a label later in the fixed field order ends it, so an
    // unbalanced quote cannot swallow the rest of the record.
    const next = labelOf(line);
    if (next && (!inQuote || !label || LABELS.indexOf(next) > LABELS.indexOf(label))) {
      flush();
      label = next;
      labelLine = n;
      values = [];
      inQuote = false;
      continue;
    }
    if (!label) continue;
    values.push({ text: line, line: n });
    // An odd number of quotes opens or closes a quoted value that runs over lines.
    if (((line.match(/"/g) ?? []).length & 1) === 1) inQuote = !inQuote;
  }
  flush();
  return fields;
}

function isTripled(line: string): boolean {
  return /^(.{1,4})\1\1$/.test(line.trim());
}

/** Removes the CSV cell's quotes ("…" and doubled "" inside) and the extraction's stray "?" for ’ ("?12. 3.28"). */
function unquote(value: string): string {
  let v = value.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
  else if (v.startsWith('"')) v = v.slice(1);
  return v
    .replace(/""/g, '"')
    .replace(/[?？](?=\d{2}[.\s년])/g, '’')
    .trim();
}

/** "서울혁신기획관 청년정책담당관": 실국 then 부서; a single word is the department itself. */
function departmentOf(value: string): { department: string | null; office: string | null } {
  const parts = value.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { department: null, office: null };
  const department = parts[parts.length - 1]!;
  const office = parts.length > 1 ? parts.slice(0, -1).join(' ') : null;
  return { department, office };
}

function wonOf(value: string) {
  return parseAmount(value.replace(/\s+/g, ''), '원');
}

/** The bullet items of a value; the "<br>" that separated them is gone, so bullets and dates mark the items. */
function itemsOf(value: string): string[] {
  return value
    // Spaces before a bullet are matched from the first of them (a line break starts anew): from every space of a
    // long run the search took quadratic time.
    .split(/\n|(?:^|(?<![^\S\n])\s+)(?:[○●◦▶▷□■※]|ㅇ(?=\s)|-(?=\s)|\d\)(?=\s))\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Starts of the date-led entries inside one item: "‘15. 1 조례 제정 ‘15. 2~4 용역" → two entries. */
function dateLedEntries(item: string): Array<{ date: ResolvedDate; text: string }> {
  const dates = findDates(item).filter((d) => d.date.precision !== 'ongoing' || d.date.start !== null);
  const first = dates[0];
  if (!first || item.slice(0, first.index).trim() !== '') return [];
  const starts = dates.filter(
    (d, k) =>
      k === 0 ||
      (/\s$/.test(item.slice(0, d.index)) &&
        /^[’‘'`]?\d/.test(d.date.written) &&
        d.date.precision !== 'year' &&
        (/[’‘'`]|\d{4}/.test(d.date.written.slice(0, 5)) || /^\s*[:：]/.test(item.slice(d.index + d.length)))),
  );
  return starts.map((d, k) => {
    const next = starts[k + 1];
    const text = item
      .slice(d.index + d.length, next ? next.index : item.length)
      .replace(/^\s*[:：]\s*/, '')
      .trim();
    return { date: d.date, text };
  });
}

const HAS_WORDS = /[가-힣A-Za-z]{2}/;

function milestonesOf(field: FieldValue, done: boolean, section: string): ProjectRecord['milestones'] {
  const out: ProjectRecord['milestones'] = [];
  for (const item of itemsOf(field.value)) {
    const led = dateLedEntries(item);
    if (led.length > 0) {
      for (const e of led)
        if (HAS_WORDS.test(e.text))
          out.push({ text: e.text, date: e.date, done, src: src(section, field.from, field.to) });
      continue;
    }
    const trailing = splitTrailingDate(item);
    if (trailing?.date.start && HAS_WORDS.test(trailing.text)) {
      out.push({ text: trailing.text, date: trailing.date, done, src: src(section, field.from, field.to) });
    }
  }
  return out;
}

/** "○운영기간 : ’16. 1~12월" inside 내용/계획: the programme's period. */
function periodOf(fields: FieldValue[]): { date: ResolvedDate; field: FieldValue } | null {
  for (const field of fields) {
    if (!['내용', '계획', '목적'].includes(field.label)) continue;
    for (const item of itemsOf(field.value)) {
      const m = /^([가-힣\s]{0,8}기간)\s*[:：]\s*(.+)$/.exec(item);
      if (!m) continue;
      const date = findDates(m[2]!)[0]?.date;
      if (date?.start) return { date, field };
    }
  }
  return null;
}

function parseOpenFinance(doc: SourceDocument): ParseResult {
  const warnings: ParseWarning[] = [];
  const cells = cellLines(doc);
  const fields = readFields(cells);
  const get = (label: Label) => fields.find((f) => f.label === label && f.value !== '') ?? null;
  const uid = get('유아이디');
  const uidCode = uid && /^[0-9A-Za-z]{10,24}$/.test(uid.value) ? uid.value : null;
  const organization = (uidCode && ORGANIZATION_CODES[uidCode.slice(0, 7)]) || detectOrganization(cells.map((c) => c.text));
  const dept = get('부서');
  const { department, office } = departmentOf(dept?.value ?? '');
  const titleField = get('사업');
  const title = titleField?.value.replace(/\s+/g, ' ') ?? '';
  if (!title) warnings.push({ line: titleField?.labelLine ?? null, message: '사업명이 없습니다' });
  if (!department) warnings.push({ line: dept?.labelLine ?? null, message: '부서가 없습니다' });
  const budget = budgetOf(get('예산'), get('지출'), warnings);
  const milestones = [
    ...(get('경위') ? milestonesOf(get('경위')!, true, '경위') : []),
    ...(get('계획') ? milestonesOf(get('계획')!, false, '계획') : []),
  ];
  const period = periodOf(fields);
  const category = get('기능')?.value.replace(/\s+/g, ' ') ?? null;
  const headings = [office, get('정책')?.value, get('단위')?.value]
    .filter((h): h is string => !!h)
    .map((h) => h.replace(/\s+/g, ' '));
  const lastLine = Math.max(1, ...fields.map((f) => f.to));
  // The record's written fields, as label : value facts: "… 근거" is answered by its 근거, "… 목적" by its 목적.
  const facts = (['목적', '근거', '내용'] as const).flatMap((label) => {
    const f = get(label);
    if (!f) return [];
    const value = f.value.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
    return value ? [{ label, value, withheld: false, src: src(label, f.from, f.to) }] : [];
  });
  const record = emptyRecord({
    kind: 'project',
    key: uidCode ? recordKey([organization, uidCode]) : recordKey([organization, department, title || doc.name]),
    title: title || doc.name,
    organization,
    code: uidCode,
    department,
    category,
    budget,
    milestones,
    status: period ? partialStatus({
          period: period.date,
          src: src(period.field.label, period.field.from, period.field.to),
          periodSrc: src(period.field.label, period.field.from, period.field.to),
        }) : null,
    headings,
    facts,
    src: src(null, 1, lastLine),
  });
  return { family: 'openfinance', organization, records: [record], warnings };
}

/**
 * 예산 (allocated) and 지출 (executed) in won. The record does not say which fiscal year they are (the 유아이디
 * holds the year the programme was registered, not the budget year), so `year` stays null.
 */
function budgetOf(allocated: FieldValue | null, executed: FieldValue | null, warnings: ParseWarning[]) {
  const budget = emptyBudget();
  const line = (field: FieldValue | null, kind: BudgetLine['kind']): BudgetLine | null => {
    if (!field) return null;
    const amount = wonOf(field.value);
    if (!amount) {
      warnings.push({
        line: field.from,
        message: `${field.label} 금액을 읽지 못했습니다: ${field.value.slice(0, 30)}`,
      });
      return null;
    }
    return {
      period: field.label,
      year: null,
      kind,
      funding: null,
      item: null,
      amount,
      src: src(field.label, field.from, field.to),
    };
  };
  const a = line(allocated, 'allocated');
  const e = line(executed, 'executed');
  if (a) budget.lines.push(a);
  if (e) budget.lines.push(e);
  if (a && e && a.amount.won > 0) {
    budget.rates.push({
      period: null,
      written: null,
      computed: Math.round((e.amount.won / a.amount.won) * 1000) / 10,
      src: src('지출', e.src.lines[0], e.src.lines[1]),
    });
  }
  return budget.lines.length > 0 ? budget : null;
}

/** The label sequence itself: at least six of the record's labels on lines of their own, 부서 → 사업 → 예산 first. */
function detectOpenFinance(doc: SourceDocument): number {
  const seen: Label[] = [];
  let tripled = 0;
  for (const { text: line } of cellLines(doc)) {
    const label = labelOf(line);
    if (!label) continue;
    if (!seen.includes(label)) seen.push(label);
    if (isTripled(line)) tripled++;
  }
  const order = (['부서', '사업', '예산'] as const).map((l) => seen.indexOf(l));
  if (seen.length < 6 || order.some((k) => k < 0) || !(order[0]! < order[1]! && order[1]! < order[2]!)) return 0;
  return tripled >= 3 || seen.includes('유아이디') ? 0.95 : 0.8;
}

export const openFinanceFamily: DocumentFamily = {
  name: 'openfinance',
  description: '재정사업 레코드: 부서·사업·예산·지출(원)·기능·정책·단위·목적·내용·근거·경위·계획',
  detect: detectOpenFinance,
  parse: parseOpenFinance,
};

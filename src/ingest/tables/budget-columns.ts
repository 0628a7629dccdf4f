/**
 * Budget tables as annual reports print them (PDF → text, a row a line): header lines until the first row with
 * amounts, then rows "계 287,494 223,512 275,884 11,610" with notes in brackets ("(구비100%)"). Columns are told by
 * their words and put in the order such tables always use, since a two-level header comes out of the PDF in reading
 * order: budget, executed (per as-of date), expected, balance, rate. A row whose count of values differs from the
 * columns' is read from the left, with a warning; a table whose unit is nowhere is not read.
 */
import { parseKoreanDate } from '../../domain/korean-date.js';
import { type MoneyUnit, parseAmount, unitFromText } from '../../domain/money.js';
import type { Budget, BudgetKind, BudgetLine } from '../../domain/project.js';
import { type Source, src } from '../../domain/provenance.js';
import type { ParseWarning } from '../document.js';
import type { LineRead } from '../model/lines-read.js';
import { compact, isBlank } from '../structure/cells.js';
import { fundingOfLabel, isTotalLabel, soleFunding } from '../structure/funding.js';

/** A figure cell: "287,494", "△1,200", "83.5". */
export const AMOUNT_TOKEN = /^[△▲▽-]?\d{1,3}(?:,\d{3})+$|^[△▲▽-]?\d+(?:\.\d+)?$/;

/** A line's words, a sign closed up onto its figure ("△ 1,200" → "△1,200"). */
export function tokens(line: string): string[] {
  return line
    .replace(/([△▲▽])\s+(?=\d)/g, '$1')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
}
export interface BudgetColumn {
  kind: BudgetKind | 'rate';
  label: string;
  /** A year written over the column ("2016년 예산액"); else the record's year applies. */
  year: number | null;
}

const KIND_ORDER: Record<BudgetColumn['kind'], number> = {
  required: 0,
  planned: 1,
  allocated: 2,
  executed: 3,
  expected: 4,
  balance: 5,
  rate: 6,
};

/**
 * Columns of a budget table from its (possibly multi-line, flattened) header. Two-level headers come out of the
 * PDF in reading order ("집행액 예상잔액 / 10.31기준 12.31까지"), so the columns are put in the order budget tables
 * always use: budget, executed (per as-of date), expected, balance, rate.
 */
function readColumns(header: string): BudgetColumn[] {
  const text = compact(header);
  const cols: BudgetColumn[] = [];
  const dated = [...text.matchAll(/(\d{1,2}\.\d{1,2})\.?(기준|현재|까지)/g)];
  const re =
    /((?:20\d{2}|[’‘']\d{2})년도?)?(소요예산|사업비|예산현액|예산액|배정액|집행[율률]|집행액|예상잔액|잔액|유보액)/g;
  for (const m of text.matchAll(re)) {
    const w = m[2]!;
    const label = `${m[1] ?? ''}${w}`;
    const year = m[1] ? yearOf(m[1]) : null;
    if (/소요|사업비/.test(w)) cols.push({ kind: 'required', label, year });
    else if (/예산|배정/.test(w)) cols.push({ kind: 'allocated', label, year });
    else if (/집행[율률]/.test(w)) cols.push({ kind: 'rate', label, year });
    else if (w === '집행액' && dated.length === 0) cols.push({ kind: 'executed', label, year });
    else if (/잔액|유보/.test(w) && !cols.some((c) => c.kind === 'balance'))
      cols.push({ kind: 'balance', label, year });
  }
  for (const d of dated) {
    cols.push({ kind: d[2] === '까지' ? 'expected' : 'executed', label: `${d[1]}${d[2]}`, year: null });
  }
  // Stable sort: same-kind columns ("2015년 예산액", "2016년 예산액") keep their written order.
  return cols.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** "2016년", "’16년" → 2016. */
function yearOf(text: string): number {
  const m = /(\d{2,4})/.exec(text)!;
  const n = Number(m[1]);
  return n < 100 ? 2000 + n : n;
}

interface Row {
  label: string;
  values: string[];
  notes: string[];
  /** 1-based line. */
  line: number;
}

/** "계 287,494 223,512 275,884 11,610" / "20,263 (구비100%) 16,752 (구비100%) 83": label, values, notes. */
function readRow(line: string, lineNo: number): Row | null {
  // The lookahead sees the bracket close before reading into it: an unclosed "(1 %…" is not read from each digit.
  const notes = [...line.matchAll(/\((?=[^()]*\))([^()]*?\d\s*%[^()]*)\)/g)].map((m) => m[1]!.trim());
  const words = tokens(line.replace(/\((?=[^()]*\))[^()]*?\d\s*%[^()]*\)/g, ' '));
  let k = words.length;
  while (k > 0 && (AMOUNT_TOKEN.test(words[k - 1]!) || /^[-–]$/.test(words[k - 1]!))) k--;
  const values = words.slice(k);
  if (values.filter((v) => AMOUNT_TOKEN.test(v)).length === 0) return null;
  const label = words.slice(0, k).join(' ');
  if (label !== '' && !/[가-힣]/.test(label)) return null;
  return { label, values, notes, line: lineNo };
}

export interface BudgetTableRead {
  lines: BudgetLine[];
  rates: Budget['rates'];
  notes: Budget['notes'];
  rows: number;
  asOf: string | null;
  /** The unit the table was read in: null when it has no rows or none was found (then it was not read). */
  unit: MoneyUnit | null;
}

export interface BudgetTableSpec {
  /** The heading the table sits under: its figures' section. */
  section: string;
  /** The year the figures are for, unless a column writes its own. */
  year: number | null;
  /** Columns when the header names none (the heading's own kind: 소요예산, 예산액). */
  defaults: BudgetColumn[];
  /** The unit the heading writes ("□ 예산현황 (단위:천원)"), else the one in the table or just under it … */
  unit: MoneyUnit | null;
  /** … else this one (the unit an earlier table of the document used). */
  fallbackUnit: MoneyUnit | null;
}

/**
 * A budget table from its lines as read (`lines`, blank ones and rules left out): header lines until the first row
 * with amounts, then rows. The unit is looked for in the heading, inside the table and in `after` (the lines just
 * under it, where "(단위 : 천원)" may be printed).
 */
export function readBudgetTable(
  lines: LineRead[],
  after: LineRead[],
  spec: BudgetTableSpec,
  warnings: ParseWarning[],
): BudgetTableRead {
  const { section, year } = spec;
  const out: BudgetTableRead = { lines: [], rates: [], notes: [], rows: 0, asOf: null, unit: null };
  const headerParts: string[] = [];
  const rows: Row[] = [];
  let unit = spec.unit;
  for (const l of lines) {
    const line = l.text;
    if (isBlank(line)) continue;
    unit = unit ?? unitFromText(line);
    const row = readRow(line, l.n);
    if (row) rows.push(row);
    else if (rows.length === 0) headerParts.push(line);
  }
  if (rows.length === 0) return out;
  unit = unit ?? unitIn(after) ?? spec.fallbackUnit;
  if (!unit) {
    warnings.push({ line: rows[0]!.line, message: `${section}: 금액 단위를 찾지 못해 표를 읽지 않았습니다` });
    return out;
  }
  out.unit = unit;
  let cols = readColumns(headerParts.join(' '));
  if (cols.length === 0) cols = spec.defaults;
  const noteSet = new Set<string>();
  // "계" is a funding total only in a table whose other rows are 국비/시비/…; otherwise it is just the total row.
  const bySource = rows.some((r) => fundingOfLabel(r.label) !== null && fundingOfLabel(r.label) !== '계');
  const asOfCol = cols.find((c) => c.kind === 'executed' && /\d/.test(c.label));
  for (const row of rows) {
    out.rows++;
    if (row.values.length !== cols.length) {
      warnings.push({
        line: row.line,
        message: `${section}: 값 ${row.values.length}개가 열 ${cols.length}개와 맞지 않습니다 (앞에서부터 읽음)`,
      });
    }
    const labelFunding = fundingOfLabel(row.label);
    const funding = (labelFunding === '계' && !bySource ? null : labelFunding) ?? soleFunding(row.notes);
    const isTotal = isTotalLabel(row.label);
    const item = row.label === '' || isTotal || fundingOfLabel(row.label) ? null : row.label;
    const s = src(section, row.line);
    const byKind = new Map<string, number>();
    // The rate schema has no item: only the whole's rate is kept (a 사업 or 국비 row's rate would be unlabelled).
    const whole = item === null && (labelFunding === null || labelFunding === '계');
    cols.forEach((col, k) => {
      const written = row.values[k];
      if (written === undefined) return;
      if (col.kind === 'rate') {
        const rate = Number.parseFloat(written);
        if (Number.isFinite(rate) && whole) {
          out.rates.push({ period: asOfCol?.label ?? null, written: rate, computed: null, src: s });
        }
        return;
      }
      const amount = parseAmount(written, unit!);
      if (!amount) return;
      if (!byKind.has(col.kind)) byKind.set(col.kind, amount.won);
      out.lines.push({ period: col.label, year: col.year ?? year, kind: col.kind, funding, item, amount, src: s });
    });
    if (whole) addComputedRate(out, byKind, asOfCol?.label ?? null, s);
    for (const n of row.notes) noteSet.add(n);
  }
  for (const n of noteSet) out.notes.push({ text: n, src: src(section, rows[0]!.line) });
  if (asOfCol && year) out.asOf = parseKoreanDate(asOfCol.label.replace(/(기준|현재)$/, ''), { year })?.start ?? null;
  return out;
}

/**
 * The written rate gets the computed one beside it (to check it); a table without a rate column gets one computed
 * for its whole (not per 사업 row: the rate schema has no item).
 */
function addComputedRate(out: BudgetTableRead, byKind: Map<string, number>, period: string | null, s: Source): void {
  const allocated = byKind.get('allocated');
  const executed = byKind.get('executed');
  if (!allocated || executed === undefined) return;
  const computed = Math.round((executed / allocated) * 1000) / 10;
  const written = out.rates.find((r) => r.src.lines[0] === s.lines[0]);
  if (written) written.computed = computed;
  else out.rates.push({ period, written: null, computed, src: s });
}

/** "(단위 : 천원)" printed under the table. */
function unitIn(lines: LineRead[]): MoneyUnit | null {
  for (const l of lines) {
    const u = unitFromText(l.text);
    if (u) return u;
  }
  return null;
}

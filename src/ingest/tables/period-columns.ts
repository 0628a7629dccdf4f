/**
 * Budget tables of a promise sheet (PDF → text, one cell a line): period columns ("’14년", "’18.6월", "임기 후")
 * whose labels come out of the PDF in any order, then funding rows ("시 비", "국 비", "계") each with its values in
 * column order, the first being the total. A row is read only when its count fits the columns and its periods add
 * up to its total; a table of several 단위사업 comes out too scrambled to trust.
 */
import { type MoneyUnit, parseAmount } from '../../domain/money.js';
import type { BudgetKind, BudgetLine } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { ParseWarning } from '../document.js';
import type { LineRead } from '../model/lines-read.js';
import { compact, isBlank } from '../structure/cells.js';
import { type Funding, fundingAfterName, fundingAtStart } from '../structure/funding.js';

const PERIOD = /[’‘'′`]\s?\d{2}(?:년|\.\s?\d{1,2}월)/;
const PERIODS = new RegExp(PERIOD.source, 'g');

export interface PeriodTableSpec {
  /** The heading the table sits under (연차별 투자수요, 연도별 집행액) and its line. */
  section: string;
  line: number;
  kind: BudgetKind;
  unit: MoneyUnit;
}

/**
 * "구 분 | 계 | ’14년 | ’15년 | ’16년 | ’17년 ’18.6월 | 시 비 | 1,134 | - | - | 369 | 265 | 500": one funding row,
 * its values in column order, the first being the total. Read only when the count fits the period columns and the
 * periods add up to the total; a table of several 단위사업 comes out too scrambled to trust.
 */
export function readPeriodTable(
  lines: LineRead[],
  above: string,
  spec: PeriodTableSpec,
  warnings: ParseWarning[],
): BudgetLine[] {
  const { kind, unit } = spec;
  const periods: string[] = [];
  const rows: Array<{ funding: Funding; values: string[]; line: number; lastLine: number }> = [];
  let afterTerm = false;
  let firstPeriodLine: number | null = null;
  let current: (typeof rows)[number] | null = null;
  let previous = above;
  for (const { n, text: line } of lines) {
    if (isBlank(line)) continue;
    const t = compact(line);
    // "임기 후" as one cell, or its two words cut over two lines ("임기" / "후").
    if (t === '임기후' || (t === '후' && compact(previous) === '임기')) afterTerm = true;
    previous = line;
    for (const m of line.matchAll(PERIODS))
      if (!periods.includes(m[0])) {
        periods.push(m[0]);
        firstPeriodLine ??= n;
      }
    // "시민청 확대 시 비 2,714": the 단위사업's name before the funding label of its row.
    const row = fundingAtStart(t) ?? fundingAfterName(t);
    if (row && (row.rest === '' || /^[\d,\-–]/.test(row.rest))) {
      current = { funding: row.funding, values: [], line: n, lastLine: n };
      rows.push(current);
      current.values.push(...valueTokens(line.replace(/^\D*?(?=[\d-]|$)/, '')));
      continue;
    }
    const tokens = valueTokens(line);
    if (current && tokens.length > 0 && tokens.join(' ') === line.trim().replace(/\s+/g, ' ')) {
      current.values.push(...tokens);
      current.lastLine = n;
    } else if (current && !PERIOD.test(line)) current = null;
  }
  // A row of dashes only (a 단위사업 with no budget, "시 비 - - - -") carries no amount.
  const funded = rows.filter((r) => r.values.some((v) => /\d/.test(v)));
  if (funded.length === 0) return [];
  // Period columns run in time order, whatever order their labels first come out of the PDF in.
  periods.sort((a, b) => periodOrder(a) - periodOrder(b));
  const columns = [...periods, ...(afterTerm ? ['임기 후'] : [])];
  // Each funding row (계, 시 비, 국 비 …) is read on its own, and only when its count fits the columns and its
  // periods add up to its total; two rows of one funding are several 단위사업, too scrambled to trust.
  const fits = funded.filter((row) => {
    const [sum, ...parts] = row.values.map((v) => parseAmount(v, unit));
    const inTerm = parts.slice(0, periods.length).reduce((a, m) => a + (m?.won ?? 0), 0);
    const ok = (parts.length === periods.length || parts.length === columns.length) && (sum?.won ?? -1) === inTerm;
    if (!ok) warnings.push({ line: row.line, message: `${spec.section} 표의 금액이 열과 맞지 않아 읽지 않았습니다` });
    return ok;
  });
  if (new Set(funded.map((r) => r.funding)).size !== funded.length) {
    warnings.push({ line: spec.line, message: `${spec.section} 표가 여러 줄이라 연도별 금액을 읽지 않았습니다` });
    return [];
  }
  const out: BudgetLine[] = [];
  for (const row of fits) {
    row.values.slice(1).forEach((v, i) => {
      const amount = parseAmount(v, unit);
      const period = columns[i]!;
      if (!amount) return;
      const yy = /(\d{2})/.exec(period);
      const year = yy ? 2000 + Number(yy[1]) : null;
      out.push({
        period,
        year,
        kind,
        funding: row.funding,
        item: null,
        amount,
        // From the period labels down: the year a figure is given for is written there, not on the figure's line.
        src: src(spec.section, Math.min(firstPeriodLine ?? row.line, row.line), row.lastLine),
      });
    });
  }
  return out;
}

/** ’16년 → 201600, ’18.6월 → 201806: labels compared by year, then month. */
function periodOrder(label: string): number {
  const m = /(\d{2})(?:\.\s?(\d{1,2})월)?/.exec(label);
  return m ? (2000 + Number(m[1])) * 100 + Number(m[2] ?? 0) : 0;
}

function valueTokens(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((t) => /^(?:[△-]?\d{1,3}(?:,\d{3})*|\d+|[-–])$/.test(t));
}

/**
 * The budget table of an answer: one row per budget item (or per period when the document has no items), one column
 * per kind of figure, each cell a stored line's amount as written. Budget answers build it here, and nowhere else.
 */
import type { BudgetKind, BudgetLine } from '../domain/project.js';
import { BUDGET_KIND_LABEL, BUDGET_KIND_ORDER } from '../domain/vocabulary.js';
import { money } from './format.js';
import { type Block, table } from './reply.js';

export interface BudgetRow {
  label: string;
  byKind: Map<BudgetKind, BudgetLine>;
}

/** With 계 lines present, per-source lines (국비/시비…) would double the table; the totals answer the question. */
export function preferTotals(lines: BudgetLine[]): BudgetLine[] {
  const hasTotal = lines.some((l) => l.funding === '계');
  return hasTotal ? lines.filter((l) => l.funding === '계' || l.funding === null) : lines;
}

/** One row per budget item (or per period when there are no items); one column per kind. */
export function groupRows(lines: BudgetLine[]): BudgetRow[] {
  const itemised = lines.some((l) => l.item);
  const rows = new Map<string, Map<BudgetKind, BudgetLine>>();
  for (const l of lines) {
    const funding = l.funding && l.funding !== '계' ? l.funding : null;
    const label = (itemised ? [l.item ?? '합계', funding] : [l.period, funding]).filter(Boolean).join(' ') || '합계';
    const row = rows.get(label) ?? new Map<BudgetKind, BudgetLine>();
    if (!row.has(l.kind)) row.set(l.kind, l);
    rows.set(label, row);
  }
  return [...rows].map(([label, byKind]) => ({ label, byKind }));
}

/** "집행 (10.31기준)": a column whose lines all share a non-year period says it in the header. */
export function kindHeader(kind: BudgetKind, lines: BudgetLine[]): string {
  const periods = [...new Set(lines.filter((l) => l.kind === kind).map((l) => l.period))];
  const itemised = lines.some((l) => l.item);
  const period = periods[0];
  const informative = period && !/^(?:예산액?|집행액?|확보|계획)$/.test(period.replace(/\s+/g, ''));
  const label = BUDGET_KIND_LABEL[kind];
  return itemised && periods.length === 1 && informative ? `${label} (${period})` : label;
}

/** The table of `lines` (already chosen: totals or items), its columns in the order budget figures are told. */
export function budgetTable(lines: BudgetLine[], caption: string | null = null): Block {
  const kinds = BUDGET_KIND_ORDER.filter((k) => lines.some((l) => l.kind === k));
  const rows = groupRows(lines).map(({ label, byKind }) => [
    label,
    ...kinds.map((k) => {
      const line = byKind.get(k);
      return line ? money(line.amount) : '-';
    }),
  ]);
  return table(['구분', ...kinds.map((k) => kindHeader(k, lines))], rows, caption);
}

/** 집행 ÷ 예산 in percent to one decimal (amounts in won, so units may differ); null for a zero allocation. */
export function executionRate(allocated: BudgetLine, executed: BudgetLine): number | null {
  if (allocated.amount.won <= 0) return null;
  return Math.round((executed.amount.won / allocated.amount.won) * 1000) / 10;
}

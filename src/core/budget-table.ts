/**
 * The budget table of an answer: one row per budget item (or per period when the document has no items), one column
 * per kind of figure (and per year where an itemised table gives a kind for several years), each cell a stored
 * line's amount as written. Budget answers build it here, and nowhere else.
 */
import type { BudgetKind, BudgetLine } from '../domain/project.js';
import { BUDGET_KIND_LABEL, BUDGET_KIND_ORDER } from '../domain/vocabulary.js';
import { money } from './format.js';
import { type Block, table } from './reply.js';

export interface BudgetRow {
  label: string;
  /** The row's lines: the first of each kind and year. */
  cells: BudgetLine[];
}

/** With 계 lines present, per-source lines (국비/시비…) would double the table; the totals answer the question. */
export function preferTotals(lines: BudgetLine[]): BudgetLine[] {
  const hasTotal = lines.some((l) => l.funding === '계');
  return hasTotal ? lines.filter((l) => l.funding === '계' || l.funding === null) : lines;
}

/**
 * One row per budget item (or per period when there are no items); one column per kind — and per year where
 * an itemised table gives a kind for several years ("’25년 예산 | ’24년 예산"): every year is shown, each under
 * its own year, never one year's figure as the item's only one.
 */
export function budgetTable(lines: BudgetLine[], caption: string | null = null): Block {
  const itemised = lines.some((l) => l.item);
  const columns: Array<{ kind: BudgetKind; year: number | null; header: string }> = [];
  for (const kind of BUDGET_KIND_ORDER) {
    const mine = lines.filter((l) => l.kind === kind);
    if (!mine.length) continue;
    const years = [...new Set(mine.map((l) => l.year))].sort((a, b) => (b ?? 0) - (a ?? 0));
    if (itemised && years.length > 1 && years.every((y) => y !== null))
      for (const year of years) columns.push({ kind, year, header: `${BUDGET_KIND_LABEL[kind]} ${writtenYear(mine, year)}` });
    else columns.push({ kind, year: null, header: kindHeader(kind, lines) });
  }
  const rows = groupRows(lines).map(({ label, cells }) => [
    label,
    ...columns.map((c) => {
      const l = cells.find((x) => x.kind === c.kind && (c.year === null || x.year === c.year));
      return l ? money(l.amount) : '-';
    }),
  ]);
  return table(['구분', ...columns.map((c) => c.header)], rows, caption);
}

/** A year as the document writes it ("’25년", "2024년"): the header then holds what the cited lines hold. */
export function writtenYear(lines: BudgetLine[], year: number): string {
  const periods = lines.filter((l) => l.year === year).map((l) => l.period.trim());
  const asWritten = periods.find((p) => new RegExp(`^[’‘']?(?:${year}|${year % 100})년?도?$`).test(p));
  if (!asWritten) return `${year}년`;
  return /년|도$/.test(asWritten) ? asWritten : `${asWritten}년`;
}

/** One row per budget item (or per period when there are no items), with its lines. */
export function groupRows(lines: BudgetLine[]): BudgetRow[] {
  const itemised = lines.some((l) => l.item);
  const rows = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    const funding = l.funding && l.funding !== '계' ? l.funding : null;
    const label = (itemised ? [l.item ?? '합계', funding] : [l.period, funding]).filter(Boolean).join(' ') || '합계';
    const row = rows.get(label) ?? [];
    // The first line of a kind and year stands (a document may repeat a row).
    if (!row.some((x) => x.kind === l.kind && x.year === l.year)) row.push(l);
    rows.set(label, row);
  }
  return [...rows].map(([label, cells]) => ({ label, cells }));
}

/** "집행 (10.31기준)": a column whose lines all share a non-year period says it in the header. */
export function kindHeader(kind: BudgetKind, lines: BudgetLine[]): string {
  const periods = [...new Set(lines.filter((l) => l.kind === kind).map((l) => l.period))];
  const itemised = lines.some((l) => l.item);
  const period = periods[0];
  const informative = period && !/^(?:예산액?|집행액?|확보|계획)$/.test(period.replace(/\s+/g, ''));
  return itemised && periods.length === 1 && informative ? `${BUDGET_KIND_LABEL[kind]} (${period})` : BUDGET_KIND_LABEL[kind];
}

/** 집행 ÷ 예산 in percent to one decimal (amounts in won, so units may differ); null for a zero allocation. */
export function executionRate(allocated: BudgetLine, executed: BudgetLine): number | null {
  if (allocated.amount.won <= 0) return null;
  return Math.round((executed.amount.won / allocated.amount.won) * 1000) / 10;
}

import { type CommandContext, defineCommand, QueryArgs } from '../src/core/command.js';
import { cellAnswer } from '../src/core/cells.js';
import { findOverviewUnit } from '../src/core/departments.js';
import { money, orgDept, pct, sourceOf, sourcesOf, yearLabel } from '../src/core/format.js';
import { tableBlock, tableSources, topicTables, unitBlocks } from '../src/core/overview.js';
import { type Block, type Reply, reply, table, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import type { BudgetKind, BudgetLine } from '../src/domain/project.js';
import type { Source } from '../src/domain/provenance.js';
import type { StoredRecord } from '../src/store/store.js';

const KIND_LABEL: Record<BudgetKind, string> = {
  required: '소요',
  allocated: '예산(확보)',
  executed: '집행',
  planned: '계획',
  expected: '예상 집행',
  balance: '잔액',
};
const KIND_ORDER: BudgetKind[] = ['required', 'allocated', 'executed', 'expected', 'balance', 'planned'];

export const budgetCommand = defineCommand({
  name: 'budget',
  aliases: { ko: ['예산', '세입', '세출', '집행', '집행액', '사업비', '집행률', '집행율', '썼어', '썼나', '썼지', '얼마', '얼마나'], en: ['spend'] },
  precedence: 30,
  description: '예산과 집행: 연도별 확보·집행·계획, 집행률 (문서 표기와 계산값)',
  args: QueryArgs,
  examples: ['순찰 행정 예산 얼마나 썼어?', '예산 협치', 'budget 감사담당관'],
  run({ query, message }, ctx) {
    // A unit and a measure the tables write ("관광마이스산업과 세입") name one cell: its row and column answer,
    // not the unit's budget line of another measure.
    const cell = cellAnswer(query, message, ctx);
    if (cell) return cell;
    const items = findBudgetItems(query, ctx);
    if (items) return items;
    const department = ctx.lookups.department(query);
    const sub = department ? null : findOverviewUnit(query, ctx);
    if (sub?.dept.record.overview) {
      const blocks = unitBlocks(sub.dept.record.overview, sub.unit, 'budget');
      if (blocks.length)
        return reply('answer', `${sub.unit} — 예산 (${orgDept(sub.dept.record)} 예산 표)`, blocks, {
          sources: tableSources(sub.dept, topicTables(sub.dept.record.overview, 'budget')),
          suggestions: [`예산 ${sub.dept.record.title}`],
        });
    }
    const tables = department?.record.overview ? topicTables(department.record.overview, 'budget') : [];
    if (department && tables.length)
      return reply('answer', `${department.record.title} — 예산 (${orgDept(department.record) || '기관 미상'})`, tables.map((t) => tableBlock(t)), {
        sources: tableSources(department, tables),
        suggestions: [`${department.record.title} 조직`],
      });
    const found = department
      ? { ok: true as const, record: department, siblings: [department], bodyOnly: false }
      : resolveProject(query, ctx, undefined, true);
    if (!found.ok) return found.reply;
    const records = found.siblings.length ? found.siblings : [found.record];
    const main = found.record.record;
    const blocks: Block[] = [];
    const sources: string[] = [];
    for (const r of records) {
      blocks.push(...budgetBlocks(r, records.length > 1));
      const b = r.record.budget;
      if (b)
        sources.push(
          ...sourcesOf([
            ...b.lines.map((l) => ({ r, src: withHeader(ctx, r, l.src) })),
            ...[...b.rates, ...b.notes].map((l) => ({ r, src: l.src })),
          ]),
        );
      if (b?.noBudget) sources.push(sourceOf(r));
    }
    if (blocks.length === 0) blocks.push(text('이 문서에는 예산이 적혀 있지 않습니다.'));
    return reply('answer', `${main.title} — 예산 (${orgDept(main) || '기관 미상'})`, blocks, {
      sources: [...new Set(sources.length ? sources : [sourceOf(found.record)])],
      suggestions: [`현황 ${main.code ?? main.title}`],
      subject: department ? undefined : (main.code ?? main.title),
    });
  },
});

/**
 * A query naming a line of a budget table ("순찰 행정" in a department's 예산현황) gets that line, not a guess at a
 * project with a similar title.
 */
function findBudgetItems(query: string, ctx: CommandContext): Reply | null {
  const q = query.replace(/\s+/g, '');
  if (q.length < 2) return null;
  const matches: Array<{ r: StoredRecord; lines: BudgetLine[] }> = [];
  for (const r of ctx.knowledge.withBudgetItem(q)) {
    const lines = r.record.budget?.lines.filter((l) => l.item && l.item.replace(/\s+/g, '') === q) ?? [];
    if (lines.length) matches.push({ r, lines });
  }
  if (matches.length !== 1) return null;
  const { r, lines } = matches[0]!;
  const kinds = KIND_ORDER.filter((k) => lines.some((l) => l.kind === k));
  const rows = groupRows(lines).map(({ label, byKind }) => [
    label,
    ...kinds.map((k) => (byKind.get(k) ? money(byKind.get(k)!.amount) : '-')),
  ]);
  const blocks: Block[] = [table(['구분', ...kinds.map((k) => kindHeader(k, lines))], rows)];
  const a = lines.find((l) => l.kind === 'allocated');
  const e = lines.find((l) => l.kind === 'executed');
  if (a && e && a.amount.won > 0)
    blocks.push(text(`집행률 ${pct(Math.round((e.amount.won / a.amount.won) * 1000) / 10)} (집행÷예산 계산)`));
  return reply('answer', `${lines[0]!.item} — 예산 (${orgDept(r.record)} 예산현황)`, blocks, {
    sources: sourcesOf(lines.map((l) => ({ r, src: withHeader(ctx, r, l.src) }))),
    suggestions: [`예산 ${r.record.department ?? r.record.title}`],
  });
}

function budgetBlocks(r: StoredRecord, labelled: boolean): Block[] {
  const b = r.record.budget;
  const caption = labelled ? yearLabel(r.record) : null;
  if (!b) return [];
  if (b.noBudget) return [text(`${caption ? `${caption}: ` : ''}예산 — ${b.noBudget} (문서 표기)`)];
  const blocks: Block[] = [];
  const lines = preferTotals(b.lines);
  if (lines.length) {
    const kinds = KIND_ORDER.filter((k) => lines.some((l) => l.kind === k));
    const rows = groupRows(lines).map(({ label, byKind }) => [
      label,
      ...kinds.map((k) => (byKind.get(k) ? money(byKind.get(k)!.amount) : '-')),
    ]);
    blocks.push(table(['구분', ...kinds.map((k) => kindHeader(k, lines))], rows, caption));
  }
  for (const rate of b.rates) {
    const parts = [
      rate.written !== null ? `${pct(rate.written)} (문서 표기)` : null,
      rate.computed !== null ? `${pct(rate.computed)} (집행÷예산 계산)` : null,
    ].filter(Boolean);
    if (parts.length) blocks.push(text(`집행률${rate.period ? ` ${rate.period}` : ''}: ${parts.join(' · ')}`));
  }
  if (!b.rates.length) {
    for (const { label, byKind } of groupRows(lines)) {
      const a = byKind.get('allocated');
      const e = byKind.get('executed');
      if (a && e && a.amount.won > 0 && a.amount.unit === e.amount.unit) {
        blocks.push(
          text(`집행률 ${label}: ${pct(Math.round((e.amount.won / a.amount.won) * 1000) / 10)} (집행÷확보 계산)`),
        );
      }
    }
  }
  for (const note of b.notes.slice(0, 2)) blocks.push(text(note.text));
  return blocks;
}

/** With 계 lines present, per-source lines (국비/시비…) would double the table; the totals answer the question. */
function preferTotals(lines: BudgetLine[]): BudgetLine[] {
  const hasTotal = lines.some((l) => l.funding === '계');
  return hasTotal ? lines.filter((l) => l.funding === '계' || l.funding === null) : lines;
}

/** One row per budget item (or per period when there are no items); one column per kind. */
export function groupRows(lines: BudgetLine[]): Array<{ label: string; byKind: Map<BudgetKind, BudgetLine> }> {
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
  return itemised && periods.length === 1 && informative ? `${KIND_LABEL[kind]} (${period})` : KIND_LABEL[kind];
}

/**
 * A budget row's period and kind ("2018.7월~12월 확보") are written in the table's header, not on the row: the row's
 * source runs up through the table's lines above it (to the blank line or heading before the table), so the
 * footnote cites where each label is written.
 */
function withHeader(ctx: CommandContext, r: StoredRecord, source: Source): Source {
  const lines = ctx.knowledge.lines(r.document.versionId);
  let from = source.lines[0];
  const floor = Math.max(r.record.src.lines[0], from - 12);
  while (from - 1 >= floor && from - 1 >= 1 && tableLine(lines[from - 2] ?? '')) from--;
  return { section: source.section, lines: [from, source.lines[1]] };
}

/** A line of a text table: tab- or pipe-separated, or cells set apart by runs of spaces. */
function tableLine(line: string): boolean {
  return line.trim() !== '' && (/\t|\|/.test(line) || /\S\s{2,}\S/.test(line.trim()));
}

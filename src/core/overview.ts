/**
 * Answers from a department overview: the organisation as the document counts it, staffing and budget cells with
 * their row, column, unit and line. A figure whose column the reader could not name is never stated as that
 * column's: the line is quoted instead.
 */
import type { DepartmentOverview, ReadTable, TableRow } from '../domain/table.js';
import type { StoredRecord } from '../store/store.js';
import { sourceOf } from './format.js';
import { asWritten } from './quote.js';
import { type Block, list, table, text } from './reply.js';

export type OverviewTopic = 'org' | 'staff' | 'budget';

const STAFF_ROW = /^(?:정원|현원|과부족|정원\/현원)$/;
const BUDGET_ROW = /^(?:세입|세출)/;

export function isStaffTable(t: ReadTable): boolean {
  if (t.rows.some((r) => STAFF_ROW.test(r.label))) return true;
  if (!/인력|정원|현원/.test((t.title ?? '').replace(/\s+/g, '')) && !t.measure) return false;
  // Without a unit line, a table of 정원/현원 pairs ("8/10") under a 인력 heading is still the staffing table.
  return t.unit === '명' || (t.unit === null && t.rows.some((r) => r.cells.some((c) => c.pair)));
}

export function isBudgetTable(t: ReadTable): boolean {
  return (
    /원$/.test(t.unit ?? '') &&
    (t.rows.some((r) => BUDGET_ROW.test(r.label)) || /예산|세입|세출/.test((t.title ?? '').replace(/\s+/g, '')))
  );
}

/** "조직: 3과 17팀 (문서 표기)" and the units under it — the count is the document's, never a length. */
export function orgBlocks(o: DepartmentOverview): Block[] {
  const blocks: Block[] = [];
  if (o.org) blocks.push(text(`조직: ${o.org.written} (문서 표기)`));
  if (o.units.length) blocks.push(list(o.units, o.org ? '하부 조직' : '조직 (문서에 적힌 단위)'));
  return blocks;
}

/** A table rendered as read: header cells as pinned, unit and as-of date in the caption. */
export function tableBlock(t: ReadTable, rows: TableRow[] = t.rows): Block {
  const named = t.columns.map((c, k) => (k === t.totalColumn ? (c ?? '계') : c));
  const counted = t.measure && t.measure !== '정원/현원' ? `${t.measure} 기준` : null;
  const caption = [t.title, t.unit ? `단위: ${t.unit}` : null, counted, t.asOf].filter(Boolean).join(' · ') || null;
  if (named.every((c) => c !== null)) {
    return table(
      ['구분', ...(named as string[])],
      rows.map((r) => [r.label || '-', ...named.map((_, k) => r.cells.find((c) => c.col === k)?.text ?? '')]),
      caption,
    );
  }
  // Some columns have no header the reader could pin: name the 계 column only and quote each line as written.
  const items = rows.map((r) => {
    const total = t.totalColumn !== null ? r.cells.find((c) => c.col === t.totalColumn) : undefined;
    return total ? `${r.label} 계 ${total.text} — ${asWritten(r.text)}` : asWritten(r.text);
  });
  return list(items, caption);
}

/** Cells of one named column (a 과 in its 국's tables), each with its row label. */
export function unitBlocks(o: DepartmentOverview, unit: string, topic: OverviewTopic | null): Block[] {
  const blocks: Block[] = [];
  for (const t of o.tables) {
    if (topic === 'staff' && !isStaffTable(t)) continue;
    if (topic === 'budget' && !isBudgetTable(t)) continue;
    if (!isStaffTable(t) && !isBudgetTable(t)) continue;
    const k = t.columns.indexOf(unit);
    if (k >= 0) {
      const rows = t.rows
        .map((r) => ({ r, c: r.cells.find((c) => c.col === k) }))
        .filter((x) => x.c)
        .map(({ r, c }) =>
          // A pair under 정원/현원 is given half by half, each under its own word.
          c!.pair && r.label === '정원/현원'
            ? `정원 ${c!.pair[0]}${t.unit ?? '명'}, 현원 ${c!.pair[1]}${t.unit ?? '명'} (원문 ${c!.text})`
            : `${r.label || '-'}: ${c!.text}${unitSuffix(t, c!.text, r.label)}`,
        );
      if (rows.length) blocks.push(list(rows, [t.title, t.unit ? `단위: ${t.unit}` : null, t.asOf].filter(Boolean).join(' · ')));
    }
  }
  return blocks;
}

function unitSuffix(t: ReadTable, cell: string, row = ''): string {
  // 정원, 현원 and 과부족 count people, in 명 where the table has no unit line.
  const unit = t.unit ?? (STAFF_ROW.test(row) && !/\//.test(cell) ? '명' : null);
  if (!unit || /[가-힣%]$/.test(cell) || /^[-–—]$/.test(cell)) return '';
  return unit;
}

/** The tables a topic answers from; the source lines of each. */
export function topicTables(o: DepartmentOverview, topic: OverviewTopic): ReadTable[] {
  if (topic === 'staff') return o.tables.filter(isStaffTable);
  if (topic === 'budget') return o.tables.filter(isBudgetTable);
  return [];
}

export function tableSources(r: StoredRecord, tables: ReadTable[]): string[] {
  return tables.map((t) => sourceOf(r, t.src));
}

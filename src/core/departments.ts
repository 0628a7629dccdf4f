/** Department lookups: a query that names a department (감사담당관, 혁신담당관실, 정책기획과) and its records. */
import type { RecordSummary, StoredRecord } from '../store/store.js';
import type { CommandContext } from './command.js';
import { withoutParticle } from './people.js';

const DEPT_SUFFIX = /(?:담당관실|담당관|과|국|실|단|센터|사업소|본부|원|팀|[가-힣]{2}관)$/;

/** The department record the query names, when one word of it is exactly a department's name. */
export function findDepartment(query: string, ctx: CommandContext): StoredRecord | null {
  const names = departmentWords(query);
  if (names.length === 0) return null;
  for (const name of names) {
    const hit = ctx.knowledge.unit(name).find((s) => s.kind === 'department' && (s.title === name || s.department === name));
    if (hit) return ctx.knowledge.get(String(hit.id)) ?? null;
  }
  return null;
}

/** Words of the query that look like department or team names, particles removed. */
export function departmentWords(query: string): string[] {
  return query
    .split(/\s+/)
    .flatMap(withoutParticle)
    .filter((w) => w.length >= 3 && DEPT_SUFFIX.test(w));
}

/** Every record of a department (or naming a team), department-level records first: summaries, no parsing. */
export function recordsOfUnit(name: string, ctx: CommandContext): RecordSummary[] {
  return [...ctx.knowledge.unit(name)].sort((a, b) => Number(b.kind === 'department') - Number(a.kind === 'department'));
}

/**
 * A sub-unit the query names (건강정책과, 부산도서관) that a department record's overview lists: the department
 * record and the unit, so that "<과> 예산" answers from that unit's cells of the 국's tables.
 */
export function findOverviewUnit(query: string, ctx: CommandContext): { dept: StoredRecord; unit: string } | null {
  for (const name of departmentWords(query)) {
    for (const s of ctx.knowledge.unit(name)) {
      if (s.kind !== 'department' || s.title === name || s.department === name) continue;
      const r = ctx.knowledge.get(String(s.id));
      if (r?.record.overview?.units.includes(name)) return { dept: r, unit: name };
    }
  }
  return null;
}

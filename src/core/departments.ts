/** Department lookups: a query that names a department (감사담당관, 혁신담당관실, 정책기획과) and its records. */
import type { RecordSummary, StoredRecord } from '../store/store.js';
import type { CommandContext } from './command.js';
import { sourceOf } from './format.js';
import { withoutParticle } from './people.js';
import { type Reply, reply, text } from './reply.js';

const DEPT_SUFFIX = /(?:담당관실|담당관|과|국|실|단|센터|사업소|본부|원|팀|[가-힣]{2}관)$/;
/** A 부 of a 본부 or a public body ("공원관리부"): a long word only, never 정부. */
const SUB_DIVISION = /[가-힣]{3,}(?<!정)부$/;

/** The department record the query names, when one word of it is exactly a department's name. */
export function findDepartment(query: string, ctx: CommandContext): StoredRecord | null {
  // A department whose name has no unit suffix ("대변인") is found by its record's exact name.
  const plain = query.split(/\s+/).flatMap(withoutParticle).filter((w) => w.length >= 2);
  // "대변인실", "감사담당관실": the office of a unit whose record is named without 실.
  const words = [...departmentWords(query), ...plain];
  const names = [...new Set([...words, ...words.flatMap((w) => officeStem(w) ?? [])])];
  if (names.length === 0) return null;
  for (const name of names) {
    const hit = ctx.knowledge.unit(name).find((s) => s.kind === 'department' && (s.title === name || s.department === name));
    if (hit) return ctx.knowledge.get(String(hit.id)) ?? null;
  }
  return null;
}

/** "대변인실" → 대변인, "감사담당관실" → 감사담당관: the unit whose office the word names; null for any other word. */
export const officeStem = (word: string): string | null => (/^[가-힣]{2,}[인관]실$/.test(word) ? word.slice(0, -1) : null);

/** Words of the query that look like department or team names, particles removed. */
export function departmentWords(query: string): string[] {
  return query
    .split(/\s+/)
    .flatMap(withoutParticle)
    .filter((w) => (w.length >= 3 && DEPT_SUFFIX.test(w)) || (w.length >= 5 && SUB_DIVISION.test(w)));
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

/**
 * The sub-unit the query names (a 과 of a 국's overview) when the record found for it does not name that unit:
 * the answer would be another unit's facts under the asked name. The caller says what the documents lack instead.
 */
export function unitNotNamedBy(query: string, found: StoredRecord, ctx: CommandContext): { dept: StoredRecord; unit: string } | null {
  const sub = findOverviewUnit(query, ctx);
  if (!sub || namesUnit(found, sub.unit)) return null;
  return sub;
}

/** A department or team name of the record, as stored: the record names the unit only through these. */
export function namesUnit(r: StoredRecord, name: string): boolean {
  const rec = r.record;
  const names = [
    rec.title,
    rec.department,
    ...rec.aliases,
    ...rec.teams,
    ...rec.orgTeams.map((t) => t.name),
    ...(rec.overview?.units ?? []),
  ];
  // "대변인" is also written "대변인실": the office word is the same unit.
  const flat = (s: string) => s.replace(/\s+/g, '').replace(/실$/, '');
  return names.some((n) => !!n && flat(n) === flat(name));
}

/**
 * Unit names the store has that look like `name` (shared two-syllable pieces), with their organisation: the
 * near names a "not found" offers, never another unit's facts under the asked name.
 */
export function nearUnitNames(name: string, ctx: CommandContext, limit = 5): string[] {
  const pieces = new Set<string>();
  const flat = name.replace(/\s+/g, '');
  for (let i = 0; i + 2 <= flat.length; i++) pieces.add(flat.slice(i, i + 2));
  const scored = new Map<string, number>();
  for (const s of ctx.knowledge.summaries) {
    for (const unit of [s.department, ...s.teams]) {
      if (!unit) continue;
      const u = unit.replace(/\s+/g, '');
      // The same name in another organisation (or without an overview) comes first.
      let shared = u === flat ? pieces.size * 2 : 0;
      for (const p of pieces) if (u.includes(p)) shared++;
      if (shared === 0) continue;
      const label = [s.organization, unit].filter(Boolean).join(' ');
      scored.set(label, Math.max(scored.get(label) ?? 0, shared / Math.max(pieces.size, u.length - 1)));
    }
  }
  return [...scored]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([label]) => label);
}

/** A sub-unit the store knows only from its 국's overview: no contact of it is written, and no other unit's stands in. */
export function noUnitContact(unit: string, dept: StoredRecord): Reply {
  const rec = dept.record;
  return reply(
    'not_found',
    `"${unit}"의 담당자 연락처를 문서에서 찾지 못했습니다.`,
    [text(`${[rec.organization, rec.department ?? rec.title].filter(Boolean).join(' ')}의 기본현황에 하부 조직으로만 적혀 있습니다.`)],
    { sources: [sourceOf(dept)], suggestions: [`${unit} 정원`, `${rec.department ?? rec.title} 조직`] },
  );
}

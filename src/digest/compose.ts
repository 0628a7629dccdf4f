/**
 * The digest's content as of "today": what is due or overdue, what runs behind plan, what changed since the
 * previous digest and which documents may be stale. Pure reading of the store; every item names its source.
 */
import { projectIdentity } from '../domain/identity.js';
import { formatMoney } from '../domain/money.js';
import type { BudgetLine, Contact, Milestone, ProjectRecord } from '../domain/project.js';
import { formatSpans, type Source } from '../domain/provenance.js';
import { BUDGET_KIND_LABEL, compact } from '../domain/vocabulary.js';
import { parseKoreanDate } from '../domain/korean-date.js';
import type { DocBlock } from '../domain/doc-model.js';
import type { ProjectStore, StoredRecord } from '../store/store.js';
import { diffRecords } from './changes.js';
import { LaterReports } from './covered.js';
import { namedStep } from './item-name.js';

export interface DigestOptions {
  /** YYYY-MM-DD in the configured time zone. */
  today: string;
  /** Milestones starting or ending in today … today + days − 1 are due. */
  days: number;
  /** A department or team; null for everything. */
  scope: string | null;
  /** A document whose figures are older than this many days is flagged as possibly stale. */
  staleDays: number;
  /** Changes are document versions ingested in (since, until]. */
  since: Date;
  until: Date;
}

export interface DigestItem {
  /** "수원시 정책기획과": the unit the item is grouped under. */
  unit: string;
  project: string;
  /** Who to call: the working-level contacts of the project, with extensions. */
  owner: string | null;
  text: string;
  /** "document · section · lines". */
  source: string;
}

export interface StaleDocument {
  document: string;
  asOf: string;
  ageDays: number;
  /** Past, not-done items of the document, counted but not listed one by one. */
  openPastItems: number;
}

export interface Digest {
  today: string;
  days: number;
  scope: string | null;
  /** False when a scope was asked for and no document names such a department or team. */
  scopeFound: boolean;
  due: DigestItem[];
  overdue: DigestItem[];
  behind: DigestItem[];
  changes: DigestItem[];
  stale: StaleDocument[];
  since: string;
}

export const DEFAULT_DIGEST_DAYS = 7;

export function composeDigest(store: ProjectStore, options: DigestOptions): Digest {
  const { today, days, scope } = options;
  const records = store.currentRecords();
  const inScope = records.filter((r) => !scope || matchesScope(r.record, scope));
  const stale = staleDocuments(store, inScope, options);
  const staleNames = new Set(stale.map((s) => s.document));
  const windowEnd = addDays(today, days - 1);
  const reportedYears = latestReportYears(records);
  const later = new LaterReports(records);
  const blocks = blocksByLine(store);
  const due: DigestItem[] = [];
  const overdue: DigestItem[] = [];
  for (const r of inScope) {
    if (r.record.kind !== 'project') continue;
    const seen = new Set<string>();
    for (const m of r.record.milestones) {
      // The same item listed under two headings (추진현황 and 향후추진계획) is one item.
      const k = `${compact(m.text)}|${m.date?.start}|${m.date?.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const when = classify(m, r.record, today, windowEnd, reportedYears);
      if (!when) continue;
      if (when === 'overdue' && (staleNames.has(r.document.name) || later.coveredBy(r, m, today))) continue;
      const name = namedStep(m, r.record, blocks(r.document.versionId, m.src.lines[0]));
      (when === 'overdue' ? overdue : due).push(item(r, milestoneText(m, when, today, name), m.src));
    }
  }
  const byDate = (a: DigestItem, b: DigestItem) => a.unit.localeCompare(b.unit) || a.project.localeCompare(b.project);
  return {
    today,
    days,
    scope,
    scopeFound: !scope || inScope.length > 0,
    due: due.sort(byDate),
    overdue: overdue.sort(byDate),
    behind: inScope.flatMap((r) => behindPlan(r, today)),
    changes: changesSince(store, options),
    stale,
    since: options.since.toISOString(),
  };
}

export function digestItemCount(d: Digest): number {
  return d.due.length + d.overdue.length + d.behind.length + d.changes.length + d.stale.length;
}

export function matchesScope(rec: ProjectRecord, scope: string): boolean {
  const s = compact(scope);
  return (
    compact(rec.department ?? '') === s ||
    // A department record lists every team; a team's digest is its projects, not the whole department.
    (rec.kind === 'project' && rec.teams.some((t) => compact(t) === s)) ||
    (rec.kind === 'department' && compact(rec.title) === s)
  );
}

type When = 'starts' | 'ends' | 'overdue' | null;

function classify(
  m: Milestone,
  rec: ProjectRecord,
  today: string,
  windowEnd: string,
  reportedYears: Map<string, number>,
): When {
  const d = m.date;
  // Done items and standing work (상시, 연중) have no date to be late for.
  if (!d || m.done === true || d.precision === 'ongoing') return null;
  const start = d.start ?? d.end;
  const end = d.end ?? d.start;
  if (!start || !end) return null;
  // "6월까지" has a deadline and no start: it is due by its end, never "starting".
  if (d.start && start >= today && start <= windowEnd) return 'starts';
  if (end >= today && end <= windowEnd) return 'ends';
  // Work under way in its last month (a 하반기 item in December, "2월" in mid-February) is due this month; a span
  // longer than a half year is a project's term ("'19~'21"), not a piece of work due now.
  if (start < today && end >= today && end.slice(0, 7) === today.slice(0, 7) && daysBetween(start, end) <= 184) return 'ends';
  if (end >= today) return null;
  // A later report covers the item: the document's own as-of date (its history), or a later year's 실적.
  const asOf = rec.status?.asOf ? monthEnd(rec.status.asOf) : null;
  if (asOf && end < asOf) return null;
  const reported = reportedYears.get(projectIdentity(rec));
  if (reported !== undefined && reported > Number(end.slice(0, 4))) return null;
  return 'overdue';
}

/** `name`: "과업 — 단계" for an item that is only a step; its date follows the step ("… — 완료 ’25.3."). */
function milestoneText(m: Milestone, when: When, today: string, name: string | null): string {
  const written = m.date!.written.replace(/^\((.*)\)$/, '$1');
  const head = name ? `${name} ${written}` : `${m.text} — ${written}`;
  const start = m.date!.start ?? m.date!.end!;
  const end = m.date!.end ?? m.date!.start!;
  if (when === 'starts') {
    const day = start === today ? '오늘' : shortDate(start);
    return `${head} (${m.date!.precision === 'day' ? day : `${day}부터`})`;
  }
  if (when === 'ends') return `${head} (기한 ${shortDate(end)})`;
  return `${head} (기한 ${shortDate(end)}, ${daysBetween(end, today)}일 지남, 이후 보고 없음)`;
}

/** The block a document line belongs to, the version's blocks read once per digest. */
type BlockAt = (versionId: number, line: number) => DocBlock | undefined;

function blocksByLine(store: ProjectStore): BlockAt {
  const cache = new Map<number, DocBlock[]>();
  return (versionId, line) => {
    let bs = cache.get(versionId);
    if (!bs) cache.set(versionId, (bs = store.blocksOf(versionId)));
    return bs.find((b) => b.lines[0] <= line && line <= b.lines[1]);
  };
}

function latestReportYears(records: StoredRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { record: rec } of records) {
    if (rec.phase !== 'report' || rec.year === null) continue;
    const k = projectIdentity(rec);
    out.set(k, Math.max(out.get(k) ?? 0, rec.year));
  }
  return out;
}

// --- behind plan --------------------------------------------------------------------------------------------

const percent = (v: string): number | null => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(v);
  return m ? Number(m[1]) : null;
};

function behindPlan(r: StoredRecord, today: string): DigestItem[] {
  const rec = r.record;
  const out: DigestItem[] = [];
  if (rec.status?.state === 'completed') return out;
  // "완료 지속추진" has met its progress target but still spends this year's budget.
  const progress = rec.status?.state === 'completed_ongoing' ? null : progressBehind(rec, today);
  if (progress) out.push(item(r, progress.text, progress.src));
  const budget = budgetBehind(rec, today);
  if (budget) out.push(item(r, budget.text, budget.src));
  return out;
}

/**
 * The latest cumulative 추진율 (or the status row's 진도율) against the target of the period today falls in:
 * the first target period that has not ended by today, or the last one when all have.
 */
function progressBehind(rec: ProjectRecord, today: string): { text: string; src: Source } | null {
  const ind = rec.indicators.find((i) => i.cumulative && i.targets.some((t) => percent(t.value) !== null));
  if (!ind) return null;
  const targets = ind.targets.filter((t) => percent(t.value) !== null);
  const endOf = (period: string) => {
    const d = parseKoreanDate(period);
    return d?.end ?? d?.start ?? null;
  };
  const target = targets.find((t) => (endOf(t.period) ?? '') >= today) ?? targets.at(-1)!;
  const actual = [...ind.actuals].reverse().find((a) => percent(a.value) !== null);
  const value = actual ? percent(actual.value)! : (rec.status?.progressPct ?? null);
  if (value === null) return null;
  const goal = percent(target.value)!;
  if (value >= goal) return null;
  const label = actual ? `누적 추진율 ${actual.value} (${actual.period} 실적)` : `진도율 ${value}% (${rec.status?.asOf ?? '기준일 미상'})`;
  return {
    text: `${label} < 목표 ${target.value} (${target.period}) — ${round1(goal - value)}%p 부족 [오늘이 속한 목표 기간의 목표와 비교]`,
    src: actual ? ind.src : rec.status!.src,
  };
}

/**
 * This year's execution (집행 ÷ 예산) against the share of the year gone by on the date the figures are as of.
 * Without an as-of date in this year the pace is unknown and nothing is said.
 */
function budgetBehind(rec: ProjectRecord, today: string): { text: string; src: Source } | null {
  const year = Number(today.slice(0, 4));
  const lines = (rec.budget?.lines ?? []).filter((l) => l.year === year && l.item === null);
  const pick = (kind: BudgetLine['kind']) => {
    const of = lines.filter((l) => l.kind === kind);
    return of.find((l) => l.funding === '계') ?? of.find((l) => l.funding === null) ?? (of.length === 1 ? of[0] : undefined);
  };
  const allocated = pick('allocated');
  const executed = pick('executed');
  if (!allocated || !executed || allocated.amount.won <= 0) return null;
  const asOfWritten = rec.status?.asOf;
  if (!asOfWritten || !asOfWritten.startsWith(`${year}-`)) return null;
  const asOf = monthEnd(asOfWritten) < today ? monthEnd(asOfWritten) : today;
  const elapsed = daysBetween(`${year - 1}-12-31`, asOf);
  const inYear = daysBetween(`${year - 1}-12-31`, `${year}-12-31`);
  const rate = (executed.amount.won / allocated.amount.won) * 100;
  const pace = (elapsed / inYear) * 100;
  if (rate >= pace) return null;
  return {
    text:
      `${year}년 ${BUDGET_KIND_LABEL.executed} ${formatMoney(executed.amount)} / ${BUDGET_KIND_LABEL.allocated} ${formatMoney(allocated.amount)} = ${round1(rate)}% < ` +
      `연간 경과 ${round1(pace)}% (${asOfWritten} 기준 ${elapsed}/${inYear}일)`,
    src: executed.src,
  };
}

// --- changes and staleness ----------------------------------------------------------------------------------

/** Each document re-read in the window, compared with the version it had before the window. */
function changesSince(store: ProjectStore, options: DigestOptions): DigestItem[] {
  const versions = store.versionsIngested(options.since, options.until);
  const blocks = blocksByLine(store);
  const byDocument = new Map<number, { first: (typeof versions)[number]; last: (typeof versions)[number] }>();
  for (const v of versions) {
    const seen = byDocument.get(v.documentId);
    byDocument.set(v.documentId, { first: seen?.first ?? v, last: v });
  }
  const out: DigestItem[] = [];
  for (const { first, last } of byDocument.values()) {
    const now = store.recordsOfVersion(last.versionId);
    const before = first.previousVersionId ? store.recordsOfVersion(first.previousVersionId) : null;
    const scoped = (rs: StoredRecord[]) => rs.filter((r) => !options.scope || matchesScope(r.record, options.scope));
    const nowScoped = scoped(now);
    if (nowScoped.length === 0 && (!before || scoped(before).length === 0)) continue;
    if (!before) {
      const projects = nowScoped.filter((r) => r.record.kind === 'project').length;
      const head = nowScoped[0]!;
      out.push(item(head, `새 문서 (${last.family}, 사업 ${projects}건)`, head.record.src, last.name));
      // Read again since its first reading in the window: what moved between those readings is news too.
      if (first.versionId !== last.versionId) out.push(...movedBetween(store.recordsOfVersion(first.versionId), nowScoped, scoped, last.name, blocks));
      continue;
    }
    const moved = movedBetween(before, nowScoped, scoped, last.name, blocks);
    if (moved.length) out.push(...moved);
    else {
      const head = nowScoped[0]!;
      out.push(item(head, `다시 읽음 (버전 ${last.version}): 바뀐 사실 없음`, head.record.src));
    }
  }
  return out;
}

/** The facts that moved between two readings of one document, project by project (matched on their keys). */
function movedBetween(
  before: StoredRecord[],
  nowScoped: StoredRecord[],
  scoped: (rs: StoredRecord[]) => StoredRecord[],
  name: string,
  blocks: BlockAt,
): DigestItem[] {
  const out: DigestItem[] = [];
  const oldByKey = new Map(scoped(before).map((r) => [r.record.key, r]));
  for (const r of nowScoped) {
    const old = oldByKey.get(r.record.key);
    oldByKey.delete(r.record.key);
    const label = (m: Milestone, version: 'before' | 'after') => {
      const of = version === 'after' ? r : old!;
      // "과업 — 단계" reads "과업 (단계)" here, as the date follows after " — ".
      const name = namedStep(m, of.record, blocks(of.document.versionId, m.src.lines[0]));
      return name ? name.replace(/ — (.*)$/, ' ($1)') : m.text;
    };
    const moved = old ? diffRecords(old.record, r.record, label) : [{ text: '새 사업', src: r.record.src }];
    for (const c of moved) out.push(item(r, c.text, c.src));
  }
  for (const gone of oldByKey.values()) out.push(item(gone, '새 버전에서 빠진 사업', gone.record.src, `${name} (이전 버전)`));
  return out;
}

function staleDocuments(store: ProjectStore, records: StoredRecord[], options: DigestOptions): StaleDocument[] {
  const ingested = store.currentIngestTimes();
  const byDocument = new Map<string, StoredRecord[]>();
  for (const r of records) byDocument.set(r.document.name, [...(byDocument.get(r.document.name) ?? []), r]);
  const out: StaleDocument[] = [];
  for (const [name, rs] of byDocument) {
    // The figures' stated as-of date, else the document's own date, else the end of the year a project report
    // reports on: only a document that says none of these is as old as its reading (a 2016 report read today is
    // not today's news). A generic record's year is any year its text names, no date of the document.
    const latest = (f: (rec: ProjectRecord) => string | null | undefined) =>
      rs.flatMap((r) => f(r.record) ?? []).sort().at(-1);
    const versionId = rs[0]!.document.versionId;
    const asOf =
      latest((rec) => rec.status?.asOf) ??
      latest((rec) => rec.form?.date?.start) ??
      store.passageDocument(versionId)?.meta.date?.iso ??
      latest((rec) => (rec.kind === 'project' && rec.phase === 'report' && rec.year !== null ? `${rec.year}-12` : null)) ??
      ingested.get(versionId)?.slice(0, 10);
    if (!asOf) continue;
    const ageDays = daysBetween(monthEnd(asOf), options.today);
    if (ageDays <= options.staleDays) continue;
    const openPastItems = rs
      .flatMap((r) => r.record.milestones)
      .filter((m) => m.done !== true && m.date?.precision !== 'ongoing' && (m.date?.end ?? '9999') < options.today).length;
    out.push({ document: name, asOf, ageDays, openPastItems });
  }
  return out.sort((a, b) => b.ageDays - a.ageDays);
}

// --- small helpers ------------------------------------------------------------------------------------------

function item(r: StoredRecord, text: string, src: Source, documentName = r.document.name): DigestItem {
  const rec = r.record;
  const unit = [rec.organization, rec.department].filter(Boolean).join(' ') || '부서 미상';
  return {
    unit,
    project: rec.title,
    owner: ownerOf(rec.contacts),
    text,
    source: [documentName, src.section, formatSpans([src.lines], r.document.locators)].filter(Boolean).join(' · '),
  };
}

/** The working-level contacts (team lead, officer), not the head of the department. */
export function ownerOf(contacts: Contact[]): string | null {
  const head = /(?:과장|국장|담당관|실장|소장|단장)$/;
  const working = contacts.filter((c) => !(c.position && head.test(c.position)));
  const chosen = (working.length ? working : contacts).slice(-2);
  const parts = chosen.map((c) =>
    [c.name, c.position].filter(Boolean).join(' ') + (c.extension ? ` ☎${c.extension}` : ''),
  );
  return parts.filter(Boolean).join(', ') || null;
}

/** "2018-12" covers the whole month: its last day. */
function monthEnd(date: string): string {
  if (date.length !== 7) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function shortDate(iso: string): string {
  return `${Number(iso.slice(5, 7))}. ${Number(iso.slice(8, 10))}.`;
}

const round1 = (n: number) => (Number.isInteger(n) ? `${n}` : n.toFixed(1));

/**
 * Whether a later document of the same project reports a planned step, so that a past item is not overdue.
 *
 * The rule is deliberately narrow (an overdue item hidden on a weak match is worse than one shown too often):
 * - same project: same organisation and department, and the same project identity (code, else title), or the
 *   project's name (a 「…」 name in a title, or the value of a 사업명 / 용역명 … fact, 10+ characters) shared by both;
 * - later: the other document is dated (a day) on or after the item's start and the planning document's date, and
 *   not after today, as a digest replayed on an earlier day must not know it yet;
 * - reports the step: the step is the item's last procedural noun (입찰공고 of "계약의뢰 및 입찰공고", 의견 of
 *   "접수의견 반영"); the other document's title names it outside the project's name and is no plan
 *   ("입찰공고(긴급) 의뢰_…"), or one of its result facts (label with 결과 / 실적 / 완료) names it
 *   ("공개결과 : 제출의견 없음"). An item without such a noun is never covered.
 */
import { projectIdentity } from '../domain/identity.js';
import type { Milestone, ProjectRecord } from '../domain/project.js';
import type { StoredRecord } from '../store/store.js';

/** Steps of public procurement and programme work: nouns a later document's title or result names. */
const STEP_NOUNS = [
  '입찰공고', '공고', '입찰', '계약', '발주', '의견', '평가', '심사', '선정', '착공', '준공', '설계', '지급', '정산',
  '모집', '접수', '협약', '위촉', '공모', '간담회', '설명회', '공청회', '보고회', '발대식', '교육', '점검', '채용',
];
const NAME_LABELS = /^(?:사업명|용역명|과업명|공사명|사업명칭)$/;
const RESULT_LABEL = /결과|실적|완료/;
const squash = (s: string) => s.replace(/[\s「」｢｣『』"'‘’“”]/g, '');

/** The last procedural noun of an item's text (parenthesised asides off), or null. */
export function lastStep(text: string): string | null {
  const t = squash(text.replace(/\([^)]*\)/g, ''));
  let best: { noun: string; end: number } | null = null;
  for (const noun of STEP_NOUNS) {
    const at = t.lastIndexOf(noun);
    if (at < 0) continue;
    const end = at + noun.length;
    if (!best || end > best.end || (end === best.end && noun.length > best.noun.length)) best = { noun, end };
  }
  return best?.noun ?? null;
}

interface Dated {
  r: StoredRecord;
  date: string | null;
  names: string[];
  title: string;
}

function projectNames(rec: ProjectRecord): string[] {
  const quoted = [...rec.title.matchAll(/[「｢『]([^」｣』]+)[」｣』]/g)].map((m) => m[1]!);
  const named = (rec.facts ?? []).filter((f) => NAME_LABELS.test(squash(f.label)) && !f.withheld).map((f) => f.value);
  return [...new Set([...quoted, ...named].map(squash).filter((n) => n.length >= 10))];
}

/** A document's own date: its 시행/결재 date, else its status as-of date. */
function documentDate(rec: ProjectRecord): string | null {
  return rec.form?.date?.start ?? rec.status?.asOf ?? null;
}

export class LaterReports {
  private readonly all: Dated[];

  constructor(records: StoredRecord[]) {
    this.all = records
      .filter((r) => r.record.kind === 'project')
      .map((r) => ({ r, date: documentDate(r.record), names: projectNames(r.record), title: squash(r.record.title) }));
  }

  /** The later document that reports the item's step, or null. */
  coveredBy(r: StoredRecord, m: Milestone, today: string): StoredRecord | null {
    const step = lastStep(m.text);
    const start = m.date?.start ?? m.date?.end;
    if (!step || !start) return null;
    const own = this.all.find((d) => d.r === r) ?? { r, date: documentDate(r.record), names: projectNames(r.record), title: squash(r.record.title) };
    const planned = own.date ?? start;
    for (const other of this.all) {
      if (other.r.document.id === r.document.id || !other.date || other.date.length !== 10) continue;
      if (other.date < start || other.date < planned || other.date > today) continue;
      if (!sameProject(own, other)) continue;
      if (reportsStep(other, [...own.names, ...other.names], step)) return other.r;
    }
    return null;
  }
}

function sameProject(a: Dated, b: Dated): boolean {
  const ra = a.r.record;
  const rb = b.r.record;
  if (ra.organization !== rb.organization || ra.department !== rb.department) return false;
  if (projectIdentity(ra) === projectIdentity(rb)) return true;
  return a.names.some((n) => b.names.includes(n) || b.title.includes(n)) || b.names.some((n) => a.title.includes(n));
}

function reportsStep(d: Dated, names: string[], step: string): boolean {
  let title = d.title;
  for (const n of names) title = title.split(n).join(' ');
  if (title.includes(step) && !(/계획|예정/.test(title) && !/결과/.test(title))) return true;
  return (d.r.record.facts ?? []).some(
    (f) => !f.withheld && RESULT_LABEL.test(f.label) && (squash(f.label).includes(step) || squash(f.value).includes(step)),
  );
}

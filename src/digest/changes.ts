/**
 * The facts that moved between two versions of one record: progress, state, target, milestones, contacts,
 * budget amounts. Values are compared, never line numbers (an inserted line shifts every later one).
 */
import { formatMoney } from '../domain/money.js';
import type { BudgetLine, Contact, Milestone, ProjectRecord } from '../domain/project.js';
import type { Source } from '../domain/provenance.js';
import { BUDGET_KIND_LABEL } from '../domain/vocabulary.js';

export interface FactChange {
  text: string;
  /** Where the new value sits (or the old one, for something removed). */
  src: Source;
}

/** How a milestone is named in a line: its text, or its task and step for an item that is only a step. */
export type MilestoneLabel = (m: Milestone, version: 'before' | 'after') => string;

export function diffRecords(
  before: ProjectRecord,
  after: ProjectRecord,
  label: MilestoneLabel = (m) => m.text,
): FactChange[] {
  const out: FactChange[] = [];
  const s0 = before.status;
  const s1 = after.status;
  const statusSrc = s1?.src ?? after.src;
  if ((s0?.progressPct ?? null) !== (s1?.progressPct ?? null))
    out.push({ text: `진도율 ${pctOr(s0?.progressPct)} → ${pctOr(s1?.progressPct)}`, src: statusSrc });
  if ((s0?.stateWritten ?? null) !== (s1?.stateWritten ?? null))
    out.push({ text: `추진 상황 ${s0?.stateWritten ?? '없음'} → ${s1?.stateWritten ?? '없음'}`, src: statusSrc });
  if ((s0?.targetWritten ?? null) !== (s1?.targetWritten ?? null))
    out.push({ text: `목표 시점 ${s0?.targetWritten ?? '없음'} → ${s1?.targetWritten ?? '없음'}`, src: statusSrc });
  out.push(...cumulativeChange(before, after));
  out.push(...milestoneChanges(before.milestones, after.milestones, label));
  out.push(...contactChanges(before.contacts, after.contacts));
  out.push(...budgetChanges(before.budget?.lines ?? [], after.budget?.lines ?? []));
  return out;
}

const pctOr = (n: number | null | undefined) => (n === null || n === undefined ? '없음' : `${n}%`);

function cumulativeChange(before: ProjectRecord, after: ProjectRecord): FactChange[] {
  const latest = (r: ProjectRecord) => {
    const ind = r.indicators.find((i) => i.cumulative);
    const a = ind ? [...ind.actuals].reverse().find((x) => /\d/.test(x.value)) : undefined;
    return ind && a ? { text: `${a.value} (${a.period})`, src: ind.src } : null;
  };
  const a = latest(before);
  const b = latest(after);
  if ((a?.text ?? null) === (b?.text ?? null) || !b) return [];
  return [{ text: `누적 추진율 실적 ${a?.text ?? '없음'} → ${b.text}`, src: b.src }];
}

function milestoneChanges(before: Milestone[], after: Milestone[], label: MilestoneLabel): FactChange[] {
  const key = (m: Milestone) => `${m.text.replace(/\s+/g, '')}|${m.date?.written ?? ''}`;
  const old = new Map(before.map((m) => [key(m), m]));
  const now = new Map(after.map((m) => [key(m), m]));
  const out: FactChange[] = [];
  for (const [k, m] of now) {
    const was = old.get(k);
    const when = m.date ? ` — ${m.date.written}` : '';
    if (!was) out.push({ text: `새 일정: ${label(m, 'after')}${when}`, src: m.src });
    else if (was.done !== true && m.done === true) out.push({ text: `완료로 보고: ${label(m, 'after')}${when}`, src: m.src });
  }
  for (const [k, m] of old)
    if (!now.has(k)) out.push({ text: `빠진 일정: ${label(m, 'before')}${m.date ? ` — ${m.date.written}` : ''}`, src: m.src });
  return out;
}

function contactChanges(before: Contact[], after: Contact[]): FactChange[] {
  const label = (c: Contact) => [c.name, c.position].filter(Boolean).join(' ') + (c.extension ? ` ☎${c.extension}` : '');
  const same = (a: Contact, b: Contact) => label(a) === label(b);
  const out: FactChange[] = [];
  const unmatchedOld = before.filter((o) => !after.some((n) => same(o, n)));
  for (const n of after.filter((x) => !before.some((o) => same(o, x)))) {
    // The same person with a new number or position, or a new person in the same position.
    const i = unmatchedOld.findIndex((o) => (o.name && o.name === n.name) || (o.position && o.position === n.position));
    if (i >= 0) {
      out.push({ text: `연락처 변경: ${label(unmatchedOld[i]!)} → ${label(n)}`, src: n.src });
      unmatchedOld.splice(i, 1);
    } else out.push({ text: `새 연락처: ${label(n)}`, src: n.src });
  }
  for (const o of unmatchedOld) out.push({ text: `빠진 연락처: ${label(o)}`, src: o.src });
  return out;
}

function budgetChanges(before: BudgetLine[], after: BudgetLine[]): FactChange[] {
  const key = (l: BudgetLine) => [l.period, l.kind, l.funding ?? '', l.item ?? ''].join('|');
  const old = new Map(before.map((l) => [key(l), l]));
  const out: FactChange[] = [];
  for (const l of after) {
    const was = old.get(key(l));
    if (!was || was.amount.won === l.amount.won) continue;
    const what = [l.item, l.period, BUDGET_KIND_LABEL[l.kind], l.funding && l.funding !== '계' ? l.funding : null].filter(Boolean);
    out.push({ text: `${what.join(' ')}: ${formatMoney(was.amount)} → ${formatMoney(l.amount)}`, src: l.src });
  }
  return out;
}

/**
 * Who pays: the funding-source words of budget tables and notes (국비, 도비, 시비, 군비, 구비, 민간, 기타, and 계 for
 * the total), read the same way by every family. A row label names a source only when it is that word (letters
 * closed up: "시 비"), so an item such as "민간위탁 운영" stays an item.
 */
import { FUNDING_SOURCES } from '../../domain/project.js';
import { compact } from './cells.js';

export type Funding = (typeof FUNDING_SOURCES)[number];

/** The sources proper, without the total. */
const SOURCES = FUNDING_SOURCES.filter((f) => f !== '계');
/** Words for the whole of a table. 소계 is a group's subtotal, not the total, and is left to the caller. */
const TOTAL = /^(?:계|합계|총계)$/;
/** A source word with the suffix some tables write after it: "민간자본", "국비보조", "시비부담". */
const SOURCE_WORD = new RegExp(`^(${SOURCES.join('|')})(?:자본|투자|보조금?|부담|자부담)?$`);
const SOURCE_AT_START = new RegExp(`^(${[...SOURCES, '합계', '총계', '계'].join('|')})`);
const SHARE = new RegExp(`(${SOURCES.join('|')})\\s*(\\d+(?:\\.\\d+)?)\\s*%`, 'g');

/** "계", "합 계", "총계": the label of a table's total row. */
export function isTotalLabel(label: string): boolean {
  return TOTAL.test(compact(label));
}

/** A row label as a funding source: a total word → 계, "시 비" → 시비; null when the label names something else. */
export function fundingOfLabel(label: string): Funding | null {
  const t = compact(label);
  if (TOTAL.test(t)) return '계';
  const m = SOURCE_WORD.exec(t);
  return m ? (m[1] as Funding) : null;
}

/**
 * A line that starts with a funding label, letters closed up ("시비1,134--369…"): the source and what follows it,
 * for text tables whose label and values run together.
 */
export function fundingAtStart(compacted: string): { funding: Funding; rest: string } | null {
  const m = SOURCE_AT_START.exec(compacted);
  if (!m) return null;
  return { funding: fundingOfLabel(m[1]!)!, rest: compacted.slice(m[1]!.length) };
}

/** "시민청확대시비2,714": a short 단위사업 name, then a funding label with the row's first figure right after it. */
const SOURCE_AFTER_NAME = new RegExp(`^[가-힣]{2,15}?((?:${[...SOURCES, '계'].join('|')})[\\d,\\-–].*)$`);

export function fundingAfterName(compacted: string): { funding: Funding; rest: string } | null {
  const m = SOURCE_AFTER_NAME.exec(compacted);
  return m ? fundingAtStart(m[1]!) : null;
}

/** "(국비 50%, 시비 50%)" → the shares as written, in order. */
export function fundingShares(text: string): Array<{ funding: Funding; percent: number }> {
  return [...text.matchAll(SHARE)].map((m) => ({ funding: m[1] as Funding, percent: Number(m[2]) }));
}

/** The one source that pays all of it ("(구비100%)" on every note); mixed or partial shares → null. */
export function soleFunding(notes: string[]): Funding | null {
  const sources = new Set<Funding>();
  for (const n of notes) {
    for (const share of fundingShares(n)) {
      if (share.percent !== 100) return null;
      sources.add(share.funding);
    }
  }
  return sources.size === 1 ? [...sources][0]! : null;
}

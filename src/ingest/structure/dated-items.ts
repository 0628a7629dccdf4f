/**
 * Which text a date on a line belongs to. Plans write dated items two ways, often on one line:
 * - the date after its item: "설계(’20.11.~‘23.12.), 철거(’25.12.)" — the clause before the date;
 * - the date leading its item, with a colon: "’05. 1. : GB해제(…) ▹’05. 3. : 관광단지 지정",
 *   "’24. 1. : 건축공사 착공(’26.5. : 준공)" — the clause after the colon, up to the next date, the bracket that
 *   opened before the date, or a separator glyph (▹ ☞ →).
 * Reading every date as "the clause before it" gives a leading date's item to the next date: the bug this fixes.
 */
import type { DateMatch } from '../../domain/korean-date.js';

export interface DatedClause {
  date: DateMatch;
  /** The raw clause (callers trim bullets and separators); '' when the date has none. */
  text: string;
  /** The date leads its item ("’24. 1. : 착공"). */
  lead: boolean;
  /** A label in front of the dated steps ("(’25년 계획) 자체계획 수립(‘25.4.)"): not an item of its own. */
  label: boolean;
}

/**
 * Milestones one line may give. A plan line names a handful of dates (11 at most in the corpus, the samples and
 * ../shared); one naming thousands is not a schedule, and an item repeated for each of them made the record's
 * size, and so its storing, quadratic in the line's length.
 */
export const MAX_DATES_PER_LINE = 40;

export function tooManyDates(count: number): string {
  return `한 줄에 날짜가 ${count}개 있어 처음 ${MAX_DATES_PER_LINE}개만 일정으로 읽었습니다`;
}

/** A date followed by a colon (a stray "." of "’28. 下." allowed) leads its item. */
const LEADS = /^\s*(?:\.\s*)?[:：]\s*/;
/** Glyphs that separate items on one line. */
const SEPARATOR = /[▹▸☞→⇒►]/;

export function datedClauses(text: string, dates: DateMatch[]): DatedClause[] {
  const out: DatedClause[] = [];
  let prev = 0;
  dates.forEach((d, k) => {
    const after = d.index + d.length;
    const lead = LEADS.exec(text.slice(after));
    if (lead) {
      const from = after + lead[0].length;
      const next = dates[k + 1];
      const nextDate = next?.index ?? text.length;
      // "’25. ~ : 건축설계(’25), 착공(’26)": the leading date heads a list whose items carry their own dates.
      if (next && !LEADS.test(text.slice(next.index + next.length)) && /\(\s*$|^\s*\(/.test(text.slice(from, nextDate + 1))) {
        out.push({ date: d, text: '', lead: true, label: true });
        prev = from;
        return;
      }
      let to = nextDate;
      // Inside brackets ("(’26.5. : 준공)") the item ends where they close.
      // The text before the date ends in "(": read from its end (a regex tried every position of it, per date).
      if (text.slice(0, d.index).trimEnd().endsWith('(')) {
        const close = text.indexOf(')', from);
        if (close !== -1 && close < to) to = close;
      }
      const sep = text.slice(from, to).search(SEPARATOR);
      if (sep !== -1) to = from + sep;
      out.push({ date: d, text: text.slice(from, to), lead: true, label: false });
      prev = Math.max(after, to);
      return;
    }
    const before = text.slice(prev, d.index);
    prev = after;
    if (k === 0 && !/[가-힣A-Za-z]/.test(before)) {
      // "(’25년 계획) 자체계획 수립(‘25.4.), …": a label, not a step; the next clause starts after it.
      const label = /^[^()]{0,8}\)/.exec(text.slice(prev));
      if (label) prev += label[0].length;
      out.push({ date: d, text: '', lead: false, label: true });
      return;
    }
    out.push({ date: d, text: before, lead: false, label: false });
  });
  return out;
}

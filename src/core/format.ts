/** Shared wording of facts: money with its unit beside the number, dates as written, sources. */
import type { DocBlock } from '../domain/doc-model.js';
import { formatMoney, formatWonReading, type Money } from '../domain/money.js';
import type { Milestone, ProjectRecord } from '../domain/project.js';
import { formatSpans, type LineLocators, type Source } from '../domain/provenance.js';
import { compact } from '../domain/vocabulary.js';
import type { StoredRecord } from '../store/store.js';

/**
 * An amount as written, with its unit, and beside it how an official reads it: "4,560억원" stays as written,
 * "11,671억원" adds "(1조 1,671억원)", "2,345,678,901천원" adds "(약 2조 3,457억원)"; △ reads as a decrease.
 */
export function money(m: Money): string {
  const written = formatMoney(m);
  const large = m.unit === '원' || Math.abs(m.won) >= 100_000_000;
  const reading = large ? formatWonReading(Math.abs(m.won)) : null;
  const notes: string[] = [];
  if (reading && compact(reading) !== compact(written.replace(/^[△▽-]/, ''))) notes.push(reading);
  if (m.won < 0) notes.push('감소');
  return notes.length ? `${written} (${notes.join(', ')})` : written;
}

export function pct(n: number | null | undefined): string | null {
  if (n === null || n === undefined) return null;
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

/** "doc · section · 12행"; an office file's line also names its page or cell ("3쪽 12행", "41행(문단 12)"). */
export function sourceOf(r: StoredRecord, source: Source = r.record.src): string {
  const parts = [r.document.name];
  if (source.section) parts.push(source.section);
  parts.push(formatSpans([source.lines], r.document.locators));
  return parts.join(' · ');
}

/**
 * The line a field's text is written on, when the text states a figure ("민선8기 …", a 사업 구분 read from a
 * heading above the record's own lines): cited beside the record so that every figure has its line.
 */
export function figureLine(text: string | null, blocks: DocBlock[]): Source | null {
  if (!text || !/\d/.test(text)) return null;
  const want = compact(text);
  const b = blocks.find((x) => compact(x.text).includes(want));
  return b ? { section: null, lines: [...b.lines] } : null;
}

/**
 * One footnote per document for every fact a reply states: "doc · section · 12행, 15–17행" (an office file's
 * with their pages or cells: "3쪽 12행, 4쪽 40행"). A reply that lists twelve milestones cites all twelve lines,
 * not the first three.
 */
export function sourcesOf(facts: Array<{ r: StoredRecord; src: Source }>): string[] {
  const byDoc = new Map<string, { sections: Set<string | null>; spans: Array<[number, number]>; r: StoredRecord }>();
  for (const { r, src } of facts) {
    const entry = byDoc.get(r.document.name) ?? { sections: new Set(), spans: [], r };
    entry.sections.add(src.section);
    entry.spans.push(src.lines);
    byDoc.set(r.document.name, entry);
  }
  return [...byDoc].map(([name, { sections, spans, r }]) => {
    const merged: Array<[number, number]> = [];
    for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
      const last = merged.at(-1);
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    const section = sections.size === 1 ? [...sections][0] : null;
    const lines = formatSpans(merged, r.document.locators);
    return [name, section, lines].filter(Boolean).join(' · ');
  });
}

/**
 * "3행, 10–12행": spans by where they start, each once ("3쪽 3행, 10–12행" for a PDF): the footnote of a reply
 * quoting a document's passages, with that document's locators (PassageDocument.locators).
 */
export function citeSpans(spans: ReadonlyArray<readonly [number, number]>, locators?: LineLocators): string {
  const seen = new Set<string>();
  const once = [...spans].sort((a, b) => a[0] - b[0]).filter(([a, b]) => !seen.has(`${a}-${b}`) && seen.add(`${a}-${b}`));
  return formatSpans(once, locators);
}

export function orgDept(rec: ProjectRecord): string {
  return [rec.organization, rec.department].filter(Boolean).join(' ');
}

export function yearLabel(rec: Pick<ProjectRecord, 'year' | 'phase'>): string | null {
  if (!rec.year) return null;
  return `${rec.year}년 ${rec.phase === 'report' ? '실적' : rec.phase === 'plan' ? '계획' : ''}`.trim();
}

/** 이/가, 은/는, 을/를 by whether the word ends in a consonant (받침); digits and Latin read as 이/은/을. */
export function josa(word: string, withBatchim: string, without: string): string {
  return `${word}${particle(word, withBatchim, without)}`;
}

export function particle(word: string, withBatchim: string, without: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  const batchim = code < 0 || code > 11171 ? true : code % 28 !== 0;
  return batchim ? withBatchim : without;
}

export type MilestoneTiming = 'past' | 'current' | 'upcoming' | 'ongoing' | 'undated';

/** An item is current while the end of its range is on or after today; past after that; ongoing apart. */
export function timing(m: Milestone, today: string): MilestoneTiming {
  const d = m.date;
  if (!d) return 'undated';
  if (d.precision === 'ongoing' && !d.end) return 'ongoing';
  const end = d.end ?? d.start;
  const start = d.start ?? d.end;
  if (!end || !start) return 'undated';
  if (end < today) return 'past';
  if (start <= today) return 'current';
  return 'upcoming';
}

export function timingLabel(m: Milestone, today: string): string {
  switch (timing(m, today)) {
    case 'past':
      return m.done ? '완료' : '지남';
    case 'current':
      return '진행 중';
    case 'upcoming':
      return '예정';
    case 'ongoing':
      return '상시';
    default:
      return '일정 미정';
  }
}

export function milestoneLine(m: Milestone, today: string): string {
  const when = m.date ? m.date.written : '';
  return `${m.text}${when ? ` — ${when}` : ''} (${timingLabel(m, today)})`;
}

export function sortByDate(ms: Milestone[]): Milestone[] {
  return [...ms].sort((a, b) =>
    (a.date?.start ?? a.date?.end ?? '9999').localeCompare(b.date?.start ?? b.date?.end ?? '9999'),
  );
}

/**
 * Autocomplete choices for `query` from the in-memory search index (the same Korean tokenizer, 초성 and
 * typo/keyboard fallbacks as every answer). No store query runs for titles or units; a person is read from
 * the record only when the index says a contact list matched. Discord drops answers after 3 s and cannot
 * defer autocomplete, so the work is one bounded index search.
 */
import type { Knowledge } from '../../core/knowledge.js';

export const AUTOCOMPLETE = { maxChoices: 25, nameChars: 100, valueChars: 100, searchLimit: 40 } as const;

export interface Choice {
  name: string;
  value: string;
}

const NAMING = new Set(['title', 'aliases', 'code', 'choseong', 'category']);

export function autocompleteChoices(knowledge: Knowledge, typed: string, subcommand: string): Choice[] {
  const q = typed.normalize('NFC').trim().slice(0, 100);
  if (!q) return [];
  const outcome = knowledge.index.search(q, { limit: AUTOCOMPLETE.searchLimit });
  const full = q.replace(/\s+/g, '');
  const titles: Choice[] = [];
  const units: Choice[] = [];
  const people: Choice[] = [];
  const mentions: Choice[] = [];
  for (const hit of outcome.hits) {
    const s = knowledge.summaryOf(hit.id);
    if (!s) continue;
    const fields = new Set(hit.matchedFields);
    const where = [s.organization, s.department].filter(Boolean).join(' ');
    const titleChoice = choice(where ? `${s.title} · ${where}` : s.title, s.title.length <= AUTOCOMPLETE.valueChars ? s.title : (s.code ?? s.title));
    if ([...fields].some((f) => NAMING.has(f))) titles.push(titleChoice);
    else if (fields.has('body') || fields.has('milestones')) mentions.push(titleChoice);
    if (fields.has('department') && s.department) units.push(choice(`${s.department} (부서)`, s.department));
    if (fields.has('teams'))
      for (const t of closest(s.teams, (t) => [t], full, hit.matchedTerms)) units.push(choice(`${t} (팀)`, t));
    if (fields.has('people')) {
      const contacts = knowledge.get(hit.id)?.record.contacts ?? [];
      const said = (c: (typeof contacts)[number]) => [c.name, c.position, c.extension].filter((x): x is string => !!x);
      for (const c of closest(contacts, said, full, hit.matchedTerms)) {
        const label = [c.name, c.position, c.department ?? s.department, c.extension && `☎ ${c.extension}`]
          .filter(Boolean)
          .join(' · ');
        people.push(choice(label, c.name ?? c.position ?? c.extension ?? ''));
      }
    }
  }
  // Who-questions list people first; everything else lists projects first.
  const ordered =
    subcommand === 'contact' || subcommand === 'owner'
      ? [...people, ...units, ...titles, ...mentions]
      : [...titles, ...units, ...people, ...mentions];
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of ordered) {
    if (!c.value || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push(c);
    if (out.length >= AUTOCOMPLETE.maxChoices) break;
  }
  return out;
}

/**
 * The entries (teams, contacts) that hold what was typed as a whole; only when none does, those holding one of
 * the terms the index matched (a bigram of a longer word, a corrected typo).
 */
function closest<T>(items: T[], words: (item: T) => string[], full: string, terms: string[]): T[] {
  const whole = items.filter((i) => words(i).some((w) => w.includes(full)));
  if (whole.length) return whole;
  return items.filter((i) => words(i).some((w) => terms.some((m) => w.includes(m) || m.includes(w))));
}

function choice(name: string, value: string): Choice {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return { name: cut(name, AUTOCOMPLETE.nameChars), value: cut(value, AUTOCOMPLETE.valueChars) };
}

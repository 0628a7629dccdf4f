/**
 * Autocomplete choices for `query` from the in-memory search index (the same Korean tokenizer, 초성 and
 * typo/keyboard fallbacks as every answer), built over the naming fields only: titles, aliases, codes,
 * departments, teams and contacts, without record bodies, which hold most postings and cost the answer
 * index its slowest queries (p99 at 4,265 documents: ~90 ms with bodies, ~40 ms without). A person is read
 * from the record only when a contact list matched. Discord drops answers after 3 s and cannot defer
 * autocomplete, so the work per keystroke is one search over this smaller index.
 */
import { type Knowledge, recordId, toSearchDoc } from '../../core/knowledge.js';
import { PROJECT_NAME_FIELDS } from '../../search/fields.js';
import { ProjectIndex } from '../../search/project-index.js';

export const AUTOCOMPLETE = { maxChoices: 25, nameChars: 100, valueChars: 100, searchLimit: 40 } as const;

export interface Choice {
  name: string;
  value: string;
}

const NAMING = new Set<string>(PROJECT_NAME_FIELDS);

const namesIndexes = new WeakMap<Knowledge, ProjectIndex>();
const building = new WeakSet<Knowledge>();

/** Builds the names index of this knowledge (seconds at thousands of records): call before connecting. */
export function prepareAutocomplete(knowledge: Knowledge): ProjectIndex {
  let index = namesIndexes.get(knowledge);
  if (!index) {
    index = ProjectIndex.build(knowledge.summaries.flatMap((s) => namesDoc(knowledge, s.id)));
    namesIndexes.set(knowledge, index);
  }
  return index;
}

function namesDoc(knowledge: Knowledge, id: number) {
  const r = knowledge.get(recordId({ id }));
  return r ? [{ ...toSearchDoc(r, []), body: '', milestones: [] }] : [];
}

/**
 * The same, built while the bot answers (a reloaded knowledge): records are read and indexed a slice at a time,
 * the event loop free between slices (built at once, it held the loop for 2–3 s at 4,265 documents).
 */
async function prepareInBackground(knowledge: Knowledge): Promise<void> {
  const docs = [];
  for (let i = 0; i < knowledge.summaries.length; i++) {
    docs.push(...namesDoc(knowledge, knowledge.summaries[i]!.id));
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  namesIndexes.set(knowledge, await ProjectIndex.buildAsync(docs));
}

/** The names index, or — while a reloaded knowledge's is being built — the answer index. */
function indexFor(knowledge: Knowledge): ProjectIndex {
  const ready = namesIndexes.get(knowledge);
  if (ready) return ready;
  if (!building.has(knowledge)) {
    building.add(knowledge);
    // Until it is ready (or should it fail), the answer index serves.
    prepareInBackground(knowledge).catch(() => {});
  }
  return knowledge.index;
}

export function autocompleteChoices(knowledge: Knowledge, typed: string, subcommand: string): Choice[] {
  const q = typed.normalize('NFC').trim().slice(0, 100);
  if (!q) return [];
  const outcome = indexFor(knowledge).search(q, { limit: AUTOCOMPLETE.searchLimit });
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

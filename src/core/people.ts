/** The people directory: who is named on which project, found by name, position, team or extension. */
import type { Contact } from '../domain/project.js';
import { withoutParticle } from '../domain/vocabulary.js';
import type { Knowledge, PersonEntry } from './knowledge.js';
import { type Reply, reply, text } from './reply.js';

export interface PersonMatch {
  entries: PersonEntry[];
  /** What matched: a name, a position, a team or an extension. */
  by: 'name' | 'position' | 'extension' | 'team';
}

/** Exact matches only: a person's number must never come from a near miss. */
export function findPeople(query: string, knowledge: Knowledge): PersonMatch | null {
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(/(?<![?？!.,])[?？!.,]+$/, ''))
    .filter(Boolean);
  if (words.length === 0) return null;
  const digits = words.find((w) => /^\d{4}$|^\d{2,4}-\d{3,4}(-\d{4})?$/.test(w));
  if (digits) {
    const digitsOnly = digits.replace(/-/g, '');
    const hits = knowledge.people('extension', digitsOnly.length <= 4 ? digitsOnly : digitsOnly.slice(-4));
    if (hits.length) return { entries: newestFirst(dedupe(hits), knowledge), by: 'extension' };
  }
  for (const raw of words) {
    for (const w of withoutParticle(raw)) {
      const byName = knowledge.people('name', w);
      if (byName.length) return { entries: newestFirst(dedupe(byName), knowledge), by: 'name' };
      // Who signed 代 (in someone's stead) does not hold the position of the box they signed.
      const byPosition = knowledge.people('position', w).filter((e) => !e.contact.signedAs || e.contact.signedAs === '전결');
      if (byPosition.length) return { entries: newestFirst(dedupe(byPosition), knowledge), by: 'position' };
    }
  }
  return null;
}

export { withoutParticle };

/**
 * People change posts: the newest document names who holds a position now. Records without a date keep their
 * order after the dated ones.
 */
function newestFirst(entries: PersonEntry[], knowledge: Knowledge): PersonEntry[] {
  const dateOf = (e: PersonEntry) => {
    const r = knowledge.get(e.recordId)?.record;
    return r?.form?.date?.start ?? r?.status?.asOf ?? '';
  };
  return entries
    .map((e, k) => ({ e, k, d: dateOf(e) }))
    .sort((a, b) => (a.d === b.d ? a.k - b.k : b.d.localeCompare(a.d)))
    .map((x) => x.e);
}

function dedupe(entries: PersonEntry[]): PersonEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const k = `${e.contact.name}|${e.contact.position}|${e.contact.extension}|${e.recordId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "전월세팀장이", "디지털창업과장", "주무관": a word that names a position, particles aside. */
export function looksLikePosition(query: string): boolean {
  const words = query.trim().split(/\s+/);
  return words.length === 1 && withoutParticle(words[0]!).some((w) => /(?:장|관|주무관|담당|주임|팀원)$/.test(w) && w.length >= 2);
}

/** A position word ("정책기획과장") that names no one in the documents: say no person, not "no project". */
export function noPersonReply(query: string): Reply {
  // The position as asked, without the particle the question put on it ("전월세팀장이" → 전월세팀장).
  const position = withoutParticle(query.trim()).find((w) => /(?:장|관|주무관|담당|주임|팀원)$/.test(w)) ?? query;
  return reply('not_found', `"${position}"에 해당하는 사람을 문서에서 찾지 못했습니다.`, [
    text('이름, 직위(예: 정책기획과장), 내선번호로 물어보거나 사업 이름으로 담당자를 찾아보세요.'),
  ]);
}

export function personLine(c: Contact): string {
  const position = c.position && c.signedAs && c.signedAs !== '전결' ? `${c.position} ${c.signedAs}(대리 결재)` : c.position;
  const who = [c.name, position].filter(Boolean).join(' ');
  const where = [c.department, c.team && c.team !== c.position ? c.team : null].filter(Boolean).join(' ');
  const phone = c.phone ? `☎ ${c.phone}` : '';
  const more = [c.fax ? `전송 ${c.fax}` : null, c.email ? `✉ ${c.email}` : null].filter(Boolean).join(' ');
  return [who || '(이름 없음)', where ? `(${where})` : '', phone, more].filter(Boolean).join(' ');
}

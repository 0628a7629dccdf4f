import { defineCommand, QueryArgs } from '../src/core/command.js';
import { sourceOf, sourcesOf } from '../src/core/format.js';
import type { Source } from '../src/domain/provenance.js';
import type { StoredRecord } from '../src/store/store.js';
import { looksLikePosition, noPersonReply, personLine } from '../src/core/people.js';
import { list, reply, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import { noUnitContact, unitNotNamedBy } from '../src/core/departments.js';

export const contactCommand = defineCommand({
  name: 'contact',
  aliases: { ko: ['연락처', '내선', '내선번호', '전화', '전화번호', '번호'], en: ['phone'] },
  precedence: 10,
  description: '사람·직위·내선번호로 연락처 찾기 (이름, 직위, 부서, 전화)',
  args: QueryArgs,
  examples: ['정책기획과장 전화번호', 'contact 송호재', '2580', '연락처 협치'],
  run({ query }, ctx) {
    const people = ctx.lookups.people(query);
    if (people) {
      const items: string[] = [];
      const cited: Array<{ r: StoredRecord; src: Source }> = [];
      const seen = new Set<string>();
      for (const e of people.entries) {
        const r = ctx.knowledge.get(e.recordId)!;
        const line = personLine(e.contact);
        if (!seen.has(line)) {
          seen.add(line);
          items.push(`${line} — ${r.record.title}`);
        }
        cited.push({ r, src: e.contact.src });
      }
      return reply('answer', `"${query}" 연락처`, [list(items.slice(0, 10))], {
        sources: sourcesOf(cited),
      });
    }
    const found = resolveProject(query, ctx, undefined, true);
    if (!found.ok) return looksLikePosition(query) ? noPersonReply(query) : found.reply;
    const other = unitNotNamedBy(query, found.record, ctx);
    if (other) return noUnitContact(other.unit, other.dept);
    const r = found.record;
    const contacts = found.siblings.flatMap((s) => s.record.contacts);
    if (contacts.length === 0) {
      // The document names no one to call: a "not found" (with the department), which a passage may still answer.
      return reply(
        'not_found',
        `${r.record.title} — 연락처`,
        [text(`문서에 담당자 연락처가 없습니다. 담당 부서: ${r.record.department ?? '미상'}`)],
        {
          sources: [sourceOf(r)],
        },
      );
    }
    return reply('answer', `${r.record.title} — 담당자 연락처`, [list([...new Set(contacts.map(personLine))])], {
      // Every listed person's line, not the first one's: each extension is cited where it is written.
      sources: sourcesOf(found.siblings.flatMap((s) => s.record.contacts.map((c) => ({ r: s, src: c.src })))),
      subject: r.record.code ?? r.record.title,
    });
  },
});

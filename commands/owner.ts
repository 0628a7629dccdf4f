import { defineCommand, QueryArgs } from '../src/core/command.js';
import { departmentWords, recordsOfUnit, noUnitContact, unitNotNamedBy } from '../src/core/departments.js';
import { josa, orgDept, sourceOf, sourcesOf, yearLabel } from '../src/core/format.js';
import { looksLikePosition, noPersonReply, personLine } from '../src/core/people.js';
import { list, reply, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import type { Source } from '../src/domain/provenance.js';

export const ownerCommand = defineCommand({
  name: 'owner',
  aliases: { ko: ['담당', '담당자', '누구', '누구야', '누구지', '누가', '맡은', '맡고'], en: ['who'] },
  precedence: 20,
  description: '사업의 담당 부서·팀·담당자, 또는 사람·팀이 맡은 사업',
  args: QueryArgs,
  examples: ['감사팀이 맡은 사업', '협치 담당자 누구야?', '전월세팀장이 누구지?', 'owner 박동일'],
  run({ query }, ctx) {
    const people = ctx.lookups.people(query);
    if (people) {
      const items = people.entries.map(
        (e) => `${personLine(e.contact)} — ${ctx.knowledge.get(e.recordId)!.record.title}`,
      );
      const shown = people.entries.slice(0, 10);
      return reply('answer', `"${query}" 담당`, [list([...new Set(items)].slice(0, 10))], {
        sources: sourcesOf(shown.map((e) => ({ r: ctx.knowledge.get(e.recordId)!, src: e.contact.src }))),
      });
    }
    for (const unit of departmentWords(query)) {
      const records = recordsOfUnit(unit, ctx).filter((s) => s.kind !== 'department');
      if (records.length) {
        const items = [
          ...new Set(
            records.map((s) =>
              [s.title, [yearLabel(s), s.teams.join('·')].filter(Boolean).join(', ')].filter(Boolean).join(' — '),
            ),
          ),
        ];
        // Every listed record cites its own lines, and the count is that of the list (the renderer adds "외 N건").
        const cited = records.flatMap((s) => {
          const r = ctx.knowledge.get(String(s.id));
          return r ? [{ r, src: r.record.src }] : [];
        });
        return reply('answer', `${josa(unit, '이', '가')} 맡은 사업 ${items.length}건`, [list(items)], {
          sources: sourcesOf(cited),
        });
      }
    }
    const found = resolveProject(query, ctx, undefined, true);
    if (!found.ok) return looksLikePosition(query) ? noPersonReply(query) : found.reply;
    const other = unitNotNamedBy(query, found.record, ctx);
    if (other) return noUnitContact(other.unit, other.dept);
    const rec = found.record.record;
    const contacts = [...new Set(found.siblings.flatMap((s) => s.record.contacts).map(personLine))];
    const blocks = [
      text(`담당: ${orgDept(rec) || '부서 미상'}${rec.teams.length ? ` / ${rec.teams.join(', ')}` : ''}`),
    ];
    if (contacts.length) blocks.push(list(contacts, '담당자'));
    // Each person's own lines are cited too: a 시행문's phone and fax stand in its footer, past the record's lines.
    const cited = [found.record, ...found.siblings.filter((s) => s !== found.record)];
    return reply('answer', `${rec.title} — 담당`, blocks, {
      sources: [
        sourceOf(found.record),
        ...sourcesOf(
          cited.flatMap((r) => r.record.contacts.filter((c) => !within(c.src, r.record.src)).map((c) => ({ r, src: c.src }))),
        ),
      ].filter((x, k, all) => all.indexOf(x) === k),
      subject: rec.code ?? rec.title,
    });
  },
});


const within = (inner: Source, outer: Source) => inner.lines[0] >= outer.lines[0] && inner.lines[1] <= outer.lines[1];

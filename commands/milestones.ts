import { type CommandContext, defineCommand, QueryArgs } from '../src/core/command.js';
import { milestoneLine, sortByDate, sourceOf, sourcesOf, timing } from '../src/core/format.js';
import type { Knowledge } from '../src/core/knowledge.js';
import { withoutParticle } from '../src/core/people.js';
import { blockWords, recordBlocks } from '../src/core/blocks.js';
import { detailLines } from '../src/core/detail-lines.js';
import { bestLines, quotedReply } from '../src/core/quote.js';
import { type Block, list, type Reply, reply, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import { departmentWords, recordsOfUnit } from '../src/core/departments.js';
import type { Milestone } from '../src/domain/project.js';
import { compact } from '../src/domain/vocabulary.js';
import type { StoredRecord } from '../src/store/store.js';

export const milestonesCommand = defineCommand({
  name: 'milestones',
  aliases: { ko: ['일정', '향후', '계획', '다음', '언제', '시기', '기간', '스케줄'], en: ['next', 'schedule', 'when'] },
  precedence: 40,
  description: '다가오는 일정을 날짜순으로; 지난 일정은 "지남"으로 표시',
  args: QueryArgs,
  examples: ['혁신토론회 언제 해?', '일정 협치', 'next 3-8-76'],
  run({ query, message }, ctx) {
    const unit = unitSchedule(query, ctx);
    if (unit) return unit;
    const found = resolveProject(query, ctx);
    // "혁신토론회 언제?" names an item; "인권보호 거버넌스 일정" names a project whose schedule is wanted.
    const namesProject =
      found.ok && !found.bodyOnly && wordsOf(query).every((w) => compact(found.record.record.title).includes(w));
    const named = namesProject ? [] : findNamedItems(query, ctx.knowledge);
    if (named.length) {
      const items = named.slice(0, 5).map(({ m }) => milestoneLine(m, ctx.today));
      return reply('answer', `"${query}" 일정`, [list(items)], {
        sources: sourcesOf(named.slice(0, 5).map(({ r, m }) => ({ r, src: m.src }))),
      });
    }
    if (!found.ok) return found.reply;
    const r = found.record;
    // A part of the project the schedule does not name ("서울둘레길 언제 개통했어" of 걷고 싶은 서울길): the dated
    // line of the document that names it, quoted.
    const ms = found.siblings.flatMap((s) => s.record.milestones);
    const title = compact(r.record.title);
    const partWords = wordsOf(query).filter((w) => !title.includes(w));
    if (!namesProject && !found.bodyOnly && !ms.some((m) => partWords.some((w) => compact(m.text).includes(w)))) {
      const quoted = detailLines(`${query} 언제`, r, ctx.knowledge);
      if (quoted.length) return quotedReply(r, quoted, query, { suggestions: [`일정 ${r.record.code ?? r.record.title}`] });
      // Most of what the question names is nowhere in this document: it was found on another word
      // ("어르신 작품 발표회" → a 어르신 project without any 발표회). Not its schedule.
      const own = compact(recordBlocks(ctx.knowledge, r).map(blockWords).join(''));
      // Its office's name is not a part ("감염병관리과 일정" asks for that office's schedule).
      const rec = r.record;
      const offices = compact([rec.organization, rec.department, ...rec.teams].filter(Boolean).join(' '));
      const named = partWords.filter((w) => !/^\d/.test(w) && !offices.includes(w));
      if (named.length && named.filter((w) => own.includes(w)).length * 2 < named.length)
        return reply('not_found', `"${query}" 일정을 문서에서 찾지 못했습니다.`, [text(`가장 가까운 사업: ${r.record.title}`)], {
          suggestions: [`일정 ${r.record.code ?? r.record.title}`],
        });
    }
    if (ms.length === 0 || found.bodyOnly) return quoteOrNothing(r, query || message, ctx.knowledge);
    // Items dated before the document was written are its history, never "overdue".
    const history = new Set(
      found.siblings.flatMap((s) => {
        const written = s.record.status?.asOf;
        // "2018-12" covers the whole month: compare with its last day.
        const asOf = written && written.length === 7 ? `${written}-31` : written;
        return asOf ? s.record.milestones.filter((m) => (m.date?.end ?? m.date?.start ?? '9999') < asOf) : [];
      }),
    );
    const blocks = scheduleBlocks(ms, ctx.today, history);
    return reply('answer', `${r.record.title} — 일정 (오늘 ${ctx.today} 기준)`, blocks, {
      sources: sourcesOf(found.siblings.flatMap((s) => s.record.milestones.map((m) => ({ r: s, src: m.src })))),
      suggestions: [`현황 ${r.record.code ?? r.record.title}`],
      subject: r.record.code ?? r.record.title,
    });
  },
});

/**
 * "감사담당관 일정": an office's coming items across its projects, in date order, each with its project. Only when
 * the question is the office's name alone; "<과> <사업> 일정" is that project's.
 */
function unitSchedule(query: string, ctx: CommandContext): Reply | null {
  const words = wordsOf(query);
  const name = departmentWords(query).find((w) => words.length === 1 && compact(words[0]!) === w);
  if (!name) return null;
  const records = recordsOfUnit(name, ctx)
    .filter((s) => s.kind !== 'department')
    .flatMap((s) => ctx.knowledge.get(String(s.id)) ?? []);
  if (records.length === 0) return null;
  const items = records.flatMap((r) => r.record.milestones.map((m) => ({ r, m })));
  const order = new Map(sortByDate(items.map((i) => i.m)).map((m, k) => [m, k]));
  const dated = (keep: (m: Milestone) => boolean) => items.filter(({ m }) => keep(m)).sort((a, b) => order.get(a.m)! - order.get(b.m)!);
  const coming = dated((m) => ['current', 'upcoming'].includes(timing(m, ctx.today))).slice(0, 10);
  // As for one project: when every item has passed, the latest ones, marked 지남.
  const shown = coming.length ? coming : dated((m) => timing(m, ctx.today) === 'past').slice(-5);
  const line = ({ r, m }: (typeof items)[number]) => `${milestoneLine(m, ctx.today)} — ${r.record.title}`;
  if (shown.length === 0)
    return reply('answer', `${name} — 일정 (오늘 ${ctx.today} 기준)`, [text(`${name} 사업 문서에 날짜가 적힌 일정이 없습니다.`)], {
      sources: [...new Set(records.map((r) => sourceOf(r)))].slice(0, 5),
    });
  const blocks: Block[] = coming.length
    ? [list(shown.map(line))]
    : [text('문서의 일정이 모두 지났습니다. 지난 일정을 보여 드립니다.'), list(shown.map(line), '지난 일정')];
  return reply('answer', `${name} — ${coming.length ? '다가오는 ' : ''}일정 (오늘 ${ctx.today} 기준)`, blocks, {
    sources: sourcesOf(shown.map(({ r, m }) => ({ r, src: m.src }))),
    suggestions: [`${name} 맡은 사업`],
  });
}

/** Query words without particles and verb endings: "구성했어" → "구성", "토론회는" → "토론회". */
function wordsOf(query: string): string[] {
  return query
    .split(/\s+/)
    .map((w) =>
      w.replace(/(?:했어요|했어|했나|했지|했니|할까|하나요|하나|해요|됐어|되나|됐나|하는|한다|할|한|해)$/, ''),
    )
    .map((w) => withoutParticle(w).at(-1) ?? w)
    .filter((w) => w.length >= 2);
}

/** Upcoming and current items in date order, overdue ones flagged, ongoing ones apart. */
export function scheduleBlocks(ms: Milestone[], today: string, history: Set<Milestone> = new Set()): Block[] {
  const sorted = sortByDate(ms);
  const upcoming = sorted.filter((m) => ['current', 'upcoming'].includes(timing(m, today)));
  const overdue = sorted.filter((m) => timing(m, today) === 'past' && !m.done && !history.has(m));
  const ongoing = sorted.filter((m) => timing(m, today) === 'ongoing');
  const undated = sorted.filter((m) => timing(m, today) === 'undated');
  const blocks: Block[] = [];
  if (upcoming.length)
    blocks.push(
      list(
        upcoming.map((m) => milestoneLine(m, today)),
        '다가오는 일정',
      ),
    );
  if (overdue.length && upcoming.length)
    blocks.push(
      list(
        overdue.map((m) => milestoneLine(m, today)),
        '⚠ 기한이 지난 일정',
      ),
    );
  if (!upcoming.length && overdue.length) {
    blocks.push(text('문서의 일정이 모두 지났습니다. 지난 일정을 보여 드립니다.'));
    blocks.push(
      list(
        sorted.filter((m) => timing(m, today) === 'past').map((m) => milestoneLine(m, today)),
        '지난 일정',
      ),
    );
  }
  if (ongoing.length)
    blocks.push(
      list(
        ongoing.map((m) => milestoneLine(m, today)),
        '상시·연중',
      ),
    );
  if (undated.length && blocks.length === 0)
    blocks.push(
      list(
        undated.map((m) => m.text),
        '날짜 없는 항목',
      ),
    );
  return blocks;
}

/** Milestones whose text contains every term of the query: "혁신토론회" names an item, not a project. */
function findNamedItems(query: string, knowledge: Knowledge): Array<{ r: StoredRecord; m: Milestone }> {
  const terms = wordsOf(query);
  if (terms.length === 0) return [];
  const out: Array<{ r: StoredRecord; m: Milestone }> = [];
  // Only records the index says match in their milestones can hold the item.
  const candidates = knowledge.index
    .search(terms.join(' '), { limit: 30 })
    .hits.filter((h) => h.matchedFields.includes('milestones'))
    .flatMap((h) => knowledge.get(h.id) ?? []);
  for (const r of candidates) {
    for (const m of r.record.milestones) {
      const t = compact(m.text);
      if (m.date && terms.every((term) => t.includes(term))) out.push({ r, m });
    }
  }
  return out.sort((a, b) => (a.m.date?.start ?? '').localeCompare(b.m.date?.start ?? ''));
}

function quoteOrNothing(r: StoredRecord, query: string, knowledge: Knowledge) {
  const lines = bestLines(knowledge, r, query);
  if (!lines.length)
    return reply('answer', `${r.record.title} — 일정`, [text('이 문서에는 날짜가 적힌 일정이 없습니다.')], {
      sources: [sourceOf(r)],
    });
  return quotedReply(r, lines, query);
}

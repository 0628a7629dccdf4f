import { type CommandContext, defineCommand, QueryArgs } from '../src/core/command.js';
import { figureLine, milestoneLine, money, orgDept, pct, sortByDate, sourceOf, timing, yearLabel } from '../src/core/format.js';
import { personLine } from '../src/core/people.js';
import { ASKS_COUNT, overviewFact } from '../src/core/overview-facts.js';
import { bestPassage, holdsMonths, passageReply, queryWords, valueShapeWords } from '../src/core/passages.js';
import { blockWords } from '../src/core/blocks.js';
import { detailLines } from '../src/core/detail-lines.js';
import { bestLines, quotedBlock, quotedReply } from '../src/core/quote.js';
import { type Block, fields, list, type Reply, reply, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import { type ProjectRecord, recordNames } from '../src/domain/project.js';
import { BUDGET_KIND_LABEL, compact } from '../src/domain/vocabulary.js';
import type { StoredRecord } from '../src/store/store.js';

/** The default answer: a message that names a project but asks nothing in particular gets its card. */
export const projectCommand = defineCommand({
  name: 'project',
  aliases: { ko: ['사업', '카드'], en: ['card'], leadingOnly: ['사업'] },
  precedence: 90,
  description: '사업 카드: 현황, 구분, 예산 한 줄, 다음 일정, 담당자, 출처',
  args: QueryArgs,
  examples: ['15-3-5', '협치시정 활성화', '인권보호거버넌스'],
  run({ query }, ctx) {
    const found = resolveProject(query, ctx);
    if (!found.ok) return found.reply;
    // A project that only mentions the words, or is found only through its department's name ("상수도사업본부 자산
    // 규모"), or a count asked ("체육시설 수"): a figure of the department's overview answers first, if one does.
    const asked = ctx.message ?? query;
    if (ASKS_COUNT.test(asked)) {
      const counted = overviewFact(asked, ctx, { tablesOnly: true });
      if (counted) return counted;
    }
    // Looked up at most once: asked here, and again before a card that would not answer the question.
    let fact: Reply | null | undefined;
    const overview = () => (fact === undefined ? (fact = overviewFact(asked, ctx)) : fact);
    if (found.bodyOnly || namedOnlyByUnit(query, found.record)) {
      const answered = overview();
      if (answered) return answered;
    }
    // A fact question about a programme kept in many documents, or about an approval document's items, is
    // answered from the best passage of all of them, not with one document's card.
    const history = found.history ?? [found.record];
    const many = history.length > 1 || (found.record.record.facts?.length ?? 0) > 0;
    // A kind of value asked of one plain document ("SETEC 임대료 감면 비율"): the line that writes such a value.
    if (many || valueShapeWords(asked).length > 0) {
      const passage = bestPassage(asked, history, ctx.knowledge);
      if (passage && (passage.shaped || (many && (passage.fact || passage.whole || history.length > 1)))) {
        // The passage is an item's heading ("○ … 2차 준비사업 공모 및 선정"): its sub-item holding the value asked
        // ("- … 총 90백만원 지원") is quoted with it.
        const p = passage.record;
        const under = passage.fact || passage.whole ? [] : detailLines(query, p, ctx.knowledge);
        if (under.length > 1 && under[0]!.line === passage.src.lines[0]) return quotedReply(p, under, query, { suggestions: [p.record.code ?? p.record.title] });
        return passageReply(asked, passage, history);
      }
    }
    const r = found.record;
    const rec = r.record;
    // A month asked that the document never writes ("10월 반납" of the 9월 refund): not this document's answer.
    const words = queryWords(asked);
    if (words.some((w) => /^\d{1,2}월/.test(w)) && !holdsMonths(words, `${recordNames(rec).join(' ')} ${ctx.knowledge.blocksAt(r.document.versionId).map(blockWords).join(' ')}`))
      return reply('not_found', `"${asked}"에 맞는 문서를 찾지 못했습니다.`, [text(`가장 가까운 문서: ${rec.title}`)], {
        suggestions: [rec.code ?? rec.title],
      });
    // A part of the project named only in its body, with the value asked ("테마산책길 몇 개소"): that line, quoted.
    // "… 목표" of a record with its 최종목표 read: the card says it.
    const goalAsked = !!rec.status?.goalWritten && /목표/.test(query);
    if (!goalAsked && asksBeyondName(query, r)) {
      const quoted = detailLines(query, r, ctx.knowledge);
      if (quoted.length) return quotedReply(r, quoted, query, { suggestions: [rec.code ?? rec.title] });
    }
    const s = rec.status;
    const next = sortByDate(found.siblings.flatMap((x) => x.record.milestones)).find((m) =>
      ['current', 'upcoming'].includes(timing(m, ctx.today)),
    );
    const owner = rec.contacts[0];
    const card = fields([
      { label: '기관·부서', value: orgDept(rec) },
      { label: '코드', value: rec.code },
      { label: '사업 구분', value: rec.category },
      { label: '추진 상황', value: s ? [pct(s.progressPct), s.stateWritten].filter(Boolean).join(' · ') : null },
      { label: '목표', value: s?.targetWritten },
      { label: '최종 목표', value: s?.goalWritten },
      { label: '예산', value: budgetOneLine(rec) },
      { label: '다음 일정', value: next ? milestoneLine(next, ctx.today) : null },
      { label: '담당', value: owner ? personLine(owner) : rec.teams.join(', ') || null },
      { label: '연도', value: yearLabel(rec) },
    ]);
    const details = detailBlocks(query, r, ctx);
    // The question asks more than the project's name, and the project's lines do not say it.
    if (details.length === 0 && asksBeyondName(query, r)) {
      const answered = overview();
      if (answered) return answered;
    }
    const blocks: Block[] = [card, ...details];
    // A question about something the fields do not hold gets the document's own lines.
    const quoted = found.bodyOnly ? bestLines(ctx.knowledge, r, query, 3) : [];
    if (quoted.length) {
      return quotedReply(r, quoted, query, { suggestions: [rec.code ?? rec.title] });
    }
    const category = figureLine(rec.category, ctx.knowledge.blocksAt(r.document.versionId));
    return reply('answer', rec.title, blocks, {
      sources: [sourceOf(r), ...(category ? [sourceOf(r, category)] : []), ...(s?.goalWritten && s.goalSrc ? [sourceOf(r, s.goalSrc)] : [])],
      suggestions: [`예산 ${rec.code ?? rec.title}`, `일정 ${rec.code ?? rec.title}`, `담당 ${rec.code ?? rec.title}`],
      subject: rec.code ?? rec.title,
    });
  },
});

/** 소요 total, then the latest year with an allocation and what was executed of it. */
function budgetOneLine(rec: ProjectRecord): string | null {
  const b = rec.budget;
  if (!b) return null;
  if (b.noBudget) return `${b.noBudget} (문서 표기)`;
  const totals = b.lines.filter((l) => (l.funding === '계' || l.funding === null) && !l.item);
  const required = totals.find((l) => l.kind === 'required');
  const allocated = totals
    .filter((l) => l.kind === 'allocated' && l.amount.won > 0)
    .sort((x, y) => (y.year ?? 0) - (x.year ?? 0))[0];
  const executed =
    allocated &&
    totals.find((l) => l.kind === 'executed' && l.year === allocated.year && l.period === allocated.period);
  const parts = [
    required ? `${BUDGET_KIND_LABEL.required} ${money(required.amount)}` : null,
    allocated
      ? `${/\d/.test(allocated.period) ? `${allocated.period} ` : ''}${BUDGET_KIND_LABEL.allocated} ${money(allocated.amount)}`
      : null,
    executed ? `${BUDGET_KIND_LABEL.executed} ${money(executed.amount)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' / ') : null;
}

/** No word of the question is in the project's own names: it was found through its department or organisation. */
function namedOnlyByUnit(query: string, r: StoredRecord): boolean {
  const rec = r.record;
  const own = compact([rec.title, ...rec.aliases, rec.code ?? '', rec.category ?? ''].join(''));
  return query.split(/\s+/).every((w) => w.length < 2 || !own.includes(compact(w)));
}

function asksBeyondName(query: string, r: StoredRecord): boolean {
  const title = compact(recordNames(r.record).join(''));
  return query.split(/\s+/).some((w) => w.length >= 2 && !title.includes(compact(w)));
}

/** Query words the title does not explain ("2차 회의 주제"): answered from milestones or the document's lines. */
function detailBlocks(query: string, r: StoredRecord, ctx: CommandContext): Block[] {
  const rec = r.record;
  const title = compact(recordNames(rec).join(''));
  const rest = query
    .split(/\s+/)
    .filter((w) => w.length >= 2 && !title.includes(compact(w)))
    // The card's own 최종 목표 answers "목표".
    .filter((w) => !(rec.status?.goalWritten && /^목표/.test(w)));
  if (rest.length === 0) return [];
  const ms = r.record.milestones.filter((m) => rest.some((w) => compact(m.text).includes(compact(w))));
  if (ms.length)
    return [
      list(
        ms.slice(0, 3).map((m) => milestoneLine(m, ctx.today)),
        '문서 내용',
      ),
    ];
  const lines = bestLines(ctx.knowledge, r, rest.join(' '), 2);
  return lines.length ? [quotedBlock(lines, query, '문서 내용')] : [];
}


import { type CommandContext, defineCommand, QueryArgs } from '../src/core/command.js';
import { budgetTable, executionRate, groupRows, preferTotals, writtenYear } from '../src/core/budget-table.js';
import { budgetSentences, cellAnswer } from '../src/core/cells.js';
import { departmentWords, findOverviewUnit, namesUnit, nearUnitNames } from '../src/core/departments.js';
import { orgDept, particle, pct, sourceOf, sourcesOf, yearLabel } from '../src/core/format.js';
import { tableBlock, tableSources, topicTables, unitBlocks } from '../src/core/overview.js';
import { type Block, list, type Reply, reply, text } from '../src/core/reply.js';
import { bestPassage, passageReply, valueShapeWords, yearAsked } from '../src/core/passages.js';
import { resolveProject } from '../src/core/resolve.js';
import { blockWords, recordBlocks } from '../src/core/blocks.js';
import { detailLines } from '../src/core/detail-lines.js';
import { quotedReply } from '../src/core/quote.js';
import type { DocBlock } from '../src/domain/doc-model.js';
import type { BudgetLine } from '../src/domain/project.js';
import type { Source } from '../src/domain/provenance.js';
import type { StoredRecord } from '../src/store/store.js';

export const budgetCommand = defineCommand({
  name: 'budget',
  aliases: { ko: ['예산', '세입', '세출', '세입예산', '세출예산', '집행', '집행액', '사업비', '총사업비', '지출', '지출액', '집행률', '집행율', '썼어', '썼나', '썼지', '얼마', '얼마나'], en: ['spend'] },
  precedence: 30,
  description: '예산과 집행: 연도별 확보·집행·계획, 집행률 (문서 표기와 계산값)',
  args: QueryArgs,
  examples: ['순찰 행정 예산 얼마나 썼어?', '예산 협치', 'budget 감사담당관'],
  run({ query, message }, ctx) {
    // A unit and a measure the tables write ("관광마이스산업과 세입") name one cell: its row and column answer,
    // not the unit's budget line of another measure.
    const cell = cellAnswer(query, message, ctx);
    if (cell) return cell;
    const items = findBudgetItems(query, ctx);
    if (items) return items;
    const department = ctx.lookups.department(query);
    const sub = department ? null : findOverviewUnit(query, ctx);
    if (sub?.dept.record.overview) {
      const blocks = unitBlocks(sub.dept.record.overview, sub.unit, 'budget');
      if (blocks.length)
        return reply('answer', `${sub.unit} — 예산 (${orgDept(sub.dept.record)} 예산 표)`, blocks, {
          sources: tableSources(sub.dept, topicTables(sub.dept.record.overview, 'budget')),
          suggestions: [`예산 ${sub.dept.record.title}`],
        });
    }
    const tables = department?.record.overview ? topicTables(department.record.overview, 'budget') : [];
    if (department && tables.length)
      return reply('answer', `${department.record.title} — 예산 (${orgDept(department.record) || '기관 미상'})`, tables.map((t) => tableBlock(t)), {
        sources: tableSources(department, tables),
        suggestions: [`${department.record.title} 조직`],
      });
    const found = department
      ? { ok: true as const, record: department, siblings: [department], bodyOnly: false }
      : resolveProject(query, ctx, undefined, true);
    if (!found.ok) return found.reply;
    // Not the budget but another kind of value asked with 얼마 ("한 달에 얼마"): the line that writes such a value.
    if (!department && valueShapeWords(message).some((w) => !/^얼마/.test(w))) {
      const history = found.history ?? [found.record];
      const passage = bestPassage(message, history, ctx.knowledge);
      if (passage?.shaped) return passageReply(message, passage, history);
    }
    // A unit the question names that no document has ("부산 교통국 예산"): not another unit's project budget.
    // The record's own lines name the unit ("도시기반시설본부 기획예산과" heading a budget programme record).
    const writes = (r: StoredRecord, w: string) => recordBlocks(ctx.knowledge, r).some((b) => blockWords(b).replace(/\s+/g, '').includes(w));
    // A unit-like word inside the project's own title ("대학가 주변 창업거점센터 조성") names the project, not a unit.
    const title = found.record.record.title.replace(/\s+/g, '');
    const unknown = department
      ? undefined
      : departmentWords(query).find((w) => !ctx.knowledge.unit(w).length && !namesUnit(found.record, w) && !title.includes(w) && !writes(found.record, w));
    if (unknown) {
      const near = nearUnitNames(unknown, ctx);
      return reply('not_found', `"${unknown}"${particle(unknown, '이라는', '라는')} 부서의 예산 자료를 찾지 못했습니다.`, [
        near.length ? list(near, '비슷한 이름의 부서·팀') : text('"찾기 키워드"로 검색해 보세요.'),
      ]);
    }
    // An item of the project named only in its body ("장애인권익옹호기관 운영" in 장애인 편의증진 및 인권보장 강화): the
    // line that gives its amount, quoted with its heading, not the project's other budget lines.
    if (!department && !found.bodyOnly) {
      const r = found.record;
      const quoted = detailLines(`${query} 얼마`, r, ctx.knowledge);
      if (quoted.length) return quotedReply(r, quoted, query, { suggestions: [`${r.record.code ?? r.record.title} 예산`] });
    }
    const records = found.siblings.length ? found.siblings : [found.record];
    const main = found.record.record;
    // A year asked selects its lines; a year the budget does not give is not answered with another year's.
    const year = yearAsked(message);
    const written = [...new Set(records.flatMap((r) => (r.record.budget?.lines ?? []).flatMap((l) => (l.year === null ? [] : [l.year]))))];
    const yearMissing = year !== null && !written.includes(year) && !records.some((r) => r.record.year === year);
    // No year's figure was read at all (a table too scrambled to trust): "not in the document" only when its lines
    // never write the year; else the totals, said to be totals.
    const unread = yearMissing && written.length === 0 && records.some((r) => writesYear(recordBlocks(ctx.knowledge, r), year));
    if (yearMissing && !unread)
      return reply('not_found', `${main.title}: ${year}년 예산은 문서에 없습니다.`, written.length ? [text(`문서에 적힌 연도: ${written.sort().map((y) => `${y}년`).join(', ')}`)] : [], {
        sources: sourcesOf(records.flatMap((r) => (r.record.budget?.lines ?? []).map((l) => ({ r, src: withHeader(ctx, r, l.src) })))),
        suggestions: [`${main.code ?? main.title} 예산`],
      });
    const only = year !== null && written.includes(year) ? year : null;
    const blocks: Block[] = unread ? [text(`${year}년 금액은 문서의 표에서 읽어 내지 못했습니다. 적힌 합계만 옮깁니다.`)] : [];
    const sources: string[] = [];
    for (const r of records) {
      blocks.push(...budgetBlocks(r, records.length > 1, only));
      const b = r.record.budget;
      if (b)
        sources.push(
          ...sourcesOf([
            ...b.lines.map((l) => ({ r, src: withHeader(ctx, r, l.src) })),
            ...[...b.rates, ...b.notes].map((l) => ({ r, src: l.src })),
          ]),
        );
      if (b?.noBudget) sources.push(sourceOf(r));
    }
    if (blocks.length === 0) {
      // Figures the tables did not give may still be written in a line: quoted, never "no budget".
      const written = department ? budgetSentences(department, ctx) : null;
      if (written) return written;
      // Nothing written is a "not found" (the general answerer may still find a figure in a passage); a document
      // that says it has no budget ("예산 없음") gave blocks above and is an answer.
      return reply('not_found', `${main.title} — 예산 (${orgDept(main) || '기관 미상'})`, [text('이 문서에는 예산이 적혀 있지 않습니다.')], {
        sources: [sourceOf(found.record)],
        suggestions: [`현황 ${main.code ?? main.title}`],
      });
    }
    return reply('answer', `${main.title} — 예산 (${orgDept(main) || '기관 미상'})`, blocks, {
      sources: [...new Set(sources.length ? sources : [sourceOf(found.record)])],
      suggestions: [`현황 ${main.code ?? main.title}`],
      subject: department ? undefined : (main.code ?? main.title),
    });
  },
});

/** The record's own lines write the year: 2017, ’17, ‘17 or 17년. */
function writesYear(blocks: DocBlock[], year: number): boolean {
  const yy = String(year).slice(2);
  const forms = new RegExp(`${year}|[’‘'\`]\\s?${yy}(?!\\d)|(?<!\\d)${yy}년`);
  return blocks.some((b) => forms.test(blockWords(b)));
}

/**
 * A query naming a line of a budget table ("순찰 행정" in a department's 예산현황) gets that line, not a guess at a
 * project with a similar title.
 */
function findBudgetItems(query: string, ctx: CommandContext): Reply | null {
  const q = query.replace(/\s+/g, '');
  if (q.length < 2) return null;
  const matches: Array<{ r: StoredRecord; lines: BudgetLine[] }> = [];
  for (const r of ctx.knowledge.withBudgetItem(q)) {
    const lines = r.record.budget?.lines.filter((l) => l.item && l.item.replace(/\s+/g, '') === q) ?? [];
    if (lines.length) matches.push({ r, lines });
  }
  if (matches.length !== 1) return null;
  const { r, lines } = matches[0]!;
  const blocks: Block[] = [budgetTable(lines, null)];
  const a = lines.find((l) => l.kind === 'allocated');
  const e = lines.find((l) => l.kind === 'executed');
  const rate = a && e ? executionRate(a, e) : null;
  if (rate !== null) blocks.push(text(`집행률 ${pct(rate)} (집행÷예산 계산)`));
  return reply('answer', `${lines[0]!.item} — 예산 (${orgDept(r.record)} 예산현황)`, blocks, {
    sources: sourcesOf(lines.map((l) => ({ r, src: withHeader(ctx, r, l.src) }))),
    suggestions: [`예산 ${r.record.department ?? r.record.title}`],
  });
}

function budgetBlocks(r: StoredRecord, labelled: boolean, year: number | null = null): Block[] {
  const b = r.record.budget;
  const caption = labelled ? yearLabel(r.record) : null;
  if (!b) return [];
  if (b.noBudget) return [text(`${caption ? `${caption}: ` : ''}예산 — ${b.noBudget} (문서 표기)`)];
  const blocks: Block[] = [];
  const all = preferTotals(b.lines);
  const lines = year === null ? all : all.filter((l) => l.year === year);
  // Rates and notes speak of the whole table: shown only when no year was cut out of it.
  if (lines.length < all.length) return lines.length ? [budgetTable(lines, caption ?? writtenYear(lines, year!))] : [];
  if (lines.length) blocks.push(budgetTable(lines, caption));
  for (const rate of b.rates) {
    const parts = [
      rate.written !== null ? `${pct(rate.written)} (문서 표기)` : null,
      rate.computed !== null ? `${pct(rate.computed)} (집행÷예산 계산)` : null,
    ].filter(Boolean);
    if (parts.length) blocks.push(text(`집행률${rate.period ? ` ${rate.period}` : ''}: ${parts.join(' · ')}`));
  }
  if (!b.rates.length) {
    for (const { label, cells } of groupRows(lines)) {
      const a = cells.find((l) => l.kind === 'allocated');
      const e = cells.find((l) => l.kind === 'executed' && (a === undefined || l.year === a.year));
      const rate = a && e && a.amount.unit === e.amount.unit ? executionRate(a, e) : null;
      if (rate !== null) blocks.push(text(`집행률 ${label}: ${pct(rate)} (집행÷확보 계산)`));
    }
  }
  for (const note of b.notes.slice(0, 2)) blocks.push(text(note.text));
  return blocks;
}

/**
 * A budget row's period and kind ("2018.7월~12월 확보") are written in the table's header, not on the row: the row's
 * source runs up through the table's lines above it (to the blank line or heading before the table), so the
 * footnote cites where each label is written.
 */
function withHeader(ctx: CommandContext, r: StoredRecord, source: Source): Source {
  let from = source.lines[0];
  const floor = Math.max(r.record.src.lines[0], from - 40);
  const v = r.document.versionId;
  // A row the model read carries the lines of its header and unit.
  const head = ctx.knowledge.blocksAt(v, from, from).find((b) => b.table?.head?.length)?.table?.head ?? [];
  for (const n of head) if (n >= floor && n < from) from = n;
  // Up over the rows and header-like blocks to the table's heading or a paragraph of prose.
  for (const b of ctx.knowledge.blocksAt(v, floor, from - 1).reverse()) {
    if (b.lines[1] >= from) continue;
    if (b.kind !== 'row' && !(b.kind === 'paragraph' && (tableLine(b.text) || headerLine(b.text)))) break;
    from = Math.max(floor, b.lines[0]);
  }
  return { section: source.section, lines: [from, source.lines[1]] };
}

/** A line of a text table: tab- or pipe-separated, or cells set apart by runs of spaces. */
function tableLine(line: string): boolean {
  return line.trim() !== '' && (/\t|\|/.test(line) || /\S\s{2,}\S/.test(line.trim()));
}

/** A header line of a flattened table ("구 분 예 산 액", "(유보액)10.31기준 12.31까지"): short, no heading mark, no sentence. */
function headerLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && !/^(?:#|\d{1,2}\.?\s+[가-힣]|[□■○ㅇ◦▪•※◎❍▶▷-]|[가-하]\.|[ⅠⅡⅢⅣⅤ])/.test(t) && !/[다요음함]\.?$/.test(t);
}

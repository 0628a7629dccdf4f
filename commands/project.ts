import { defineCommand, QueryArgs } from '../src/core/command.js';
import { money, orgDept, pct, sourceOf, sortByDate, timing, milestoneLine, yearLabel } from '../src/core/format.js';
import { personLine } from '../src/core/people.js';
import { bestLines, clip } from '../src/core/quote.js';
import { fields, list, reply } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import type { ProjectRecord } from '../src/domain/project.js';

/** The default answer: a message that names a project but asks nothing in particular gets its card. */
export const projectCommand = defineCommand({
  name: 'project',
  aliases: { ko: ['사업', '카드'], en: ['card'] },
  description: '사업 카드: 현황, 구분, 예산 한 줄, 다음 일정, 담당자, 출처',
  args: QueryArgs,
  examples: ['15-3-5', '협치시정 활성화', '인권보호거버넌스'],
  run({ query, message }, ctx) {
    const found = resolveProject(query, ctx);
    if (!found.ok) return found.reply;
    const r = found.record;
    const rec = r.record;
    const s = rec.status;
    const next = sortByDate(found.siblings.flatMap((x) => x.record.milestones)).find((m) => ['current', 'upcoming'].includes(timing(m, ctx.today)));
    const owner = rec.contacts[0];
    const card = fields([
      { label: '기관·부서', value: orgDept(rec) },
      { label: '코드', value: rec.code },
      { label: '사업 구분', value: rec.category },
      { label: '추진 상황', value: s ? [pct(s.progressPct), s.stateWritten].filter(Boolean).join(' · ') : null },
      { label: '목표', value: s?.targetWritten },
      { label: '예산', value: budgetOneLine(rec) },
      { label: '다음 일정', value: next ? milestoneLine(next, ctx.today) : null },
      { label: '담당', value: owner ? personLine(owner) : rec.teams.join(', ') || null },
      { label: '연도', value: yearLabel(rec) },
    ]);
    const blocks = [card];
    // A question about something the fields do not hold gets the document's own lines.
    const quoted = message && message !== query ? bestLines(ctx.knowledge, r, message, 2) : [];
    if (quoted.length) blocks.push(list(quoted.map((l) => `${l.line}행: ${clip(l.text, message)}`), '문서 내용'));
    return reply('answer', rec.title, blocks, {
      sources: [sourceOf(r)],
      suggestions: [`예산 ${rec.code ?? rec.title}`, `일정 ${rec.code ?? rec.title}`, `담당 ${rec.code ?? rec.title}`],
    });
  },
});

function budgetOneLine(rec: ProjectRecord): string | null {
  const b = rec.budget;
  if (!b) return null;
  if (b.noBudget) return `${b.noBudget} (문서 표기)`;
  const totals = b.lines.filter((l) => l.funding === '계' || l.funding === null).filter((l) => !l.item);
  const pick = (kind: string) => totals.find((l) => l.kind === kind);
  const parts = [
    pick('required') ? `소요 ${money(pick('required')!.amount)}` : null,
    pick('allocated') ? `예산 ${money(pick('allocated')!.amount)}` : null,
    pick('executed') ? `집행 ${money(pick('executed')!.amount)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' / ') : null;
}

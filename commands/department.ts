import { defineCommand, QueryArgs } from '../src/core/command.js';
import { cellAnswer } from '../src/core/cells.js';
import { departmentWords, findOverviewUnit, recordsOfUnit } from '../src/core/departments.js';
import { orgBlocks, tableBlock, tableSources, topicTables, unitBlocks } from '../src/core/overview.js';
import { money, sourceOf, yearLabel } from '../src/core/format.js';
import { type Block, list, reply, table } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';

export const departmentCommand = defineCommand({
  name: 'department',
  aliases: { ko: ['부서', '조직', '인력', '정원', '현원', '과부족', '팀구성', '조직도'], en: ['org', 'dept'] },
  precedence: 60,
  description: '부서의 조직(팀), 인력 정원·현원, 부서 예산과 사업 목록',
  args: QueryArgs,
  examples: ['감사담당관 조직', '혁신담당관실 정원', 'department 인재개발원'],
  run({ query, message }, ctx) {
    const cell = cellAnswer(query, message, ctx);
    if (cell) return cell;
    const sub = ctx.lookups.department(query) ? null : findOverviewUnit(query, ctx);
    if (sub?.dept.record.overview) {
      const blocks = unitBlocks(sub.dept.record.overview, sub.unit, /예산|세입|세출/.test(query) ? 'budget' : 'staff');
      if (blocks.length)
        return reply('answer', `${sub.dept.record.organization ?? ''} ${sub.dept.record.title} · ${sub.unit}`.trim(), blocks, {
          sources: [sourceOf(sub.dept)],
          suggestions: [`${sub.dept.record.title} 조직`],
        });
    }
    let dept = ctx.lookups.department(query);
    if (!dept) {
      const found = resolveProject(query, ctx, ['department']);
      if (!found.ok) return found.reply;
      dept = found.record;
    }
    const rec = dept.record;
    const blocks: Block[] = [];
    const overview = rec.overview;
    if (overview && (overview.org || overview.tables.length)) {
      const staff = topicTables(overview, 'staff');
      const money = topicTables(overview, 'budget');
      blocks.push(...orgBlocks(overview));
      blocks.push(...staff.map((t) => tableBlock(t)));
      if (/예산|세입|세출/.test(query) || !staff.length) blocks.push(...money.map((t) => tableBlock(t)));
      const name = rec.department ?? rec.title;
      return reply('answer', `${rec.organization ?? ''} ${name}`.trim(), blocks, {
        sources: [
          ...(overview.org ? [sourceOf(dept, overview.org.src)] : []),
          ...tableSources(dept, staff),
          ...(blocks.length ? [] : [sourceOf(dept)]),
        ],
        suggestions: [`${name} 예산`],
      });
    }
    if (rec.orgTeams.length)
      blocks.push(
        list(
          rec.orgTeams.map((t) => (t.duties.length ? `${t.name}: ${t.duties.slice(0, 4).join(', ')}` : t.name)),
          '조직',
        ),
      );
    if (rec.staffing.length) {
      blocks.push(
        table(
          ['구분', '정원', '현원'],
          rec.staffing.map((s) => [s.group, s.authorized?.toString() ?? '-', s.current?.toString() ?? '-']),
          '인력',
        ),
      );
    }
    const totals = rec.budget?.lines.filter((l) => !l.item) ?? [];
    if (totals.length)
      blocks.push(
        list(
          totals.map(
            (l) =>
              `${l.period} ${l.kind === 'executed' ? '집행' : l.kind === 'expected' ? '예상 집행' : l.kind === 'balance' ? '잔액' : '예산'}: ${money(l.amount)}`,
          ),
          '부서 예산',
        ),
      );
    const name = rec.department ?? rec.title;
    const projects = recordsOfUnit(name, ctx).filter((s) => s.kind === 'project');
    // Every distinct item goes in: the renderer shows the first ones and "… 외 N건", so the count adds up.
    const items = [...new Set(projects.map((p) => [p.title, yearLabel(p)].filter(Boolean).join(' — ')))];
    if (items.length) blocks.push(list(items, `사업 ${items.length}건`));
    const unit = departmentWords(query)[0];
    return reply(
      'answer',
      `${rec.organization ?? ''} ${name}`.trim() + (unit && unit !== name ? ` (${unit})` : ''),
      blocks,
      {
        sources: [sourceOf(dept)],
        suggestions: [`예산 ${name}`],
      },
    );
  },
});

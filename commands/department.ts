import { defineCommand, QueryArgs } from '../src/core/command.js';
import { departmentWords, recordsOfUnit } from '../src/core/departments.js';
import { money, sourceOf, yearLabel } from '../src/core/format.js';
import { type Block, list, reply, table } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';

export const departmentCommand = defineCommand({
  name: 'department',
  aliases: { ko: ['부서', '조직', '인력', '정원', '현원', '팀구성', '조직도'], en: ['org', 'dept'] },
  precedence: 60,
  description: '부서의 조직(팀), 인력 정원·현원, 부서 예산과 사업 목록',
  args: QueryArgs,
  examples: ['감사담당관 조직', '혁신담당관실 정원', 'department 인재개발원'],
  run({ query }, ctx) {
    let dept = ctx.lookups.department(query);
    if (!dept) {
      const found = resolveProject(query, ctx, ['department']);
      if (!found.ok) return found.reply;
      dept = found.record;
    }
    const rec = dept.record;
    const blocks: Block[] = [];
    if (rec.orgTeams.length)
      blocks.push(
        list(
          rec.orgTeams.map((t) => (t.duties.length ? `${t.name}: ${t.duties.slice(0, 4).join(', ')}` : t.name)),
          `조직 (${rec.orgTeams.length}개 팀)`,
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
    if (projects.length)
      blocks.push(
        list(
          [...new Set(projects.slice(0, 50).map((p) => [p.title, yearLabel(p)].filter(Boolean).join(' — ')))].slice(
            0,
            15,
          ),
          `사업 ${projects.length}건`,
        ),
      );
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

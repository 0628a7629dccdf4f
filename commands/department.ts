import { defineCommand, QueryArgs } from '../src/core/command.js';
import type { CommandContext } from '../src/core/command.js';
import { cellAnswer } from '../src/core/cells.js';
import { departmentWords, findOverviewUnit, nearUnitNames, namesUnit, recordsOfUnit } from '../src/core/departments.js';
import { orgBlocks, tableBlock, tableSources, topicTables, unitBlocks } from '../src/core/overview.js';
import { money, particle, sourceOf, yearLabel } from '../src/core/format.js';
import { type Block, list, type Reply, reply, table, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import type { ProjectRecord } from '../src/domain/project.js';
import { BUDGET_KIND_LABEL } from '../src/domain/vocabulary.js';

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
      // A staffing figure asked of a sub-unit that its 국's tables do not give: say so, not the 국's chart.
      const measure = /정원|현원|인력|인원|과부족/.exec(message)?.[0];
      if (measure)
        return reply('not_found', `${sub.unit}의 ${measure}을 기본현황 표에서 찾지 못했습니다.`, [
          text(`${`${sub.dept.record.organization ?? ''} ${sub.dept.record.title}`.trim()}의 표는 ${sub.unit}별 ${measure}을 나누어 적지 않았거나, 읽을 수 없는 모양입니다.`),
        ], { sources: [sourceOf(sub.dept)], suggestions: [`${sub.dept.record.title} ${measure}`] });
    }
    let dept = ctx.lookups.department(query);
    if (!dept) {
      // Only a department the question names answers: a body match ("3급", "경상경비") or a similar name
      // ("청년정책담당관" for 감사담당관) is another unit's facts under the asked name.
      const asked = departmentWords(query);
      const found = resolveProject(query, ctx, ['department'], true);
      if (found.ok && (asked.length === 0 || asked.some((w) => namesUnit(found.record, w)))) dept = found.record;
      else if (asked.length) return unitNotFound(asked[0]!, ctx);
      else if (!found.ok) return found.reply;
      else return unitNotFound(query, ctx);
    }
    const rec = dept.record;
    const blocks: Block[] = [];
    const overview = rec.overview;
    // A department of teams (no 과 under it) reads best as the family read it: teams, staffing, budget, projects;
    // the overview adds the count as written.
    const teamsOnly = !!overview && overview.units.length === 0 && rec.orgTeams.length > 0;
    if (overview && (overview.org || overview.tables.length) && !teamsOnly) {
      const staff = topicTables(overview, 'staff');
      const money = topicTables(overview, 'budget');
      blocks.push(...orgBlocks(overview));
      blocks.push(...staff.map((t) => tableBlock(t)));
      const withMoney = /예산|세입|세출/.test(query) || !staff.length;
      if (withMoney) blocks.push(...money.map((t) => tableBlock(t)));
      // No budget table the reader could place: the totals the family read itself, as in a plain record.
      const totals = money.length ? [] : (rec.budget?.lines.filter((l) => !l.item) ?? []);
      blocks.push(...budgetTotals(rec, totals));
      const name = rec.department ?? rec.title;
      return reply('answer', `${rec.organization ?? ''} ${name}`.trim(), blocks, {
        sources: [...new Set([
          ...(overview.org ? [sourceOf(dept, overview.org.src)] : []),
          ...tableSources(dept, withMoney ? [...staff, ...money] : staff),
          // The family's totals carry their period words from the header lines: the record's lines are cited.
          ...(totals.length ? [sourceOf(dept)] : []),
          ...(blocks.length ? [] : [sourceOf(dept)]),
        ])],
        suggestions: [`${name} 예산`],
      });
    }
    if (overview?.org) blocks.push(text(`조직: ${overview.org.written} (문서 표기)`));
    if (rec.orgTeams.length) blocks.push(teamList(rec.orgTeams));
    if (rec.staffing.length) {
      blocks.push(
        table(
          ['구분', '정원', '현원'],
          rec.staffing.map((s) => [s.group, s.authorized?.toString() ?? '-', s.current?.toString() ?? '-']),
          '인력',
        ),
      );
    }
    blocks.push(...budgetTotals(rec));
    const name = rec.department ?? rec.title;
    const projects = recordsOfUnit(name, ctx).filter((s) => s.kind === 'project');
    // Every distinct item goes in: the renderer shows the first ones and "… 외 N건", so the count adds up.
    const items = [...new Set(projects.map((p) => [p.title, yearLabel(p)].filter(Boolean).join(' — ')))];
    if (items.length) blocks.push(list(items, `사업 ${items.length}건`));
    return reply(
      'answer',
      `${rec.organization ?? ''} ${name}`.trim(),
      blocks,
      {
        sources: [...(overview?.org ? [sourceOf(dept, overview.org.src)] : []), sourceOf(dept)],
        suggestions: [`예산 ${name}`],
      },
    );
  },
});

/** The department's own budget totals (lines without an item), each with its period and kind. */
function budgetTotals(rec: ProjectRecord, totals = rec.budget?.lines.filter((l) => !l.item) ?? []): Block[] {
  if (!totals.length) return [];
  return [list(totals.map((l) => `${l.period} ${BUDGET_KIND_LABEL[l.kind]}: ${money(l.amount)}`), '부서 예산')];
}

function teamList(teams: Array<{ name: string; duties: string[] }>): Block {
  return list(
    teams.map((t) => (t.duties.length ? `${t.name}: ${t.duties.slice(0, 4).join(', ')}` : t.name)),
    '조직',
  );
}

/** "Not found" for a unit the store does not have, with the stored units whose names look like it. */
function unitNotFound(name: string, ctx: CommandContext): Reply {
  const known = recordsOfUnit(name, ctx).filter((r) => r.department === name);
  if (known.length) return noOverview(name, known);
  const near = nearUnitNames(name, ctx);
  return reply(
    'not_found',
    `"${name}"${particle(name, '이라는', '라는')} 부서·팀의 조직 자료를 찾지 못했습니다.`,
    near.length ? [list(near, '비슷한 이름의 부서·팀')] : [text('"찾기 키워드"로 검색해 보세요.')],
    {
      suggestions: near
        .map((n) => n.split(' ').at(-1)!)
        .filter((n) => n !== name)
        .slice(0, 3)
        .map((n) => `${n} 조직`),
    },
  );
}

/**
 * A unit the documents name (its approvals, its projects) but whose 기본현황 none of them holds: say so, and point
 * to what its documents do answer, rather than a list of similar names that starts with the asked one.
 */
function noOverview(name: string, records: ReturnType<typeof recordsOfUnit>): Reply {
  const org = records[0]!.organization;
  return reply(
    'not_found',
    `${org ? `${org} ` : ''}${name}의 조직·인력 현황(기본현황)은 저장된 문서에 없습니다.`,
    [text('이 부서의 문서에서 담당자와 맡은 사업은 찾을 수 있습니다.')],
    { suggestions: [`${name} 담당자`, `${name} 맡은 사업`] },
  );
}

import { defineCommand, QueryArgs } from '../src/core/command.js';
import { figureLine, orgDept, pct, sourcesOf, yearLabel } from '../src/core/format.js';
import { departmentWords, namesUnit } from '../src/core/departments.js';
import { fields, reply, text } from '../src/core/reply.js';
import { resolveProject } from '../src/core/resolve.js';
import { parseKoreanDate } from '../src/domain/korean-date.js';
import type { Indicator } from '../src/domain/project.js';

export const statusCommand = defineCommand({
  name: 'status',
  aliases: { ko: ['현황', '진도', '진도율', '진행', '진행상황', '추진상황', '추진율', '사업구분', '상태', '어디까지'], en: ['progress'] },
  precedence: 50,
  description: '사업의 추진 현황: 진도율, 상태, 목표 시점, 사업 구분',
  args: QueryArgs,
  examples: ['현황 인권보호 거버넌스', '일자리진흥지구 시범사업 어디까지 됐어?', 'status 3-8-76'],
  run({ query }, ctx) {
    const found = resolveProject(query, ctx, undefined, true);
    if (!found.ok) return found.reply;
    // A 과 or team the question names that the project found does not belong to: not that unit's 현황.
    const other = departmentWords(query).find((w) => ctx.knowledge.unit(w).length > 0 && !namesUnit(found.record, w));
    if (other)
      return reply('not_found', `"${other}"의 사업 추진 현황을 찾지 못했습니다.`, [text(`"${other} 조직"으로 부서 현황을 물어보세요.`)], {
        suggestions: [`${other} 조직`],
      });
    const { record: r } = found;
    const rec = r.record;
    const s = rec.status;
    const progress = s ? [pct(s.progressPct), s.stateWritten].filter(Boolean).join(' · ') : null;
    const blocks = [
      fields([
        { label: '기관·부서', value: orgDept(rec) },
        { label: '사업 구분', value: rec.category },
        { label: '추진 상황', value: progress },
        { label: '목표 시점', value: s?.targetWritten ?? s?.targetMonth },
        { label: '최종 목표', value: s?.goalWritten },
        // A date is stated only with the line it is written on.
        { label: '사업 기간', value: s?.periodSrc ? s.period?.written : null },
        { label: '누적 추진율', value: cumulativeLine(rec.indicators, ctx.today) },
        { label: '기준일', value: s?.asOfSrc ? (s.asOfWritten ?? s.asOf) : null },
        { label: '대상 연도', value: yearLabel(rec) },
      ]),
    ];
    if (!s) blocks.push(text('이 문서에는 진도율이나 추진 상황이 적혀 있지 않습니다.'));
    const facts = [{ r, src: s?.src ?? rec.src }];
    if (s?.asOf && s.asOfSrc) facts.push({ r, src: s.asOfSrc });
    if (s?.period && s.periodSrc) facts.push({ r, src: s.periodSrc });
    if (s?.goalWritten && s.goalSrc) facts.push({ r, src: s.goalSrc });
    const cumulative = rec.indicators.find((i) => i.cumulative);
    if (cumulative) facts.push({ r, src: cumulative.src });
    const category = figureLine(rec.category, ctx.knowledge.blocksAt(r.document.versionId));
    if (category) facts.push({ r, src: category });
    const sources = sourcesOf(facts);
    return reply('answer', `${rec.title} — 추진 현황`, blocks, {
      sources,
      suggestions: [`예산 ${rec.code ?? rec.title}`, `일정 ${rec.code ?? rec.title}`],
      subject: rec.code ?? rec.title,
    });
  },
});

/**
 * The latest actual beside the target of the current quarter: the first target period that has not ended by
 * today, or the last target when every period is over.
 */
function cumulativeLine(indicators: Indicator[], today: string): string | null {
  const ind = indicators.find((i) => i.cumulative && i.actuals.some((a) => /\d/.test(a.value)));
  if (!ind) return null;
  const actual = [...ind.actuals].reverse().find((a) => /\d/.test(a.value))!;
  const targets = ind.targets.filter((t) => /\d/.test(t.value));
  const endOf = (period: string) => {
    const d = parseKoreanDate(period);
    return d?.end ?? d?.start ?? null;
  };
  const target = targets.find((t) => (endOf(t.period) ?? '') >= today) ?? targets.at(-1);
  const actualText = `현재 ${actual.value} (${actual.period})`;
  return target ? `${actualText} / 목표 ${target.value} (${target.period})` : actualText;
}

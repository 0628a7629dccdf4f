/** Digest → the neutral Reply: counts first, then sections grouped by unit and project, each item with its source. */
import { type Block, list, type Reply, reply, text } from '../core/reply.js';
import { type Digest, type DigestItem, digestItemCount } from './compose.js';

export const NOTHING_THIS_WEEK = '이번 주 특이사항 없음';

export function digestReply(d: Digest, heading = '주간 요약'): Reply {
  const scope = d.scope ?? '전체';
  const title = `${heading} · ${scope} · ${d.today} 기준 (다음 ${d.days}일)`;
  if (!d.scopeFound)
    return reply('not_found', `"${d.scope}" 부서·팀을 문서에서 찾지 못했습니다.`, [
      text('부서나 팀 이름을 문서에 적힌 대로 써 주세요. 예: "digest 정책기획과", "digest all".'),
    ]);
  const blocks: Block[] = [
    text(
      `다가오는 일정 ${d.due.length}건 · 기한 지남 ${d.overdue.length}건 · 계획 대비 부진 ${d.behind.length}건 · ` +
        `바뀐 점 ${d.changes.length}건 · 오래된 문서 ${d.stale.length}건`,
    ),
  ];
  if (digestItemCount(d) === 0) {
    blocks.push(text(NOTHING_THIS_WEEK));
    return reply('answer', title, blocks);
  }
  blocks.push(...grouped(d.due, '다가오는 일정'));
  blocks.push(...grouped(d.overdue, '⚠ 기한 지남'));
  if (d.behind.length) {
    blocks.push(...grouped(d.behind, '계획 대비 부진'));
    blocks.push(
      text(
        '계산 방법: 추진율은 문서의 누적 추진율 실적을 오늘이 속한 목표 기간의 목표와 비교합니다. ' +
          '예산은 올해 집행액 ÷ 예산액을, 문서 기준일까지 지난 날수 ÷ 올해 날수(연간 경과율)와 비교합니다.',
      ),
    );
  }
  blocks.push(...grouped(d.changes, `바뀐 점 (${d.since.slice(0, 10)} 이후 읽은 문서)`));
  if (d.stale.length)
    blocks.push(
      list(
        d.stale.map(
          (s) =>
            `${s.document} — 기준 ${s.asOf} (${s.ageDays}일 전)` +
            (s.openPastItems ? ` · 기한 지난 미완료 항목 ${s.openPastItems}건 (목록 생략)` : ''),
        ),
        '오래되었을 수 있는 문서',
      ),
    );
  const sources = [...new Set([...d.due, ...d.overdue, ...d.behind, ...d.changes].map((i) => i.source.split(' · ')[0]!))];
  return reply('answer', title, blocks, { sources, suggestions: ['digest list'] });
}

/** One list per unit and project, the owner in the caption; items carry their own source. */
function grouped(items: DigestItem[], heading: string): Block[] {
  const groups = new Map<string, DigestItem[]>();
  for (const i of items) {
    const k = `${i.unit}\u0000${i.project}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups.values()].map((g) => {
    const head = g[0]!;
    const owner = head.owner ? ` (담당 ${head.owner})` : '';
    return list(
      g.map((i) => `${i.text} [${i.source}]`),
      `${heading} — ${head.unit} › ${head.project}${owner}`,
    );
  });
}

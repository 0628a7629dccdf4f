/**
 * "What damdang knows": organisations, how many projects and documents each has and the years they cover, from
 * the light summaries only (no full record is parsed), for an App Home tab or a status page.
 */
import type { Knowledge } from './knowledge.js';
import { list, type Reply, reply, text } from './reply.js';

export function aboutKnowledge(knowledge: Knowledge): Reply {
  const byOrg = new Map<string, { projects: number; documents: Set<string>; years: number[] }>();
  for (const s of knowledge.summaries) {
    const org = s.organization ?? '기관 미상';
    const entry = byOrg.get(org) ?? { projects: 0, documents: new Set<string>(), years: [] };
    if (s.kind === 'project') entry.projects += 1;
    entry.documents.add(s.documentName);
    if (s.year !== null) entry.years.push(s.year);
    byOrg.set(org, entry);
  }
  const span = (years: number[]) => {
    if (!years.length) return '';
    const [lo, hi] = [Math.min(...years), Math.max(...years)];
    return lo === hi ? `, ${lo}년` : `, ${lo}–${hi}년`;
  };
  const rows = [...byOrg.entries()]
    .sort((a, b) => b[1].projects - a[1].projects || a[0].localeCompare(b[0], 'ko'))
    .map(([org, e]) => `${org} — 사업 ${e.projects}건 (문서 ${e.documents.size}건${span(e.years)})`);
  const projects = knowledge.summaries.filter((s) => s.kind === 'project').length;
  if (!rows.length) return reply('answer', '담당이 아는 내용', [text('아직 읽은 문서가 없습니다.')]);
  return reply('answer', `담당이 아는 내용 — 기관 ${byOrg.size}곳, 사업 ${projects}건`, [
    list(rows, '기관별'),
    text(`오늘 기준일: ${knowledge.clock.today()}`),
  ]);
}

/**
 * A digest line names its item: "용역완료(’25.3.)" alone says nothing in a list of forty, so an item whose text is
 * only a step ("용역완료", "착수보고회", "발대식", "선정발표") takes the task it is listed under (its parent item,
 * "회동상수원보호구역 관리대책 수립 용역 ▸ ’23년~‘25년, 2.97억원"), else the heading it stands under, else its record.
 */
import type { DocBlock } from '../domain/doc-model.js';
import type { Milestone, ProjectRecord } from '../domain/project.js';

/** Words a step is made of; a text made of nothing else (at most 8 characters) names no work of its own. */
const STEP_WORDS = [
  '용역', '완료', '착수', '착공', '준공', '완공', '보고회', '보고', '발대식', '선정', '발표', '공고', '입찰', '계약', '체결',
  '설계', '실시', '시행', '개최', '개통', '개소', '개장', '운영', '평가', '심사', '모집', '접수', '점검', '교육', '시작',
  '종료', '중간', '최종', '결과', '발주', '사전', '컨설팅', '설명회', '간담회', '공청회', '회의', '계획', '수립', '추진',
];

/** A heading made of these and step words ("향후추진계획", "추진일정") names no item either. */
const HEADING_WORDS = ['향후', '일정', '현황', '실적', '주요', '세부', '내용', '추진계획'];

const compact = (s: string) => s.replace(/^[\d.\s]+/, '').replace(/[\s·‧.,()]/g, '');

export function isStepOnly(text: string, words: readonly string[] = STEP_WORDS): boolean {
  const t = compact(text);
  if (t.length === 0 || t.length > 8) return false;
  // Greedy split into step words, longest first at each position.
  const byLength = [...words].sort((a, b) => b.length - a.length);
  let at = 0;
  while (at < t.length) {
    const w = byLength.find((x) => t.startsWith(x, at));
    if (!w) return false;
    at += w.length;
  }
  return true;
}

/** The subject of a task line: its words before the figures ("▸ ’23년~‘25년, 2.97억원", " : …", "(…)"). */
function subjectOf(line: string): string {
  return line
    .split(/\s*[▸▶►▹▷:：]\s*/)[0]!
    .replace(/\s*\([^)]*\)?\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * "회동상수원보호구역 관리대책 수립 용역 — 완료" for a step-only item (the step's leading word dropped when the
 * subject ends with it), or null when the item names its own work.
 */
export function namedStep(m: Milestone, rec: ProjectRecord, block: DocBlock | undefined): string | null {
  if (!isStepOnly(m.text)) return null;
  const subject = [block?.parent, m.src.section?.split(' > ').at(-1), block?.section.at(-1), rec.title]
    .map((s) => (s ? subjectOf(s) : ''))
    .find((s) => s.length >= 2 && compact(s) !== compact(m.text) && !isStepOnly(s, [...STEP_WORDS, ...HEADING_WORDS]));
  if (!subject) return null;
  const last = subject.split(/\s+/).at(-1)!;
  const step = m.text.startsWith(last) && m.text.length > last.length ? m.text.slice(last.length).trim() : m.text;
  return `${subject} — ${step}`;
}

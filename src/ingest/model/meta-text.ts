/**
 * Small readers the metadata shares: unit names (부서·팀), ranks, names, phone numbers, "label : value" fields in
 * their three written forms (inline, the value on the next line, a label the extraction tripled: "부서부서부서"),
 * and date lines.
 */
import { parseKoreanDate } from '../../domain/korean-date.js';

export const RANK_WORDS =
  '과장|팀장|담당자|주무관|사무관|서기관|국장|실장|단장|부장|차장|본부장|센터장|소장|원장|책임매니저|선임매니저|매니저|책임연구원|선임연구원|연구원|전문위원|주임|대리|사원|계장|관장|책임자|담당관|담당|책임|선임';
export const RANK = `(?:${RANK_WORDS})`;
export const RANK_ONLY = new RegExp(`^${RANK}$`);

/** A phone number as written: "051-888-4550", "2133-4299", "051—866-9161", "(044-215-7630)". */
export const PHONE = /(?<![\d-])(?:0\d{1,2}\s?[-.)—–]\s?)?\d{3,4}\s?[-—–]\s?\d{4}(?!\d)/g;
export const phoneOf = (written: string) => written.replace(/\s/g, '').replace(/[—–]/g, '-');

/** Words ending like a unit that are not one: where to ask or send, and a particle after a noun ("경기 부진과"). */
const NOT_UNIT = /^(?:문의처|접수처|제출처|연락처|사용처|거래처|출처|근무처|부진과|결과|효과|성과|과정|이과|국장|실장|단장)$/;
const UNIT_WORD =
  /^[0-9]*[가-힣A-Za-z][가-힣A-Za-z0-9·ㆍ]*(?:담당관실|담당관|기획관|정책관|보좌관|대변인|추진단|사업단|과|팀|국|실|단|센터|본부|사업소|지사|처|부)$/;

/** "15분도시기획과", "SW산업팀", "디지털전환추진단": one word naming a unit. */
export function isUnit(word: string): boolean {
  const w = word.replace(/^\((?:재|사)\)/, '').replace(/^\((.*)\)$/, '$1');
  return w.length >= 3 && UNIT_WORD.test(w) && !NOT_UNIT.test(w) && !RANK_ONLY.test(w);
}

/** A department and its team from the unit words of a text ("복지정책과 사회복지정책팀 과장 …" → both). */
export function unitsOf(text: string): { department: string | null; team: string | null } {
  const words = text.replace(/[()[\]【】:：,]/g, ' ').split(/\s+/).filter(isUnit);
  const team = words.find((w) => /팀$/.test(w)) ?? null;
  // The most specific unit above the team: the last one written before it ("비상기획관 민방위담당관").
  const above = words.filter((w) => !/팀$/.test(w));
  return { department: above.at(-1)?.replace(/^\(?(?:재|사)\)/, '') ?? null, team };
}

export const squash = (s: string) => s.replace(/\s+/g, '');

/** "부서부서부서" → "부서": a label the extraction wrote several times over. */
export function untripled(label: string): string {
  const s = squash(label);
  for (const k of [3, 2]) {
    if (s.length % k) continue;
    const part = s.slice(0, s.length / k);
    if (part.repeat(k) === s) return part;
  }
  return s;
}

export interface Field {
  value: string;
  /** 0-based line of the value. */
  index: number;
}

/**
 * The value of the first label of `labels` in lines [from, to): "담당부서 : 인공지능소프트웨어과 SW산업팀",
 * "【주관부서】디지털전환추진단 …", or the label alone on its line ("제목", "부서부서부서") and the value on the next.
 */
export function fieldOf(lines: string[], labels: RegExp, from = 0, to = 60): Field | null {
  for (let i = from; i < Math.min(lines.length, to); i++) {
    const line = lines[i]!;
    if (line.length > 400) continue;
    const bracket = /^\s*[【[]\s*([가-힣\s]{2,10})\s*[】\]]\s*(\S.*)$/.exec(line);
    if (bracket && labels.test(squash(bracket[1]!))) return { value: bracket[2]!.trim(), index: i };
    for (const part of line.split(/\s{3,}/)) {
      // The label starts at a letter: a label that could start with spaces split a run of them many ways.
      const m = /^\s*(?:[□○◦ㅇ∘·-]\s*)?([가-힣][가-힣\s]{0,11}?)\s*[:：]\s*(\S.*)?$/.exec(part);
      if (m && labels.test(squash(m[1]!))) {
        if (m[2]?.trim()) return { value: m[2].trim(), index: i };
        const next = nextLine(lines, i);
        if (next !== null) return { value: lines[next]!.trim(), index: next };
      }
    }
    const alone = line.trim();
    if (alone.length <= 30 && /^[가-힣\s]+$/.test(alone) && labels.test(untripled(alone))) {
      const next = nextLine(lines, i);
      if (next !== null && !labels.test(untripled(lines[next]!.trim()))) return { value: lines[next]!.trim(), index: next };
    }
  }
  return null;
}

function nextLine(lines: string[], i: number): number | null {
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) if (lines[j]!.trim()) return j;
  return null;
}

const DATE = /(20\d{2})\s*(?:년|\.)\s*(\d{1,2})\s*(?:월|\.)?\s*(?:(\d{1,2})\s*(?:일|\.)?)?/;

/** A date and its ISO day ("2025. 7. 8." → 2025-07-08); a month alone keeps its words with no day. */
export function dateIn(text: string): { written: string; iso: string | null } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
  if (mo < 1 || mo > 12) return null;
  const ok = d !== null && d >= 1 && d <= 31;
  const written = m[0].trim().replace(/\s{2,}/g, ' ');
  return { written, iso: ok ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null };
}

/**
 * A line that is a date and nothing much else: "2025년 7월 8일(화) 정기", "2025. 2. 11.(화) 14:00", "(2025. 3. 24.)";
 * not a sentence that holds one ("2025. 3. 26.(수)까지 회신 부탁드립니다").
 */
export function dateLine(line: string): { written: string; iso: string | null } | null {
  const t = line.trim();
  if (t.length > 60) return null;
  const date = dateIn(t);
  if (!date) return null;
  const rest = t
    .replace(DATE, '')
    .replace(/\(\s*[월화수목금토일]\s*\)|\d{1,2}\s*:\s*\d{2}|[()[\]~.\-\s]/g, '')
    .replace(/정기|수시|조간|석간|오전|오후|기준|배포|현재|즉시/g, '');
  if ((rest.match(/[가-힣A-Za-z]/g)?.length ?? 0) > 2) return null;
  return date;
}

/** A date line as the date parser reads it (for the title: a line whose date takes most of it). */
export function mostlyDate(t: string): boolean {
  const date = parseKoreanDate(t.replace(/\([월화수목금토일]\)/g, ''));
  return !!date && date.written.length >= squash(t).length * 0.5;
}

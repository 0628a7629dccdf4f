/**
 * A document's title, read from its head by structure: a front-matter title or a top "# " heading; a subject
 * field ("제목", a record's "사업" label); else the first line that reads as a title — words, not a date, a
 * document number, a label, a unit's name, a table-of-contents entry, a note or a sentence — where a letterhead
 * slogan ("마음이 모이면 서울이 됩니다", "문화의 힘으로, 시민이 행복한 도시 완성") gives way to the line under it
 * that names the paper, and a title wrapped over two lines ("… 직원" / "(정규직 전환형, 계약직) 채용 공고") is joined.
 * Never a numbered section heading ("1. 일반현황"): a document whose head reads as no title is named by its issuer
 * and the kind of paper its parts name (issuedTitle), else by its file name.
 */
import { fieldOf, isUnit, mostlyDate, PHONE, squash } from './meta-text.js';

const DOC_KIND = /^(?:보도(?:참고)?자료|설명자료|참고자료|회의자료|업무보고|보고서?|알림|공고|공고문|붙임\s*\d*|별첨\s*\d*|서식\s*\d*|목차|순서|보고순서|차례)$/;
/** How the name of a paper ends: what a slogan does not say. */
const KIND_END =
  /(?:계획|계획\s*\(안\)|\(안\)|보고|보고서|공고|공고문|결과|알림|안내|요청|요청서|제안서|현황|자료|지침|요령|통보|회신|협조|모집|채용|선정|개최|공모|시행)[」』"'”’]?$/;
/** A title cut at a particle or a conjunction goes on on the next line ("‘24년 3분기 해외직접투자는"). */
const OPEN_END = /(?:[은는이가의및와과을를에]|및|위한|따른|관한|대한)$/;
/** "청년사업담당관-707", "공고 제2025-62호": a document number, never a title. */
const DOC_NUMBER = /^[가-힣A-Za-z0-9()·ㆍ]+\s*-\s*\d{1,8}$/;
const BULLET = /^[◈□■○●◦ㅇ∘·▲▶▷※*❍󰂐-]/u;

export function readTitle(lines: string[]): { text: string; line: number } | null {
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    const fm = lines.slice(1, end > 0 ? end : 20).map((l) => /^\s*title\s*:\s*["']?(.+?)["']?$/i.exec(l.trimEnd())?.[1]).find(Boolean);
    if (fm) return { text: fm, line: 1 + lines.slice(1).findIndex((l) => /^\s*title\s*:/i.test(l)) + 1 };
    start = end > 0 ? end + 1 : 0;
  }
  const heading = lines.slice(start, start + 5).findIndex((l) => /^#\s+\S/.test(l));
  if (heading >= 0) return { text: lines[start + heading]!.replace(/^#\s+/, '').trim(), line: start + heading + 1 };
  // The subject field of a form: "제목" (a 시행문's subject, inline or on the next line), a record's "사업"/"사업명"
  // label alone on a line near the top ("사업사업사업" then the programme's name).
  const subject = fieldOf(lines, /^(?:제목|건명)$/, start, start + 80) ?? fieldOf(lines, /^(?:사업|사업명|과제명)$/, start, start + 8);
  const read = headline(lines, start);
  // The subject field, unless the head writes the same words as a line of their own (spaced as the author spaced them).
  if (subject && isSubject(clean(subject.value)) && !(read && squash(read.text) === squash(clean(subject.value))))
    return { text: clean(subject.value), line: subject.index + 1 };
  return read;
}

function headline(lines: string[], start: number): { text: string; line: number } | null {
  const candidates: number[] = [];
  for (let i = start; i < Math.min(lines.length, start + 40) && candidates.length < 4; i++) {
    // Cells of a layout table ("홍       보   기   획            언    론"): runs of spaces inside the line.
    if ((lines[i]!.trim().match(/\S {3,}(?=\S)/g)?.length ?? 0) >= 2) continue;
    if (isTitle(flat(lines[i]!))) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  let at = candidates[0]!;
  // A slogan over the paper's name: the next title-like line, set apart under it (a blank line between, or a line
  // of its own starting with the year), names a kind of paper and it does not. A line right under it that ends
  // like a paper's name is the rest of a wrapped title instead.
  const next = candidates[1];
  const nextText = next === undefined ? '' : flat(lines[next]!);
  if (
    next !== undefined &&
    next - at <= 4 &&
    (next - at > 1 || /^(?:20\d{2}|’\d{2})\s*년/.test(nextText)) &&
    !KIND_END.test(flat(lines[at]!)) &&
    KIND_END.test(nextText) &&
    !BULLET.test(nextText)
  )
    at = next;
  let text = flat(lines[at]!);
  // The line given as the title's is the one holding its figures: a reply citing the title cites where they stand,
  // so a title is read from two lines only when one of them writes no figure.
  let cite = at;
  const digits = (t: string) => /\d/.test(t);
  // "- 2025년도 -" over "주요업무계획": the year the cover writes above the name belongs to it.
  const above = prevLine(lines, at, start);
  if (above !== null && /^[-–\s]*(?:20\d{2}|’?\d{2})\s*년도?\s*[-–\s]*$/.test(lines[above]!.trim()) && !digits(text)) {
    text = `${lines[above]!.replace(/[-–]/g, '').trim()} ${text}`;
    cite = above;
  }
  // A title wrapped over lines: the next line completes it when it ends like the name of a paper or this one is cut.
  let last = at;
  for (let k = 0; k < 2; k++) {
    const j = nextLine(lines, last);
    if (j === null || j !== last + 1) break;
    const t = flat(lines[j]!);
    if (KIND_END.test(text) && !OPEN_END.test(text)) break;
    if (!isTitle(t) || BULLET.test(t) || t.length > 70) break;
    if (!KIND_END.test(t) && !OPEN_END.test(text)) break;
    if (digits(t) && digits(text)) break;
    if (digits(t)) cite = j;
    text = `${text} ${t}`;
    last = j;
  }
  return { text: clean(text), line: cite + 1 };
}

/**
 * A part of the document naming the kind of paper it is ("2. 주요업무 추진실적", "Ⅲ. 2025년 업무계획"): a numbered
 * top-level heading whose words are a kind of work paper, nothing else.
 */
const PAPER_PART =
  /^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d{1,2})\s*[.．]\s*((?:(?:20\d{2}|[’‘']\d{2})\s*년도?\s*)?(?:주요\s*)?(?:업무|사업|시책)\s*(?:추진\s*)?(?:실적|계획|보고|성과)(?:\s*보고)?)\s*$/;
/** A unit and its size on a line of its own ("감사담당관 - (7)개팀"): the department heading its org chart. */
const UNIT_SIZE = /^\s*([가-힣]{2,20}?)\s*[-–:：]?\s*\(?\s*\d{1,2}\s*\)?\s*개?\s*(?:팀|담당|과)\s*$/;

/**
 * The title of a document whose head reads as none (an annual report that opens on "1. 일반현황"): its issuer and
 * the kind of paper a numbered part of it names ("영등포구 감사담당관 주요업무 추진실적"), cited at that part. Null
 * when the text gives no kind or no issuer: the file's name is then the title.
 */
export function issuedTitle(
  lines: string[],
  issuer: { organization: string | null; department: string | null },
): { text: string; line: number } | null {
  const at = lines.findIndex((l) => l.length <= 80 && PAPER_PART.test(l));
  if (at < 0) return null;
  const kind = PAPER_PART.exec(lines[at]!)![1]!.replace(/\s+/g, ' ');
  let department = issuer.department;
  for (let i = 0; i < Math.min(lines.length, 20) && !department; i++) {
    const unit = UNIT_SIZE.exec(lines[i]!)?.[1];
    if (unit && isUnit(unit)) department = unit;
  }
  const names = [issuer.organization, department].filter((n): n is string => !!n);
  if (names.length === 0) return null;
  return { text: [...names, kind].join(' '), line: at + 1 };
}

const flat = (l: string) => l.trim().replace(/\s{2,}/g, ' ');

function nextLine(lines: string[], i: number): number | null {
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) if (lines[j]!.trim()) return j;
  return null;
}
function prevLine(lines: string[], i: number, start: number): number | null {
  for (let j = i - 1; j >= Math.max(start, i - 5); j--) if (lines[j]!.trim()) return j;
  return null;
}

/** A subject field's value may be short ("반환금", "Green Parking 사업"): only not a date, a number or a label. */
function isSubject(t: string): boolean {
  return t.length <= 140 && /[가-힣A-Za-z]{2}/.test(t) && !mostlyDate(t) && !DOC_NUMBER.test(t) && !/^[^\s:：]{1,12}\s*[:：]/.test(t);
}

export function isTitle(t: string): boolean {
  if (t.length < 4 || t.length > 140) return false;
  if ((t.match(/[가-힣]/g)?.length ?? 0) < 4) return false;
  if (DOC_KIND.test(squash(t))) return false;
  if (/^(?:부분\s*공개|비\s*공개|공개)(?:\s*\([\d,\s]+\))?$/.test(t)) return false;
  // One short word: a form's label ("결재일자", "공개여부"), a name, a position ("청년생활지원팀장").
  if (!/\s/.test(t) && (t.length <= 5 || /(?:장|관|주무관|담당)$/.test(t))) return false;
  if (/보도할\s*수\s*있|보도\s*시점|엠바고|배포\s*일시|^\s*(?:수\s*신|경\s*유|발\s*신|시\s*행|접\s*수)\b/.test(t)) return false;
  if (/제?\s*\d{2,4}\s*-\s*\d+\s*호|문서\s*번호|^[가-힣()]+\s*공고\s*제|공고번호/.test(t) || DOC_NUMBER.test(t)) return false;
  // A list item or a sub-headline ("◈ …", "- 사업기간 : …") is under the title, not it.
  if (/^(?:[-·○◦ㅇ∘▲▶◈❍]|\d\))\s/.test(t)) return false;
  const label = t.replace(/^[□■○◦ㅇ∘·▶-]\s*/, '');
  if (/^[#\w-]+\s*:\s/.test(label) || /^[^\s:：]{1,12}\s*[:：]/.test(label) || /^[가-힣](?:\s*[가-힣]){0,5}\s*[:：]/.test(label)) return false;
  if (/^[#\w-]+\s*:\s/.test(t) || /^[^\s:：]{1,12}\s*[:：]/.test(t) || /^[가-힣](?:\s*[가-힣]){0,5}\s*[:：]/.test(t)) return false;
  // A date line ("2025년 7월 3일(목) 정기"); "2025. 11월 먹는물 수질검사 결과" is a title that starts with its date.
  const afterDate = t.replace(/^\(?\d{4}\s*(?:년|\.)\s*\d{1,2}\s*(?:월|\.)\s*(?:\d{1,2}\s*(?:일|\.)?)?\s*(?:\([월화수목금토일]\))?/, '');
  if (afterDate !== t && (afterDate.match(/[가-힣]/g)?.length ?? 0) < 6) return false;
  // A sentence ("…공개모집하오니", "…바랍니다.") or a slogan that is one ("마음이 모이면 서울이 됩니다. "SEOUL MY SOUL"").
  if (/(?:니다|하오니|오니|바랍니다|하며|하고)\.?$/.test(t) || /니다[.!]?(?:\s|["'“”]|$)/.test(t)) return false;
  // A line in quotes from end to end is a motto ("일상 속 살아있는 보훈, 모두의 보훈").
  if (/^["“].*["”]$/.test(t) && !/["“”]/.test(t.slice(1, -1))) return false;
  PHONE.lastIndex = 0;
  if (PHONE.test(t) || /[☎☏]/.test(t)) return false;
  if (mostlyDate(t)) return false;
  if (/^[-–—]?\s*\d+\s*[-–—]?$|^page\s*\d/i.test(t)) return false;
  // A note ("※ 사진자료 추후 별송") or a line of unit names only ("관광정책과 관광정책팀", "복지환경위원회", "시 민 건 강 국").
  if (/^[※*]/.test(t)) return false;
  if (t.split(/\s+/).every((w) => /(?:과|팀|국|실|단|담당관|위원회|센터|본부|사업소)$/.test(w) || isUnit(w) || /^\(.*\)$/.test(w))) return false;
  const words = t.split(/\s+/);
  if ((words.length <= 2 || words.every((w) => w.length === 1)) && squash(t).length <= 14 && (isUnit(squash(t)) || /위원회$/.test(squash(t))))
    return false;
  // A unit and its size ("감사담당관 - (7)개팀", "3담당관 (9팀)"): nothing but units and counts.
  const rest = words.filter((w) => !isUnit(w)).join(' ').replace(/\d+\s*\)?\s*개?\s*(?:팀|과|명|개소|담당관)|[\d()\-·,\s]/g, '');
  if (words.some((w) => isUnit(w) || /^\d+[가-힣]+(?:관|팀|과)$/.test(w)) && (rest.match(/[가-힣]/g)?.length ?? 0) < 2) return false;
  // A table-of-contents entry ("Ⅰ. 기본현황 ·", "1. 제안공모요강 ····· 3") and a numbered section heading.
  if (/[·.…]{1,}\s*\d*$/.test(t) && /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d+|[a-z])\s*[.)]/.test(t)) return false;
  if (/^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|\d{1,2}|[a-z가-하])\s*[.)]\s/.test(t)) return false;
  // A row of a table's head ("사업구분	완료종료	…	담당부서	비고").
  if (t.includes('\t')) return false;
  // Letters spread over a cell ("홈 페 이 지 운 영"): a title spread so names the paper ("주 요 업 무 계 획").
  if (words.length >= 3 && words.every((w) => w.length === 1) && !KIND_END.test(squash(t))) return false;
  const cells = t.split(/\t/);
  if (cells.length >= 4 || (cells.length >= 2 && cells.some((c) => /^[\d,.%\s-]+$/.test(c)))) return false;
  return true;
}

function clean(t: string): string {
  return (
    t
      .replace(/^[#\s*□■○◈-]+/, '')
      .replace(/(?<!\*)\*+$/, '')
      // "(21) 내일배움카드(일반)(1131-300)": the running number of a brief's list is not the name.
      .replace(/^\(\d{1,3}\)\s+/, '')
      // A CSV cell: quoted, its own quotes doubled.
      .replace(/^"(.*)"$/, (_, v: string) => v.replace(/""/g, '"'))
      .replace(/<\/?[a-z]+:[^>]*>/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim() || t
  );
}

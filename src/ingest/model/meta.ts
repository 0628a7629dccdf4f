/**
 * Metadata of any document: a title that is a real title (never the release date, the embargo line, a document
 * number or a front-matter key), the issuing organisation and department, the document's date, and the people
 * to call — read from every line that writes a phone number or an extension beside a rank or a name, in
 * header blocks ("담당부서 : … 과장 정진근 051-888-4550"), contact lines ("담당 : 박인현 ☎4316"), 문의처
 * ("기반조성팀 권오태 책임매니저 (032-725-3306)") and plans' owner lines ("오은 단장(3800)").
 */
import type { DocMeta } from '../../domain/doc-model.js';
import { parseKoreanDate } from '../../domain/korean-date.js';
import type { Contact } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import { contactsFromPhoneLine, extensionOf } from '../structure/contacts.js';
import { detectOrganization } from '../structure/organization.js';

const RANK =
  '(?:과장|팀장|담당자|주무관|국장|실장|단장|부장|차장|본부장|센터장|소장|원장|책임매니저|선임매니저|매니저|책임연구원|선임연구원|연구원|전문위원|주임|대리|사원|계장|관장|책임자|담당관|담당)';
const PHONE = /(?<![\d-])(?:0\d{1,2}\s?[-.)]\s?)?\d{3,4}\s?-\s?\d{4}(?!\d)/g;
const UNIT = /([가-힣A-Za-z]{1,16}(?:담당관실|담당관|과|팀|국|실|단|센터|본부|사업소|사업단|지사|처|부))(?![가-힣])/;
const DOC_KIND = /^(?:보도(?:참고)?자료|설명자료|참고자료|회의자료|업무보고|보고서?|알림|공고|공고문|붙임\s*\d*|별첨\s*\d*|서식\s*\d*)$/;

export function readMeta(lines: string[], fileName: string): DocMeta {
  const contacts = readContacts(lines);
  const title = readTitle(lines);
  const department = labelled(lines, /^(?:담당\s*부서|주관\s*부서|소관\s*부서|부\s*서\s*명?)$/) ?? contacts.find((c) => c.department)?.department ?? null;
  return {
    title: title?.text ?? fileName.replace(/\.[^.]+$/, ''),
    titleLine: title?.line ?? 0,
    organization: detectOrganization(lines.slice(0, 400)),
    department: department ? (UNIT.exec(department)?.[1] ?? department) : null,
    date: readDate(lines),
    contacts,
  };
}

/** "담당부서 : 인공지능소프트웨어과 SW산업팀": the value of a label in the head of the document. */
function labelled(lines: string[], label: RegExp): string | null {
  for (const line of lines.slice(0, 60)) {
    for (const part of line.split(/\s{3,}/)) {
      // The label starts at a letter: a label that could start with spaces split a run of them many ways (quadratic).
      const m = /^\s*([가-힣][가-힣\s]{1,9}?)\s*[:：]\s*(\S.*)$/.exec(part);
      if (m && label.test(m[1]!.trim())) return m[2]!.trim();
    }
  }
  return null;
}

/** The first line that reads as a title: words, not a date, a number line, a label or the kind of paper. */
function readTitle(lines: string[]): { text: string; line: number } | null {
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    const fm = lines.slice(1, end > 0 ? end : 20).map((l) => /^\s*title\s*:\s*["']?(.+?)["']?$/i.exec(l.trimEnd())?.[1]).find(Boolean);
    if (fm) return { text: fm, line: 1 + lines.slice(1).findIndex((l) => /^\s*title\s*:/i.test(l)) + 1 };
    start = end > 0 ? end + 1 : 0;
  }
  for (let i = start; i < Math.min(lines.length, start + 60); i++) {
    const t = lines[i]!.trim().replace(/\s{2,}/g, ' ');
    if (isTitle(t)) return { text: cleanTitle(t), line: i + 1 };
  }
  return null;
}

function isTitle(t: string): boolean {
  if (t.length < 6 || t.length > 140) return false;
  if ((t.match(/[가-힣]/g)?.length ?? 0) < 4) return false;
  if (DOC_KIND.test(t.replace(/\s+/g, ''))) return false;
  if (/보도할\s*수\s*있|보도\s*시점|엠바고|배포\s*일시|^\s*(?:수\s*신|경\s*유|발\s*신|시\s*행|접\s*수)\b/.test(t)) return false;
  if (/제?\s*\d{2,4}\s*-\s*\d+\s*호|문서\s*번호|^[가-힣()]+\s*공고\s*제/.test(t)) return false;
  if (/^[#\w-]+\s*:\s/.test(t) || /^[^\s:：]{1,12}\s*[:：]/.test(t) || /^[가-힣](?:\s*[가-힣]){0,5}\s*[:：]/.test(t)) return false;
  // A date line ("2025년 7월 3일(목) 정기"); "2025. 11월 먹는물 수질검사 결과" is a title that starts with its date.
  const afterDate = t.replace(/^\(?\d{4}\s*(?:년|\.)\s*\d{1,2}\s*(?:월|\.)\s*(?:\d{1,2}\s*(?:일|\.)?)?\s*(?:\([월화수목금토일]\))?/, '');
  if (afterDate !== t && (afterDate.match(/[가-힣]/g)?.length ?? 0) < 6) return false;
  // A sentence of the body ("…공개모집하오니", "…바랍니다.") is not the title.
  if (/(?:니다|하오니|오니|바랍니다|하며|하고)\.?$/.test(t)) return false;
  PHONE.lastIndex = 0;
  if (PHONE.test(t) || /☎/.test(t)) return false;
  // A date line ("2025년 7월 3일(목) 정기"): the date takes most of it.
  const date = parseKoreanDate(t.replace(/\([월화수목금토일]\)/g, ''));
  if (date && date.written.length >= t.replace(/\s+/g, '').length * 0.5) return false;
  if (/^[-–—]?\s*\d+\s*[-–—]?$|^page\s*\d/i.test(t)) return false;
  // A note ("※ 사진자료 추후 별송") or a line of unit names only ("관광정책과 관광정책팀", "복지환경위원회").
  if (/^[※*]/.test(t)) return false;
  if (t.split(/\s+/).every((w) => /(?:과|팀|국|실|단|담당관|위원회|센터|본부|사업소)$/.test(w))) return false;
  return true;
}

function cleanTitle(t: string): string {
  return t.replace(/^[#\s*□■○◈-]+/, '').replace(/(?<!\*)\*+$/, '').trim() || t;
}

function readDate(lines: string[]): DocMeta['date'] {
  for (const line of lines.slice(0, 15)) {
    const m = /(20\d{2})\s*(?:년|\.)\s*(\d{1,2})\s*(?:월|\.)\s*(\d{1,2})\s*(?:일|\.)?/.exec(line);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const ok = mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
      return { written: m[0].trim(), iso: ok ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null };
    }
  }
  return null;
}

/** Contacts of every line that writes a number beside a rank or a name; the ☎ reader keeps its own lines. */
export function readContacts(lines: string[]): Contact[] {
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (c: Contact) => {
    const key = `${c.name}|${c.position}|${c.phone}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  const headDepartment = labelled(lines, /^(?:담당\s*부서|주관\s*부서|부\s*서\s*명?)$/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 2_000) continue;
    if (line.includes('☎')) {
      const found = contactsFromPhoneLine(line, i + 1, null);
      for (const c of found) add(c);
      if (found.length) continue;
    }
    for (const c of contactsOfLine(line, i + 1, lines[i - 1] ?? '', headDepartment)) add(c);
  }
  return out;
}

const RANK_RE = new RegExp(RANK, 'g');
const NAME = /^[가-힣]{2,4}$/;
/** Words of a contact line that are not a person's name. */
const NOT_NAME = /^(?:문의|연락처|전화|담당|부서|기타|팩스|자세한|해당)$|사항|메일|관련|구분|안내|접수|제출|번호|주소|기관|센터/;

function contactsOfLine(line: string, lineNo: number, above: string, headDepartment: string | null): Contact[] {
  const out: Contact[] = [];
  const phones: Array<{ phone: string; start: number; end: number }> = [];
  PHONE.lastIndex = 0;
  for (const m of line.matchAll(PHONE)) phones.push({ phone: m[0].replace(/\s/g, ''), start: m.index, end: m.index + m[0].length });
  // "오은 단장(3800)": an extension in brackets right after a rank or a name.
  for (const m of line.matchAll(new RegExp(`([가-힣]{2,4})\\s*(?:${RANK}\\s*)?\\((\\d{4})\\)`, 'g'))) {
    phones.push({ phone: m[2]!, start: m.index + m[0].length - 6, end: m.index + m[0].length });
  }
  phones.sort((a, b) => a.start - b.start);
  let from = 0;
  for (const p of phones) {
    // What belongs to this number: from the previous number (or the column gap before it) to the number.
    let seg = line.slice(from, p.start);
    // From the first of a run of spaces only: from each of them, a long run at the end was read to its end each time.
    const gap = seg.search(/(?<!\s)\s{3,}\S/);
    if (gap >= 0 && /\S\s{3,}/.test(seg)) seg = seg.slice(seg.lastIndexOf('   ') + 3);
    from = p.end;
    seg = seg.replace(/[()[\]:：/,☏☎*]/g, ' ').replace(/\s+/g, ' ').trim();
    // A number alone on its line (a table written a cell a line, "이유미 매니저" above "☏ 051-…"): the line above names it.
    if (!/[가-힣]{2}/.test(seg) && above.trim().length <= 60) seg = above.replace(/[()[\]:：/,☏☎*]/g, ' ').replace(/\s+/g, ' ').trim();
    // "(재)제주창조경제혁신센터(☏064-710-1900)로 문의하시기 바랍니다": the office to call, without a person.
    const inquiry = /문의|연락처|전화/.test(line) ? [...line.slice(0, p.start).matchAll(new RegExp(UNIT.source, 'g'))].at(-1)?.[1] : undefined;
    const words = seg.split(' ').filter(Boolean);
    if ((words.length === 0 || words.length > 8) && !inquiry) continue;
    RANK_RE.lastIndex = 0;
    const ranks = [...seg.matchAll(RANK_RE)];
    const rank = ranks.at(-1)?.[0] ?? null;
    // The name: a 2–4 syllable word that is not a rank or a unit, nearest the number.
    const name = [...words].reverse().find((w) => NAME.test(w) && !new RegExp(`^${RANK}$`).test(w) && !UNIT.test(w) && !NOT_NAME.test(w)) ?? null;
    if (!rank && !name && inquiry) {
      out.push({ name: null, position: '문의처', department: inquiry, team: null, phone: p.phone, extension: extensionOf(p.phone), src: src(null, lineNo) });
      continue;
    }
    if (!rank && !name) continue;
    if (!rank && !/문의|연락|담당|전화|☎|☏|TEL/i.test(seg + above + line)) continue;
    const unit = words.map((w) => UNIT.exec(w)?.[1]).find((u) => u && !new RegExp(`^${RANK}$`).test(u)) ?? null;
    out.push({
      name,
      position: rank,
      department: unit && !/팀$/.test(unit) ? unit : (headDepartment ? (UNIT.exec(headDepartment)?.[1] ?? null) : null),
      team: unit && /팀$/.test(unit) ? unit : (headDepartment ? (/(?<![가-힣A-Za-z])([가-힣A-Za-z]+팀)/.exec(headDepartment)?.[1] ?? null) : null),
      phone: p.phone,
      extension: extensionOf(p.phone),
      src: src(null, lineNo),
    });
  }
  return out;
}

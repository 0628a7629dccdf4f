/**
 * Metadata of any document: a title that is a real title (never the release date, the embargo line, a document
 * number, a front-matter key or a letterhead slogan), the issuing organisation and department, the document's
 * date, and the people to call — from a press release's header block (several departments stacked, each keeping
 * its own people), a 시행문's approval line, and every line that writes a phone number or an extension beside a
 * rank or a name: contact lines ("담당 : 박인현 ☎4316"), 문의처 ("기반조성팀 권오태 책임매니저 (032-725-3306)"),
 * plans' owner lines ("오은 단장(3800)"), a number with its person after it ("055-771-4876(라선중 과장)").
 */
import type { DocMeta } from '../../domain/doc-model.js';
import type { Contact } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import { contactsFromPhoneLine, extensionOf } from '../structure/contacts.js';
import { detectOrganization } from '../structure/organization.js';
import { readApprovalFoot, readHeaderBlock } from './meta-blocks.js';
import { dateLine, fieldOf, isUnit, PHONE, phoneOf, RANK, RANK_ONLY, squash, unitsOf } from './meta-text.js';
import { issuedTitle, readTitle } from './meta-title.js';

export { readTitle } from './meta-title.js';

const DEPARTMENT_LABEL = /^(?:담당부서|주관부서|소관부서|부서명?|담당기관\(?부서\)?)$/;
/** The head's department field, else the body's "담당 부서" (a ministry's release writes it after the text). */
const departmentField = (lines: string[]) =>
  fieldOf(lines, DEPARTMENT_LABEL, 0, 60) ?? fieldOf(lines, /^(?:담당부서|주관부서)$/, 60, lines.length);
const DOC_NUMBER = /^([가-힣A-Za-z0-9()·ㆍ]+?)\s*[-–]\s*\d{1,8}$/;

export function readMeta(lines: string[], fileName: string): DocMeta {
  const title = readTitle(lines);
  const foot = readApprovalFoot(lines);
  const header = readHeaderBlock(lines, title ? title.line - 1 : 0);
  const contacts = readContacts(lines, { title, foot, header });
  const organization = readIssuer(lines) ?? detectOrganization(lines.slice(0, 400));
  const department = readDepartment(lines, header, foot, title) ?? contacts.find((c) => c.department)?.department ?? null;
  const named = title ?? issuedTitle(lines, { organization, department });
  return {
    title: named?.text ?? fileName.replace(/\.[^.]+$/, ''),
    titleLine: named?.line ?? 0,
    organization,
    department,
    date: readDate(lines, foot),
    contacts,
  };
}

/**
 * The department: a 담당부서/부서 field, a form's document number ("청년사업담당관-707"), the header block's
 * first unit, or the unit a plan's cover names under its title ("첨단산업국", "시 민 건 강 국").
 */
function readDepartment(
  lines: string[],
  header: ReturnType<typeof readHeaderBlock>,
  foot: ReturnType<typeof readApprovalFoot>,
  title: { line: number } | null,
): string | null {
  // The head's field, else a foot's ("담당 부서 / 대외경제국" in a ministry's release).
  const field = departmentField(lines);
  if (field) {
    // Units outermost first: the last above the team ("문화본부 한양도성도감", "비상기획관 민방위담당관"), even one of
    // a name no suffix tells ("시민감사옴부즈만위원회").
    const words = field.value.trim().split(/\s+/);
    const last = words.filter((w) => !/팀$/.test(w)).at(-1);
    if (words.length <= 3 && last && /^[0-9가-힣A-Za-z·]{3,20}$/.test(last) && !RANK_ONLY.test(last)) return last;
    const { department } = unitsOf(field.value);
    if (department) return department;
  }
  if (header?.units[0]?.department) return header.units[0].department;
  const number = fieldOf(lines, /^(?:문서번호|등록번호|생산등록번호)$/, 0, 40);
  const fromNumber = number && DOC_NUMBER.exec(number.value.trim())?.[1];
  if (fromNumber && isUnit(fromNumber)) return fromNumber;
  if (foot?.department) return foot.department;
  if (title) {
    // The next few written lines under the title.
    const under = [];
    for (let i = title.line; i < Math.min(lines.length, title.line + 8) && under.length < 3; i++) if (lines[i]!.trim()) under.push(i);
    for (const i of under) {
      const t = lines[i]!.trim().replace(/^\(|\)$/g, '');
      const words = t.split(/\s+/);
      // "시 민 건 강 국" is one word spread out; "부산광역시 낙동강관리본부" names the unit last.
      const word = words.every((w) => w.length === 1) ? squash(t) : words.length <= 3 ? words.at(-1)! : '';
      if (word.length <= 20 && isUnit(word) && !/위원회$/.test(word)) return word;
    }
  }
  return null;
}

const HEAD_TITLE = /(?:원장|대표이사|이사장|장관|청장|시장|군수|구청장|센터장|총장)$/;

/**
 * Who issued a notice, as it signs: "과학기술정보통신부 공고 제2026-0320호", "재단법인 부산테크노파크 공고 …", or the
 * line under its date ("(재)부산테크노파크 원장", "부총리 겸 과학기술정보통신부 장관"). Null when it does not sign so
 * (the organisation is then the one the text names most).
 */
function readIssuer(lines: string[]): string | null {
  const strip = (s: string) => s.replace(/^\(?(?:재|사)\)\s*|^(?:재단법인|사단법인)\s*/, '').trim();
  for (const line of lines.slice(0, 3)) {
    const m = /^\s*[[【(]?\s*([^\s[\]【】].{1,40}?)\s*공고\s*(?:번호\s*)?제?\s*\d{2,4}\s*-\s*\d+\s*호/.exec(line);
    if (m && /[가-힣A-Za-z]{2}/.test(m[1]!)) return strip(m[1]!);
  }
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    if (!dateLine(lines[i]!)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
      const t = lines[j]!.trim().split('·')[0]!.replace(/^.*\s겸\s+/, '');
      if (t.length > 40 || !HEAD_TITLE.test(t)) continue;
      const org = strip(t.replace(HEAD_TITLE, ''));
      if (/[가-힣]{2}/.test(org)) return org;
    }
  }
  return null;
}

const DATE_LABEL = /^(?:보도시점|보도일시|배포일시|시행일자|결재일자|등록일자|기안일자|작성일자?|공고일자?|생산일자)$/;

/** The document's own date: a labelled one, the 시행 date at a form's foot, else the first date line of the head. */
function readDate(lines: string[], foot: ReturnType<typeof readApprovalFoot>): DocMeta['date'] {
  const field = fieldOf(lines, DATE_LABEL, 0, 60);
  const labelled = field && dateLine(field.value);
  if (labelled) return labelled;
  if (foot?.date) return foot.date;
  for (const line of lines.slice(0, 40)) {
    const d = dateLine(line);
    if (d) return d;
  }
  return null;
}

interface Read {
  title: { text: string; line: number } | null;
  foot: ReturnType<typeof readApprovalFoot>;
  header: ReturnType<typeof readHeaderBlock>;
}

/** Contacts of the header block, the approval line and every other line that writes a number beside a rank or a name. */
export function readContacts(lines: string[], read?: Read): Contact[] {
  const title = read ? read.title : readTitle(lines);
  const foot = read ? read.foot : readApprovalFoot(lines);
  const header = read ? read.header : readHeaderBlock(lines, title ? title.line - 1 : 0);
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (c: Contact) => {
    const key = `${c.name}|${c.position}|${c.phone}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const c of header?.contacts ?? []) add(c);
  for (const c of foot?.contacts ?? []) add(c);
  const headDepartment = departmentField(lines)?.value ?? null;
  const headUnits = headDepartment ? unitsOf(headDepartment) : null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 2_000 || header?.lines.has(i) || foot?.lines.has(i)) continue;
    if (line.includes('☎')) {
      const found = contactsFromPhoneLine(line, i + 1, null);
      for (const c of found) add(c);
      if (found.length) continue;
    }
    for (const c of contactsOfLine(lines, i, headUnits)) add(c);
  }
  return out;
}

const RANK_RE = new RegExp(`(?<![가-힣])${RANK}(?![가-힣])`, 'g');
const NAME = /^[가-힣]{2,4}$/;
/** Words of a contact line that are not a person's name. */
const NOT_NAME =
  /^(?:문의|연락처|전화|담당|부서|기타|팩스|자세한|해당|구분|성명|이름|직위|직급|소속|내선|책임|직원)$|사항|메일|관련|구분|안내|접수|제출|번호|주소|기관|센터|문의|담당$/;
/** "4823(김승희 직원)": a number and the person it belongs to, after it. */
const NUMBER_THEN_PERSON = new RegExp(
  `((?:0\\d{1,2}-)?\\d{3,4}-\\d{4}|(?<![\\d-])\\d{4}(?![\\d-]))\\s*\\(\\s*([가-힣]{2,4})\\s*(${RANK}|직원|책임|선임)?\\s*\\)`,
  'g',
);

function contactsOfLine(lines: string[], index: number, headUnits: { department: string | null; team: string | null } | null): Contact[] {
  const line = lines[index]!;
  const above = lines[index - 1] ?? '';
  const lineNo = index + 1;
  const out: Contact[] = [];
  // "055-771-4876(라선중 과장), 4823(김승희 직원)": the person follows the number; short ones share its exchange.
  const after = [...line.matchAll(NUMBER_THEN_PERSON)];
  if (after.length && after.every((m) => !NOT_NAME.test(m[2]!) && !RANK_ONLY.test(m[2]!))) {
    let prefix: string | null = null;
    // The unit is the cell above ("국토안전관리원 그린리모델링창조센터" over its numbers).
    const unit = unitsOf(/\d/.test(above) || above.length > 60 ? '' : above);
    for (const m of after) {
      const full = m[1]!.includes('-');
      if (full) prefix = m[1]!.slice(0, m[1]!.lastIndexOf('-'));
      const phone = full || !prefix ? m[1]! : `${prefix}-${m[1]}`;
      out.push({ name: m[2]!, position: m[3] ?? null, department: unit.department, team: unit.team, phone, extension: extensionOf(phone), src: src(null, lineNo) });
    }
    return out;
  }
  const phones: Array<{ phone: string; start: number; end: number }> = [];
  PHONE.lastIndex = 0;
  for (const m of line.matchAll(PHONE)) phones.push({ phone: phoneOf(m[0]), start: m.index, end: m.index + m[0].length });
  // "오은 단장(3800)", "박진기 책임(3807)": an extension in brackets right after a rank or a name.
  for (const m of line.matchAll(new RegExp(`([가-힣]{2,4})\\s*(?:(?:${RANK}|책임)\\s*)?\\((\\d{4})\\)`, 'g'))) {
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
    seg = seg.replace(/[()[\]:：/,☏☎*“”"]/g, ' ').replace(/\s+/g, ' ').trim();
    // A number alone on its line (a table written a cell a line): the lines above name it ("강병중" over "(044-…)",
    // "이유미 매니저" over "☏ 051-…"), up to a line that holds a number of its own.
    if (!/[가-힣]{2}/.test(seg)) seg = cellsAbove(lines, index);
    // "…(☏064-710-1900)로 문의하시기 바랍니다", "“731-8226으로 문의": the office to call, without a person.
    const inquiry = /문의|연락처|전화/.test(line) || underInquiry(lines, index);
    const office = inquiry ? [...line.slice(0, p.start).split(/[\s()[\]:：]+/)].filter(isUnit).at(-1) : undefined;
    const words = seg.split(' ').filter(Boolean);
    if ((words.length === 0 || words.length > 8) && !inquiry) continue;
    RANK_RE.lastIndex = 0;
    const ranks = [...seg.matchAll(RANK_RE)];
    // "기획본부 인사담당": a role written as one word stands for the rank.
    const role = words.find((w) => /^[가-힣]{1,6}담당$/.test(w) && w !== '담당');
    const rank = ranks.at(-1)?.[0] ?? role ?? null;
    // The name: a 2–4 syllable word that is not a rank or a unit, nearest the number; with no rank, the word right
    // before it (a word further back in a sentence is a word of the sentence: "궁금한 점이나 의문사항은").
    const candidates = rank ? [...words].reverse() : words.slice(-1);
    const name = candidates.find((w) => NAME.test(w) && !RANK_ONLY.test(w) && !isUnit(w) && !NOT_NAME.test(w)) ?? null;
    if (!rank && !name && inquiry) {
      const unit = office ? unitsOf(office) : unitsNear(lines, index, seg);
      out.push({ name: null, position: '문의처', department: unit.department ?? unit.team, team: unit.team, phone: p.phone, extension: extensionOf(p.phone), src: src(null, lineNo) });
      continue;
    }
    if (!rank && !name) continue;
    if (!rank && !/문의|연락|담당|전화|☎|☏|TEL/i.test(seg + above + line)) continue;
    const own = unitsOf(words.join(' '));
    const department = own.department ?? (own.team ? null : (headUnits?.department ?? null));
    out.push({
      name,
      position: rank,
      department,
      team: own.team ?? (own.department ? null : (headUnits?.team ?? null)),
      phone: p.phone,
      extension: extensionOf(p.phone),
      src: src(null, lineNo),
    });
  }
  return out;
}

/** The cells written above a number alone on its line: back to a blank line or a line with a number of its own. */
function cellsAbove(lines: string[], index: number): string {
  const cells: string[] = [];
  for (let j = index - 1; j >= Math.max(0, index - 3); j--) {
    const t = lines[j]!.trim();
    PHONE.lastIndex = 0;
    if (!t || t.length > (j === index - 1 ? 60 : 12) || PHONE.test(t) || /^(?:담당자|책임자|전화|전화번호|연락처|이메일|구분)$/.test(squash(t))) break;
    // A short cell spread over its width ("과  장") is one word.
    cells.unshift(t.length <= 8 ? squash(t) : t);
    // Past the line right above, only cells of a table written a cell a line.
    if (t.length > 12) break;
  }
  return cells.join(' ').replace(/[()[\]:：/,☏☎*]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Under a "문의처" heading: a table of numbers with the office beside them ("□ 문 의 처" / "구분 전화 이메일" / …). */
function underInquiry(lines: string[], index: number): boolean {
  for (let j = index - 1; j >= Math.max(0, index - 6); j--) if (/문\s*의\s*처/.test(lines[j]!) && lines[j]!.trim().length <= 30) return true;
  return false;
}

/** The unit of an office's number: the words before it, else a line of unit words only right above or below it. */
function unitsNear(lines: string[], index: number, seg: string): { department: string | null; team: string | null } {
  const own = unitsOf(seg);
  if (own.department || own.team) return own;
  for (const j of [index - 1, index + 1, index - 2, index + 2]) {
    const t = lines[j]?.trim() ?? '';
    if (!t || t.length > 60 || /\d/.test(t) || !t.split(/\s+/).every(isUnit)) continue;
    return unitsOf(t);
  }
  return { department: null, team: null };
}

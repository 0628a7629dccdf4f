/**
 * 결재문서, in the two layouts an electronic approval system prints:
 * - 보고/계획 (an approved report or plan): a form head — 문서번호/등록번호 "부서-번호", 결재일자/등록일자,
 *   공개여부, the approval line (positions, then the names that signed, in the same order) — then the title
 *   (printed twice: cover and body), a ☎ contact line and a body of □ sections.
 * - 시행문 (an outgoing or internal letter): 수신, 제목, a body of 가. 나. 다. items, then at the foot the approval
 *   line with each position followed by its signer (代 for a deputy), 협조자, "시행 부서-번호 (date)", the office's
 *   address, 전화 (the drafter's), 전송, e-mail and 공개 구분.
 * One record per document, keyed by the document number. Body "label : value" items become facts; values the
 * published copy masks with `*` are kept as withheld.
 */
import { parseKoreanDate, type ResolvedDate, splitTrailingDate } from '../../domain/korean-date.js';
import { type Money, parseAmountWithUnit, unitFromText } from '../../domain/money.js';
import { emptyBudget, emptyRecord, type ProjectRecord, partialStatus, recordKey } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import { compact } from '../structure/cells.js';
import { contactsFromPhoneLine, extensionOf } from '../structure/contacts.js';
import { bulletLevel, headingText, stripBullet } from '../structure/headings.js';
import { detectOrganization } from '../structure/organization.js';
import { cellsAroundReadValue, readColumnRun } from '../tables/flattened.js';
import { type TabRow, tabRunsOf } from '../tables/rows.js';

type Contact = ProjectRecord['contacts'][number];
type Fact = NonNullable<ProjectRecord['facts']>[number];
type Milestone = ProjectRecord['milestones'][number];
type Budget = NonNullable<ProjectRecord['budget']>;

/** How far into the file the form head may reach. */
const HEAD_LINES = 80;
const NUMBER_LABEL = /^(?:문서번호|등록번호|생산등록번호)\s*[:：]?\s*(.*)$/;
const DATE_LABEL = /^(결재일자|시행일자|등록일자|기안일자|생산일자)\s*[:：]?\s*(.*)$/;
/** Form labels whose value sits on the next line; the value is not a person. */
const VALUE_LABEL =
  /^(?:문서번호|등록번호|생산등록번호|결재일자|시행일자|등록일자|기안일자|생산일자|공개여부|공개구분|방침번호|보존기간)$/;
/** Form words that stand alone in the head and are neither positions nor names. */
const FORM_WORD =
  /^(?:협조자?|업무보고|전결|대결|결재|결재권자|기안자?|검토자?|수신|수신자|참조|경유|시행|접수|보고|발신|공람)$/;
const TITLE_LABEL = /^제\s*목\s*[:：]\s*(.+)$/;
/** "청년사업담당관-6308", "철도시설과-7539". */
const DOC_NUMBER = /^([가-힣A-Za-z0-9()·ㆍ]+?)\s*[-–]\s*(\d{1,8})$/;
const POSITION =
  /(?:주무관|실무관|팀장|과장|담당관|기획관|국장|실장|본부장|단장|소장|센터장|관장|부시장|시장|구청장|군수|부장|차장|계장|반장|담당|장)$/;
const NAME = /^[가-힣]{2,4}$/;
/** A signature in someone's stead: "代이동건", "대결 김철수", "전결". */
const SIGNED_AS = /^(代|대결|직대|전결)\s*/;
/** A date stamp beside a signature: "12/02", "08/19". */
const STAMP = /^\d{1,2}\/\d{1,2}$/;
const DISCLOSURE = /^(?:부분\s*공개|비\s*공개|공개)(?:\s*\([\d,\s]+\))?$/;
const ENFORCEMENT = /^시행$/;
const ORG_UNIT = /^\(?[가-힣]+(?:과|국|실|단|센터|담당관|기획관|본부|사업소)\)?$/;

interface Head {
  layout: 'report' | 'enforcement';
  code: string;
  codeLine: number;
  department: string | null;
  date: ResolvedDate | null;
  dateLine: number | null;
  /** 0-based: where the form head starts (보고) or where the approval line at the foot starts (시행문). */
  formStart: number;
  disclosure: { text: string; line: number } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Form head

/**
 * The lines the document model read, as written, in order (model/lines-read.ts): a form printed one cell a line is
 * read cell by cell. Positions in this list are what the readers below step through; blank lines and rules are no
 * line of it, so "the next line" of a cell is the next one read, and "the line right under it" must follow it.
 */
type Read = LineRead[];

/** The line read right under the k-th (null when a blank line or a rule stands between). */
function under(read: Read, k: number): LineRead | null {
  const next = read[k + 1];
  return next && next.n === read[k]!.last + 1 ? next : null;
}

/** Positions of the lines whose 0-based index is in [from, to): the ranges the readers below are given. */
function positions(read: Read, from: number, to: number): { start: number; end: number } {
  const start = read.findIndex((l) => l.n > from);
  const end = read.findIndex((l) => l.n > to);
  return { start: start < 0 ? read.length : start, end: end < 0 ? read.length : end };
}

/** A label's value: the rest of its line, else the next line within two. `at` is the position it is read at. */
function valueAfter(read: Read, k: number, inline: string): { value: string; at: number; line: number } | null {
  if (inline.trim()) return { value: inline.trim(), at: k, line: read[k]!.n };
  const next = read[k + 1];
  return next && next.n <= read[k]!.n + 2 ? { value: next.text.trim(), at: k + 1, line: next.n } : null;
}

function readHead(read: Read): Head | null {
  return readReportHead(read) ?? readEnforcementHead(read);
}

function readReportHead(read: Read): Head | null {
  let head: Head | null = null;
  const limit = positions(read, 0, HEAD_LINES).end;
  for (let k = 0; k < limit && !head; k++) {
    const m = NUMBER_LABEL.exec(read[k]!.text.trim());
    const v = m ? valueAfter(read, k, m[1]!) : null;
    if (!v || !DOC_NUMBER.test(v.value)) continue;
    const parts = DOC_NUMBER.exec(v.value)!;
    head = {
      layout: 'report',
      code: `${parts[1]}-${parts[2]}`,
      codeLine: v.line,
      department: parts[1]!,
      date: null,
      dateLine: null,
      formStart: read[k]!.n - 1,
      disclosure: null,
    };
  }
  if (!head) return null;
  for (let k = 0; k < limit && !head.disclosure; k++) {
    const t = compact(read[k]!.text);
    if (!/^공개(?:여부|구분)\s*[:：]?/.test(t)) continue;
    const v = valueAfter(read, k, t.replace(/^공개(?:여부|구분)[:：]?/, ''));
    if (v && DISCLOSURE.test(compact(v.value))) head.disclosure = { text: compact(v.value), line: v.line };
  }
  // 결재일자 is the decision; 시행/등록일자 stand in when it is missing.
  let rank = Number.POSITIVE_INFINITY;
  for (let k = 0; k < limit; k++) {
    const m = DATE_LABEL.exec(read[k]!.text.trim());
    const v = m ? valueAfter(read, k, m[2]!) : null;
    const date = v ? parseKoreanDate(v.value) : null;
    const r = m ? ['결재일자', '시행일자', '등록일자', '기안일자', '생산일자'].indexOf(m[1]!) : -1;
    if (date?.start && v && r < rank) {
      rank = r;
      head.date = date;
      head.dateLine = v.line;
    }
  }
  return head;
}

/**
 * 시행문: "시행" then the number "청년사업담당관-9702" and its date in brackets, near the foot. The approval line
 * above it runs back to where the body stops: every line up to it is a position, a name, a stamp or a form word.
 */
function readEnforcementHead(read: Read): Head | null {
  for (let k = read.length - 1; k >= 0; k--) {
    if (!ENFORCEMENT.test(compact(read[k]!.text))) continue;
    const v = valueAfter(read, k, '');
    const parts = v ? DOC_NUMBER.exec(compact(v.value)) : null;
    if (!v || !parts) continue;
    let date: ResolvedDate | null = null;
    let dateLine: number | null = null;
    // The date in the three lines under the number.
    for (let j = v.at + 1; j < read.length && read[j]!.n <= v.line + 3 && !date; j++) {
      const d = parseKoreanDate(read[j]!.text.trim());
      if (d?.start && d.precision === 'day') {
        date = d;
        dateLine = read[j]!.n;
      }
    }
    let disclosure: Head['disclosure'] = null;
    for (let j = read.length - 1; j > v.at && !disclosure; j--) {
      const t = compact(read[j]!.text);
      if (DISCLOSURE.test(t)) disclosure = { text: t, line: read[j]!.n };
    }
    return {
      layout: 'enforcement',
      code: `${parts[1]}-${parts[2]}`,
      codeLine: v.line,
      department: parts[1]!,
      date,
      dateLine,
      formStart: signatureStart(read, k),
      disclosure,
    };
  }
  return null;
}

function isSignatureLine(t: string): boolean {
  return (
    t === '' ||
    STAMP.test(t) ||
    FORM_WORD.test(t) ||
    POSITION.test(t) ||
    NAME.test(t.replace(SIGNED_AS, '')) ||
    /^협조자?$/.test(t)
  );
}

/**
 * 0-based line index of the first line of the approval line that ends just above the k-th line read ("시행"):
 * blank lines, no line read, belong to it as they come.
 */
function signatureStart(read: Read, k: number): number {
  let start = read[k]!.n - 1;
  for (let j = k - 1; j >= 0; j--) {
    const t = compact(read[j]!.text);
    if (!isSignatureLine(t) || /[.,:：]/.test(t)) {
      // The blank lines under the line that stops the run are the approval line's.
      return Math.min(start, read[j]!.last);
    }
    start = read[j]!.n - 1;
  }
  return 0;
}

interface Signer {
  position: string | null;
  name: string;
  line: number;
  /** The line the position is written on, when it is not the name's ("계약2팀장" / "홍경숙"). */
  positionLine: number | null;
  signedAs: string | null;
  cooperator: boolean;
}

/** The foot's approval line: each position followed by its signer, stamps between, 협조자 before the cooperators. */
function readInterleavedSigners(read: Read, from: number, to: number): Signer[] {
  const out: Signer[] = [];
  let position: string | null = null;
  let positionLine: number | null = null;
  let cooperator = false;
  const { start, end } = positions(read, from, to);
  for (const { n: line, text } of read.slice(start, end)) {
    const t = compact(text);
    if (!t || STAMP.test(t)) continue;
    if (/^협조자?$/.test(t)) {
      cooperator = true;
      position = null;
      continue;
    }
    const mark = SIGNED_AS.exec(t);
    const name = t.replace(SIGNED_AS, '');
    if (position && NAME.test(name) && !POSITION.test(name)) {
      out.push({ position, name, line, positionLine, signedAs: mark ? mark[1]! : null, cooperator });
      position = null;
    } else if (POSITION.test(t)) {
      position = t;
      positionLine = line;
    }
  }
  return out;
}

/** The 시행문 foot after the number: 전화 (the drafter's line), 전송 (the office fax), the e-mail. */
function readFooter(
  read: Read,
  from: number,
): { phone: string | null; fax: string | null; email: string | null; line: number | null; faxLine: number | null; emailLine: number | null } {
  const foot = {
    phone: null as string | null,
    fax: null as string | null,
    email: null as string | null,
    line: null as number | null,
    faxLine: null as number | null,
    emailLine: null as number | null,
  };
  for (let k = positions(read, from, from).start; k < read.length; k++) {
    const t = compact(read[k]!.text);
    const label = /^\/?(전화|전송|팩스|FAX|fax)$/.exec(t);
    if (label) {
      const v = valueAfter(read, k, '');
      if (v && /^[\d-]{7,}$/.test(compact(v.value))) {
        if (label[1] === '전화') {
          foot.phone = compact(v.value);
          foot.line = v.line;
        } else {
          foot.fax = compact(v.value);
          foot.faxLine = v.line;
        }
      }
      continue;
    }
    const mail = /^\/?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/.exec(t);
    if (mail && !foot.email) {
      foot.email = mail[1]!;
      foot.emailLine = read[k]!.n;
    }
  }
  return foot;
}

interface Title {
  text: string;
  line: number;
  /** 0-based index of the first body line. */
  bodyStart: number;
  /** 0-based index where the approval line stops. */
  headEnd: number;
}

/**
 * The title: the 제목 label's value, written as spaced in the line that repeats it (the "제목:" copy often has
 * its spaces squeezed out); without a label, the line the form prints twice (cover and body).
 */
function readTitle(read: Read, head: Head): Title | null {
  const limit = positions(read, 0, HEAD_LINES).end;
  for (let k = 0; k < limit; k++) {
    const { n, text } = read[k]!;
    // "제목" alone on its line (시행문): the title is the next line.
    if (compact(text) === '제목') {
      const v = valueAfter(read, k, '');
      if (v && /[가-힣A-Za-z]{2}/.test(v.value)) return { text: v.value, line: v.line, bodyStart: v.line, headEnd: n - 1 };
    }
    const m = TITLE_LABEL.exec(text.trim());
    if (!m) continue;
    const key = compact(m[1]!);
    const spaced = read.slice(0, limit).find((l) => compact(l.text) === key && /\s/.test(l.text.trim()));
    return { text: (spaced?.text ?? m[1]!).trim(), line: n, bodyStart: n, headEnd: n - 1 };
  }
  const seen = new Map<string, LineRead>();
  for (let k = positions(read, head.formStart, head.formStart).start; k < limit; k++) {
    const t = read[k]!.text.trim();
    const key = titleKey(t);
    // A department or position printed twice (approval line, cover) is not the title.
    if (key.length < 6 || !/[가-힣]/.test(key) || VALUE_LABEL.test(key) || POSITION.test(key) || ORG_UNIT.test(key)) {
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      // The copy without withheld marks, as spaced, is the title to show.
      const text = first.text.includes('*') ? t : first.text.trim();
      return { text, line: first.n, bodyStart: read[k]!.n, headEnd: first.n - 1 };
    }
    seen.set(key, read[k]!);
  }
  return null;
}

/**
 * The cover and the body print the title with different brackets and spacing ("「…」 사전 규격 공개" and
 * "｢…｣ 사전규격공개"), one of them with a withheld word ("2025년 서울 청년수당 ** 모집"): compared without them.
 */
function titleKey(line: string): string {
  return compact(line).replace(/[「」｢｣『』《》〈〉<>'"‘’“”*]/g, '');
}

/**
 * The approval line: positions first ("주무관", "청년생활지원팀장", or split over lines "철도시설과" + "장"), then
 * the names in the same order. Dates, "12/30" stamps and form labels with their values are skipped.
 */
function readApprovalLine(read: Read, from: number, to: number): Signer[] {
  const posts: Array<{ text: string; line: number }> = [];
  const names: Array<{ name: string; line: number; signedAs: string | null }> = [];
  const { start, end } = positions(read, from, to);
  for (let k = start; k < end; k++) {
    const line = read[k]!.n;
    const raw = read[k]!.text.trim().replace(/\s+/g, '');
    const mark = SIGNED_AS.exec(raw);
    const t = mark && raw.length > mark[0].length ? raw.slice(mark[0].length) : raw;
    if (!t || /\d/.test(t) || FORM_WORD.test(t)) continue;
    if (VALUE_LABEL.test(t)) {
      const next = under(read, k)?.text.trim().replace(/\s+/g, '') ?? '';
      if (next && !POSITION.test(next) && !VALUE_LABEL.test(next)) k++;
      continue;
    }
    if (names.length === 0) {
      const next = under(read, k)?.text.trim() ?? '';
      if (!POSITION.test(t) && next.length <= 3 && !/\d/.test(next) && POSITION.test(t + next)) {
        posts.push({ text: t + next, line });
        k++;
        continue;
      }
      if (POSITION.test(t)) {
        posts.push({ text: t, line });
        continue;
      }
    }
    if (posts.length > 0 && NAME.test(t) && !POSITION.test(t)) {
      names.push({ name: t, line, signedAs: mark && raw !== t ? mark[1]! : null });
    }
  }
  const paired = posts.length === names.length;
  return names.map((n, k) => ({
    ...n,
    position: paired ? posts[k]!.text : null,
    positionLine: paired ? posts[k]!.line : null,
    cooperator: false,
  }));
}

/** Where the signer sits: a 팀장 in a team of the department, a 과장/담당관 heading it, a 실장 above it. */
function personOf(
  position: string | null,
  department: string | null,
): { department: string | null; team: string | null } {
  if (!position) return { department, team: null };
  if (/팀장$/.test(position) && position !== '팀장') return { department, team: position.replace(/장$/, '') };
  if (/담당관$/.test(position)) return { department: position, team: null };
  if (/(?:과|실|국|본부|단|센터|소)장$/.test(position)) return { department: position.replace(/장$/, ''), team: null };
  return { department, team: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Body

/** Headings: □ sections, and the circled numbers (󰊱 …) the HWP font maps to private-use glyphs. */
function sectionOf(line: string): string | null {
  const pua = /^\s*[\u{F0000}-\u{FFFFD}]\s*(\S.{0,60})$/u.exec(line);
  if (pua) return pua[1]!.trim();
  const t = line.trim();
  if (/^[□■]/.test(t)) return headingText(t);
  return null;
}

/**
 * The body's sections, read from the document model's blocks as written: a □ heading, or a circled number the HWP
 * font maps to a private-use glyph (the model reads those as list items, though the forms use them as headings).
 */
interface Outline {
  headings: Array<{ text: string; line: number }>;
}

/** `from`/`to` are 0-based line indexes, `to` excluded, as the body readers take them. */
function bodyOutline(doc: SourceDocument, from: number, to: number): Outline {
  const headings: Outline['headings'] = [];
  for (const block of modelOf(doc).blocks) {
    if (block.lines[0] <= from || block.lines[0] > to) continue;
    const text = sectionOf(block.written?.[0] ?? block.text);
    if (text) headings.push({ text, line: block.lines[0] });
  }
  return { headings: headings.sort((x, y) => x.line - y.line) };
}

/** The heading a 1-based line sits under (its own, when it is one). */
function sectionAt(outline: Outline, line: number): string | null {
  let found: string | null = null;
  for (const h of outline.headings) {
    if (h.line > line) break;
    found = h.text;
  }
  return found;
}

const isHeadingLine = (outline: Outline, line: number) => outline.headings.some((h) => h.line === line);

function doneRelativeTo(date: ResolvedDate, docDate: ResolvedDate | null): boolean | null {
  if (!docDate?.end || !date.start) return null;
  if ((date.end ?? date.start) <= docDate.end) return true;
  if (date.start > docDate.end) return false;
  return null;
}

/** A line that is nothing but a date in a flattened table ("2024. 6. 12.(수)"), with its round and subject. */
function tableRowMilestone(
  read: Read,
  k: number,
  section: string | null,
  docDate: ResolvedDate | null,
): Milestone | null {
  const line = read[k]!.n;
  const date = parseKoreanDate(read[k]!.text.trim(), { year: docYear(docDate) ?? undefined });
  if (!date?.start || (date.precision !== 'day' && date.precision !== 'month')) return null;
  // A run of spaces before "]" is matched from its start only (from each space it was quadratic).
  const unmark = (t: string) => stripBullet(t).replace(/^\[\s*|(?<!\s)\s*\]$|\]$/g, '');
  const around = cellsAroundReadValue(read, k, (t) => !!parseKoreanDate(t), unmark);
  const label = around.label?.text ?? '';
  const subject = around.subject?.text ?? '';
  const subjectLine = around.subject ? around.subject.line : line + 1;
  const text = [label, subject].filter(Boolean).join(' ');
  if (!/[가-힣A-Za-z]{2}/.test(text)) return null;
  // Cited from the round's own line ("2차"), which the text starts with, to the subject's.
  return { text, date, done: doneRelativeTo(date, docDate), src: src(section, around.label ? around.label.line : line, subjectLine) };
}

/** How a table of steps writes its dates: a bare "4.3." is a month and day of the document's year. */
function stepDates(docDate: ResolvedDate | null): {
  dateOf: (t: string) => ResolvedDate | null;
  isDate: (t: string) => boolean;
  isStep: (t: string) => boolean;
} {
  const year = docYear(docDate);
  const dateOf = (t: string): ResolvedDate | null => {
    const d = parseKoreanDate(t, { year: year ?? undefined });
    if (d?.start) return d;
    const md = /^(\d{1,2})\.\s*(\d{1,2})\.$/.exec(t);
    if (!md || year === null || Number(md[1]) > 12 || Number(md[2]) > 31) return null;
    const day = `${year}-${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}`;
    return { written: t, start: day, end: day, precision: 'day' };
  };
  // Steps take days or months; a year ("2023년") heads a column of figures instead.
  const isDate = (t: string) => {
    const d = dateOf(t);
    return !!d && (d.precision === 'day' || d.precision === 'month') && compact(t).length <= 16 && !/[가-힣]{2}/.test(t);
  };
  const isStep = (t: string) =>
    t.length >= 2 && t.length <= 24 && /[가-힣]{2}/.test(t) && !isDate(t) && bulletLevel(t) === null && !/[.:：]$|^[(（]|^구\s*분$/.test(t);
  return { dateOf, isDate, isStep };
}

/**
 * A flattened table written column by column: its k step names, then its k dates ("신청접수 … 최종선정 및 수당
 * 지급" over "3.6. ~ 3.13. … 4.29. ~ 9.29."). Each name takes the date in the same place; the run is read only
 * when the two counts are equal.
 */
function columnRunMilestones(
  read: Read,
  k: number,
  section: string | null,
  docDate: ResolvedDate | null,
): { milestones: Milestone[]; next: number } | null {
  const { dateOf, isDate, isStep } = stepDates(docDate);
  const run = readColumnRun(read, k, isStep, isDate);
  if (!run) return null;
  const milestones = run.pairs.map(({ label: step, value }) => {
    const date = dateOf(value.text)!;
    return { text: step.text, date, done: doneRelativeTo(date, docDate), src: src(section, step.line, value.line) };
  });
  return { milestones, next: run.next };
}

/** A header naming when ("일시", "추진기간"): its column dates the row; the row's other cells say what happens. */
const WHEN_HEADER = /(?:일시|일자|일정|기간|날짜|시기|기한)$/;

/** What a cell is about: its bracketed title ("[정책 환경 변화 진단] ㅇ …"), else its text up to an inner item. */
function cellGist(cell: string): string {
  const titled = /^\s*\[([^\]]{2,80})\]/.exec(cell);
  if (titled) return titled[1]!.trim();
  return stripBullet(cell).split(/\s+(?:[ㅇ○◦•▪-])\s+/)[0]!.trim();
}

/**
 * A table the file's reader wrote row by row (cells between tabs): under a header of steps, a row of their dates
 * ("신청접수 | 예비선정자 발표" over "3.6. ~ 3.13. | 4.3."), each date its column's step; else a row with a date
 * cell ("1차 | 2024. 6. 12.(수) | 정책 환경 진단"), the row's other cells what happens then.
 */
function tabTableMilestones(
  run: TabRow[],
  section: (line: number) => string | null,
  docDate: ResolvedDate | null,
): Milestone[] {
  const { dateOf, isDate, isStep } = stepDates(docDate);
  const [header, ...rows] = run;
  const out: Milestone[] = [];
  const milestone = (text: string, written: string, from: number, to: number) => {
    const date = dateOf(written)!;
    out.push({ text, date, done: doneRelativeTo(date, docDate), src: src(section(to), from, to) });
  };
  for (const row of rows) {
    const dated = row.cells.flatMap((c, j) => (isDate(c) ? [j] : []));
    if (!dated.length) continue;
    const filled = row.cells.filter((c) => c !== '');
    if (dated.length === filled.length && dated.every((j) => isStep(header!.cells[j] ?? '') && !WHEN_HEADER.test(compact(header!.cells[j]!)))) {
      for (const j of dated) milestone(header!.cells[j]!, row.cells[j]!, header!.n, row.n);
      continue;
    }
    const what = row.cells
      .filter((c, j) => c !== '' && !dated.includes(j))
      .map(cellGist)
      .join(' ');
    if (/[가-힣A-Za-z]{2}/.test(what)) for (const j of dated) milestone(what, row.cells[j]!, row.n, row.n);
  }
  return out;
}

function docYear(date: ResolvedDate | null): number | null {
  return date?.start ? Number(date.start.slice(0, 4)) : null;
}

interface BodyFacts {
  headings: string[];
  milestones: Milestone[];
  period: { date: ResolvedDate; line: number; section: string | null } | null;
  contacts: Contact[];
}

function readBody(read: Read, outline: Outline, from: number, to: number, docDate: ResolvedDate | null): BodyFacts {
  const facts: BodyFacts = { headings: outline.headings.map((h) => h.text), milestones: [], period: null, contacts: [] };
  const year = docYear(docDate) ?? undefined;
  const tables = tabTables(read, from, to);
  const inTable = new Set(tables.flatMap((run) => run.map((row) => row.n)));
  for (const run of tables) facts.milestones.push(...tabTableMilestones(run, (n) => sectionAt(outline, n), docDate));
  const { start, end } = positions(read, from, to);
  for (let k = start; k < end; k++) {
    const { n, text: line } = read[k]!;
    if (isHeadingLine(outline, n)) continue;
    const section = sectionAt(outline, n);
    facts.contacts.push(...contactsFromPhoneLine(line, n, section));
    if (inTable.has(n)) continue;
    const run = columnRunMilestones(read, k, section, docDate);
    if (run) {
      facts.milestones.push(...run.milestones);
      k = run.next - 1;
      continue;
    }
    const row = tableRowMilestone(read, k, section, docDate);
    if (row) {
      facts.milestones.push(row);
      continue;
    }
    if (bulletLevel(line) === null) continue;
    const split = splitTrailingDate(line, { year });
    if (!split?.date.start) continue;
    const text = split.text.replace(/(?<![_\s:：])[_\s:：]+$/, '').trim();
    if (/기간$/.test(compact(text))) {
      facts.period ??= { date: split.date, line: n, section };
      continue;
    }
    if (!/[가-힣A-Za-z]{2}/.test(text)) continue;
    facts.milestones.push({
      text,
      date: split.date,
      done: doneRelativeTo(split.date, docDate),
      src: src(section, n),
    });
  }
  return facts;
}

/** "가. 건 명 : …", "ㅇ 공개기간 : …", "󰋯 모집기간 : …": an item marker, a short label, a colon, the value. */
const FACT_LINE =
  /^\s*(?:(?:[가-하]\.|\d{1,2}[.)]|[ㅇ○◦□■·•▹▸-]|[\u{F0000}-\u{FFFFD}])\s*)?([가-힣A-Za-z][가-힣A-Za-z\s·()]{0,16}?)\s*[:：]\s*(.*)$/u;
const WITHHELD = /\*{2,}|^\*+$/;

/** Body items as label and value; a value masked with `*` (or whose continuation lines are) is withheld. */
function readFacts(read: Read, outline: Outline, from: number, to: number): Fact[] {
  const facts: Fact[] = [];
  const { start, end: stop } = positions(read, from, to);
  for (let k = start; k < stop; k++) {
    const { n, text: line } = read[k]!;
    const section = sectionAt(outline, n);
    const m = FACT_LINE.exec(line);
    if (!m || /^\s*(?:붙임|※)/.test(line)) continue;
    const label = compact(m[1]!);
    // "끝." closes the body; it is not part of the last item's value.
    let value = m[2]!.replace(/(?<!\s)\s*끝\.?\s*$/, '').trim();
    const unbalanced = label.includes('(') !== label.includes(')');
    if (label.length < 2 || unbalanced || /^(?:https?|www)$/i.test(label) || /☎/.test(value)) continue;
    let end = k;
    // A value left empty, or masked, often goes on in the lines right below that are nothing but `*`.
    for (let below = under(read, end); end + 1 < stop && below && /^\s*\*+\s*$/.test(below.text) && (value === '' || WITHHELD.test(value)); below = under(read, end)) {
      end++;
      value = `${value} ${below.text.trim()}`.trim();
    }
    if (value === '') continue;
    facts.push({ label, value, withheld: WITHHELD.test(value), src: src(section, n, read[end]!.n) });
  }
  return [...facts, ...cellPairs(read, outline, from, to, facts)];
}

/** A form table flattened one cell per line: a label cell, then its value (a figure, a date or a masked run). */
const CELL_LABEL = /^[가-힣][가-힣\s()·]{1,15}$/;
const CELL_VALUE = /^(?:\d[\d,.\s~-]*(?:[가-힣%]{1,3}\.?)?|\*{3,})$/;

/**
 * "접수일 / 2025. 9. 5.", "접수번호 / 127037", "성명 / ***": cells of a form table read in pairs — one value after
 * its label, no more (a row of figures is a table's, to be read with its header or quoted).
 */
function cellPairs(read: Read, outline: Outline, from: number, to: number, known: Fact[]): Fact[] {
  const out: Fact[] = [];
  const taken = new Set(known.flatMap((f) => [f.src.lines[0], f.src.lines[1]]));
  const { start, end } = positions(read, from, to);
  for (let k = start; k < end; k++) {
    const { n } = read[k]!;
    const cell = under(read, k);
    // The value's line is in the range (its 0-based index below `to`).
    if (!cell || cell.n > to) continue;
    const section = sectionAt(outline, n);
    const label = read[k]!.text.trim();
    const value = cell.text.trim();
    if (taken.has(n) || !CELL_LABEL.test(label) || !CELL_VALUE.test(value) || POSITION.test(compact(label))) continue;
    // A label with several values after it is a table row (사업예산 / ’24 / ’25): which is which is the header's.
    if (/^(?:[△▲-]?\d|\*{3,})/.test(under(read, k + 1)?.text.trim() ?? '')) continue;
    const name = compact(label);
    if (name.length < 2 || name.length > 12) continue;
    out.push({ label: name, value, withheld: WITHHELD.test(value), src: src(section, n, cell.n) });
    k++;
  }
  return out;
}

/**
 * "붙임 … 끝.": the body ends there; what follows is the drafter's signature block. A 0-based line index, the
 * readers' exclusive bound (the document's length when no line ends so).
 */
function bodyEnd(read: Read, from: number, length: number): number {
  const end = read.slice(positions(read, from, from).start).find((l) => /(?:^|\s)끝\.?\s*$/.test(l.text));
  return end ? end.n : length;
}

// ---------------------------------------------------------------------------------------------------------------
// Budget tables flattened one cell per line

const PERIOD_HEADER = /^(?:[’‘'`]\d{2}년도?|\d{4}년도?|\d+차년도|계|합계|총계)$/;
const BUDGET_ROW = /^(?:사업예산|예산|예산액|사업비|총사업비|소요예산|합계|총계)$/;
const AMOUNT = /^[△▲-]?\d[\d,]*(?:\.\d+)?/;

interface BudgetRow {
  label: string;
  line: number;
  periods: Array<{ written: string; line: number }>;
  amounts: Array<{ text: string; line: number }>;
  unitText: string;
}

/** Runs of two or more tab rows in the lines whose 0-based index is in [from, to): a header and its rows. */
function tabTables(read: Read, from: number, to: number): TabRow[][] {
  return tabRunsOf(read, from + 1, to).filter((run) => run.length >= 2);
}

/** A budget row of a table written row by row: its amounts under the header's period columns ("’24년 | ’25년"). */
function tabBudgetRows(read: Read, from: number, to: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const [header, ...body] of tabTables(read, from, to)) {
    const periods = header!.cells.flatMap((c, j) => (j > 0 && PERIOD_HEADER.test(compact(c)) ? [j] : []));
    if (periods.length === 0) continue;
    const above = positions(read, Math.max(from, header!.n - 6), header!.n - 1);
    const unitText = read.slice(above.start, above.end).map((l) => l.text).join(' ');
    for (const row of body) {
      const label = compact(row.cells[0] ?? '');
      if (!BUDGET_ROW.test(label) || !periods.every((j) => AMOUNT.test(row.cells[j] ?? ''))) continue;
      rows.push({
        label,
        line: row.n,
        periods: periods.map((j) => ({ written: header!.cells[j]!, line: header!.n })),
        amounts: periods.map((j) => ({ text: row.cells[j]!, line: row.n })),
        unitText,
      });
    }
  }
  return rows;
}

/** A row label ("사업예산", "합계") followed by its amounts, under the nearest run of period headers above it. */
function budgetRows(read: Read, from: number, to: number): BudgetRow[] {
  const rows: BudgetRow[] = [...tabBudgetRows(read, from, to)];
  const { start, end } = positions(read, from, to);
  for (let k = start; k < end; k++) {
    const line = read[k]!.n;
    const label = compact(read[k]!.text);
    if (!BUDGET_ROW.test(label)) continue;
    // The amounts on the lines right under the label.
    const cells: Array<{ text: string; line: number }> = [];
    for (let j = k; under(read, j) && j + 1 < end && AMOUNT.test(read[j + 1]!.text.trim()); j++)
      cells.push({ text: read[j + 1]!.text.trim(), line: read[j + 1]!.n });
    if (cells.length < 2) continue;
    const periods: Array<{ written: string; line: number }> = [];
    let ratio = false;
    let top = line - 1;
    // The period headers above it, within 80 lines; a blank line ends their run.
    for (let j = k - 1; j >= start && read[j]!.n - 1 >= line - 1 - 80; j--) {
      if (periods.length > 0 && !under(read, j)) break;
      const t = compact(read[j]!.text);
      if (PERIOD_HEADER.test(t)) {
        periods.unshift({ written: read[j]!.text.trim(), line: read[j]!.n });
        top = read[j]!.n - 1;
      } else if (periods.length > 0) break;
      else if (/^(?:비율|구성비|비중)(?:\(%\))?$/.test(t)) ratio = true;
    }
    // Amount and share columns alternate when the header has "금액 | 비율" under each period.
    const amounts = ratio && cells.length === periods.length * 2 ? cells.filter((_, k) => k % 2 === 0) : cells;
    const above = positions(read, Math.max(from, top - 5), line - 1);
    const unitText = read
      .slice(above.start, above.end)
      .map((l) => l.text)
      .join(' ');
    rows.push({ label, line, periods, amounts, unitText });
  }
  return rows;
}

function readBudget(
  read: Read,
  outline: Outline,
  from: number,
  to: number,
  docDate: ResolvedDate | null,
  warnings: ParseWarning[],
): Budget | null {
  const budget = emptyBudget();
  const year = docYear(docDate);
  for (const row of budgetRows(read, from, to)) {
    if (row.periods.length !== row.amounts.length) {
      warnings.push({
        line: row.line,
        message: `${row.label} 행의 금액 ${row.amounts.length}개와 열 ${row.periods.length}개가 맞지 않아 읽지 않았습니다`,
      });
      continue;
    }
    const section = sectionAt(outline, row.line);
    const tableUnit = unitFromText(row.unitText);
    const moneys = row.amounts.map((a) => parseAmountWithUnit(a.text, tableUnit));
    if (moneys.some((m) => m === null)) {
      const written = row.periods.map((p, k) => `${p.written} ${row.amounts[k]!.text}`).join(' · ');
      warnings.push({ line: row.line, message: `${row.label}(${written})에 금액 단위가 없어 예산에 넣지 않았습니다` });
      budget.notes.push({
        text: `${row.label}: ${written} (단위 미기재)`,
        // From the period headers ("1차년도 … 계") down to the last amount: the note states both.
        src: src(section, Math.min(row.periods[0]?.line ?? row.line, row.line), row.amounts.at(-1)!.line),
      });
      continue;
    }
    row.periods.forEach((p, k) => {
      const amount = moneys[k] as Money;
      const cell = row.amounts[k]!;
      const y = /\d/.test(p.written) && !/차/.test(p.written) ? docYear(parseKoreanDate(p.written)) : null;
      budget.lines.push({
        period: p.written,
        year: y,
        // A later year than the document's is still a plan; its own year and before were allocated.
        kind: y !== null && year !== null && y <= year ? 'allocated' : 'planned',
        funding: null,
        item: null,
        amount,
        src: src(section, Math.min(p.line, row.line), cell.line),
      });
      const rest = cell.text
        .replace(AMOUNT, '')
        .replace(/^\s*(?:백만\s*원|천\s*원|만\s*원|억\s*원|원)/, '')
        .trim();
      if (rest) budget.notes.push({ text: `${p.written} ${cell.text}`, src: src(section, cell.line) });
    });
  }
  return budget.lines.length > 0 || budget.notes.length > 0 ? budget : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Document

function phaseOf(title: string): 'plan' | 'report' | null {
  const plan = /계획/.test(title);
  const report = /결과|실적/.test(title);
  if (plan && !report) return 'plan';
  if (report && !plan) return 'report';
  return null;
}

/** The drafter is in the team whose 팀장 signs after them; the rest sit where their position says. */
function signerContacts(signers: Signer[], department: string | null): Contact[] {
  const own = signers.filter((s) => !s.cooperator);
  const team = own.map((s) => s.position).find((p) => p && /팀장$/.test(p) && p !== '팀장');
  // 협조자 belong to their own unit: a 과장/담당관 among them names it.
  const coopHead = signers.find((s) => s.cooperator && s.position && /(?:과장|담당관|국장|실장)$/.test(s.position));
  const coopDept = coopHead ? personOf(coopHead.position, null).department : null;
  return signers.map((s, k) => {
    const where = personOf(s.position, s.cooperator ? coopDept : department);
    const isDrafter = !s.cooperator && k === 0;
    return {
      name: s.name,
      position: s.position,
      department: where.department,
      team: where.team ?? (isDrafter && team ? team.replace(/장$/, '') : null),
      phone: null,
      extension: null,
      role: s.cooperator ? 'cooperator' : isDrafter ? 'drafter' : k === own.length - 1 ? 'approver' : 'reviewer',
      signedAs: s.signedAs,
      // The position's line is cited with the name's: the position names the unit the reply states.
      src: src('결재', Math.min(s.positionLine ?? s.line, s.line), s.line),
    };
  });
}

/**
 * One person named on the ☎ line and in the approval line is one contact: the line gives the number, the
 * approval line the position ("담당" there is only a role word) and the part they played.
 */
function mergeContacts(phone: Contact[], signers: Contact[]): Contact[] {
  const out = phone.map((c) => ({ ...c }));
  for (const s of signers) {
    const same = out.find((c) => c.name === s.name);
    if (!same) {
      out.push(s);
      continue;
    }
    if (s.position && (!same.position || same.position === '담당')) same.position = s.position;
    same.team ??= s.team;
    same.role ??= s.role;
    same.signedAs ??= s.signedAs;
  }
  return out;
}

/** Staff named after a 팀장 on a ☎ line ("팀장 : 김정남☎4313 담당 : 박인현") work in that team. */
function teamsFromPhoneLine(contacts: Contact[]): Contact[] {
  let team: string | null = null;
  return contacts.map((c) => {
    if (c.team) team = c.team;
    else if (team && c.position === '담당') return { ...c, team };
    return c;
  });
}

function parseApproval(doc: SourceDocument): ParseResult {
  const warnings: ParseWarning[] = [];
  const read = linesRead(modelOf(doc));
  const organization = detectOrganization(read.map((l) => l.text));
  const head = readHead(read);
  if (!head) return { family: 'approval', organization, records: [], warnings };
  const title = readTitle(read, head);
  if (!title) warnings.push({ line: null, message: '제목을 찾지 못해 문서번호를 제목으로 씁니다' });
  let signers: Signer[];
  let bodyStart: number;
  let end: number;
  if (head.layout === 'enforcement') {
    signers = readInterleavedSigners(read, head.formStart, head.codeLine - 1);
    bodyStart = title?.bodyStart ?? 0;
    end = head.formStart;
  } else {
    const headEnd =
      title && title.headEnd > head.formStart ? title.headEnd : Math.min(doc.lines.length, head.formStart + 40);
    signers = readApprovalLine(read, head.formStart, headEnd);
    bodyStart = title?.bodyStart ?? headEnd;
    end = bodyEnd(read, bodyStart, doc.lines.length);
  }
  if (signers.length > 0 && signers.some((s) => s.position === null)) {
    warnings.push({ line: signers[0]!.line, message: '결재란의 직위와 이름 수가 맞지 않아 직위를 붙이지 않았습니다' });
  }
  const outline = bodyOutline(doc, bodyStart, end);
  const body = readBody(read, outline, bodyStart, end, head.date);
  const department = head.department ?? body.contacts.find((c) => c.department)?.department ?? null;
  const signed = signerContacts(signers, department);
  if (head.layout === 'enforcement') {
    // The 시행문's 전화 and e-mail are the drafter's; 전송 is the office fax.
    const foot = readFooter(read, head.codeLine);
    const drafter = signed.find((c) => c.role === 'drafter');
    if (drafter && (foot.phone || foot.email)) {
      drafter.phone = foot.phone;
      drafter.extension = foot.phone ? extensionOf(foot.phone) : null;
      drafter.email = foot.email;
      const last = Math.max(foot.line ?? 0, foot.email ? (foot.emailLine ?? 0) : 0);
      if (last) drafter.src = src('결재', drafter.src.lines[0], last);
    }
    // 전송 is the office's fax: everyone of the sending office shares it, cooperators sit elsewhere. The fax line
    // is cited with each, so the number an answer gives is on a line it names.
    for (const c of signed)
      if (foot.fax && c.role !== 'cooperator') {
        c.fax = foot.fax;
        if (foot.faxLine) c.src = src('결재', c.src.lines[0], Math.max(c.src.lines[1], foot.faxLine));
      }
  }
  const docDateSrc = src(null, head.dateLine ?? head.codeLine);
  const from = head.layout === 'enforcement' ? 0 : Math.min(head.formStart, bodyStart);
  const to = Math.max(head.formStart, end, head.codeLine);
  const record = emptyRecord({
    kind: 'project',
    key: recordKey([organization, head.code]),
    title: title?.text ?? head.code,
    organization,
    code: head.code,
    department,
    year: docYear(head.date),
    phase: title ? phaseOf(title.text) : null,
    status:
      head.date || body.period
        ? partialStatus({
            period: body.period?.date ?? null,
            asOf: head.date?.start ?? null,
            src: body.period ? src(body.period.section, body.period.line) : docDateSrc,
            asOfSrc: head.date ? docDateSrc : null,
            periodSrc: body.period ? src(body.period.section, body.period.line) : null,
          })
        : null,
    budget: readBudget(read, outline, bodyStart, end, head.date, warnings),
    milestones: body.milestones,
    contacts: mergeContacts(teamsFromPhoneLine(body.contacts), signed),
    headings: body.headings,
    facts: readFacts(read, outline, bodyStart, end),
    form: {
      number: head.code,
      date: head.date,
      disclosure: head.disclosure?.text ?? null,
      src: src(null, head.codeLine, Math.max(head.codeLine, head.disclosure?.line ?? head.codeLine)),
    },
    src: src(null, from + 1, Math.max(from + 1, to)),
  });
  return { family: 'approval', organization, records: [record], warnings };
}

/** 문서번호/등록번호 with a "부서-번호" value, a 결재/등록일자 with a date, and a title. */
function detectApproval(doc: SourceDocument): number {
  const read = linesRead(modelOf(doc));
  const head = readHead(read);
  if (!head) return 0;
  let score = 0.5;
  if (head.date) score += 0.3;
  if (readTitle(read, head)) score += 0.15;
  return score;
}

export const approvalFamily: DocumentFamily = {
  name: 'approval',
  description: '결재문서: 문서번호·결재일자·결재란·제목과 □ 본문 (추진계획·결과 보고)',
  detect: detectApproval,
  parse: parseApproval,
};

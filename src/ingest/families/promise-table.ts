/**
 * 공약 이행 현황표: one table, one row per promise, grouped under 분야 rows ("Ⅰ. 풍요로운 …" with subtotals), a
 * 계 row and footnotes under it. Columns are found by their header words (공약사업명, 추진상황(완료)…, 추진율,
 * 추진부서), never by position, so a table with other columns or another column order still reads.
 */
import { findDates } from '../../domain/korean-date.js';
import { emptyRecord, type ProjectRecord, recordKey, type State } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import { stateOf } from '../../domain/vocabulary.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from '../document.js';
import { type LineRead, linesRead } from '../model/lines-read.js';
import { modelOf } from '../model/read-model.js';
import { compact, isBlank } from '../structure/cells.js';
import { detectOrganization } from '../structure/organization.js';
import { cellsOf } from '../tables/cells.js';
import { bracketedHeaderCells } from '../tables/rows.js';

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const ASCII_ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const TITLE_HEADER = /(?:공약|사업|과제|약속)(?:사업|사항)?명|^공약(?:사항|사업|내용)?$|^과제$/;
const PROGRESS_HEADER = /추진율|추진률|진도율|진척률|이행률|이행율|달성률|달성율|공정률/;
const DEPARTMENT_HEADER = /부서|소관|주관|담당과/;
const STATE_HEADER = /(?:추진|이행)(?:상황|현황|상태)|^완료|^추진중|^정상|^부진|^기타|미도래|미착수|^보류/;
const NUMBER_HEADER = /^(?:구분|번호|연번|순번|No\.?)$/i;
const NOTE_HEADER = /^비고$/;
/** A cell marking the row's state in a one-column-per-state table. */
const MARK = /^[○●◎◯OoVv√✓✔]$/;
const TOTAL_ROW = /^(?:계|합계|총계|전체)$/;

interface StateColumn {
  index: number;
  /** "완료", "추진중", "기타(시기미도래)": the header without its "추진상황(…)" frame. */
  written: string;
}

interface Columns {
  number: number;
  title: number;
  states: StateColumn[];
  progress: number | null;
  department: number | null;
  note: number | null;
  /** First and last line (1-based) of the header; two-row headers end one line lower. */
  firstLine: number;
  lastLine: number;
}

type Status = NonNullable<ProjectRecord['status']>;
type Change = ProjectRecord['changes'][number];

interface Field {
  /** Arabic number of the 분야 ("2" for Ⅱ). */
  number: string;
  roman: string | null;
  text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Header

/**
 * The document's lines as the model's blocks hold them, in order: the table is read a row a line, whether the model
 * took it for a table (its rows, and its header lines kept on the first row) or, written in spaced columns it could
 * not pin, for paragraphs.
 */
function lineRows(doc: SourceDocument): LineRead[] {
  return linesRead(modelOf(doc));
}

/** The header row, merged with a second row of sub-headers ("추진상황" over "완료 | 추진중 | 기타") on the line under it. */
function findHeader(rows: LineRead[]): Columns | null {
  for (let k = 0; k < rows.length; k++) {
    const { n, text } = rows[k]!;
    if (isBlank(text)) continue;
    const top = cellsOf(text).map(compact);
    if (!top.some((c) => TITLE_HEADER.test(c)) || !top.some((c) => DEPARTMENT_HEADER.test(c))) continue;
    let cells = top;
    let lastLine = n;
    const next = rows[k + 1]?.n === n + 1 ? rows[k + 1]!.text : '';
    const sub = cellsOf(next).map(compact);
    if (!isPromiseRowCells(sub) && sub.some((c) => STATE_HEADER.test(c)) && !sub.some((c) => TITLE_HEADER.test(c))) {
      cells = bracketedHeaderCells(top, sub);
      lastLine = n + 1;
    }
    const columns = columnsOf(cells, n, lastLine);
    if (columns) return columns;
  }
  return null;
}

function columnsOf(cells: string[], firstLine: number, lastLine: number): Columns | null {
  const title = cells.findIndex((c) => TITLE_HEADER.test(c));
  const department = cells.findIndex((c, k) => k !== title && DEPARTMENT_HEADER.test(c) && !STATE_HEADER.test(c));
  const progress = cells.findIndex((c) => PROGRESS_HEADER.test(c));
  const states: StateColumn[] = [];
  cells.forEach((c, k) => {
    if (k === title || k === progress || k === department || !STATE_HEADER.test(c)) return;
    states.push({ index: k, written: stateNameOf(c) });
  });
  if (title < 0 || department < 0 || (progress < 0 && states.length === 0)) return null;
  const numberCol = cells.findIndex((c) => NUMBER_HEADER.test(c));
  const note = cells.findIndex((c) => NOTE_HEADER.test(c));
  return {
    number: numberCol >= 0 && numberCol < title ? numberCol : 0,
    title,
    states,
    progress: progress >= 0 ? progress : null,
    department,
    note: note >= 0 ? note : null,
    firstLine,
    lastLine,
  };
}

/** "추진상황(기타(시기미도래))" → "기타(시기미도래)"; a plain "완료" stays. */
function stateNameOf(header: string): string {
  const m = /^(?:추진|이행)(?:상황|현황|상태)\((.+)\)$/.exec(header);
  return m ? m[1]! : header;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

function isPromiseRowCells(cells: string[]): boolean {
  return /^\d{1,3}$|^\d{1,2}-\d{1,3}$/.test(cells[0] ?? '');
}

function nextIsPromiseRow(rows: LineRead[], from: number): boolean {
  const next = rows.slice(from).find((r) => !isBlank(r.text));
  return next ? isPromiseRowCells(cellsOf(next.text)) : false;
}

/** "Ⅰ. 풍요로운 …", "II. …", "1. 경제분야" in the first cell: a 분야 row. */
function fieldOf(firstCell: string): Field | null {
  const m = new RegExp(`^([${ROMAN}]|[IVX]{1,4}|\\d{1,2})\\s*[.)]\\s*(\\S.*)$`).exec(firstCell.trim());
  if (!m) return null;
  const mark = m[1]!;
  const romanIndex = ROMAN.indexOf(mark);
  const asciiIndex = ASCII_ROMAN.indexOf(mark);
  const number = romanIndex >= 0 ? romanIndex + 1 : asciiIndex >= 0 ? asciiIndex + 1 : Number(mark);
  return { number: String(number), roman: romanIndex >= 0 || asciiIndex >= 0 ? mark : null, text: m[2]!.trim() };
}

function progressOf(cell: string | undefined): number | null {
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec((cell ?? '').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= 100 ? n : null;
}

/** Which state the row is in: the one marked column, or the words of a single state column. */
function writtenState(cells: string[], columns: Columns): { written: string; state: State } | null {
  const marked = columns.states.filter((s) => MARK.test((cells[s.index] ?? '').trim()));
  if (marked.length === 1) return { written: marked[0]!.written, state: stateOf(marked[0]!.written) };
  if (marked.length > 1) return null;
  if (columns.states.length === 1) {
    const words = (cells[columns.states[0]!.index] ?? '').trim();
    if (words && !/^[-–]$/.test(words)) return { written: words, state: stateOf(words) };
  }
  return null;
}

/** "보건소(건강증진과)": the unit in parentheses works inside the department; it is kept as the team. */
function departmentOf(cell: string): { department: string | null; teams: string[] } {
  const text = cell.trim();
  if (!text || /^[-–]$/.test(text)) return { department: null, teams: [] };
  const inner = /^[^()]+\(([^()]+)\)$/.exec(text);
  return { department: text, teams: inner ? [inner[1]!.trim()] : [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Document

interface Context {
  organization: string | null;
  asOf: string | null;
  asOfLine: number | null;
  year: number | null;
  docTitle: string | null;
}

/** "2021. 12. 31. 기준" above the table: the date the figures are as of. */
function asOfDate(above: LineRead[]): { iso: string; written: string; line: number } | null {
  for (const { n, text: line } of above) {
    if (!/기준|현재/.test(line)) continue;
    const date = findDates(line)[0]?.date;
    if (date?.start)
      return { iso: date.precision === 'day' ? date.start : date.start.slice(0, 7), written: date.written, line: n };
  }
  return null;
}

/** The first line with words above the header, without its "(2023. 6. 30. 현재)" date. */
function documentTitle(above: LineRead[]): string | null {
  for (const { text } of above) {
    let t = text;
    // The text between the dates, joined once: cutting each date out of the whole line re-copied it per date.
    let between = '';
    let at = 0;
    for (const d of findDates(t)) {
      between += t.slice(at, d.index);
      at = d.index + d.length;
    }
    t = between + t.slice(at);
    t = t
      .replace(/\(\s*(?:(?:기준|현재)\s*)?\)/g, '')
      .replace(/(?:^|\s)(?:기준|현재)(?=\s|$)/g, ' ')
      .trim();
    if (/[가-힣]{2}/.test(t)) return t;
  }
  return null;
}

function promiseRecord(
  cells: string[],
  lineNo: number,
  field: Field | null,
  columns: Columns,
  ctx: Context,
  warnings: ParseWarning[],
): ProjectRecord | null {
  const title = (cells[columns.title] ?? '').trim();
  if (!title) return null;
  const first = (cells[columns.number] ?? '').trim();
  const code = first.includes('-') ? first : field ? `${field.number}-${first}` : first;
  const aliases = field?.roman && !first.includes('-') ? [`${field.roman}-${first}`] : [];
  const section = field?.text ?? null;
  const state = writtenState(cells, columns);
  if (!state && columns.states.length > 0)
    warnings.push({ line: lineNo, message: `추진상황을 읽지 못했습니다: ${title}` });
  const { department, teams } = departmentOf(columns.department !== null ? (cells[columns.department] ?? '') : '');
  const status: Status = {
    progressPct: columns.progress !== null ? progressOf(cells[columns.progress]) : null,
    stateWritten: state?.written ?? null,
    state: state?.state ?? null,
    targetMonth: null,
    targetWritten: null,
    period: null,
    asOf: ctx.asOf,
    src: src(section, lineNo),
    asOfSrc: ctx.asOfLine ? src(null, ctx.asOfLine) : null,
  };
  return emptyRecord({
    kind: 'project',
    key: recordKey([ctx.organization, '공약', ctx.asOf, code]),
    title,
    organization: ctx.organization,
    code,
    aliases,
    department,
    teams,
    category: field?.text ?? null,
    year: ctx.year,
    phase: 'report',
    status,
    headings: [ctx.docTitle, field?.text].filter((h): h is string => !!h),
    src: src(section, lineNo),
  });
}

/** "N건" in the 계 row: the number of promises the table claims, to check the rows read. */
function claimedCount(cells: string[]): number | null {
  for (const c of cells) {
    const m = /(?<!\d)(\d+)\s*건/.exec(c);
    if (m) return Number(m[1]);
  }
  return null;
}

interface Footnote {
  text: string;
  codes: string[];
  line: number;
  lastLine: number;
}

const CODE_REF = new RegExp(`\\[\\s*([${ROMAN}]|[IVX]{1,4}|\\d{1,2})\\s*[-–]\\s*(\\d{1,3})\\s*\\]`, 'g');

/** Footnote lines; a line of bare "[2-3], [2-5]" codes belongs to the note above it. */
function readFootnotes(below: LineRead[]): Footnote[] {
  const notes: Footnote[] = [];
  for (const { n, text } of below) {
    const line = text.trim();
    if (!line) continue;
    const codes = [...line.matchAll(CODE_REF)].map((m) => `${arabicOf(m[1]!)}-${m[2]}`);
    const note = line
      .replace(CODE_REF, '')
      .replace(/[\s,·]+/g, ' ')
      .trim();
    const last = notes[notes.length - 1];
    if (!note && codes.length > 0 && last) {
      last.codes.push(...codes);
      last.lastLine = n;
    } else {
      notes.push({ text: note || line, codes, line: n, lastLine: n });
    }
  }
  return notes;
}

function arabicOf(mark: string): string {
  const r = ROMAN.indexOf(mark);
  if (r >= 0) return String(r + 1);
  const a = ASCII_ROMAN.indexOf(mark);
  return a >= 0 ? String(a + 1) : mark;
}

/** "2021. 7. 1.字 조직개편에 따라 주관 부서 변경" → change "주관 부서 변경", reason "조직개편", when 2021-07-01. */
function changeOf(note: Footnote): Change {
  const date = findDates(note.text)[0];
  let text = note.text;
  if (date) text = (text.slice(0, date.index) + text.slice(date.index + date.length)).replace(/^\s*[字자부]?\s*/, '');
  const split = /^(.+?)(?:에\s*따라|에\s*따른|(?:으)?로\s*인해|(?:으)?로\s*인한)\s+(.+)$/.exec(text.trim());
  return {
    change: (split ? split[2]! : text).trim() || note.text,
    reason: split ? split[1]!.trim() : null,
    when: date?.date.start ?? date?.date.written ?? null,
    src: src('주석', note.line, note.lastLine),
  };
}

function parsePromiseTable(doc: SourceDocument): ParseResult {
  const warnings: ParseWarning[] = [];
  const rows = lineRows(doc);
  const organization = detectOrganization(rows.map((r) => r.text));
  const columns = findHeader(rows);
  if (!columns) return { family: 'promise-table', organization, records: [], warnings };
  const above = rows.filter((r) => r.n < columns.firstLine);
  const asOf = asOfDate(above);
  const ctx: Context = {
    organization,
    asOf: asOf?.iso ?? null,
    asOfLine: asOf?.line ?? null,
    year: asOf ? Number(asOf.iso.slice(0, 4)) : null,
    docTitle: documentTitle(above),
  };
  const records: ProjectRecord[] = [];
  let field: Field | null = null;
  let claimed: number | null = null;
  const below = rows.findIndex((r) => r.n > columns.lastLine);
  let end = rows.length;
  for (let k = below < 0 ? rows.length : below; k < rows.length; k++) {
    const { n, text: line } = rows[k]!;
    if (isBlank(line)) continue;
    const cells = cellsOf(line);
    const first = (cells[0] ?? '').trim();
    if (TOTAL_ROW.test(compact(first))) {
      claimed = claimedCount(cells) ?? claimed;
      continue;
    }
    // A 분야 row spans the table; alone on its line it still is one when promise rows follow it.
    const f = fieldOf(first);
    if (f && !(cells[columns.title] ?? '').trim() && (cells.length > 1 || nextIsPromiseRow(rows, k + 1))) {
      field = f;
      continue;
    }
    if (isPromiseRowCells(cells)) {
      const record = promiseRecord(cells, n, field, columns, ctx, warnings);
      if (record) records.push(record);
      else warnings.push({ line: n, message: '번호는 있으나 공약사업명이 없는 행입니다' });
      continue;
    }
    if (records.length > 0 && cells.length < 3) {
      end = k;
      break;
    }
    warnings.push({ line: n, message: `표의 행으로 읽지 못했습니다: ${line.trim().slice(0, 40)}` });
  }
  if (claimed !== null && claimed !== records.length) {
    warnings.push({ line: null, message: `계 행은 ${claimed}건이라 하나 ${records.length}건을 읽었습니다` });
  }
  attachFootnotes(readFootnotes(rows.slice(end)), records, warnings);
  return { family: 'promise-table', organization, records, warnings };
}

function attachFootnotes(notes: Footnote[], records: ProjectRecord[], warnings: ParseWarning[]): void {
  for (const note of notes) {
    if (note.codes.length === 0) continue;
    const change = changeOf(note);
    for (const code of note.codes) {
      const record = records.find((r) => r.code === code);
      if (record) record.changes.push(change);
      else warnings.push({ line: note.line, message: `주석의 [${code}]에 해당하는 공약이 표에 없습니다` });
    }
  }
}

/** A header naming title, department and progress/state columns, then numbered rows under it. */
function detectPromiseTable(doc: SourceDocument): number {
  const lines = lineRows(doc);
  const columns = findHeader(lines);
  if (!columns) return 0;
  let rows = 0;
  for (const { n, text } of lines) {
    if (n <= columns.lastLine) continue;
    if (rows >= 20) break;
    const cells = cellsOf(text);
    if (isPromiseRowCells(cells) && (cells[columns.title] ?? '').trim()) rows++;
  }
  if (rows >= 3) return 0.9;
  return rows > 0 ? 0.3 : 0;
}

export const promiseTableFamily: DocumentFamily = {
  name: 'promise-table',
  description: '공약 이행 현황표: 분야별 공약 한 행씩 (추진상황, 추진율, 추진부서)',
  detect: detectPromiseTable,
  parse: parsePromiseTable,
};

/**
 * A department overview (기본현황 / 일반현황) in any layout: the organisation summary as the document counts it
 * ("3과 17팀", "5 담당관 1 추진단 20 팀", "5과 (24팀 1TF), 6개 사업소"), the sub-units its chart and tables name,
 * and every table read by the one table reader. Staffing and budget come from those tables: a figure is 정원 only
 * when it sits in the 정원 row (or column) and the 계 column; a year's budget is labelled with its year.
 */
import { type Money, type MoneyUnit, normalizeUnit, parseAmount } from '../../domain/money.js';
import { runTogether, SUB_UNIT } from '../../domain/names.js';
import type { BudgetLine } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DepartmentOverview, ReadTable, TableCell, TableRow } from '../../domain/table.js';
import { interpretTable } from './interpret.js';
import type { SourceDocument } from '../document.js';
import type { TableModel } from './model.js';
import { pairSentences, textTables } from './text.js';

export interface OverviewRange {
  from: number;
  to: number;
  section: string | null;
}

export interface Staffing {
  group: string;
  authorized: number | null;
  current: number | null;
  src: { section: string | null; lines: [number, number] };
}

const UNIT_WORD = '담당관|담당|추진단|사업소|사업본부|본부|센터|시험소|연구소|과|팀|부|단|실|소|처|TF|국|관';
// From a "(" or the first of a run of spaces only (from each space of a long run it was quadratic), and the
// spaces around ")" read one way.
const COUNT = new RegExp(String.raw`(?:\(|(?<![\s(]))\s*\d{1,3}\s*(?:\)\s*)?(?:개\s*)?(?:${UNIT_WORD})(?![가-힣])`, 'g');
const ORG_LABEL = /^\s*(?:[^\s가-힣A-Za-z0-9(]\s*|\d{1,2}\s+)?(?:조\s*직|기\s*구)(?:\s*및\s*(?:조\s*직도?|인\s*력))?(?:\s*(?:현황|도))?\s*[:：▷▸(]?\s*/;

export function readOverview(lines: string[], range: OverviewRange): DepartmentOverview {
  const tablesRead = textTables(lines, range).map((m) => ({ m, t: interpretTable(m, { lines, section: range.section }) }));
  // A pair sentence that captions a table of pairs is that table's: read it only where no such table follows.
  const sentences = pairSentences(lines, range)
    .map((m) => ({ m, t: interpretTable(m, { lines, section: range.section }) }))
    .filter(({ t: s }) => !tablesRead.some(({ t }) => t.measure === '정원/현원' && t.src.lines[0] <= s.src.lines[0] && s.src.lines[0] <= t.src.lines[1]));
  // Sentences after the tables: a total a table states is read from its cell first.
  const both = [...tablesRead, ...sentences];
  const models = both.map((x) => x.m);
  const read = both.map((x) => x.t);
  const units = subUnits(lines, range, read);
  const tables = read.map((t, k) => nameUnitColumns(t, models[k]!, units));
  // Columns named in full where the chart gave only a tail ("빅데이터통계담당관") are units of their own.
  const named = tables.flatMap((t) => t.columns).filter((c): c is string => !!c && SUB_UNIT.test(c) && !units.includes(c));
  // A chart name the layout cut a figure off ("분도시기획과") is the column's full name only.
  const full = (u: string) => named.find((c) => c !== u && c.endsWith(u) && /^\d+$/.test(c.slice(0, c.length - u.length)));
  const listed = units.map((u) => full(u) ?? u);
  return { org: orgSummary(lines, range), units: [...new Set([...listed, ...named])], tables };
}

// A header's bracket is short: unbounded, a line of "(" without ")" was read to its end from each of them.
const HEADER_FILLER = /구분|직급|부서명?|합계|총계|소계|비고|\([^)]{0,60}\)/g;

/**
 * Header lines that run the unit names together or split them over lines ("청 년 정 책 과지 산 학 협 력 과…",
 * "기 획 / 담 당 관"): when the header, read column by column, spells exactly the chart's units in order — every
 * letter used once, nothing left over — the columns take those names. Anything less leaves them unnamed.
 */
function nameUnitColumns(t: ReadTable, model: TableModel, units: string[]): ReadTable {
  const listed = namesInOrder(t, model, units);
  if (listed) return listed;
  const open = t.columns.map((c, k) => (c === null && k !== t.totalColumn ? k : -1)).filter((k) => k >= 0);
  if (open.length < 2 || units.length < open.length || model.header.length === 0 || model.header.length > 3) return t;
  if (open.length !== t.columns.length - (t.totalColumn === null ? 0 : 1)) return t;
  const texts = model.header.map((h) => {
    const closed = h.text.replace(/\s+/g, '').replace(HEADER_FILLER, '');
    return closed.replace(/^계/, '');
  });
  if (texts.some((x) => !/^[가-힣A-Za-z0-9]*$/.test(x))) return t;
  const topWords = model.header[0]!.text.trim().split(/\s+/);
  // A header that interleaves the two lines of one cell ("기 획 / 담 당 관" → "담기 당 획관") names no column: the
  // letters could be read as the chart's names, but neither position nor spelling shows which figure is whose.
  const names = spell(texts, units, open.length, topWords);
  if (!names) return t;
  const columns = [...t.columns];
  open.forEach((k, i) => (columns[k] = names[i]!));
  const rows = t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c.col !== null && open.includes(c.col) ? { ...c, column: columns[c.col]! } : c)) }));
  return { ...t, columns, rows };
}

/**
 * A one-line header whose words after 구분 and 계 are, one per column, the chart's units ("구 분 계 주택정책과
 * 건축정책과 도시정비과" under a chart that ran the three names together): each column takes its word.
 */
function namesInOrder(t: ReadTable, model: TableModel, units: string[]): ReadTable | null {
  if (model.header.length !== 1 || !t.columns.some((c) => c === null)) return null;
  const words = model.header[0]!.text.trim().split(/\s+/).filter((w) => w.length > 1 && !/^(?:구분|계|합계|총계|구분계|구분합계)$/.test(w));
  const slots = t.columns.map((_, k) => k).filter((k) => k !== t.totalColumn);
  if (words.length !== slots.length || !words.every((w) => units.includes(w))) return null;
  if (slots.some((k, i) => t.columns[k] !== null && t.columns[k] !== words[i])) return null;
  const columns = [...t.columns];
  slots.forEach((k, i) => (columns[k] = words[i]!));
  const rows = t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c.col !== null && slots.includes(c.col) ? { ...c, column: columns[c.col]! } : c)) }));
  return { ...t, columns, rows };
}

/**
 * `count` units, in the chart's order, whose letters the header lines give column by column, top to bottom.
 * A chart may stack a long name over two lines and so give only its tail ("빅데이터 / 통계담당관" → 통계담당관):
 * when no spelling uses the names as they are, a name may take extra letters from the top line before it, and
 * the column is named in full ("빅데이터통계담당관") — but only by one whole word of that line (or a figure the
 * chart cut off, "15" of "15 / 분도시기획과"), and only if exactly one spelling does so.
 */
function spell(texts: string[], units: string[], count: number, topWords: string[] = []): string[] | null {
  const solve = (prefixed: boolean): string[][] => {
    const found: string[][] = [];
    const go = (pos: number[], from: number, left: number, acc: string[]): void => {
      if (found.length > 1) return;
      if (left === 0) {
        if (pos.every((p, i) => p === texts[i]!.length)) found.push(acc);
        return;
      }
      for (let u = from; u < units.length; u++) {
        const top = texts[0]!;
        const extras = prefixed && texts.length > 1 ? Array.from({ length: top.length - pos[0]! + 1 }, (_, n) => n) : [0];
        for (const n of extras) {
          // A whole word of the top line, or the figure the chart cut off the name ("15" of 15분도시기획과).
          const prefix = top.slice(pos[0]!, pos[0]! + n);
          if (n && !topWords.includes(prefix) && !/^\d{1,3}$/.test(prefix)) continue;
          const name = top.slice(pos[0]!, pos[0]! + n) + units[u]!;
          const start = [pos[0]! + n, ...pos.slice(1)];
          for (const next of n ? pieces(units[u]!, texts, start) : pieces(name, texts, pos)) go(next, u + 1, left - 1, [...acc, name]);
        }
      }
    };
    go(texts.map(() => 0), 0, count, []);
    return found;
  };
  const exact = solve(false);
  if (exact.length) return exact[0]!;
  const prefixed = solve(true);
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/** Every way `name` is the concatenation of one piece from each line, each piece starting where that line stands. */
function pieces(name: string, texts: string[], pos: number[]): number[][] {
  const out: number[][] = [];
  const walk = (i: number, at: number, acc: number[]) => {
    if (i === texts.length - 1) {
      const rest = name.slice(at);
      if (texts[i]!.startsWith(rest, pos[i]!)) out.push([...acc, pos[i]! + rest.length]);
      return;
    }
    for (let len = 0; at + len <= name.length; len++) {
      if (len > 0 && texts[i]!.slice(pos[i]!, pos[i]! + len) !== name.slice(at, at + len)) break;
      walk(i + 1, at + len, [...acc, pos[i]! + len]);
    }
  };
  walk(0, 0, []);
  return out;
}

/** A chart's head line: the unit's name (maybe spread letter by letter), a dash or colon, then its counts. */
const UNIT_HEAD = new RegExp(String.raw`^\s*((?:[가-힣]\s?){2,20}?)\s*[-–:：]\s*`);
const HEAD_UNIT = /(?:담당관|과|국|실|원|본부|단|센터|사업소|부|청|관)$/;

/**
 * The first "조직 : 3과 17팀" / "기 구 : 6과 7사업소" line: its counts as written, up to where they stop. Failing
 * one, a chart's head line "감 사 담 당 관 - (7)개팀" whose rest is nothing but counts.
 */
function orgSummary(lines: string[], range: OverviewRange): DepartmentOverview['org'] {
  const last = Math.min(range.to, lines.length);
  for (let i = range.from; i <= last; i++) {
    const line = lines[i - 1]!;
    const label = ORG_LABEL.exec(line);
    if (!label) continue;
    const rest = line.slice(label[0].length);
    const written = countRun(rest);
    if (written) return { written, src: src(range.section, i) };
  }
  for (let i = range.from; i <= last; i++) {
    const line = lines[i - 1]!;
    const head = UNIT_HEAD.exec(line);
    if (!head || !HEAD_UNIT.test(head[1]!.replace(/\s+/g, ''))) continue;
    const rest = line.slice(head[0].length).trim();
    const written = countRun(rest);
    if (written && written.replace(/\s+/g, '') === rest.replace(/\s+/g, '')) return { written, src: src(range.section, i) };
  }
  return null;
}

/** "5과 (24팀 1TF), 6개 사업소 …" → the text from the first count to the last, brackets balanced. */
function countRun(text: string): string | null {
  const matches = [...text.matchAll(COUNT)];
  if (matches.length === 0) return null;
  const first = matches[0]!;
  // Counts must follow each other with only separators between them.
  let end = first.index + first[0].length;
  for (const m of matches.slice(1)) {
    const gap = text.slice(end, m.index);
    if (!/^[\s,ㆍ·()]*$/.test(gap)) break;
    end = m.index + m[0].length;
  }
  let run = text.slice(first.index, end).trim();
  const open = (run.match(/\(/g) ?? []).length - (run.match(/\)/g) ?? []).length;
  if (open > 0 && text.slice(end).trimStart().startsWith(')')) run += ')';
  if (/^\(\s*\d+\s*\)\s*$/.test(run)) return null;
  return run.replace(/^\(\s*(\d+)\s*\)/, '($1)').replace(/\s+/g, ' ');
}


/** Sub-units named in the overview: trusted column headers, then chart names (spread letters closed up). */
function subUnits(lines: string[], range: OverviewRange, tables: ReadTable[]): string[] {
  const out = new Set<string>();
  for (const t of tables)
    for (const c of t.columns) if (c && SUB_UNIT.test(c) && !/^\d/.test(c)) out.add(c);
  const last = Math.min(range.to, lines.length, range.from + 40);
  const squeezed = new Set<string>();
  let text: string | null = null;
  const writtenElsewhere = (name: string, at: number) =>
    (text ??= lines.map((l, k) => (k === at - 1 ? '' : l.replace(/\s+/g, ''))).join('\n')).includes(name);
  for (let i = range.from; i <= last; i++) {
    const segs = segments(lines[i - 1]!);
    segs.forEach((seg, k) => {
      // Names a chart box squeezed to single spaces ("북항재개발추진과 도시인프라개발과") are each a unit.
      const words = seg.text.split(' ');
      const boxed = words.length > 1 && words.every((w) => SUB_UNIT.test(w) && !DOUBLED.test(w));
      const whole = seg.text.replace(/\(\d+\)$/, '');
      const names = boxed ? words : (runTogether(whole) ?? [whole]);
      for (const name of names) {
        if (!SUB_UNIT.test(name) || /[^가-힣A-Za-z0-9]/.test(name)) continue;
        // A figure the layout cut off the name ("15  분도시기획과"): joined when the document writes it so.
        const before = segs[k - 1];
        const joined = names.length === 1 && before && /^\d{1,3}$/.test(before.text) ? before.text + name : null;
        if (joined && writtenElsewhere(joined, i)) out.add(joined);
        else if (boxed) {
          squeezed.add(name);
          out.add(name);
        } else out.add(headOver(lines, i, range.from, seg) + name);
      }
    });
  }
  // A squeezed box's name that is the tail of a name found whole ("통계담당관" of 빅데이터통계담당관) is that unit.
  for (const name of squeezed) if ([...out].some((u) => u !== name && u.endsWith(name))) out.delete(name);
  return [...out];
}


/** A name whose stem already ends as a unit does ("담당관담당관"): two header cells run together, not a unit. */
const DOUBLED = /(?:담당관|과|부|단)(?:담당관|과|부|추진단|기획단)$/;

interface Segment {
  text: string;
  start: number;
  end: number;
}

/** A chart line's cells (runs split at two or more spaces or tabs), spread letters closed up. */
function segments(line: string): Segment[] {
  // `\s?$`: a cell ending in one space before the end is a cell; without it no match was found from any of its
  // letters, each tried to the end (quadratic).
  return [...line.matchAll(/[^\s\t](?:[^\t]*?[^\s\t])?(?=\s{2,}|\t|\s?$)/g)].map((m) => {
    const raw = m[0];
    const text = raw.split(' ').every((w) => /^[가-힣]$/.test(w)) ? raw.replace(/\s+/g, '') : raw.trim();
    return { text, start: m.index, end: m.index + raw.length };
  });
}

/**
 * A chart box written over two lines ("빅데이터" over "통계담당관"): the word right above the name, over the
 * same columns, that is not a unit of its own, is the first part of the name.
 */
function headOver(lines: string[], at: number, floor: number, seg: Segment): string {
  for (let j = at - 1; j >= Math.max(floor, at - 2); j--) {
    // A blank line ends the box: the title above it (the department's own name) is no part of a sub-unit.
    if (lines[j - 1]!.trim() === '') return '';
    for (const above of segments(lines[j - 1]!)) {
      if (above.end <= seg.start || above.start >= seg.end) continue;
      if (/^[가-힣A-Za-z0-9]{2,10}$/.test(above.text) && !/(?:관|국|실|원|단|과|부|소|팀|센터)$/.test(above.text))
        return above.text;
      return '';
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------------------
// Staffing.

const STAFF_TITLE = /인\s*력|정\s*원|현\s*원|인\s*원/;

function isStaffTable(t: ReadTable): boolean {
  const rows = t.rows.map((r) => r.label);
  return (
    rows.some((l) => /^(?:정원|현원|정원\/현원)$/.test(l)) ||
    (STAFF_TITLE.test(t.title ?? '') && (t.unit === '명' || t.unit === null)) ||
    (t.measure !== null && t.measure !== undefined)
  );
}

/** Staffing per group (계, a unit, a grade) from the overview's staffing tables, every figure from its own cell. */
export function overviewStaffing(overview: DepartmentOverview, heading: (line: number) => string | null): Staffing[] {
  const out: Staffing[] = [];
  for (const t of overview.tables.filter(isStaffTable))
    for (const s of tableStaffing(t, heading))
      // A total stated twice (a sentence and the table under it) is one figure: the first reading stands.
      if (!out.some((o) => o.group === s.group)) out.push(s);
  return out;
}

function tableStaffing(t: ReadTable, heading: (line: number) => string | null): Staffing[] {
  const out: Staffing[] = [];
  const at = (row: TableRow) => ({ section: t.src.section, lines: [row.line, row.line] as [number, number] });
  const authorizedRow = t.rows.find((r) => r.label === '정원');
  const currentRow = t.rows.find((r) => r.label === '현원');
  const pairRow = t.rows.find((r) => r.label === '정원/현원');
  if (authorizedRow || currentRow) {
    // 정원 and 현원 are rows: the columns are the groups; the 계 column is the whole.
    t.columns.forEach((name, k) => {
      const group = k === t.totalColumn ? '계' : name;
      if (!group) return;
      const a = cellAt(authorizedRow, k);
      const c = cellAt(currentRow, k);
      if (a === null && c === null) return;
      out.push({ group, authorized: a, current: c, src: at(authorizedRow ?? currentRow!) });
    });
    return out;
  }
  if (pairRow) {
    t.columns.forEach((name, k) => {
      const group = k === t.totalColumn ? '계' : name;
      const cell = pairRow.cells.find((c) => c.col === k);
      if (!group || !cell?.pair) return;
      out.push({ group, authorized: cell.pair[0], current: cell.pair[1], src: at(pairRow) });
    });
    return out;
  }
  const authorizedCol = t.columns.indexOf('정원');
  const currentCol = t.columns.indexOf('현원');
  if (authorizedCol >= 0 || currentCol >= 0) {
    // 정원 and 현원 are columns: each row is a group (계, a unit, a grade).
    for (const row of t.rows) {
      if (!row.label) continue;
      const a = authorizedCol >= 0 ? cellAt(row, authorizedCol) : null;
      const c = currentCol >= 0 ? cellAt(row, currentCol) : null;
      if (a === null && c === null) continue;
      out.push({ group: /^(?:계|합계|총계)$/.test(row.label) ? '계' : row.label, authorized: a, current: c, src: at(row) });
    }
    return out;
  }
  // Groups are rows (계, 본청, 사업소, 관광정책과); the measure is the heading's or the unit line's, or a pair.
  // "정/현원" is the pair notation: both measures, never 현원 alone.
  const context = [t.title ?? '', heading(t.src.lines[0]) ?? ''].join(' ').replace(/정\s*\/\s*현\s*원/g, '정원/현원');
  const measure =
    t.measure === '현원' || (/현원/.test(context) && !/정원/.test(context))
      ? 'current'
      : t.measure === '정원' || (/정원/.test(context) && !/현원/.test(context))
        ? 'authorized'
        : null;
  const pairOrder = /정원\s*\/\s*현원/.test(context) || /정원.*현원/.test(context) ? 'authorized-current' : null;
  if (t.totalColumn === null) return out;
  for (const row of t.rows) {
    const cell = row.cells.find((c) => c.col === t.totalColumn);
    if (!cell || !row.label) continue;
    const group = /^(?:계|합계|총계)$/.test(row.label) ? '계' : row.label;
    if (cell.pair && pairOrder) out.push({ group, authorized: cell.pair[0], current: cell.pair[1], src: at(row) });
    else if (cell.value !== null && measure)
      out.push({
        group,
        authorized: measure === 'authorized' ? cell.value : null,
        current: measure === 'current' ? cell.value : null,
        src: at(row),
      });
  }
  return out;
}

function cellAt(row: TableRow | undefined, k: number): number | null {
  const cell = row?.cells.find((c) => c.col === k);
  return cell?.value ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Budget.

const YEAR_LABEL = /^[’'‘]?(\d{2}|\d{4})년(?:도)?/;

function isBudgetTable(t: ReadTable): boolean {
  return moneyUnit(t) !== null && (t.rows.some((r) => /^(?:세입|세출)/.test(r.label)) || /예산|세입|세출/.test(t.title ?? ''));
}

function moneyUnit(t: ReadTable): MoneyUnit | null {
  return t.unit ? normalizeUnit(t.unit) : null;
}

function yearOf(text: string, fallback: number | null): number | null {
  const m = YEAR_LABEL.exec(text.replace(/\s+/g, '')) ?? /(?:^|[^\d])[’'‘](\d{2})(?:년|\.)/.exec(text) ?? /(20\d{2})\s*년/.exec(text);
  if (!m) return fallback;
  const y = Number(m[1]);
  return y < 100 ? 2000 + y : y;
}

/**
 * Budget lines from the overview's budget tables. Rows 세입/세출 by unit columns; rows of years under a 세입 or
 * 세출 heading; or year columns over items. Every line carries its year; 증감 columns are cells, not budget.
 */
export function overviewBudget(
  overview: DepartmentOverview,
  planYear: number | null,
  heading: (line: number) => string | null,
): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const t of overview.tables.filter(isBudgetTable)) {
    const unit = moneyUnit(t)!;
    const context = [t.title ?? '', heading(t.src.lines[0]) ?? '', t.asOf ?? ''].join(' ');
    const tableYear = yearOf(context, planYear);
    const side = /세입/.test(t.title ?? '') && !/세출/.test(t.title ?? '') ? '세입' : /세출/.test(t.title ?? '') && !/세입/.test(t.title ?? '') ? '세출' : null;
    for (const row of t.rows) {
      const rowSide = /^세입/.test(row.label) ? '세입' : /^세출/.test(row.label) ? '세출' : side;
      const rowYear = YEAR_LABEL.test(row.label) ? yearOf(row.label, tableYear) : null;
      const yearColumns = t.columns.some((c) => c && YEAR_LABEL.test(c) && !/증감/.test(c));
      for (const cell of row.cells) {
        if (cell.col === null) continue;
        const column = t.columns[cell.col] ?? null;
        const isTotal = cell.col === t.totalColumn;
        if (!isTotal && !column) continue;
        if (column && /증감|비율|비고/.test(column)) continue;
        const amount = amountOf(cell, unit);
        if (!amount) continue;
        let year: number | null;
        let item: string | null;
        if (yearColumns && column && YEAR_LABEL.test(column)) {
          year = yearOf(column, tableYear);
          item = /^(?:계|합계|총계)$/.test(row.label) ? null : row.label || null;
        } else {
          if (!rowSide && !rowYear && !/^(?:계|합계)$/.test(row.label)) continue;
          year = rowYear ?? tableYear;
          item = isTotal ? null : column;
          if (!rowSide && !rowYear) item = [row.label, item].filter(Boolean).join(' · ') || null;
        }
        const sideItem = [rowSide === '세입' ? '세입' : null, item].filter(Boolean).join(' · ') || null;
        out.push({
          period: year ? `${year}년` : '',
          year,
          kind: 'allocated',
          funding: null,
          item: sideItem,
          amount,
          // From the table's first line: its unit, as-of date and headers say which year and column it is.
          src: src(t.src.section, t.src.lines[0], row.line),
        });
      }
    }
  }
  return out;
}

function amountOf(cell: TableCell, unit: MoneyUnit): Money | null {
  if (cell.value === null) return null;
  return parseAmount(cell.text.replace(/[^\d,.△▽-]/g, ''), unit);
}

export { runTogether };

/**
 * A document's overview over a range of its lines: the table layer reads the text, as it does for the model's
 * tables, so a family hands it the document rather than the document's lines.
 */
export function readDocumentOverview(doc: SourceDocument, range: OverviewRange): DepartmentOverview {
  return readOverview(doc.lines, range);
}

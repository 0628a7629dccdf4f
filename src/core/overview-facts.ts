/**
 * "출입 언론기관 몇 개사", "인재개발원 주차장 몇 면", "관광사업체 수", "재해구호기금 증감": a figure a department
 * overview (기본현황) states in one of its tables or lines, asked without naming a project or a unit.
 *
 * Answered only when every word of the question is accounted for — by the organisation or department asked, by a
 * table's title, a row label or a column header, or else by one line of the overview — so a question about a
 * project never lands on an overview line that happens to mention it. A cell is stated with its row, column and
 * unit only when the reader pinned it to a named column (or the table's 계 column); otherwise its line is quoted.
 */
import { src } from '../domain/provenance.js';
import type { ReadTable, TableCell, TableRow } from '../domain/table.js';
import { withoutParticle } from '../domain/vocabulary.js';
import { organizationAliases, runTogether } from '../domain/names.js';
import type { StoredRecord } from '../store/store.js';
import type { CommandContext } from './command.js';
import type { Knowledge } from './knowledge.js';
import { lineRuns, writtenLines } from './blocks.js';
import { sourceOf } from './format.js';
import { asWritten } from './quote.js';
import { type Block, list, type Reply, reply } from './reply.js';

/** A count asked ("몇 개사", "체육시설 수"): a table's figure, not a project's card, is wanted. */
export const ASKS_COUNT = /(?:^|\s)(?:몇|수|개수|총수)(?=\s|$)|몇\S+$/;

/** Words that ask for a figure without naming it: "몇 개사", "수", "규모", "얼마", "현황". */
const ASKING = /^(?:몇|몇개|수|개수|총|총수|전체|규모|얼마|얼마나|얼마야|현황|보유현황|현재|알려줘|알려|뭐야|어때|누구|누구야|몇개사|몇개소|몇명|몇곳|몇건|몇점|몇면)$/;
/** A counter after 몇 ("몇 개사", "몇 면") asks, it does not name. */
const COUNTER = /^(?:개사|개소|개|명|건|곳|점|면|대|톤|단체|개팀|팀|과)$/;
/** Question words that widen to the words a table writes. */
const WIDER: Record<string, string[]> = {
  인원: ['인원', '정원', '현원'],
  인력: ['정원', '현원', '인력'],
  예산: ['예산', '세출', '세입'],
  수입: ['수입', '세입'],
  지출: ['지출', '세출'],
  증감율: ['증감률', '증감율'],
};
const POSITION = /(?:대표이사|이사장|원장|사장|관장|단장|회장|센터장|본부장)$/;
/** Row labels every staffing or budget table has: naming one says nothing about which table is meant. */
const GENERIC_ROW = /^(?:계|합계|총계|소계|정원|현원|과부족|세입|세출|예산|인원|정원\/현원|\d급.*)$/;
const MEASURE_ROW = /^(?:정원|현원|과부족|세입|세출|예산|인원)/;
const TOTAL = /^(?:계|합계|총계|소계)$/;
const YEAR = /^((?:19|20)(\d{2}))년?도?$/;
const MAX_LINES = 400;
const MAX_DOCUMENT_LINES = 20_000;

const squash = (s: string) => s.replace(/[\s·ㆍ‧․・]+/g, '').toLowerCase();

interface Word {
  text: string;
  /** "2023년" → the forms a table or line writes that year in. */
  year: string[] | null;
}

/** The question's words: particles off, asking words and counters dropped. */
function wordsOf(message: string): Word[] {
  const raw = message.replace(/[?？!.,~]/g, ' ').split(/\s+/).filter(Boolean);
  const out: Word[] = [];
  raw.forEach((w, k) => {
    const stem = withoutParticle(w).at(-1)!;
    if (ASKING.test(stem) || ASKING.test(w)) return;
    if (COUNTER.test(stem) && raw[k - 1] === '몇') return;
    const y = YEAR.exec(stem);
    if (y) {
      out.push({ text: stem, year: [y[1]!, `’${y[2]}`, `'${y[2]}`, `‘${y[2]}`, `${y[2]}년`] });
      return;
    }
    if (stem.length < 2 && !/\d/.test(stem)) return;
    out.push({ text: stem.toLowerCase(), year: null });
  });
  return out;
}

/** The department records whose overview or lines a question may be about; those its scope words name first. */
const candidateCache = new WeakMap<Knowledge, Array<{ r: StoredRecord; names: string[] }>>();

/** The department records with their names, once per knowledge: asked again on many messages. */
function candidates(knowledge: Knowledge): Array<{ r: StoredRecord; names: string[] }> {
  let found = candidateCache.get(knowledge);
  if (!found) {
    found = knowledge.summaries
      .filter((s) => s.kind === 'department')
      .flatMap((s) => knowledge.get(String(s.id)) ?? [])
      .map((r) => ({ r, names: scopeNames(r) }));
    candidateCache.set(knowledge, found);
  }
  return found;
}

/**
 * The record's own names: its organisation (and short forms), department and title. The units its overview
 * lists are not among them: a 과 asked must be found in the table or line itself.
 */
function scopeNames(r: StoredRecord): string[] {
  const rec = r.record;
  const org = rec.organization ?? '';
  const shorts = organizationAliases(org);
  return [org, ...shorts, ...shorts.map((o) => `${o}시`), rec.department ?? '', rec.title]
    .filter((n) => n.length >= 2)
    .map(squash);
}

/** A word names the record when it is one of its names, or the head of its department's name ("상수도"). */
function isScope(w: Word, names: string[]): boolean {
  if (w.year) return false;
  return names.some((n) => n === w.text || (w.text.length >= 2 && n.startsWith(w.text) && n.length - w.text.length >= 2));
}

/** A unit's name ("산업과", "홍보담당관"): it names a header only as a whole, never as the tail of a longer name. */
const UNIT_LIKE = /(?:과|담당관|국|실|단|센터|사업소|본부|원|팀|부|소)$/;

/**
 * A word names a header cell (a column or row label) when it is the cell, heads it ("세출" of "세출(백만원)"), or —
 * three letters or more and not a unit's name — stands inside it ("예상액" of "2025년예상액").
 */
function namesHeader(header: string, w: Word): boolean {
  return (WIDER[w.text] ?? [w.text]).some(
    (alt) =>
      header === alt ||
      (header.startsWith(alt) && /^[^가-힣]/.test(header.slice(alt.length))) ||
      (alt.length >= 3 && !UNIT_LIKE.test(alt) && header.includes(alt)),
  );
}

function inText(textSquashed: string, w: Word): boolean {
  if (w.year) return w.year.some((y) => textSquashed.includes(squash(y)));
  return (WIDER[w.text] ?? [w.text]).some((alt) => textSquashed.includes(alt));
}

interface CellHit {
  record: StoredRecord;
  table: ReadTable;
  row: TableRow;
  /** Null: the row is the one asked but its figure sits in a column the reader could not name — quote the line. */
  cell: TableCell | null;
}

/** A table's title without its unit and as-of brackets: "출입 언론기관 【’25. 1. 1. 기준 / 단위 : 개사】" → "출입언론기관". */
function titleKey(t: ReadTable): string {
  // The bracket's text is bounded: unbounded, a title of unclosed brackets was read to its end from each of them.
  return squash((t.title ?? '').replace(/[【(（][^】)）]{0,60}?(?:기준|단위)[^】)）]{0,60}[】)）]/g, ''));
}

/**
 * A row label cut short where its cell broke over two lines ("집단에너지" of "집단에너지 / 시설기금"): the word asked
 * begins with the whole label, and the label is long enough to name one thing.
 */
function labelHead(label: string, w: Word): boolean {
  return label.length >= 4 && w.text.length > label.length && w.text.startsWith(label) && /^[가-힣]+$/.test(label);
}

/**
 * A measure word (정원, 세출) is the table's own only where its caption starts with it ("(세출) 23,093백만원 …") and
 * the row is not another measure's: "인력 : 91명 / 100명 (정원 / 현원)" names no column, and a 현원 row is no 정원.
 */
function captionMeasure(title: string, w: Word, label: string): boolean {
  return title.replace(/^[^가-힣]+/, '').startsWith(w.text) && !GENERIC_ROW.test(label);
}

/**
 * The header lines write the word over a column the reader could not pin: whole, or — stacked over two lines
 * ("인터넷" / "신 문") — both its halves.
 */
function inHeader(headerText: string, w: Word): boolean {
  if (UNIT_LIKE.test(w.text)) return false;
  if (headerText.includes(w.text)) return true;
  const half = Math.ceil(w.text.length / 2);
  return w.text.length >= 4 && /^[가-힣]+$/.test(w.text) && headerText.includes(w.text.slice(0, half)) && headerText.includes(w.text.slice(half));
}

/** A word of a long row label ("대학" of 대학및지역인재육성기금): the other words asked must be accounted for too. */
function inLongLabel(label: string, w: Word): boolean {
  return label.length >= 6 && w.text.length >= 2 && !UNIT_LIKE.test(w.text) && label.includes(w.text);
}

/** Cells of one table that account for every content word, or [] when some word is left over. */
function tableHits(r: StoredRecord, t: ReadTable, content: Word[], scoped: boolean, knowledge: Knowledge): CellHit[] {
  const title = titleKey(t);
  const headerText = squash(headerLinesText(knowledge, r.document.versionId, t.headerLines ?? []));
  const out: CellHit[] = [];
  const rows: Array<{ row: TableRow; cell: TableCell | null; byRow: boolean }> = [];
  for (const row of t.rows) {
    const label = squash(row.label);
    const rowText = squash(row.text);
    let byRow = false;
    let byTitle = false;
    // A question naming no department must name the table or a row of its own, not only 정원 or 세출.
    let specific = scoped;
    let column: number | null = null;
    let unpinned = false;
    let complete = true;
    for (const w of content) {
      if (!w.year && label && (namesHeader(label, w) || labelHead(label, w) || inLongLabel(label, w))) {
        byRow = true;
        if (!GENERIC_ROW.test(label)) specific = true;
      } else if (!w.year && title && inText(title, w) && (!GENERIC_ROW.test(w.text) || captionMeasure(title, w, label))) {
        byTitle = true;
        specific = true;
      }
      // A year the row, the title or a column header writes ("2025년 예상액"): the table is that year's.
      else if (w.year && (inText(rowText, w) || inText(title, w) || t.columns.some((c) => c && inText(squash(c), w)))) continue;
      else {
        const c = row.cells.findIndex((cell) => cell.column !== null && namesHeader(squash(cell.column), w));
        if (c >= 0 && (column === null || column === c)) column = c;
        // The header writes the word over a column the reader could not pin ("인터넷 신문"): the row is quoted.
        else if (!w.year && inHeader(headerText, w)) unpinned = true;
        else {
          complete = false;
          break;
        }
      }
    }
    if (!complete || (!byRow && !byTitle) || !specific) continue;
    const total = row.cells.find((c) => c.col !== null && c.col === t.totalColumn) ?? null;
    const cell = unpinned ? null : column !== null ? row.cells[column]! : total;
    rows.push({ row, cell: cell && cell.pair === null && cell.col !== null ? cell : null, byRow });
  }
  const named = rows.filter((x) => x.byRow);
  // Only the title asked: the table's total row answers, or its only row; several rows without one are quoted.
  const chosen = named.length
    ? named
    : rows.filter((x) => TOTAL.test(squash(x.row.label))).length
      ? rows.filter((x) => TOTAL.test(squash(x.row.label)))
      : rows.length <= 3
        ? rows
        : [];
  for (const x of chosen) out.push({ record: r, table: t, row: x.row, cell: x.cell });
  return out;
}

/** Lines of the overview that hold every content word and a figure (or the name asked for, e.g. 대표이사). */
function lineHits(r: StoredRecord, content: Word[], ctx: CommandContext, wholeDocument: boolean): Span[] {
  // The department asked by name: any line of its plan is about it; otherwise only its overview's lines are.
  const [from, to] = wholeDocument ? [1, Number.MAX_SAFE_INTEGER] : r.record.src.lines;
  const last = Math.min(to, from + (wholeDocument ? MAX_DOCUMENT_LINES : MAX_LINES));
  const lines = writtenLines(ctx.knowledge, r.document.versionId, from, last);
  const first = content.find((w) => !w.year);
  const scored: Array<{ span: Span; at: number; len: number }> = [];
  // The entries k..j, one line or an item with its sub-lines.
  const consider = (k: number, j: number) => {
    const span: Span = [lines[k]!.n, lines[j]!.last];
    const text = squash(lines.slice(k, j + 1).map((l) => l.text).join(''));
    if (!content.every((w) => inText(text, w))) return false;
    const at = first ? text.indexOf((WIDER[first.text] ?? [first.text]).find((a) => text.includes(a)) ?? '') : 0;
    // The figure follows the words asked ("주차장 367면", "정비기금 보유현황 : 204,072백만원"); a position asked
    // ("대표이사") is answered by the name after it.
    const rest = text.slice(Math.max(0, at));
    if (!/\d/.test(rest) && !(POSITION.test(content.at(-1)!.text) && /[가-힣]{2,4}$/.test(rest))) return false;
    scored.push({ span, at, len: text.length });
    return true;
  };
  lines.forEach((l, k) => squash(l.text).length >= 4 && consider(k, k));
  // None: an item whose sub-lines ("- '24년도 목표 초과 …") carry the rest, its label on the item's own line.
  if (scored.length === 0 && first) {
    lines.forEach((l, k) => {
      if (!inText(squash(l.text), first)) return;
      // The next two lines, one after the other (a blank line or a rule between ends the item).
      for (let j = k + 1; j <= k + 2 && j < lines.length; j++) {
        const m = lines[j]!;
        if (m.n !== lines[j - 1]!.last + 1 || !CONTINUATION.test(m.text)) break;
        if (consider(k, j)) break;
      }
    });
  }
  scored.sort((a, b) => a.at - b.at || a.len - b.len || a.span[0] - b.span[0]);
  return scored.slice(0, 2).map((s) => s.span);
}

/** Lines of one item: from its label line to the last sub-line that completes it. */
type Span = [number, number];
/** A sub-line of the item above it: a dash, a note mark or an arrow first. */
const CONTINUATION = /^\s*(?:[-–*※▹▸⇒→]|\d+\))/;

/**
 * What a table's header lines write, as written: on the first row of the model's table that names them among its
 * header lines, else on the block read from the line; a table the model did not read there gives its rows' header
 * cells.
 */
function headerLinesText(knowledge: Knowledge, versionId: number, headerLines: number[]): string {
  const out: string[] = [];
  for (const n of headerLines) {
    const row = knowledge.blocksAt(versionId, n, n + 40).find((b) => b.table?.head?.includes(n));
    const kept = row?.table?.headWritten?.[row.table.head!.indexOf(n)];
    const own = kept === undefined ? writtenLines(knowledge, versionId, n, n).find((l) => l.n === n)?.text : kept;
    if (own !== undefined) out.push(own);
    else if (row?.table) out.push([row.table.header.join(' '), row.table.unit ?? ''].join(' '));
  }
  return out.join('');
}

/** "계: 104개사", "관광마이스육성진흥기금 증감: 3,263백만원": the cell with its row, column and unit. */
function cellLine(t: ReadTable, row: TableRow, cell: TableCell): string {
  const column = cell.col === t.totalColumn ? (cell.column ?? '계') : cell.column!;
  const label = row.label && !TOTAL.test(squash(row.label)) ? row.label : '';
  const unit = t.unit && !/[,/]/.test(t.unit) && /\d$/.test(cell.text) ? t.unit : '';
  // The measure last, so the figure follows its word: a row 정원 under a column 2급 is "2급 정원".
  const words = MEASURE_ROW.test(squash(label)) ? [column, label] : [label, column];
  return `${words.filter(Boolean).join(' ')}: ${cell.text}${unit}`;
}

function headOf(r: StoredRecord): string {
  const rec = r.record;
  return [rec.organization, rec.department ?? rec.title].filter(Boolean).join(' ');
}

export interface OverviewFactOptions {
  /** Only a table cell answers (a count asked of a table's title, before any project is tried). */
  tablesOnly?: boolean;
}

/** The overview fact the question asks for, or null when no table or line accounts for all its words. */
export function overviewFact(message: string, ctx: CommandContext, options: OverviewFactOptions = {}): Reply | null {
  const words = wordsOf(message);
  if (words.length === 0) return null;
  const scoped = candidates(ctx.knowledge).map((x) => ({ ...x, scope: words.filter((w) => isScope(w, x.names)) }));
  // A department or organisation asked narrows to its records; a question naming none looks at every overview.
  const widest = Math.max(0, ...scoped.map((x) => x.scope.length));
  const pool = scoped.filter((x) => x.scope.length === widest);
  const cells: CellHit[] = [];
  for (const { r, scope } of pool) {
    const content = words.filter((w) => !scope.includes(w));
    if (content.length === 0 || content.every((w) => w.year)) continue;
    for (const t of r.record.overview?.tables ?? []) cells.push(...tableHits(r, t, content, scope.length > 0, ctx.knowledge));
  }
  if (cells.length) return cellReply(cells, ctx);
  if (options.tablesOnly) return null;
  const chart = chartCount(words, pool.map((x) => x.r), ctx);
  if (chart) return chart;
  const lines: Array<{ r: StoredRecord; n: Span[] }> = [];
  const seen = new Set<number>();
  for (const { r, scope } of pool) {
    // One document, one look: its overview records share its lines.
    if (scope.length > 0 && seen.has(r.document.id)) continue;
    seen.add(r.document.id);
    const content = words.filter((w) => !scope.includes(w));
    if (content.length === 0 || content.every((w) => w.year)) continue;
    const n = lineHits(r, content, ctx, scope.length > 0);
    if (n.length) lines.push({ r, n });
  }
  if (lines.length === 0 || lines.length > 3) return null;
  return lineReply(lines, ctx);
}

/** "(18명)", "5개팀(31명)", "6팀(정원 29명)": the counts an org chart writes under its units' names. */
const CHART_COUNT = /(?:\(?\d{1,4}\s*(?:개\s*)?(?:팀|담당|과)\)?\s*)?\(\s*(?:(정원|현원)\s*)?(\d[\d,]*)\s*명\s*\)/g;
const CHART_MEASURE = /^(?:인원|인력|정원|현원|직원|몇명|명)$/;

/**
 * "교육지원과 인원" where the chart writes "교육지원과   전문교육과   역량교육과" over "(18명)   (17명)   (12명)": the
 * count under the unit's name — by position, or by order where the line names as many units as it has counts
 * (raw mode, "주택정책과건축정책과도시정비과" over "6팀(정원 29명) 5팀(정원 28명) 6팀(정원 30명)") — quoted with both
 * lines. It is called 정원 or 현원 only where the chart says so.
 */
function chartCount(words: Word[], records: StoredRecord[], ctx: CommandContext): Reply | null {
  const unit = words.find((w) => !w.year && UNIT_LIKE.test(w.text) && w.text.length >= 3);
  if (!unit || !words.every((w) => w === unit || CHART_MEASURE.test(w.text))) return null;
  const asked = words.find((w) => /^(?:정원|현원)$/.test(w.text))?.text ?? null;
  for (const r of records) {
    const [from, to] = r.record.src.lines;
    // The chart's lines as laid out (each with its indent): a name stands over its count.
    const lines = writtenLines(ctx.knowledge, r.document.versionId, from, to + 2);
    for (let i = 0; i < lines.length && lines[i]!.n <= to; i++) {
      const { n } = lines[i]!;
      const tokens = [...lines[i]!.text.matchAll(/\S+/g)];
      const names = tokens.flatMap((m) => (runTogether(m[0]) ?? [m[0]]).map((text) => ({ text, m })));
      const k = names.findIndex((x) => squash(x.text) === unit.text);
      if (k < 0) continue;
      // The counts on the next line written, one blank line at most between.
      const next = lines[i + 1];
      if (!next || next.n > n + 2 || next.last !== next.n) continue;
      const below = next.n;
      const countLine = next.text;
      const counts = [...countLine.matchAll(CHART_COUNT)];
      if (counts.length < 2 || countLine.replace(CHART_COUNT, '').trim() !== '') continue;
      const count = names.length === counts.length ? counts[k]! : byPosition(names[k]!.m, tokens, counts);
      if (!count) continue;
      const written = count[1] ?? null;
      // A chart that says which it counts is read so; the other measure asked is not this figure.
      if (asked && written && asked !== written) continue;
      const label = written ? `${unit.text} ${written}` : unit.text;
      const note = written ? '' : ' (정원·현원 구분 없음)';
      return reply('answer', `${headOf(r)} · ${unit.text}`, [
        list([`${label}: ${count[2]}명 — 조직도 표기 「${count[0].replace(/\s+/g, '')}」${note}`], '조직도'),
      ], { sources: [sourceOf(r, src(r.record.src.section, n, below))], suggestions: [`${r.record.department ?? r.record.title} 조직`] });
    }
  }
  return null;
}

/** The count under a name by position, unless another name stands nearer to it. */
function byPosition(name: RegExpMatchArray, tokens: RegExpMatchArray[], counts: RegExpMatchArray[]): RegExpMatchArray | null {
  const centre = (m: RegExpMatchArray) => m.index! + m[0].length / 2;
  const nearest = [...counts].sort((a, b) => Math.abs(centre(a) - centre(name)) - Math.abs(centre(b) - centre(name)))[0]!;
  const rival = tokens.some((m) => m !== name && /[가-힣]{2}/.test(m[0]) && Math.abs(centre(m) - centre(nearest)) < Math.abs(centre(name) - centre(nearest)));
  return rival ? null : nearest;
}

function cellReply(all: CellHit[], ctx: CommandContext): Reply | null {
  // One document stored twice (a copy under another name) states each cell once.
  const seen = new Set<string>();
  const hits = all.filter((h) => {
    const key = [h.record.record.organization, h.record.record.department, h.table.title, h.row.line, h.row.text].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const records = [...new Set(hits.map((h) => h.record))];
  // The same words in many departments' tables: not one answer.
  if (records.length > 3) return null;
  const blocks: Block[] = [];
  const sources: string[] = [];
  for (const t of [...new Set(hits.map((h) => h.table))].slice(0, 4)) {
    const mine = hits.filter((h) => h.table === t).slice(0, 6);
    const r = mine[0]!.record;
    const caption = [
      records.length > 1 ? headOf(r) : null,
      t.title?.replace(/\s+/g, ' '),
      t.unit ? `단위: ${t.unit}` : null,
      t.title?.includes(t.asOf ?? '\u0000') ? null : t.asOf,
    ]
      .filter(Boolean)
      .join(' · ');
    blocks.push(list(mine.map((h) => (h.cell ? cellLine(t, h.row, h.cell) : asWritten(h.row.text))), caption || null));
    for (const [from, to] of lineRuns(ctx.knowledge, r.document.versionId, [...(t.headerLines ?? []), ...mine.map((h) => h.row.line)])) sources.push(sourceOf(r, src(t.src.section, from, to)));
  }
  const head = records.length === 1 ? headOf(records[0]!) : '기본현황에서 찾은 내용';
  return reply('answer', head, blocks, { sources: [...new Set(sources)], suggestions: records.map((r) => `${r.record.department ?? r.record.title} 조직`) });
}

function lineReply(found: Array<{ r: StoredRecord; n: Span[] }>, ctx: CommandContext): Reply {
  const blocks: Block[] = [];
  const sources: string[] = [];
  for (const { r, n } of found) {
    const items = n.flatMap(([a, b]) => writtenLines(ctx.knowledge, r.document.versionId, a, b).map((l) => asWritten(l.text.trim())));
    blocks.push(list(items, found.length > 1 ? headOf(r) : '문서에 적힌 문장'));
    // A line of the plan outside the overview is cited without the overview's section name.
    const [from, to] = r.record.src.lines;
    for (const [a, b] of n) sources.push(sourceOf(r, src(a >= from && b <= to ? r.record.src.section : null, a, b)));
  }
  const head = found.length === 1 ? headOf(found[0]!.r) : '기본현황에서 찾은 내용';
  return reply('answer', head, blocks, { sources, suggestions: found.map(({ r }) => `${r.record.department ?? r.record.title} 조직`) });
}

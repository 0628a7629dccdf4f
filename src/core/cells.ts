/**
 * "<row or unit> <column word>": any cell of a department overview's tables, answered with its row label, column
 * header, unit and line ("관광정책과 정원", "인재개발원 과부족", "기획담당관 세출", "인재개발원 5급 정원"). A cell is
 * stated only when both its row and its column are accounted for by the question (the unit asked, a measure word,
 * or the 계 of the department asked); a row that matches but whose cell has no named column is quoted, not read.
 */
import type { DocBlock } from '../domain/doc-model.js';
import { src } from '../domain/provenance.js';
import type { ReadTable, TableCell, TableRow } from '../domain/table.js';
import type { StoredRecord } from '../store/store.js';
import { lineRuns } from './blocks.js';
import type { CommandContext } from './command.js';
import { departmentWords } from './departments.js';
import { sourceOf } from './format.js';
import { withoutParticle } from './people.js';
import { asWritten } from './quote.js';
import { type Block, list, type Reply, reply } from './reply.js';

const TOTAL = /^(?:계|합계|총계|소계)$/;
/** Question words that widen to the row words a table writes: 인력 is 정원 and 현원, 예산 is 세입 and 세출. */
const WIDER: Record<string, string[]> = {
  인력: ['정원', '현원'],
  인원: ['정원', '현원', '인원'],
  예산: ['세입', '세출', '예산'],
  세입예산: ['세입'],
  세출예산: ['세출'],
  증감율: ['증감률', '증감율'],
};

interface Target {
  record: StoredRecord;
  /** The word that named the unit; null when it is the department itself (its 계 answers). */
  unit: string | null;
}

interface Hit {
  table: ReadTable;
  row: TableRow;
  /** Null when the row matched but its figure could not be pinned to a named column: the line is quoted. */
  cell: TableCell | null;
}

/** The cells the question names, or null when it names no unit with a measure word its tables have. */
export function cellAnswer(query: string, message: string, ctx: CommandContext): Reply | null {
  const words = wordsOf(`${message} ${query}`);
  const target = findTarget(words, ctx);
  if (!target) return null;
  const overview = target.record.record.overview;
  if (!overview) return null;
  const others = words.filter((w) => w !== target.unit && !isDepartmentName(w, target.record));
  const keys = new Set(
    overview.tables.flatMap((t) => [
      ...t.rows.map((r) => r.label),
      ...t.columns.filter((c): c is string => !!c),
      ...(t.measure ? [t.measure] : []),
    ]),
  );
  const measures = others
    .map((w) => (WIDER[w] ?? [w]).filter((m) => [...keys].some((k) => sameWord(k, m))))
    .filter((g) => g.length > 0);
  const hits = measures.length ? overview.tables.flatMap((t) => tableHits(t, target, measures, overview.units)) : [];
  if (hits.length === 0) return sentenceAnswer(target, others, ctx);
  const blocks: Block[] = [];
  const sources: string[] = [];
  for (const t of [...new Set(hits.map((h) => h.table))]) {
    const mine = hits.filter((h) => h.table === t);
    const items = mine.map((h) => (h.cell ? cellLine(t, h.row, h.cell, measures.flat()) : `${h.row.label} — ${asWritten(h.row.text)}`));
    const caption = [t.title?.replace(/\s+/g, ' '), t.unit ? `단위: ${t.unit}` : null, t.asOf].filter(Boolean).join(' · ');
    blocks.push(list(items, caption || null));
    // A cell is cited with the header lines that name its column (and a caption that states figures).
    if (!t.headerLines && /\d/.test(t.title ?? '')) sources.push(sourceOf(target.record, t.src));
    for (const [from, to] of lineRuns(ctx.knowledge, target.record.document.versionId, [...(t.headerLines ?? []), ...mine.map((h) => h.row.line)]))
      sources.push(sourceOf(target.record, src(t.src.section, from, to)));
  }
  const rec = target.record.record;
  const name = rec.department ?? rec.title;
  const title = [rec.organization, name, target.unit && target.unit !== name ? `· ${target.unit}` : null].filter(Boolean).join(' ');
  return reply('answer', title, blocks, { sources: [...new Set(sources)], suggestions: [`${name} 조직`] });
}

function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/[?？!.,]/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    const forms = withoutParticle(raw);
    const w = forms.at(-1)!;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

function isDepartmentName(word: string, r: StoredRecord): boolean {
  const rec = r.record;
  return word === rec.department || word === rec.title || rec.aliases.includes(word);
}

/** The department the question names (its 계 answers), else a department whose tables name the unit. */
function findTarget(words: string[], ctx: CommandContext): Target | null {
  // A department named without a unit suffix ("대변인") is a department all the same when a record is titled so.
  const units = [
    ...departmentWords(words.join(' ')),
    ...words.filter((w) => w.length >= 2 && ctx.lookups.department(w)?.record.title === w),
  ];
  for (const w of units) {
    const dept = ctx.lookups.department(w);
    if (dept?.record.overview && isDepartmentName(w, dept)) return { record: dept, unit: null };
  }
  for (const w of [...units, ...words.filter((x) => x.length >= 2 && !units.includes(x))]) {
    const owners = ctx.knowledge.unit(w).filter((s) => s.kind === 'department');
    for (const s of owners) {
      const r = ctx.knowledge.get(String(s.id));
      if (r?.record.overview && namesKey(r, w)) return { record: r, unit: w };
    }
  }
  return null;
}

function namesKey(r: StoredRecord, word: string): boolean {
  const o = r.record.overview!;
  return o.units.includes(word) || o.tables.some((t) => t.columns.includes(word) || t.rows.some((row) => row.label === word));
}

const PAIR_KEY = /^정원\/현원$/;
const STAFF_MEASURE = /^(?:정원|현원|과부족|과ㆍ?결원|결원|정원\/현원)$/;
const MEASURE_KEY = /^(?:정원|현원|과부족|세입|세출|정원\/현원|인원|예산)/;

function sameWord(key: string, word: string): boolean {
  if (PAIR_KEY.test(key) && /^(?:정원|현원)$/.test(word)) return true;
  return key === word || (word.length >= 2 && key.startsWith(word) && /^[(\s]/.test(key.slice(word.length) || ' '));
}

/**
 * Each axis of a cell (its row label, its column header) must be the unit asked, a measure word, or — for the
 * department itself — a 계; and every measure word must be one of the two.
 */
function tableHits(t: ReadTable, target: Target, measures: string[][], units: string[]): Hit[] {
  const out: Hit[] = [];
  const subUnit = (k: string) => units.includes(k);
  // The unit asked is one of this table's columns, but the reader could not tell which: its rows are quoted.
  const unitUnpinned =
    target.unit !== null &&
    units.includes(target.unit) &&
    !t.columns.includes(target.unit) &&
    !t.rows.some((r) => r.label === target.unit) &&
    t.columns.some((c, k) => c === null && k !== t.totalColumn);
  const accounts = (key: string | null, isTotal: boolean): 'unit' | 'measure' | 'total' | null => {
    if (key && target.unit && key === target.unit) return 'unit';
    if (key && measures.some((g) => g.some((m) => sameWord(key, m)))) return 'measure';
    if (!target.unit && (isTotal || (key !== null && TOTAL.test(key)))) return 'total';
    // A department's table with no unit axis (rows 정원/현원, columns by grade): the grade is a measure word.
    return null;
  };
  for (const row of t.rows) {
    const rowAxis = accounts(row.label, TOTAL.test(row.label));
    if (!rowAxis) continue;
    if (target.unit === null && subUnit(row.label)) continue;
    let quoted = false;
    for (const cell of row.cells) {
      const isTotal = cell.col !== null && cell.col === t.totalColumn;
      const column = isTotal ? (cell.column ?? '계') : cell.column;
      if (cell.col === null || (column === null && !isTotal)) {
        quoted = true;
        continue;
      }
      // A table whose words say what it counts: in the 계 column, a row's pair is its own 정원 and 현원, a
      // figure its own 현원 (under "(현원, 명)").
      const pairOf = t.measure && (t.measure !== '정원/현원' || cell.pair) && cell.value !== null || (t.measure && cell.pair) ? t.measure : null;
      const colAxis = pairOf && isTotal ? 'measure' : accounts(column, isTotal);
      if (!colAxis) continue;
      if (rowAxis === 'total' && colAxis === 'total') continue;
      if (target.unit && rowAxis !== 'unit' && colAxis !== 'unit') continue;
      const named = [row.label, column, pairOf];
      if (!measures.every((g) => g.some((m) => named.some((k) => k !== null && sameWord(k, m))))) continue;
      out.push({ table: t, row, cell });
    }
    // The row is the one asked, but a figure of it sits in a column the reader could not name: quote the line.
    if (
      (quoted || unitUnpinned) &&
      !out.some((h) => h.row === row) &&
      rowAxis !== 'total' &&
      (target.unit === null || rowAxis === 'unit' || (unitUnpinned && rowAxis === 'measure'))
    )
      out.push({ table: t, row, cell: null });
  }
  return out;
}

/**
 * "관광정책과 정원: 32명", "5급 현원: 20", "세출 (계): 33,257백만원": the qualifier first, the measure last, so
 * the figure follows its measure word. A 정원/현원 pair cell gives the half asked.
 */
function cellLine(t: ReadTable, row: TableRow, cell: TableCell, asked: string[]): string {
  const isTotal = cell.col === t.totalColumn;
  const column = isTotal ? (cell.column ?? '계') : cell.column!;
  if (t.measure && t.measure !== '정원/현원' && cell.value !== null && !MEASURE_KEY.test(column) && !MEASURE_KEY.test(row.label)) {
    const who = [TOTAL.test(row.label) ? null : row.label, isTotal ? null : column].filter(Boolean).join(' ');
    const unit = /[가-힣%]$/.test(cell.text) ? '' : (t.unit ?? '명');
    return `${who ? `${who} ` : ''}${t.measure}${isTotal && TOTAL.test(row.label) ? ' (계)' : ''}: ${cell.text}${unit}`;
  }
  if (t.measure === '정원/현원' && cell.pair) {
    // The table's words say its pairs are 정원/현원: the row (and a grade column) qualify the halves.
    const who = PAIR_KEY.test(row.label)
      ? isTotal
        ? '계'
        : column
      : [TOTAL.test(row.label) ? '계' : row.label, isTotal ? null : column].filter(Boolean).join(' ');
    return `${who} ${pairHalves(cell.pair, asked, t.unit ?? '명')} (원문 ${cell.text.replace(/\s+/g, '')})`;
  }
  const rowIsMeasure = MEASURE_KEY.test(row.label) || !MEASURE_KEY.test(column);
  const [qualifier, measure] = rowIsMeasure ? [column, row.label || '-'] : [row.label || '-', column];
  // 정원, 현원 and 과부족 count people: a bare figure of theirs is in 명 even where the table has no unit line.
  const unit = t.unit ?? (STAFF_MEASURE.test(measure) ? '명' : null);
  const suffix = !unit || /[가-힣%]$/.test(cell.text) || /^[-–—]$/.test(cell.text) ? '' : unit;
  const head = TOTAL.test(qualifier) ? `${measure} (${qualifier})` : `${qualifier} ${measure}`;
  if (cell.pair && PAIR_KEY.test(measure)) {
    // A 정원/현원 pair counts people: "8/10명" is 8명 and 10명.
    return `${TOTAL.test(qualifier) ? `계` : qualifier} ${pairHalves(cell.pair, asked, t.unit ?? '명')} (원문 ${cell.text})`;
  }
  return `${head}: ${cell.text}${suffix}`;
}

/** The half of a 정원/현원 pair the question asks, or both. */
function pairHalves(pair: [number, number], asked: string[], unit: string): string {
  return [
    asked.includes('현원') && !asked.includes('정원') ? null : `정원 ${pair[0]}${unit}`,
    asked.includes('정원') && !asked.includes('현원') ? null : `현원 ${pair[1]}${unit}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Words that ask for a figure without naming it, and topics the department answer itself covers. */
const NOT_A_MEASURE = /^(?:몇|명|몇명|얼마|얼마나|규모|수|알려줘|보여줘|뭐야|어때|조직|조직도|부서|팀구성|예산|현황|사업|업무)$/;
const SENTENCE_LINES = 300;

/**
 * A figure the overview writes in a sentence ("ㅇ인력 ▸정원 1,138명(공무원 850명 …)", "ㅇ자산 ▸ 2조 3,017억원"):
 * the line is quoted as written, with its line cited — the reader does not pick a number out of prose.
 */
function sentenceAnswer(target: Target, words: string[], ctx: CommandContext): Reply | null {
  const groups = words.filter((w) => w.length >= 2 && !NOT_A_MEASURE.test(w)).map((w) => WIDER[w] ?? [w]);
  return groups.length ? figureSentences(target, groups, ctx) : null;
}

/**
 * A department whose budget no table reader could read: the blocks that give its 세입/세출/예산 figures, quoted,
 * rather than "no budget in the document".
 */
export function budgetSentences(record: StoredRecord, ctx: CommandContext): Reply | null {
  return figureSentences({ record, unit: null }, [WIDER['예산']!], ctx);
}

function figureSentences(target: Target, groups: string[][], ctx: CommandContext): Reply | null {
  const r = target.record;
  const [from, to] = r.record.src.lines;
  const found: DocBlock[] = [];
  for (const b of ctx.knowledge.blocksAt(r.document.versionId, from, Math.min(to, from + SENTENCE_LINES))) {
    if (found.length >= 3) break;
    const line = b.text.replace(/\s+/g, '');
    // A unit's own figure is written on its line; a block run together from several lines (an org chart in raw
    // mode: names over counts) pairs the unit with the figures of its neighbours.
    if (target.unit && (!line.includes(target.unit) || b.lines[1] > b.lines[0])) continue;
    const figured = groups.every((g) =>
      g.some((m) => {
        const at = line.indexOf(m);
        return at >= 0 && /\d/.test(line.slice(at + m.length, at + m.length + 12));
      }),
    );
    if (figured) found.push(b);
  }
  if (found.length === 0) return null;
  const rec = r.record;
  const name = rec.department ?? rec.title;
  return reply(
    'answer',
    [rec.organization, name, target.unit && target.unit !== name ? `· ${target.unit}` : null].filter(Boolean).join(' '),
    [list(found.map((b) => asWritten(b.text.trim())), '문서에 적힌 문장')],
    { sources: found.map((b) => sourceOf(r, src(rec.src.section, b.lines[0], b.lines[1]))), suggestions: [`${name} 조직`] },
  );
}

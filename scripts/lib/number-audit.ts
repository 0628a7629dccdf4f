/**
 * The wrong-number audit (issue 6, section 6): questions generated from every stored record, answered by the real
 * dispatcher, and every figure of every reply checked against the lines its source footnote cites. A figure is
 * accepted when it is in a cited line, or when the reply labels it as computed and it recomputes: a 조/억/만
 * reading of the amount before it, a rate "(… 계산)" from two cited figures, a "사업 N건" count of the list it
 * heads. Meaning checks: 정원/현원 against the total cell, "N개 팀"/"N과" against the document's own count.
 */
import { COMMANDS } from '../../commands/index.js';
import { createRouter } from '../../src/core/dispatch.js';
import type { Knowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { citedLineSpans } from '../../src/domain/provenance.js';
import { renderText } from '../../src/render/text.js';

/** The real dispatcher over the real command registry, as the bot builds it. */
const router = createRouter(COMMANDS);

export const QUESTION_WORDS = ['예산', '현황', '일정', '담당자', '조직', '정원', '내선'] as const;

/** Every title, department, team, person, position and budget row label in the store, each with every question word. */
export function generateQuestions(knowledge: Knowledge): string[] {
  const subjects = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = s?.replace(/\s+/g, ' ').trim();
    if (t && t.length >= 2 && t.length <= 60) subjects.add(t);
  };
  for (const s of knowledge.summaries) {
    add(s.title);
    add(s.department);
    s.teams.forEach(add);
    const r = knowledge.get(String(s.id))?.record;
    if (!r) continue;
    for (const c of r.contacts) {
      add(c.name);
      add(c.position);
      add(c.team);
    }
    for (const l of r.budget?.lines ?? []) add(l.item);
    for (const st of r.staffing ?? []) add(st.group);
  }
  return [...subjects].sort().flatMap((s) => QUESTION_WORDS.map((w) => `${s} ${w}`));
}

export interface Violation {
  question: string;
  figure: string;
  why: string;
  line: string;
}

export interface AuditResult {
  questions: number;
  replies: number;
  figures: number;
  violations: Violation[];
}

/** A cited span: the document a footnote names and the lines it gives ("16–47행", "15행, 21행"). */
interface Citation {
  lines: string[];
}

const FIGURE = /[△▲▽-]?\d[\d,]*(?:\.\d+)?/g;
const plain = (s: string) => s.replace(/[△▲▽,-]/g, '').replace(/^0+(?=\d)/, '');
const squash = (s: string) => s.replace(/\s+/g, '');

/** A stored version's text as lines: the audit checks replies against the documents themselves, not the model. */
export type DocumentLines = (versionId: number) => string[];

function citations(r: Reply, documentLines: DocumentLines, versions: Map<string, number[]>): Citation[] {
  const out: Citation[] = [];
  for (const source of r.sources) {
    const parts = source.split(' · ');
    const name = parts.find((p) => versions.has(p.trim()));
    if (!name) continue;
    const lines: string[] = [];
    const refs = parts.slice(parts.indexOf(name) + 1).join(' · ');
    // Two folders may hold files of one name (a notice kept as text and as HWP): the cited lines of each are read.
    for (const version of versions.get(name.trim())!) {
      const all = documentLines(version);
      // An office file's place in parentheses ("41행(표 2 · 3행 2열)") names rows of the file, not lines.
      for (const [a, b] of citedLineSpans(refs)) for (let i = a; i <= b && i <= all.length; i++) lines.push(all[i - 1] ?? '');
    }
    if (lines.length) out.push({ lines });
  }
  return out;
}

/**
 * Figures of a cited line as tokens: "02-2133-4299" gives 02, 2133 and 4299; "8/10" gives 8 and 10; a date
 * "2025.2.12." gives 2025.2 and also 2025, 2 and 12 (a reply may write it 2025-02-12).
 */
export function figuresOf(lines: string[]): Set<string> {
  const set = new Set<string>();
  for (const l of lines)
    for (const m of l.replace(/-(?=\d)/g, ' ').matchAll(FIGURE)) {
      set.add(plain(m[0]));
      if (/^\d{1,4}\.\d{1,2}$/.test(plain(m[0]))) for (const part of plain(m[0]).split('.')) set.add(plain(part));
    }
  return set;
}

const READING_UNITS: Array<[string, bigint]> = [
  ['조', 1_000_000_000_000n],
  ['억', 100_000_000n],
  ['만', 10_000n],
  ['천', 1_000n],
];

/** "2조 3,456억 7,890만 1천원" → won; null when the text is not a reading. */
export function readingToWon(reading: string): bigint | null {
  const t = reading.replace(/^약\s*/, '').replace(/원$/, '').trim();
  let won = 0n;
  let any = false;
  for (const part of t.split(/\s+/)) {
    const m = /^(-?[\d,]+)(조|억|만|천)?$/.exec(part);
    if (!m) return null;
    const n = BigInt(m[1]!.replace(/[,-]/g, ''));
    const unit = READING_UNITS.find(([u]) => u === m[2])?.[1] ?? 1n;
    won += n * unit;
    any = true;
  }
  return any ? won : null;
}

const UNIT_WON: Record<string, bigint> = { 원: 1n, 천원: 1_000n, 만원: 10_000n, 백만원: 1_000_000n, 억원: 100_000_000n };

/** "9,322백만원" → won (decimals allowed: "11.5억원"). */
function amountToWon(figure: string, unit: string): bigint | null {
  const u = UNIT_WON[unit];
  if (!u) return null;
  const [i, f = ''] = figure.replace(/[△▲▽,-]/g, '').split('.');
  return (BigInt(i! + f) * u) / 10n ** BigInt(f.length);
}

/**
 * Checks one reply line; returns the figures it checked and the violations. `cited` are the figures of the cited
 * lines, `question` the asked text (figures the user typed are echoes, not answers).
 */
export function auditLine(
  line: string,
  cited: Set<string>,
  citedText: string,
  question: string,
  listLength: number | null,
): { checked: number; bad: Array<{ figure: string; why: string }> } {
  const bad: Array<{ figure: string; why: string }> = [];
  let checked = 0;
  const asked = new Set([...question.matchAll(FIGURE)].map((m) => plain(m[0])));
  // Spans whose figures are accounted for by a check other than "is it in a cited line".
  const covered: Array<[number, number]> = [];
  const cover = (a: number, b: number) => covered.push([a, b]);

  // "37–39행: …": a reply's own reference to the lines it quotes, not a figure of the document.
  for (const m of line.matchAll(/\d+(?:[–-]\d+)?행(?=[:,\s])/g)) cover(m.index, m.index + m[0].length);

  // Unit readings: "9,322백만원 (93억 2,200만원)", "(약 2조 3,457억원, 감소)".
  for (const m of line.matchAll(
    /([△▲▽-]?\d[\d,]*(?:\.\d+)?)\s*(백만원|천원|만원|억원|원)\s*\(((?:약\s*)?-?[\d,]+(?:조|억|만|천)?(?:\s+[\d,]+(?:조|억|만|천)?)*원)(?=[),])/g,
  )) {
    const won = amountToWon(m[1]!, m[2]!);
    const read = readingToWon(m[3]!);
    const start = m.index + m[0].length - m[3]!.length;
    cover(start, start + m[3]!.length);
    checked++;
    if (won === null || read === null) continue;
    const approx = m[3]!.startsWith('약');
    const exact = won === read;
    const tolerance = won >= 1_000_000_000_000n ? 50_000_000n : 5_000n;
    const diff = won > read ? won - read : read - won;
    if (!(exact || (approx && diff <= tolerance)))
      bad.push({ figure: m[3]!, why: `the reading does not convert back to ${m[1]}${m[2]}` });
  }
  // A rate the reply says it computed: "48.4% (집행÷확보 계산)" recomputes from two cited figures.
  for (const m of line.matchAll(/(\d+(?:\.\d+)?)%\s*\([^)]*계산\)/g)) {
    cover(m.index, m.index + m[1]!.length);
    checked++;
    const rate = Number(m[1]);
    const nums = [...cited].map(Number).filter((n) => Number.isFinite(n));
    const ok = nums.some((a) => nums.some((b) => b > 0 && Math.abs((a / b) * 100 - rate) < 0.051));
    if (!ok) bad.push({ figure: m[0], why: 'a computed rate that no two cited figures give' });
  }
  // A count the reply built and says so: "[사업 14건]" heading a list of 14.
  // (The whole figure: "1,160건" at the end of a quoted line is not a count of 160.)
  for (const m of line.matchAll(/(?<![\d,])(\d+)건\]?$/g)) {
    if (listLength === null) continue;
    cover(m.index, m.index + m[0].length);
    checked++;
    if (listLength !== null && Number(m[1]) !== listLength)
      bad.push({ figure: m[0], why: `a count of ${m[1]} over a list of ${listLength}` });
  }
  // Counts of units: the document's own ("3과 7팀", "(7)개팀"), never a list's length.
  // A figure inside a unit's name ("계약2팀", "제2국") is the name, not a count: letters before it rule it out.
  for (const m of line.matchAll(/(?<![가-힣\d])(\d+)\s*(?:개\s*)?(과|팀|담당관|담당|국|실|부|사업소)(?![가-힣])/g)) {
    const n = m[1]!;
    const unit = m[2]!;
    const doc = squash(citedText);
    // Not a tail of a larger figure ("1,16사업소"); a list comma before it is fine ("1실), 16사업소").
    if (!new RegExp(`(?<!\\d)(?<!\\d,)\\(?${n}\\)?(?:개)?${unit}`).test(doc))
      bad.push({ figure: m[0], why: `"${m[0]}" is not a count the cited lines give` });
  }
  // Every other figure: in a cited line, or typed by the user.
  for (const m of line.matchAll(FIGURE)) {
    const at = m.index;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    const after = line.slice(at + m[0].length);
    if (/^행/.test(after)) continue; // a line number of a quote ("15행: …")
    checked++;
    const p = plain(m[0]);
    if (cited.has(p) || asked.has(p)) continue;
    // A year read in full from the two digits a cited line writes ("’25. 1. 1. 기준" → 2025년).
    if (/^(?:19|20)\d{2}$/.test(p) && /^년/.test(after) && new RegExp(`[’'‘]\\s*${p.slice(2)}(?!\\d)`).test(citedText)) continue;
    bad.push({ figure: m[0], why: 'not in the cited lines' });
  }
  return { checked, bad };
}

/**
 * 정원/현원 stated as a total must be the figure right after the 정원/현원 label, or in a cited 계 row. For one
 * unit ("대변인 · 공보담당관"), the figure must be the 정원 row's cell under that unit's header: the header line's
 * names after 구분 and the row's figures after its label, matched by position.
 */
export function staffingMeaning(
  line: string,
  citedLines: string[],
  unit: string | null = null,
  pinned: (label: string, unit: string) => string[] = () => [],
): string | null {
  for (const m of line.matchAll(/(정원|현원)\s*[:：]?\s*(\d[\d,]*)\s*명?/g)) {
    const n = plain(m[2]!);
    const label = m[1]!;
    if (unit && (unitCell(citedLines, label, unit) === n || unitRowPair(citedLines, label, unit) === n)) continue;
    // A header this audit cannot line up (names stacked over three squeezed lines): the cell the table reader
    // pinned under the unit's column, in a cited 정원/현원 row, is the one to state.
    if (unit && pinned(label, unit).includes(n)) continue;
    // An org chart's own notation, quoted ("조직도 표기 「6팀(정원30명)」"), that a cited line writes.
    const notation = /표기 「([^」]+)」/.exec(line)?.[1]?.replace(/[\s,]/g, '');
    const flatCited = citedLines.join('').replace(/[\s,]/g, '');
    if (notation?.includes(`${label}${n}명`) && flatCited.includes(notation)) continue;
    const ok = citedLines.some((l) => {
      // "정         원  46   1   3": spaces inside a word go, the spaces between cells stay.
      const flat = l.replace(/(?<=[가-힣])\s+(?=[가-힣])/g, '').trim();
      // "인력(정/현원) : 8/10명": the pair notation names its halves in order; its 현원 is never the first figure.
      const pair = /정원?\s*\/\s*현원\s*\)?\s*[:：]?\s*(\d[\d,]*)\s*\/\s*(\d[\d,]*)/.exec(flat);
      if (pair) return plain(label === '정원' ? pair[1]! : pair[2]!) === n;
      const i = flat.indexOf(label);
      if (i >= 0) {
        const first = flat.slice(i + label.length).match(/\d[\d,]*/)?.[0];
        if (first && plain(first) === n) return true;
      }
      if (/^(?:계|합계|총계)/.test(flat)) {
        const nums = [...l.replace(/\//g, ' ').matchAll(/\d[\d,]*/g)].map((x) => plain(x[0]));
        return nums.slice(0, 2).includes(n);
      }
      return false;
    });
    if (!ok) return `${label} ${m[2]} is not the total cell of ${label} in the cited lines`;
  }
  return null;
}

const closeWords = (l: string) => l.replace(/(?<=[가-힣])\s+(?=[가-힣])/g, '').trim();

/** The figure of the `label` row under the column headed `unit`, in cited space-aligned lines; null when none. */
function unitCell(citedLines: string[], label: string, unit: string): string | null {
  // A row of pairs ("정원/현원  84/90  37/39 …") holds both halves.
  const at = citedLines.findIndex((l) => closeWords(l).startsWith(label) || closeWords(l).startsWith('정원/현원'));
  if (at < 0) return null;
  // The nearest header above the row that names the unit; headers split on runs of spaces or tabs.
  let header: string[] | null = null;
  for (let i = at - 1; i >= Math.max(0, at - 6) && !header; i--) {
    const cells = citedLines[i]!.trim().split(/\s{2,}|\t/).flatMap(headerWords);
    if (cells.includes(unit) && cells.length >= 3) header = cells;
  }
  if (!header) return null;
  // The row-label header ("구    분", spread over two cells) heads no figure column.
  const names = header.slice(header.findIndex((c) => !/^(?:구|분|구분)$/.test(c)));
  // The row's label may run on ("정원/현원"): the figures start at the first digit, dash or sign.
  const row = closeWords(citedLines[at]!);
  const figures = row.slice(row.startsWith('정원/현원') ? '정원/현원'.length : label.length).replace(/^[^\d△▲-]*/, '').trim().split(/\s+/);
  const cell = figures[names.indexOf(unit)];
  if (cell === undefined) return null;
  // A 정원/현원 pair cell ("26/28"): the half the label names.
  const pair = /^(\d[\d,]*)\/(\d[\d,]*)명?$/.exec(cell);
  if (pair) return plain(label === '정원' ? pair[1]! : pair[2]!);
  return plain(cell.replace(/명$/, ''));
}

/**
 * The unit as a row of 정원/현원 pairs ("관 광 정 책 과 32 / 34   1 / 1 …" under "인 력 : 정원 80명 / 현원 85명"):
 * the row's first pair, the half `label` names — only when the cited lines say the pairs are 정원 first.
 */
function unitRowPair(citedLines: string[], label: string, unit: string): string | null {
  const flat = citedLines.map((l) => l.replace(/\s+/g, '')).join('\n');
  if (!/정원?\/현원|정원[\d,]*명?\/현원/.test(flat)) return null;
  const row = citedLines.map(closeWords).find((l) => l.startsWith(unit) && /^\s*\d/.test(l.slice(unit.length)));
  const pair = row ? /^\s*(\d[\d,]*)\s*\/\s*(\d[\d,]*)(?![\d,])/.exec(row.slice(unit.length)) : null;
  if (!pair) return null;
  return plain(label === '정원' ? pair[1]! : pair[2]!);
}

/**
 * One header cell's names: a cell of single spread letters is one name ("구 분"); names squeezed into one cell
 * with single spaces ("복 지 정 책 과 장애인복지과 노 인 복 지 과") are each spread run and each whole word.
 */
function headerWords(cell: string): string[] {
  const words = cell.trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (/^[가-힣]$/.test(w)) run += w;
    else {
      if (run) out.push(run);
      run = '';
      out.push(w);
    }
  }
  if (run) out.push(run);
  return out;
}

/**
 * Names are not figures: a stored record's title ("2025년 서울 청년수당 12월분 지급(2차)") and its year label
 * ("— 2025년 계획", the record's year, which its document states) are blanked before figures are read.
 */
function withoutNames(line: string, titles: Set<string>, docText: string, files: string[] = []): string {
  // A file name ("busan-2025-plan-planning-office.layout.txt") names a document; its digits are no figure.
  for (const f of files) line = line.split(f).join('');
  return line
    .split(/( — | · |: |^\s*• |")/)
    .map((seg) => {
      // A title as a list's caption ("[15분도시 조성 확산 …]") is a name too.
      const t = squash(seg).replace(/^\[(.*)\]$/, '$1');
      if (t.length >= 4 && titles.has(t)) return '';
      // "부산광역시 15분도시기획과": a unit named with its organisation.
      const unit = t.replace(/^[가-힣]{1,8}(?:특별자치시|특별자치도|특별시|광역시|도|시|군|구)(?=[가-힣0-9])/, '');
      if (unit !== t && unit.length >= 4 && titles.has(unit)) return '';
      const label = /^[([]?(\d{4})년\s*(?:계획|실적)?[)\]]?(?=,|$)/.exec(seg.trim());
      return label && docText.includes(label[1]!) ? seg.trim().slice(label[0].length) : seg;
    })
    .join('');
}

/**
 * What names each stored record, from its own fields: for a title, the identifier sets of every record with
 * that title (organisation, department, "org dept", code, the year label of its phase).
 */
export function recordNames(knowledge: Knowledge): Map<string, Array<Set<string>>> {
  const out = new Map<string, Array<Set<string>>>();
  for (const s of knowledge.summaries) {
    const rec = knowledge.get(String(s.id))?.record;
    if (!rec) continue;
    const year = rec.year ? `${rec.year}년 ${rec.phase === 'report' ? '실적' : rec.phase === 'plan' ? '계획' : ''}`.trim() : null;
    const ids = [rec.organization, rec.department, [rec.organization, rec.department].filter(Boolean).join(' '), rec.code, year];
    const key = squash(rec.title);
    out.set(key, [...(out.get(key) ?? []), new Set(ids.filter((x): x is string => !!x).map(squash))]);
  }
  return out;
}

/**
 * A pick-list item "TITLE (org dept, 2021년 실적, 5-8)" tells stored projects apart by their identifiers; it
 * states no fact. It is accepted as a name only when every identifier in the brackets belongs to one stored
 * record of that title: a code or year of another record is still a wrong number.
 */
export function namesOneRecord(item: string, names: Map<string, Array<Set<string>>>): boolean {
  const m = /^\s*• (.+) \(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(item);
  if (!m) return false;
  const records = names.get(squash(m[1]!));
  if (!records) return false;
  const parts = m[2]!.split(', ').map(squash);
  return records.some((ids) => parts.every((p) => ids.has(p)));
}

export function auditReply(
  question: string,
  r: Reply,
  knowledge: Knowledge,
  documentLines: DocumentLines,
  versions: Map<string, number[]>,
  titles: Set<string> = new Set(),
  names: Map<string, Array<Set<string>>> = new Map(),
): { figures: number; violations: Violation[] } {
  const violations: Violation[] = [];
  const body = renderText({ ...r, sources: [], suggestions: [] })
    // The clock is not a document figure.
    .replace(/오늘 \d{4}-\d{2}-\d{2}/g, '오늘');
  if (!/\d/.test(body.replace(/"[^"]*"/g, ''))) return { figures: 0, violations };
  const cites = citations(r, documentLines, versions);
  const citedLines = cites.flatMap((c) => c.lines);
  const cited = figuresOf(citedLines);
  const citedText = citedLines.join('\n');
  const docText = r.sources
    .flatMap((src) => src.split(' · ').filter((p) => versions.has(p.trim())))
    .flatMap((name) => versions.get(name.trim())!.map((v) => documentLines(v).join('\n')))
    .join('\n');
  const citedSet = new Set(citedLines.map((l) => l.trim()));
  const citedDocs = new Set(r.sources.flatMap((src) => src.split(' · ').map((p) => p.trim())));
  // Cells of the cited documents' overview tables, in cited rows: 정원/현원 by the column (unit) they sit under.
  const pinned = (label: string, unit: string): string[] =>
    knowledge.summaries
      .filter((s) => s.kind === 'department' && citedDocs.has(s.documentName))
      .flatMap((s) => knowledge.get(String(s.id))?.record.overview?.tables ?? [])
      .flatMap((t) => t.rows.filter((row) => row.label === label && citedSet.has(row.text.trim())))
      .flatMap((row) => row.cells.filter((c) => c.column === unit && c.value !== null).map((c) => plain(c.text)));
  const lines = body.split('\n');
  let figures = 0;
  lines.forEach((line, i) => {
    if (namesOneRecord(line, names)) return;
    // The question echoed back in quotes is not an answer.
    const unquoted = withoutNames(line.replace(/"[^"]*"/g, '""'), titles, docText, [...versions.keys()]);
    let listLength: number | null = null;
    if (/\d+건\]?$/.test(unquoted) && lines[i + 1]?.startsWith('  • ')) {
      let n = 0;
      let more = 0;
      for (const next of lines.slice(i + 1)) {
        if (next.startsWith('  • ')) n++;
        else if (/^\s+… 외 (\d+)건$/.test(next)) more = Number(/(\d+)건/.exec(next)![1]);
        else break;
      }
      listLength = n + more;
    }
    const moreLine = /^\s+… 외 (\d+)건$/.test(unquoted);
    if (moreLine) {
      figures++;
      return;
    }
    const { checked, bad } = auditLine(unquoted, cited, citedText, question, listLength);
    figures += checked;
    if (checked && citedLines.length === 0)
      violations.push({ question, figure: line.trim(), why: 'states a figure without citing a line', line });
    else for (const b of bad) violations.push({ question, figure: b.figure, why: b.why, line });
    const meaning = staffingMeaning(unquoted, citedLines, / · ([^·]+)$/.exec(r.title)?.[1]?.trim() ?? null, pinned);
    if (meaning) violations.push({ question, figure: line.trim(), why: meaning, line });
  });
  return { figures, violations };
}

export function auditQuestions(knowledge: Knowledge, questions: string[], documentLines: DocumentLines): AuditResult {
  const versions = new Map<string, number[]>();
  for (const s of knowledge.summaries) {
    const list = versions.get(s.documentName) ?? [];
    if (!list.includes(s.versionId)) versions.set(s.documentName, [...list, s.versionId]);
  }
  // Names, not figures: record titles and the units an overview lists ("15분도시기획과").
  const titles = new Set([
    ...knowledge.summaries.map((s) => squash(s.title)),
    ...knowledge.summaries.flatMap((s) => knowledge.get(String(s.id))?.record.overview?.units ?? []).map(squash),
    // A unit's name is a name even when it writes a figure ("15분도시기획과").
    ...knowledge.summaries.flatMap((s) => (s.department ? [squash(s.department), squash(`${s.organization ?? ''}${s.department}`)] : [])),
  ]);
  const names = recordNames(knowledge);
  const result: AuditResult = { questions: questions.length, replies: 0, figures: 0, violations: [] };
  for (const q of questions) {
    const r = router.answer(q, knowledge);
    result.replies++;
    const { figures, violations } = auditReply(q, r, knowledge, documentLines, versions, titles, names);
    result.figures += figures;
    result.violations.push(...violations);
  }
  return result;
}

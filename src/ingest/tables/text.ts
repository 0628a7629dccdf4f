/**
 * Text tables → the table model. One scan finds table rows (a short label and figure cells) in tab-separated,
 * markdown/HTML, pdftotext layout-mode (columns by character position, headers over several lines) and raw-mode
 * text (cells separated by single spaces in reading order). Columns come from the figure cells; header words are
 * pinned to the column under them (layout) or by count (raw); what cannot be pinned is left out, never guessed.
 */
import { layoutCells, tabCells } from './cells.js';
import { GENERIC_HEADER, isValueText, type ModelCell, type ModelRow, type TableModel } from './model.js';

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words a row label can be on its own, with a single figure after it. */
const ROW_WORD = /^(?:정원|현원|과부족|세입|세출|계|합계|총계|소계|인원|정원\/현원)$/;
/** A heading or bullet line: it ends the header above a table and is the table's title ("6  급" is a grade header). */
const HEADING = /^\s*(?:[□■◎○ㅇ◦❍▪•∘◇◆❖▷▸]|[①-⑳]|\d{1,2}\s+(?!급(?:\s|$|이))[가-힣]|[ⅠⅡⅢⅣⅤⅥ]|[가-하]\.\s)/;
/** "인 력 : 정원 120명 / 현원 130명": a caption stating figures, above a table's header, never part of it. */
export const CAPTION = /^\s*(?:[^\s가-힣A-Za-z0-9(]\s*)?[가-힣][가-힣 ()·ㆍ]{0,20}\s[:：]\s*\S.*\d/;
const PAGE_NUMBER = /^\s*[-–]\s*\d{1,3}\s*[-–]\s*$/;
const UNIT_OR_DATE = /단\s*위|기\s*준\s*[:)]|기준\)|현재\)|\(\s*’?\d{2,4}\s*\.\s*\d{1,2}\s*(?:[.,)]|$)|’\d{2}\.\s*\d{1,2}\.\s*(?:(?:\d{1,2}\.?|\.)\s*)?(?:기준|현재)/;
const MAX_LABEL = 24;
const MAX_HEADER_LINES = 4;

export interface TextRange {
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

/** Every table in `lines[from..to]` (1-based line numbers), in document order. */
export function textTables(lines: string[], range: TextRange = { from: 1, to: lines.length }): TableModel[] {
  const out: TableModel[] = [];
  const to = Math.min(range.to, lines.length);
  let i = range.from;
  while (i <= to) {
    const text = lines[i - 1]!;
    if (text.includes('|') && /^\s*\|.*\|\s*$/.test(text)) {
      const end = runEnd(lines, i, to, (l) => /^\s*\|.*\|\s*$/.test(l));
      const t = delimitedTable(lines, i, end, (l) => l.trim().replace(/^\||\|$/g, '').split('|'));
      if (t) out.push(t);
      i = end + 1;
      continue;
    }
    if (/<tr[\s>]/i.test(text)) {
      const end = runEnd(lines, i, to, (l) => /<t[rdh][\s>]|<\/t[rdh]>|<\/?table/i.test(l));
      const t = htmlTable(lines, i, end);
      if (t) out.push(t);
      i = end + 1;
      continue;
    }
    if (text.includes('\t') && text.split('\t').filter((c) => c.trim()).length >= 2) {
      const end = runEnd(lines, i, to, (l) => l.includes('\t'));
      const t = delimitedTable(lines, i, end, tabCells);
      if (t) out.push(t);
      i = end + 1;
      continue;
    }
    if (bodyRow(text)) {
      const { table, next } = spacedTable(lines, i, to, out.at(-1));
      if (table) out.push(table);
      i = next;
      continue;
    }
    i++;
  }
  return out;
}

function runEnd(lines: string[], from: number, to: number, test: (l: string) => boolean): number {
  let end = from;
  while (end + 1 <= to && test(lines[end]!)) end++;
  return end;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows of space-separated text.

function tokens(line: string): Token[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Joins what one cell is written as in several tokens: "△ 3", "80 / 85", "1 /", "해당 없음". */
function cellTokens(line: string): Token[] {
  const raw = tokens(line);
  const out: Token[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k]!;
    const prev = out.at(-1);
    if (prev && /^[△▲▽]$/.test(prev.text) && /^\d/.test(t.text)) {
      out[out.length - 1] = { text: prev.text + t.text, start: prev.start, end: t.end };
      continue;
    }
    if (t.text === '/' && prev && /\d$/.test(prev.text) && raw[k + 1] && /^\d/.test(raw[k + 1]!.text)) {
      const n = raw[++k]!;
      out[out.length - 1] = { text: `${prev.text} / ${n.text}`, start: prev.start, end: n.end };
      continue;
    }
    if (t.text === '없음' && prev?.text === '해당') {
      out[out.length - 1] = { text: '해당없음', start: prev.start, end: t.end };
      continue;
    }
    out.push(t);
  }
  return out;
}

interface BodyRow {
  label: Token[];
  values: Token[];
  trailing: Token[];
}

/** A table row: a short label (maybe none), then figure cells, then at most a note. Null for prose. */
export function bodyRow(line: string): BodyRow | null {
  if (PAGE_NUMBER.test(line) || HEADING.test(line)) return null;
  const ts = cellTokens(line);
  let k = 0;
  while (k < ts.length && !isValueText(ts[k]!.text)) k++;
  const label = ts.slice(0, k);
  let v = k;
  while (v < ts.length && isValueText(ts[v]!.text)) v++;
  const values = ts.slice(k, v);
  const trailing = ts.slice(v);
  if (values.length === 0 || trailing.some((t) => isValueText(t.text))) return null;
  const labelText = label.map((t) => t.text).join('');
  if (labelText.length > MAX_LABEL || /[:：]|[.。]$/.test(labelText)) return null;
  if (trailing.map((t) => t.text).join('').length > 20) return null;
  if (values.length === 1 && !ROW_WORD.test(labelText)) return null;
  if (label.length === 0 && values.length < 3) return null;
  // Dashes alone are a rule or a list's bullets, unless a label heads them ("세 입  -  -  -": nothing budgeted).
  if (values.every((t) => /^[-–—]$/.test(t.text)) && (label.length === 0 || values.length < 2)) return null;
  return { label, values, trailing };
}

function isLayout(rows: BodyRow[]): boolean {
  return rows.some((r) => {
    const ts = [...r.label, ...r.values];
    return ts.some((t, k) => k > 0 && t.start - ts[k - 1]!.end >= 2);
  });
}

/** The body rows from `start` on (a few stray lines allowed between them), then header and context above. */
function spacedTable(
  lines: string[],
  start: number,
  to: number,
  previous: TableModel | undefined,
): { table: TableModel | null; next: number } {
  const body: Array<{ line: number; row: BodyRow; ownLabel: boolean }> = [];
  let i = start;
  let stray = 0;
  while (i <= to) {
    const text = lines[i - 1]!;
    if (text.trim() === '') {
      i++;
      continue;
    }
    const row = bodyRow(text);
    const last = body.at(-1);
    if (row) {
      body.push({ line: i, row, ownLabel: row.label.length > 0 });
      stray = 0;
    } else if (last && last.line === i - 1 && labelPiece(text, last.row)) {
      // A row label the layout split around its figures ("대학 및 지역인재" / figures / "육 성 기 금"): its tail.
      last.row.label.push(labelToken(text));
    } else {
      if (HEADING.test(text) || UNIT_OR_DATE.test(text) || ++stray > 2) break;
    }
    i++;
  }
  const next = body.at(-1)!.line + 1;
  const rows = body.map((b) => b.row);
  const columns = Math.max(...rows.map((r) => r.values.length));
  const layout = isLayout(rows);
  const floor = previous ? Math.max(...[...previous.body, ...previous.header].map((r) => r.line)) : 0;
  const headerLines = linesAbove(
    lines,
    start,
    floor,
    MAX_HEADER_LINES,
    (t) => HEADING.test(t) || UNIT_OR_DATE.test(t) || CAPTION.test(t),
  );
  // ... and its head, right above the figures, is the row's, not a header line.
  const first = body[0]!.row;
  const above = headerLines.at(-1);
  if (above && above.line === start - 1 && !body[0]!.ownLabel && labelPiece(above.text, first) && headerLines.length > 1) {
    first.label.unshift(labelToken(above.text));
    headerLines.pop();
  }
  const headerStart = headerLines[0]?.line ?? start;
  const context = linesAbove(lines, headerStart, floor, 4, (t) => bodyRow(t) !== null);
  if (rows.every((r) => r.label.length === 0) && headerLines.length === 0) return { table: null, next };
  let aligned = true;
  let centers: number[] = [];
  if (layout) {
    centers = columnCenters(rows, columns);
  }
  const modelBody: ModelRow[] = body.map(({ line, row }) => {
    const cells: ModelCell[] = [];
    if (row.label.length) cells.push({ text: closeUp(row.label), col: 0, span: 1 });
    const pins = layout ? pinByPosition(row.values, centers) : row.values.length === columns ? row.values.map((_, k) => k + 1) : null;
    if (!pins) aligned = false;
    row.values.forEach((t, k) => cells.push({ text: t.text, col: pins ? pins[k]! : -1, span: 1 }));
    return { line, text: lines[line - 1]!, cells };
  });
  // Grade headers broken over lines ("3   4 급   5 급" / "6 급" / "7  8급이하"): each bare digit is its grade.
  const grades = headerLines.some(({ text }) => /\d\s*급/.test(text));
  const own = new Set([...headerLines.map((h) => h.line), ...body.map((b) => b.line)]);
  let elsewhere: string | null = null;
  const otherLines = () => (elsewhere ??= lines.filter((_, k) => !own.has(k + 1)).join('\n').replace(/\s+/g, ''));
  const header = layout
    ? splitSqueezedLines(
        headerLines.map(({ line, text }) => ({ line, text, cells: layoutHeaderCells(text, centers, rows, grades) })),
        rows,
        columns,
        otherLines,
      )
    : rawHeader(headerLines.at(-1), columns);
  return { table: { header, body: modelBody, columns, context, aligned }, next };
}

/** Letters only, short, and left of the row's first figure: a piece of the row's label written on a line of its own. */
function labelPiece(text: string, row: BodyRow): boolean {
  const t = text.trim();
  const at = text.length - text.trimStart().length;
  const closed = t.replace(/\s+/g, '');
  return /^[가-힣][가-힣\s·ㆍ]*$/.test(t) && closed.length >= 2 && closed.length <= 16 && at + t.length < (row.values[0]?.start ?? 0);
}

function labelToken(text: string): Token {
  const start = text.length - text.trimStart().length;
  return { text: text.trim().replace(/\s+/g, ''), start, end: start + text.trim().length };
}

/** Non-blank lines above `from` (nearest last), stopping after a line `stop` accepts or at `floor`. */
function linesAbove(
  lines: string[],
  from: number,
  floor: number,
  max: number,
  stop: (text: string) => boolean,
): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  for (let j = from - 1; j > floor && j >= 1 && out.length < max; j--) {
    const text = lines[j - 1]!;
    if (text.trim() === '') continue;
    if (stop(text)) {
      // The stopping line belongs to the context (a heading, a unit line), not to the header.
      break;
    }
    out.unshift({ line: j, text });
  }
  return out;
}

/** Spread letters closed up: "정 원" → "정원", "관 광 정 책 과" → "관광정책과". */
function closeUp(ts: Token[]): string {
  return ts.map((t) => t.text).join('');
}

/** The centre of each value column, from the rows that fill every column. */
function columnCenters(rows: BodyRow[], columns: number): number[] {
  const full = rows.filter((r) => r.values.length === columns);
  return Array.from({ length: columns }, (_, k) => {
    const xs = full.map((r) => (r.values[k]!.start + r.values[k]!.end) / 2);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  });
}

/** Each value to the nearest column; null when two values would share one (the row cannot be told apart). */
function pinByPosition(values: Token[], centers: number[]): number[] | null {
  // More values than columns: two of them share one.
  if (values.length > centers.length) return null;
  const pins = values.map((t) => nearestCenter(centers, (t.start + t.end) / 2) + 1);
  return new Set(pins).size === pins.length ? pins : null;
}

/** The first index with centers[i] >= x, or > x when `after` (centers ascend, as a row's figures do). */
function firstAtOrAfter(centers: number[], x: number, after = false): number {
  let lo = 0;
  let hi = centers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (centers[mid]! < x || (after && centers[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The column nearest to x, the first of equally near ones: found by bisection, since a line of thousands of
 * figures has thousands of columns and scanning them all for each figure was quadratic.
 */
function nearestCenter(centers: number[], x: number): number {
  if (centers.length === 0) return 0;
  const after = firstAtOrAfter(centers, x);
  let best = Math.min(after, centers.length - 1);
  if (after > 0 && Math.abs(centers[after - 1]! - x) <= Math.abs(centers[best]! - x)) best = after - 1;
  while (best > 0 && centers[best - 1] === centers[best]) best--;
  return best;
}

/**
 * Header words of a layout line. A line whose cells (runs split at two or more spaces) are one per column is
 * read in order. Otherwise only words any table has (계, 3급, ’25년 예산, 정원) are pinned, to the column whose
 * figures they stand over: pdftotext squeezes header lines, so a name's position there says too little.
 */
function layoutHeaderCells(text: string, centers: number[], rows: BodyRow[], grades = false): ModelCell[] {
  const { label, rest } = headerSegments(text, rows);
  const cells: ModelCell[] = label.map((g) => ({ text: g.text.replace(/ /g, ''), col: 0, span: 1 }));
  if (rest.length === centers.length) {
    rest.forEach((g, k) => cells.push({ text: closeWord(g.text), col: k + 1, span: 1 }));
    return cells;
  }
  // Names squeezed to single spaces ("계   해양수도정책과 해운항만과 수산정책과   사업소"): when the words, read in
  // order, come out one per column, each word is its column's header.
  const words = rest.flatMap((g) => closeWord(g.text).split(' '));
  if (words.length === centers.length && words.every((w) => /^[가-힣][가-힣·ㆍ]*$/.test(w) && w.length >= 2 || GENERIC_HEADER.test(w))) {
    words.forEach((w, k) => cells.push({ text: w, col: k + 1, span: 1 }));
    return cells;
  }
  for (const g of grades ? rest.flatMap(gradeWords) : rest) {
    const word = closeWord(g.text);
    if (!GENERIC_HEADER.test(word.replace(/\s+/g, ''))) continue;
    // The columns under the word, and else the nearest one: by bisection (per word over every column was quadratic).
    const from = firstAtOrAfter(centers, g.start - 1);
    const covered = firstAtOrAfter(centers, g.end + 1, true) - from;
    if (covered >= 1) {
      cells.push({ text: word, col: from + 1, span: covered });
      continue;
    }
    // A short word stands centred over a right-aligned figure: the nearest column, if it is close.
    const c = (g.start + g.end) / 2;
    const near = nearestCenter(centers, c);
    if (centers.length > 0 && Math.abs(centers[near]! - c) <= 6) cells.push({ text: word, col: near + 1, span: 1 });
  }
  return cells;
}

/** A header line's runs (split at two or more spaces): those over the row labels, and the rest. */
function headerSegments(text: string, rows: BodyRow[]): { label: Token[]; rest: Token[] } {
  const firstValue = Math.min(...rows.flatMap((r) => r.values.map((v) => v.start)));
  const segments = layoutCells(text).map((c) => ({ text: c.text, start: c.offset, end: c.offset + c.text.length }));
  const labelEnd = Math.max(0, ...rows.map((r) => r.label.at(-1)?.end ?? 0));
  const label = segments.filter(
    (g) =>
      g.end <= firstValue - 1 &&
      (g.end <= labelEnd + 1 || /^(?:구분|직급|부서명?|과목|구분직급)$/.test(g.text.replace(/ /g, ''))),
  );
  return { label, rest: segments.filter((g) => !label.includes(g)) };
}

const MAX_SPLITS = 64;

/** Two letters the normaliser left spread ("부 산") are one word; a run of an odd count is not readable. */
function pairLetters(words: string[]): string[] | null {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.length !== 1) {
      out.push(words[k]!);
      continue;
    }
    if (words[k + 1]?.length !== 1) return null;
    out.push(words[k]! + words[k + 1]!);
    k++;
  }
  return out;
}

/**
 * Ways to read `words` as exactly `n` header pieces, each word whole or, where the normaliser closed up letters
 * spread two by two ("문 화 문 화 영 상" → "문화문화영상"), cut into two-letter pieces.
 */
function splitsInto(words: string[], n: number): string[][] {
  const out: string[][] = [];
  const go = (k: number, acc: string[]) => {
    if (out.length >= MAX_SPLITS || acc.length > n) return;
    if (k === words.length) {
      if (acc.length === n) out.push(acc);
      return;
    }
    const w = words[k]!;
    go(k + 1, [...acc, w]);
    if (w.length >= 4 && w.length % 2 === 0) go(k + 1, [...acc, ...(w.match(/../g) ?? [])]);
  };
  go(0, []);
  return out;
}

/**
 * Header lines that name no column on their own — unit names squeezed to single spaces, their spread letters
 * closed up ("문화문화영상체육생활 전국체전 클래식 시립시립현대 …" over "예술과 유산과 … 부산 박물관 …"). Each way of
 * cutting the line into one piece per column (after 계, when 계 stands on another line) is joined with the pieces
 * the other header lines pin to the same columns; the one way whose joined names the document writes elsewhere
 * (its chart, its headings) most often names the columns — if it names at least half of them and no other way
 * names as many. Otherwise the line stays unread and the columns unnamed.
 */
function splitSqueezedLines(
  header: ModelRow[],
  rows: BodyRow[],
  columns: number,
  elsewhere: () => string,
): ModelRow[] {
  const totalLine = header.find((h) => h.cells.some((c) => c.col === 1 && /^(?:계|합계|총계)$/.test(c.text.replace(/\s+/g, ''))));
  const open = header.filter((h) => !h.cells.some((c) => c.col >= 1));
  if (open.length === 0 || open.length > 3) return header;
  const offset = totalLine ? 2 : 1;
  const pieces = columns - offset + 1;
  const choices: string[][][] = [];
  for (const h of open) {
    const words = pairLetters(headerSegments(h.text, rows).rest.flatMap((g) => g.text.split(' ')));
    if (!words || words.length < 2 || !words.every((w) => /^[가-힣]+$/.test(w))) return header;
    const splits = splitsInto(words, pieces);
    if (splits.length === 0) return header;
    choices.push(splits);
  }
  // Every combination of the open lines' ways, a few dozen at most.
  let combos: string[][][] = [[]];
  for (const c of choices) combos = combos.flatMap((acc) => c.map((split) => [...acc, split])).slice(0, MAX_SPLITS);
  const text = elsewhere();
  const nameAt = (combo: string[][], col: number) =>
    header
      .map((h) => {
        const k = open.indexOf(h);
        return k >= 0 ? combo[k]![col - offset]! : h.cells.filter((c) => c.col === col).map((c) => c.text).join('');
      })
      .join('');
  const score = (combo: string[][]) =>
    Array.from({ length: pieces }, (_, i) => nameAt(combo, i + offset)).filter((name) => text.includes(name)).length;
  const scored = combos.map((combo) => ({ combo, n: score(combo) }));
  const best = Math.max(0, ...scored.map((x) => x.n));
  const winners = scored.filter((x) => x.n === best);
  if (winners.length !== 1 || best * 2 < pieces) return header;
  const combo = winners[0]!.combo;
  return header.map((h) => {
    const k = open.indexOf(h);
    return k < 0 ? h : { ...h, cells: [...h.cells, ...combo[k]!.map((w, i) => ({ text: w, col: i + offset, span: 1 }))] };
  });
}

/** In a header of grades, a segment's bare digits ("3", "7") are grades "3급", "7급", each at its own place. */
function gradeWords(g: Token): Token[] {
  if (!/^\d(?: |$)/.test(g.text) && !/ \d(?: |$)/.test(g.text)) return [g];
  return [...g.text.matchAll(/\S+/g)].map((m) => ({
    text: /^\d$/.test(m[0]) ? `${m[0]}급` : m[0],
    start: g.start + m.index,
    end: g.start + m.index + m[0].length,
  }));
}

/** "주 택 정 책 과" → "주택정책과"; a cell of real words keeps its spaces. */
function closeWord(text: string): string {
  return text.split(' ').every((w) => /^[가-힣]$/.test(w)) ? text.replace(/ /g, '') : text;
}

/** Words that continue the header word before them ("7급 이하"). */
const CONTINUATION = /^(?:이하|이상|포함|외|등|\(.*\))$/;

/**
 * A raw-mode header: the line above the rows, its words grouped so that there is one per column (spread letters
 * closed up, "이하" joined to its grade). When the count does not come out, only a leading 계 is pinned.
 */
function rawHeader(line: { line: number; text: string } | undefined, columns: number): ModelRow[] {
  if (!line) return [];
  let words = tokens(line.text).map((t) => t.text);
  const cells: ModelCell[] = [];
  const lead = words.join('').match(/^(구분|직급|부서명?|과목|항목|연도|구분직급)/)?.[1];
  if (lead) {
    let taken = '';
    let k = 0;
    while (k < words.length && taken.length < lead.length) taken += words[k++]!;
    cells.push({ text: lead, col: 0, span: 1 });
    // Normalised text may have closed "구 분 계" up to "구분계": the rest of the word is the first header.
    const rest = taken.slice(lead.length);
    words = rest ? [rest, ...words.slice(k)] : words.slice(k);
  }
  const grouped: string[] = [];
  // Whether a group was built of one-letter words ("주 택 정 책 과"): only such a group takes the next letter.
  const spread: boolean[] = [];
  for (const w of words) {
    const last = grouped.length - 1;
    const single = /^[가-힣]$/.test(w) && w !== '계';
    if (last >= 0 && CONTINUATION.test(w)) grouped[last] = `${grouped[last]!} ${w}`;
    else if (last >= 0 && single && spread[last]) grouped[last] += w;
    else {
      grouped.push(w);
      spread.push(single);
    }
  }
  if (grouped.length === columns) grouped.forEach((w, k) => cells.push({ text: w, col: k + 1, span: 1 }));
  else if (/^(?:계|합계|총계)$/.test(grouped[0] ?? '')) cells.push({ text: grouped[0]!, col: 1, span: 1 });
  return [{ line: line.line, text: line.text, cells }];
}

// ---------------------------------------------------------------------------------------------------------------
// Staffing stated as a pair in a sentence.

/** "인력(정/현원) : 8/10명", "정원/현원 : 46/47명": the notation names the halves in the order written. */
const PAIR_SENTENCE =
  /정\s*(?:원\s*)?\/\s*현\s*원\s*(?:\)\s*)?[:：]\s*(\d[\d,]*\s*\/\s*\d[\d,]*\s*명?)(?![\d/])/;

/**
 * A sentence that states the department's 정원 and 현원 as one pair is a one-cell table: row 정원/현원, column 계.
 * Only the order "정/현원" is read; a pair written the other way round stays a line to quote.
 */
export function pairSentences(lines: string[], range: TextRange = { from: 1, to: lines.length }): TableModel[] {
  const out: TableModel[] = [];
  for (let i = range.from; i <= Math.min(range.to, lines.length); i++) {
    const text = lines[i - 1]!;
    const m = PAIR_SENTENCE.exec(text);
    if (!m) continue;
    const cell = m[1]!.replace(/\s+/g, '');
    out.push({
      header: [{ line: i, text, cells: [{ text: '계', col: 1, span: 1 }] }],
      body: [{ line: i, text, cells: [{ text: '정원/현원', col: 0, span: 1 }, { text: cell, col: 1, span: 1 }] }],
      columns: 1,
      context: [{ line: i, text }],
      aligned: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Delimited tables: tabs, markdown pipes, HTML.

function delimitedTable(
  lines: string[],
  from: number,
  to: number,
  split: (line: string) => string[],
): TableModel | null {
  const rows: ModelRow[] = [];
  for (let i = from; i <= to; i++) {
    const text = lines[i - 1]!;
    if (/^\s*(?:\|\s*)?:?-{3,}/.test(text)) continue;
    const parts = split(text).map((c) => c.trim());
    rows.push({ line: i, text, cells: parts.map((p, k) => ({ text: p, col: k, span: 1 })) });
  }
  return splitHeader(rows, lines, from);
}

function htmlTable(lines: string[], from: number, to: number): TableModel | null {
  const html = lines.slice(from - 1, to).join('\n');
  const rows: ModelRow[] = [];
  // Tags end before the next "<" ([^<>]: an unclosed "<tr" is not read to the end from each one), and line breaks
  // are counted from the previous row on (counting from the start for every row was quadratic).
  let offset = 0;
  let counted = 0;
  for (const tr of html.matchAll(/<tr[^<>]*>([\s\S]*?)(?=<tr[\s>]|<\/table>|$)/gi)) {
    for (; counted < tr.index; counted++) if (html.charCodeAt(counted) === 10) offset++;
    const cells: ModelCell[] = [];
    let col = 0;
    for (const td of tr[1]!.matchAll(/<t[dh]([^<>]*)>([\s\S]*?)(?:<\/t[dh]>|(?=<t[dh][\s>])|$)/gi)) {
      const span = Number(/colspan\s*=\s*"?(\d+)/i.exec(td[1]!)?.[1] ?? 1);
      cells.push({ text: td[2]!.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ').trim(), col, span });
      col += span;
    }
    if (cells.length) rows.push({ line: from + offset, text: lines[from + offset - 1]!, cells });
  }
  return splitHeader(rows, lines, from);
}

/** Rows whose cells after the first are mostly figures are the body; the rows above them the header. */
function splitHeader(rows: ModelRow[], lines: string[], from: number): TableModel | null {
  const isBody = (r: ModelRow) => {
    const rest = r.cells.slice(1).filter((c) => c.text !== '');
    return rest.length > 0 && rest.filter((c) => isValueText(c.text)).length * 2 >= rest.length;
  };
  const first = rows.findIndex(isBody);
  if (first < 0) return null;
  const body = rows.slice(first);
  const columns = Math.max(...body.map((r) => r.cells.reduce((n, c) => Math.max(n, c.col + c.span - 1), 0)));
  const context = linesAbove(lines, from, 0, 3, (t) => t.includes('\t') || t.includes('|'));
  return { header: rows.slice(0, first), body, columns, context, aligned: true };
}

/**
 * Tables flattened one cell a line, row by row, as text taken from 한글 forms and 결재문서 exports writes them: the
 * corner cell (구분), the column headers — on one level, or a level of years over a level of quarters, each year
 * spanning the quarters that follow it until their sequence starts again — then per row its label (on one line or
 * two) and its cells. A row may carry a second line of figures in brackets (the change rates under the amounts),
 * read as columns of their own, headed with what the unit line says they are ("전년동기 대비 %"). A row whose
 * cell count does not come out (a cell wrapped onto a further line) ends the table: cells are never guessed.
 */

import type { LineCellTable } from './model.js';

/** "60,297백만원 (TF 운영비 4백만원 증액)": the figure is the cell, the bracketed note stays in the row's text. */
const NOTED = /^([△▲-]?\s*\d[\d,]*(?:\.\d+)?\s*[가-힣%]{0,4})\s+\([^()]+\)$/;

/** The corner cell of a table's header row. */
const CORNER = /^(?:구\s*분|항\s*목|연\s*도|년\s*도|분\s*야|지\s*표|과\s*목)(?:\s*\/\s*[가-힣]{1,4})?$/;
/** Headers that write a figure: a year, a year's months or quarter, a quarter ("’24년", "2024년 1~9월", "1분기"). */
const YEAR_HEADER =
  /^(?:(?:[’'‘]\s*\d{2}|(?:19|20)\d{2})\s*(?:년도?|\.\s*[1-4]\s*Q)(?:\s*(?:\d{1,2}\s*[~∼-]\s*\d{1,2}\s*월|[상하]반기|[1-4]\s*분기))?|[1-4]\s*분기|[1-4]\s*Q)$/;
const BULLET = /^(?:[□■❖◆◇◈▣○◦❍●◎※*▶►▷ㅇ•·∙ㆍ-]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[①-⑳]|o\s)/;
const MAX_LABEL = 24;
const MAX_CELL = 40;
/** A row's label is written on one line or wrapped onto a few. */
const MAX_LABEL_LINES = 3;

const isBracketed = (t: string) => /^\(.*\)$/.test(t);
const isLabel = (t: string) => t !== '' && t.length <= MAX_LABEL && !BULLET.test(t) && (!/\d/.test(t) || YEAR_HEADER.test(t));
const isCell = (t: string) => t !== '' && t.length <= MAX_CELL && /\d/.test(t) && !YEAR_HEADER.test(t) && !BULLET.test(t);

export function rowMajorTables(lines: string[]): LineCellTable[] {
  const text = lines.map((l) => l.replace(/^\f+/, '').trim());
  const out: LineCellTable[] = [];
  let i = 0;
  while (i < text.length) {
    const starts = i === 0 || !isTextCell(text[i - 1]!);
    const table = (CORNER.test(text[i]!) ? (readAt(text, i) ?? readKeyValue(text, i)) : null) ?? (starts ? readPeriodic(text, i) : null);
    if (table) {
      out.push(table);
      i = table.end + 1;
    } else i++;
  }
  return out;
}

/** A short label of a form, its letters often spread ("일 시", "주 요"). */
const isFormLabel = (t: string) => t !== '' && closeUp(t).replace(/\s+/g, '').length <= 6 && !/\d/.test(t) && !BULLET.test(t) && !/[.:：]/.test(t);
const isBulletLine = (t: string) => /^(?:o|ㅇ|[○◦•·∙ㆍ-])\s+\S/.test(t);

/**
 * A form of two columns, 구분 | 내용, one cell a line: each row a short label (on one line or two: "일 시" / "장 소")
 * and the bulleted lines of its content ("o 2026. 3. 25.(수) 10:00~13:00 / 서울 웨스턴 조선 호텔"). Two rows at least.
 */
function readKeyValue(text: string[], i: number): LineCellTable | null {
  if (!isFormLabel(text[i + 1] ?? '')) return null;
  const rows: LineCellTable['rows'] = [];
  let at = i + 2;
  for (;;) {
    const labels = run(text, at, isFormLabel, 3);
    const values = run(text, at + labels.texts.length, isBulletLine);
    if (labels.texts.length === 0 || values.texts.length === 0) break;
    rows.push({
      cells: [joinLabel(labels.texts), values.texts.join(' ')],
      lines: [...labels.texts.map((_, k) => at + k + 1), ...values.texts.map((_, k) => values.from + k + 1)],
    });
    at = values.from + values.texts.length;
  }
  if (rows.length < 2) return null;
  return { start: i, end: at - 1, header: [closeUp(text[i]!), closeUp(text[i + 1]!)], headerLines: [i + 1, i + 2], rows, unit: null };
}

/** A cell that starts with a figure ("2,000,000원", "1개 작품", "2024. 6. 12.(수)"), and a cell of words. */
const isFigureCell = (t: string) => t !== '' && t.length <= MAX_CELL && /^[(△▲-]?\s*\d/.test(t) && !YEAR_HEADER.test(t) && !BULLET.test(t.replace(/^-\s*\d/, '0'));
const isTextCell = (t: string) => t !== '' && t.length <= MAX_LABEL && !BULLET.test(t) && !/^[(△▲-]?\s*\d/.test(t);
/** A ditto mark or a dash stands for either kind. */
const isAnyCell = (t: string) => /^[〃\u3003\u2033-]$/.test(t);

/**
 * A table without a corner word, its cells of words and figures one a line: the width h is the one for which the
 * first h lines are words (the header) and every row after them writes, column by column, the same kind of cell
 * (words in the label column, figures in at least one other). At least three rows, else nothing is read.
 */
function readPeriodic(text: string[], i: number): LineCellTable | null {
  let best: { h: number; rows: number } | null = null;
  for (let h = 2; h <= 8; h++) {
    if (!text.slice(i, i + h).every(isTextCell) || text.slice(i, i + h).length < h) continue;
    const first = text.slice(i + h, i + 2 * h);
    if (first.length < h || !isTextCell(first[0]!)) continue;
    const kinds = first.map((t) => (isAnyCell(t) ? null : isFigureCell(t) ? 'figure' : isTextCell(t) ? 'text' : 'other'));
    if (kinds.includes('other') || !kinds.includes('figure')) continue;
    let rows = 0;
    for (let at = i + h; at + h <= text.length; at += h) {
      const row = text.slice(at, at + h);
      const fits = row.every((t, c) => (isAnyCell(t) && c > 0) || (kinds[c] === 'figure' ? isFigureCell(t) : isTextCell(t)));
      if (!fits) break;
      rows++;
    }
    if (rows >= 3 && (!best || rows * h > best.rows * best.h)) best = { h, rows };
  }
  if (!best) return null;
  const { h, rows } = best;
  const unit = unitAbove(text, i);
  return {
    start: i,
    end: i + h * (rows + 1) - 1,
    header: text.slice(i, i + h).map(closeUp),
    headerLines: [...(unit ? [unit.line + 1] : []), ...Array.from({ length: h }, (_, k) => i + k + 1)],
    rows: Array.from({ length: rows }, (_, r) => {
      const from = i + h * (r + 1);
      return { cells: text.slice(from, from + h).map((t, c) => (c === 0 ? closeUp(t) : t)), lines: Array.from({ length: h }, (_, k) => from + k + 1) };
    }),
    unit: unit?.text ?? null,
  };
}

interface Run {
  from: number;
  texts: string[];
}

function run(text: string[], from: number, test: (t: string) => boolean, max = Infinity): Run {
  let to = from;
  while (to < text.length && to - from < max && test(text[to]!)) to++;
  return { from, texts: text.slice(from, to) };
}

function readAt(text: string[], i: number): LineCellTable | null {
  const head = run(text, i + 1, isLabel);
  const first = run(text, head.from + head.texts.length, isCell);
  if (head.texts.length < 2 || first.texts.length === 0) return null;
  const v = first.texts.length;
  // Amounts, then as many figures in brackets: a second line of the same columns.
  const half = v / 2;
  const rates = v % 2 === 0 && first.texts.slice(0, half).every((t) => !isBracketed(t)) && first.texts.slice(half).every(isBracketed);
  const n = rates ? half : v;
  const shape = readHeader(head.texts, n);
  if (!shape) return null;
  const { columns, labelLines } = shape;
  const rows: LineCellTable['rows'] = [];
  const labelFrom = head.from + head.texts.length - labelLines;
  const rowOf = (labels: Run, values: Run) => ({
    cells: [joinLabel(labels.texts), ...values.texts],
    lines: [...labels.texts.map((_, k) => labels.from + k + 1), ...values.texts.map((_, k) => values.from + k + 1)],
  });
  rows.push(rowOf({ from: labelFrom, texts: head.texts.slice(-labelLines) }, first));
  let at = first.from + v;
  for (;;) {
    const labels = run(text, at, isLabel, MAX_LABEL_LINES + 1);
    if (labels.texts.length === 0 || labels.texts.length > MAX_LABEL_LINES) break;
    const values = run(text, at + labels.texts.length, isCell);
    // A row of another count of cells, or of another shape, is not this table's (or has a cell wrapped): the end.
    if (values.texts.length !== v) break;
    if (rates && !values.texts.slice(half).every(isBracketed)) break;
    rows.push(rowOf(labels, values));
    at = values.from + v;
  }
  const unit = unitAbove(text, i);
  const ratesAs = rates ? rateUnit(unit) : null;
  const header = [closeUp(text[i]!), ...columns];
  const headerLines = Array.from({ length: labelFrom - i }, (_, k) => i + k + 1);
  const unitLine = unit ? unit.line + 1 : null;
  // Without the unit line naming what the bracketed figures are, they are left out rather than named by a guess.
  const cut = rates && !ratesAs ? n + 1 : Infinity;
  return {
    start: i,
    end: at - 1,
    header: ratesAs ? [...header, ...columns.map((c) => `${c} (${ratesAs})`)] : header,
    headerLines: unitLine ? [unitLine, ...headerLines] : headerLines,
    rows: rows.map((r) => {
      const cells = r.cells.slice(0, cut);
      const own = cells.map((c, k) => (k > 0 ? (NOTED.exec(c)?.[1] ?? c) : c));
      return { cells: own, lines: r.lines, ...(own.some((c, k) => c !== cells[k]) ? { text: cells.join(' | ') } : {}) };
    }),
    unit: unit?.text ?? null,
  };
}

/**
 * The header cells (after the corner) and the first row's label lines, from the labels above the first figures:
 * one level of n columns, else a level of m ≥ 2 cells over n whose sequence starts again m times ("1분기 … 4분기
 * 1분기 …"). The first row's label takes one line, else two. Null when no reading comes out.
 */
function readHeader(labels: string[], n: number): { columns: string[]; labelLines: number } | null {
  // A header word heading a wrapped label ("비고" / "(실사용)연구개발비") is a column whose cells were left empty.
  // A wrapped label's first piece is a short run of words ("금융" / "보험업"): no brackets, no header word.
  const wraps = (label: string) => label.length <= 8 && !/[()]/.test(label) && !/^(?:비고|계|합계|소계|총계|증감.*)$/.test(closeUp(label)) && !YEAR_HEADER.test(label);
  for (const labelLines of [1, 2]) {
    const cells = labels.slice(0, labels.length - labelLines).map(closeUp);
    if (labelLines === 2 && !wraps(labels.at(-2)!)) continue;
    if (cells.length === n) return { columns: cells, labelLines };
  }
  for (const labelLines of [1, 2]) {
    const cells = labels.slice(0, labels.length - labelLines).map(closeUp);
    if (labelLines === 2 && !wraps(labels.at(-2)!)) continue;
    const m = cells.length - n;
    if (m < 2) continue;
    const upper = cells.slice(0, m);
    const lower = cells.slice(m);
    const groups: string[][] = [];
    for (const c of lower) {
      if (groups.length === 0 || c === lower[0]) groups.push([]);
      groups.at(-1)!.push(c);
    }
    if (groups.length !== m) continue;
    return { columns: groups.flatMap((g, k) => g.map((c) => `${upper[k]} ${c}`)), labelLines };
  }
  return null;
}

/** "구 분" → "구분": letters spread one by one are closed up; words keep their spaces. */
function closeUp(t: string): string {
  return t.split(/\s+/).every((w) => /^[가-힣]$/.test(w)) ? t.replace(/\s+/g, '') : t.replace(/\s+/g, ' ');
}

/** A label wrapped over lines ("금융" / "보험업"), each piece closed up. */
const joinLabel = (pieces: string[]) => pieces.map(closeUp).join(' ');

/**
 * "(단위: 억달러, 전년동기 대비 %)" written above: on the lines right above the table, or further up for a set of
 * tables under one unit line (a statistics annex) — up to a line of prose or a part heading, which end its reach.
 */
function unitAbove(text: string[], i: number): { text: string; line: number } | null {
  for (let n = i - 1; n >= 0; n--) {
    const t = text[n]!;
    const m = /단\s*위\s*[:：]\s*([^)\]>]+)/.exec(t) ?? (n >= i - 3 ? /\(([^()\d]*(?:원|달러|명|개|건|톤)[^()\d]*)\)\s*>?\s*$/.exec(t) : null);
    if (m) return { text: m[1]!.trim(), line: n };
    if (t.length > 60 || /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.．]?\s|참\s*고\s*\d|붙\s*임\s*\d)/.test(t)) return null;
  }
  return null;
}

/** What a unit line says bracketed figures are: its part naming a percent ("전년동기 대비 %"). */
function rateUnit(unit: { text: string } | null): string | null {
  const part = unit?.text.split(/[,，]/).slice(1).map((p) => p.trim()).find((p) => /%/.test(p));
  return part ?? null;
}

/**
 * A staffing table as annual reports print it (PDF → text, a row a line): "정원 27 7 8 7 3 - 1 1" / "현원 28 …" under
 * a row of grades, or a "구분 정원 현원 과부족" header with a row per team, or "팀 8/10" rows (정원/현원 in one cell).
 */
import { src, type Source } from '../../domain/provenance.js';
import type { ParseWarning } from '../document.js';
import type { LineRead } from '../model/lines-read.js';
import { compact } from '../structure/cells.js';
import { tokens } from './budget-columns.js';

export interface StaffRow {
  group: string;
  authorized: number | null;
  current: number | null;
  src: Source;
}

function staffNumber(token: string | undefined): number | null {
  if (token === undefined) return null;
  const m = /^([△▲-]?)(\d+)$/.exec(token);
  if (!m) return null;
  return m[1] ? -Number(m[2]) : Number(m[2]);
}

/**
 * "정원 27 7 8 7 3 - 1 1" / "현원 28 …": the first number is the total. Grade columns are read only when the row
 * has one value per grade in the header (PDF extraction drops empty cells, so a shorter row cannot be aligned).
 * Rows "팀 8/10 …" (정원/현원 in one cell) are read as a group each.
 */
export function readStaffRows(lines: LineRead[], section: string, warnings: ParseWarning[]): StaffRow[] {
  let authorized: { values: string[]; at: number } | null = null;
  let current: { values: string[]; at: number } | null = null;
  let grades: string[] = [];
  let columns: { authorized: number; current: number } | null = null;
  const rows: StaffRow[] = [];
  for (const { n, text } of lines) {
    const words = tokens(text.replace(/\t/g, ' '));
    if (words.length === 0) continue;
    if (words.every((w) => /^\d급(?:이하|이상)?$/.test(w))) grades = words;
    const label = compact(words[0]!);
    const byColumn = staffColumns(words);
    if (byColumn) {
      columns = byColumn;
      continue;
    }
    if (columns) {
      const row = staffRowByColumns(words, columns, src(section, n));
      if (row) rows.push(row);
      continue;
    }
    if (/^정원$/.test(label)) authorized = { values: words.slice(1), at: n };
    else if (/^현원$/.test(label)) current = { values: words.slice(1), at: n };
    else if (words.length >= 2 && /^\d+\/\d+$/.test(words[1]!)) {
      const [a, c] = words[1]!.split('/');
      rows.push({ group: words[0]!, authorized: Number(a), current: Number(c), src: src(section, n) });
    }
  }
  if (authorized || current) {
    const at = [authorized?.at, current?.at].filter((x): x is number => x !== undefined);
    const s = src(section, Math.min(...at), Math.max(...at));
    rows.unshift({
      group: '계',
      authorized: staffNumber(authorized?.values[0]),
      current: staffNumber(current?.values[0]),
      src: s,
    });
    const aligned =
      grades.length > 0 && [authorized, current].every((r) => !r || r.values.length === grades.length + 1);
    if (aligned) {
      grades.forEach((g, k) => {
        rows.push({
          group: g,
          authorized: staffNumber(authorized?.values[k + 1]),
          current: staffNumber(current?.values[k + 1]),
          src: s,
        });
      });
    } else if (grades.length > 0) {
      warnings.push({
        line: Math.min(...at),
        message: '직급별 정원·현원 열이 머리행과 맞지 않아 합계만 읽었습니다',
      });
    }
  }
  return rows;
}

/** A "구분 정원 현원 과부족" header: 정원 and 현원 are columns, one row per team or grade follows. */
function staffColumns(words: string[]): { authorized: number; current: number } | null {
  const c = words.map(compact);
  const a = c.indexOf('정원', 1);
  const cur = c.indexOf('현원', 1);
  return a > 0 && cur > 0 ? { authorized: a - 1, current: cur - 1 } : null;
}

function staffRowByColumns(
  words: string[],
  columns: { authorized: number; current: number },
  source: Source,
): StaffRow | null {
  let k = words.length;
  while (k > 0 && (staffNumber(words[k - 1]) !== null || /^[-–]$/.test(words[k - 1]!))) k--;
  const values = words.slice(k);
  const group = words.slice(0, k).join(' ');
  if (group === '' || values.length <= Math.max(columns.authorized, columns.current)) return null;
  return {
    group,
    authorized: staffNumber(values[columns.authorized]),
    current: staffNumber(values[columns.current]),
    src: source,
  };
}

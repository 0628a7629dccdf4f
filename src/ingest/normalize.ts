/**
 * Cleans extraction artefacts line by line. Line i of the output is line i of the file, so every fact keeps the
 * line number a person sees in their editor; joining wrapped lines is left to the structure readers.
 */
import { stripControls } from '../domain/control-chars.js';

/** Tag names that appear inside flattened table cells; anything else in <…> is document text ("<단위 : 백만원>"). */
const HTML_TAG = /<\/?(?:ul|ol|li|p|br|span|div|strong|b|em|i|u|table|tr|td|th|tbody|thead|font)\b[^>]*>/gi;
const HTML_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
};

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

export function normalizeText(text: string): string[] {
  return splitLines(text).map(normalizeLine);
}

export function normalizeLine(raw: string): string {
  // NEL, U+2028 and U+2029 become spaces, not breaks: line numbers stay those a person's editor shows.
  let line = stripControls(raw.replace(/[\u0085\u2028\u2029]/g, ' ')).normalize('NFC');
  line = toHalfWidth(line);
  line = line.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[\u00a0\u3000]/g, ' ');
  line = stripInlineMarkup(line);
  line = stripHtml(line);
  line = stripMarkdown(line);
  line = dropRepeatedUnits(line);
  if (isPageNumber(line) || isStrayJamo(line)) return '';
  line = line
    .split('\t')
    .map((cell) => joinSpacedLetters(cell))
    .join('\t');
  // Runs of spaces stay: in layout-mode PDF text they are the column separators.
  return line.replace(/\s+$/, '');
}

/** Full-width ASCII (Ａ１：) → ASCII. Not NFKC: that would also rewrite compatibility jamo (ㅇ, ㅎㅊ) and ①. */
function toHalfWidth(line: string): string {
  return line.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * HWPX text keeps the run-level elements the extractor did not map (`<hp:fwSpace/>`, `<hp:tab width="270" …/>`,
 * `<hp:lineBreak/>`): each stands for white space inside the paragraph. Any namespaced element of the OWPML
 * vocabularies (hp:, hs:, hc:, hh:) is markup, never text; a line break stays a space so line numbers hold.
 */
const OWPML_TAG = / *<\/?h[pshc]:[A-Za-z]+\b[^>]{0,300}> */g;

function stripInlineMarkup(line: string): string {
  if (!line.includes('<h')) return line;
  return line.replace(OWPML_TAG, ' ');
}

function stripHtml(line: string): string {
  if (!line.includes('<') && !line.includes('&')) return line;
  return line
    .replace(HTML_TAG, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
      return HTML_ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/ {2,}/g, ' ');
}

/**
 * Markdown headings and bold. A run of three or more `*` is not bold but a withheld (비공개) part of a published
 * document, and "**" standing alone is one too: both stay, so answers can say the figure is withheld.
 */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/(?<!\*)\*\*(?=[^*\s])([^*]+?)(?<=[^*\s])\*\*(?!\*)/g, '$1')
    .replace(/^\*\*(?=[^*\s])|(?<=[^*\s])\*\*$/g, '');
}

/**
 * PDF extraction doubles headings: "1.1.1.1.1.1. 일일일일일일 반반반반반반 …1. 일 반 현 황" or "주요업무주요업무…".
 * A unit repeated four or more times is an artefact; when the clean text follows it, the artefact goes, otherwise
 * one copy of the unit stays.
 */
function dropRepeatedUnits(line: string): string {
  // A whole line that is one label said two or three times ("부서부서부서") is the label.
  const whole = /^(\s*)([가-힣]{2,6})\2{1,2}\s*$/.exec(line);
  if (whole) return whole[1]! + whole[2]!;
  const pattern = /(\d+\.|[가-힣]{1,6})\1{3,}/gu;
  if (!pattern.test(line)) return line;
  const removed = line.replace(pattern, ' ').replace(/\s{2,}/g, ' ');
  if (/[가-힣]/.test(removed)) return removed.replace(/^ +/, ' ');
  return line.replace(pattern, '$1');
}

/** "- 9 -", "-  235  -", "— 12 —": page numbers of a printed report. */
function isPageNumber(line: string): boolean {
  return /^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/.test(line);
}

/** A line of only "ㅇ" / "ㅇㅇ": the remains of a bullet glyph the extractor could not map. */
function isStrayJamo(line: string): boolean {
  return /^\s*[ㅇㆍ]{1,3}\s*$/.test(line);
}

/**
 * Letters spaced apart for justification ("감 사 팀", "예 산 액", "정 원"): joined when three or more single
 * syllables stand in a row, or two that make up a label (before ":", "(" or a number, or ending the cell).
 * An org chart line "감 사 팀 조 사 팀" becomes "감사팀 조사팀", "예 산 액 집 행 액" two labels: 팀 and 액 end a name.
 */
export function joinSpacedLetters(cell: string): string {
  return cell.replace(
    /(^|[\s(:：·•○□◇❖▹*-])((?:[가-힣] ){1,}[가-힣])(?=$|[^가-힣])/g,
    (whole, before: string, run: string, offset: number, all: string) => {
      const letters = run.split(' ');
      const after = all.slice(offset + whole.length);
      // Two letters are a label only when nothing but a value follows ("정 원 27", "대 상 : …", a whole cell);
      // "및 전 직원" is two words.
      const label = letters.length >= 3 || /^\s*(?:[:：(]|\d|$)/.test(after);
      if (!label) return whole;
      return before + letters.join('').replace(/([팀액])(?=[가-힣]{2,})/g, '$1 ');
    },
  );
}

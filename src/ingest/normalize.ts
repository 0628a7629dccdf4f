/**
 * Cleans extraction artefacts line by line. Line i of the output is line i of the file, so every fact keeps the
 * line number a person sees in their editor; joining wrapped lines is left to the structure readers.
 */
import { stripControls } from '../domain/control-chars.js';
import type { ParseWarning } from '../domain/document.js';

/** Tag names that appear inside flattened table cells; anything else in <…> is document text ("<단위 : 백만원>"). */
// `[^<>]`, not `[^>]`: an unclosed "<p" scans only to the next "<", so a line of them is read in linear time.
const HTML_TAG = /<\/?(?:ul|ol|li|p|br|span|div|strong|b|em|i|u|table|tr|td|th|tbody|thead|font)\b[^<>]*>/gi;
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
  return normalizeDocumentText(text).lines;
}

/** Normalised lines, and a warning naming each line where a character reference names no character. */
export function normalizeDocumentText(text: string): { lines: string[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const lines = splitLines(text).map((raw, i) => {
    const invalid: string[] = [];
    const line = normalizeLine(raw, (ref) => invalid.push(ref));
    if (invalid.length) warnings.push({ line: i + 1, message: invalidReferenceMessage(invalid) });
    return line;
  });
  return { lines, warnings };
}

function invalidReferenceMessage(refs: string[]): string {
  const named = refs
    .slice(0, 3)
    .map((r) => (r.length > 16 ? `${r.slice(0, 12)}…;` : r))
    .join(', ');
  const more = refs.length > 3 ? ` 외 ${refs.length - 3}개` : '';
  return `문자 참조 ${named}${more}: 유니코드에 없는 문자라서 �(U+FFFD)로 바꿔 읽었습니다 (invalid character reference)`;
}

/** `onInvalidReference` hears each numeric character reference that names no character (it becomes U+FFFD). */
export function normalizeLine(raw: string, onInvalidReference: (ref: string) => void = () => {}): string {
  // NEL, U+2028 and U+2029 become spaces, not breaks: line numbers stay those a person's editor shows.
  let line = stripControls(raw.replace(/[\u0085\u2028\u2029]/g, ' ')).normalize('NFC');
  line = toHalfWidth(line);
  line = line.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[\u00a0\u3000]/g, ' ');
  line = stripInlineMarkup(line);
  line = stripHtml(line, onInvalidReference);
  line = stripMarkdown(line);
  line = dropRepeatedUnits(line);
  if (isPageNumber(line) || isStrayJamo(line)) return '';
  line = line
    .split('\t')
    .map((cell) => joinSpacedLetters(cell))
    .join('\t');
  // Runs of spaces stay: in layout-mode PDF text they are the column separators.
  // trimEnd, not /\s+$/: the regex retries from every space of a long run and takes quadratic time.
  return line.trimEnd();
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
// (?<! ): a run of spaces is tried once from its start, not from each of its spaces (quadratic on long runs).
const OWPML_TAG = /(?<! ) *<\/?h[pshc]:[A-Za-z]+\b[^>]{0,300}> */g;

function stripInlineMarkup(line: string): string {
  if (!line.includes('<h')) return line;
  return line.replace(OWPML_TAG, ' ');
}

function stripHtml(line: string, onInvalidReference: (ref: string) => void): string {
  if (!line.includes('<') && !line.includes('&')) return line;
  const decoded = line
    .replace(HTML_TAG, ' ')
    .replace(/(?<! ) *\t */g, '\t')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#')) return numericReference(m, e, onInvalidReference);
      return HTML_ENTITIES[e.toLowerCase()] ?? m;
    });
  // The line's own controls went before decoding; what a reference spelled ("&#x1b;[2J", "&#x202e;") goes now.
  return stripControls(decoded).replace(/ {2,}/g, ' ');
}

/**
 * The character a numeric reference names. A number beyond U+10FFFF or a surrogate half names none: U+FFFD, as
 * HTML reads it, and reported, so one bad reference does not lose the document. A line break becomes a space:
 * it would split the stored line and shift the number of every line after it.
 */
function numericReference(whole: string, ref: string, onInvalid: (ref: string) => void): string {
  const hex = ref[1] === 'x' || ref[1] === 'X';
  const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
    onInvalid(whole);
    return '\ufffd';
  }
  const ch = String.fromCodePoint(code);
  return /[\n\r\u0085\u2028\u2029]/.test(ch) ? ' ' : ch;
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
  // \d{1,4}: an unbounded \d+ rescans a long run of digits from each of them (quadratic).
  const pattern = /(\d{1,4}\.|[가-힣]{1,6})\1{3,}/gu;
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
      return before + letters.join('').replace(/([팀액])(?=[가-힣]{2})/g, '$1 ');
    },
  );
}

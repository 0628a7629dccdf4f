/**
 * Bytes → text. UTF-8 (with or without BOM); UTF-16 with a BOM, or without one, told by the NUL bytes of its
 * ASCII characters; and EUC-KR/CP949 as Korean offices still save, where a line saved as UTF-8 (text pasted in
 * from elsewhere) is read as UTF-8 and named.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Encoding, ParseWarning } from '../domain/document.js';
import { IngestError } from './errors.js';

export type { Encoding } from '../domain/document.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Lines (1-based, as split for storage) where bytes that were not UTF-8 became U+FFFD. */
  damagedLines: number[];
  /** Lines read in another encoding than the file's (a UTF-8 line in a CP949 file), each named. */
  warnings: ParseWarning[];
}

/** More invalid UTF-8 sequences than this share of the characters is another encoding or not text at all. */
const MAX_DAMAGED_SHARE = 0.02;
const MIN_DAMAGE_ALLOWED = 4;
/** Bytes looked at to tell UTF-16 without a BOM: enough lines of any document, a bounded scan of a big one. */
const UTF16_SAMPLE = 64 * 1024;

export function decodeDocument(bytes: Buffer, file: string): Decoded {
  if (bytes.length === 0) throw new IngestError(file, '빈 파일입니다 (empty file)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  // A stray NUL or two in a text export is damage, not a binary file; many NULs are UTF-16 or a binary file.
  const nuls = bytes.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  if (nuls > Math.max(2, bytes.length / 1000)) {
    const bomless = bomlessUtf16(bytes);
    if (bomless) return bomless;
    throw new IngestError(file, '텍스트 문서가 아닙니다 (binary file: NUL bytes)');
  }
  const withBom = nuls ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes;
  const body = withBom[0] === 0xef && withBom[1] === 0xbb && withBom[2] === 0xbf ? withBom.subarray(3) : withBom;
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', damagedLines: [], warnings: [] };
  // Not UTF-8: EUC-KR/CP949 is the usual other encoding of Korean office files.
  const korean = cp949(body);
  if (korean) return korean;
  // UTF-8 with a few bad bytes (a file cut mid-character, one stray 0xFF): keep it, mark where.
  const lossy = new TextDecoder('utf-8').decode(body);
  const damaged = countReplacements(lossy) - countEncodedReplacements(body);
  if (damaged <= Math.max(MIN_DAMAGE_ALLOWED, lossy.length * MAX_DAMAGED_SHARE)) {
    return { text: lossy, encoding: 'utf-8', damagedLines: invalidLines(body), warnings: [] };
  }
  throw new IngestError(file, '인코딩을 알 수 없습니다: UTF-8도 EUC-KR(CP949)도 아닙니다 (unknown encoding)');
}

function utf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const whole = body.subarray(0, body.length - (body.length % 2));
  const text = encoding === 'utf-16le' ? whole.toString('utf16le') : iconv.decode(whole, 'utf-16be');
  if (whole.length === body.length) return { text, encoding, damagedLines: [], warnings: [] };
  // An odd last byte is half a character: the file was cut short.
  const cut = `${text}\ufffd`;
  return { text: cut, encoding, damagedLines: [countLines(cut)], warnings: [] };
}

/**
 * UTF-16 saved without a BOM. Every ASCII character (space, newline, digit, tab) has a NUL high byte: at odd
 * offsets in little-endian, even ones in big-endian. Hangul has a NUL low byte only in a few syllables (가 U+AC00,
 * 대 U+B300), so the other parity stays far behind. What decodes must then read as text, not as a binary file's
 * bytes forced into characters.
 */
function bomlessUtf16(bytes: Buffer): Decoded | null {
  const sample = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const enough = Math.max(1, (sample / 2) * 0.02);
  const encoding = odd >= enough && odd > 4 * even ? 'utf-16le' : even >= enough && even > 4 * odd ? 'utf-16be' : null;
  if (!encoding) return null;
  const decoded = utf16(bytes, encoding);
  return looksLikeText(decoded.text) ? decoded : null;
}

/**
 * A file in EUC-KR/CP949, read line by line: a line that is valid UTF-8 with non-ASCII characters was saved as
 * UTF-8 (CP949 Hangul is never valid UTF-8 over a whole line) and is read as UTF-8, with a warning naming it.
 * Null when the other lines are not Korean in CP949, or are no more than the UTF-8 ones: then the file is UTF-8
 * with damaged bytes.
 */
function cp949(body: Buffer): Decoded | null {
  const parts: string[] = [];
  const koreanParts: string[] = [];
  const utf8Lines: number[] = [];
  let cp949Lines = 0;
  // Runs of lines in one encoding are decoded together; ASCII lines read the same in both and join any run.
  let run: { start: number; utf8: boolean } | null = null;
  const flush = (end: number) => {
    if (!run) return;
    const bytes = body.subarray(run.start, end);
    if (run.utf8) parts.push(bytes.toString('utf8'));
    else {
      const text = iconv.decode(bytes, 'cp949');
      parts.push(text);
      koreanParts.push(text);
    }
    run = null;
  };
  forEachLine(body, (start, end, line) => {
    const content = body.subarray(start, end);
    if (isAscii(content)) {
      run ??= { start, utf8: false };
      return;
    }
    const utf8 = isUtf8(content);
    if (utf8) utf8Lines.push(line);
    else cp949Lines++;
    if (run && run.utf8 !== utf8) flush(start);
    run ??= { start, utf8 };
  });
  flush(body.length);
  if (cp949Lines <= utf8Lines.length || !looksLikeKorean(koreanParts.join(''))) return null;
  return {
    text: parts.join(''),
    encoding: 'cp949',
    damagedLines: [],
    warnings: utf8Lines.map((line) => ({
      line,
      message: '이 줄만 UTF-8로 저장되어 있어 UTF-8로 읽었습니다; 나머지는 EUC-KR(CP949)입니다 (mixed encodings)',
    })),
  };
}

/**
 * Calls `visit` for each line, split as normalize.ts splits text (LF, CRLF, CR), so a warning names the line
 * the stored text has; `end` is where the line's text ends, before its break. Neither UTF-8 nor CP949 uses a
 * CR or LF byte inside a character, so bytes split safely.
 */
function forEachLine(bytes: Buffer, visit: (start: number, end: number, line: number) => void): void {
  let line = 1;
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d) continue;
    const end = i;
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    visit(start, end, line);
    line++;
    start = i + 1;
  }
  visit(start, bytes.length, line);
}

function isAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD) is text, not damage. */
function countEncodedReplacements(bytes: Buffer): number {
  let n = 0;
  const seq = Buffer.from([0xef, 0xbf, 0xbd]);
  for (let i = bytes.indexOf(seq); i >= 0; i = bytes.indexOf(seq, i + 3)) n++;
  return n;
}

/** Lines whose bytes are not valid UTF-8. */
function invalidLines(bytes: Buffer): number[] {
  const out: number[] = [];
  forEachLine(bytes, (start, end, line) => {
    if (!isUtf8(bytes.subarray(start, end))) out.push(line);
  });
  return out;
}

/** Decoded CP949 of a random binary is mostly replacement and control characters; real text is not. */
function looksLikeKorean(text: string): boolean {
  let bad = 0;
  let hangul = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) bad++;
    else if (c >= 0xac00 && c <= 0xd7a3) hangul++;
  }
  return hangul > 0 && bad / Math.max(1, text.length) < 0.01;
}

/** Text, not bytes forced into characters: letters, and almost no controls, replacements or surrogate halves. */
function looksLikeText(text: string): boolean {
  let bad = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xdfff)
    )
      bad++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x4e00 && c <= 0x9fff))
      letters++;
  }
  return letters > 0 && bad / Math.max(1, text.length) < 0.01;
}

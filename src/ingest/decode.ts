/** Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, and EUC-KR/CP949 as Korean offices still save. */
import iconv from 'iconv-lite';
import type { Encoding } from '../domain/document.js';
import { IngestError } from './errors.js';

export type { Encoding } from '../domain/document.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Lines (1-based, as split for storage) where bytes that were not UTF-8 became U+FFFD. */
  damagedLines: number[];
}

/** More invalid UTF-8 sequences than this share of the characters is another encoding or not text at all. */
const MAX_DAMAGED_SHARE = 0.02;
const MIN_DAMAGE_ALLOWED = 4;

export function decodeDocument(bytes: Buffer, file: string): Decoded {
  if (bytes.length === 0) throw new IngestError(file, '빈 파일입니다 (empty file)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le', damagedLines: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', damagedLines: [] };
  }
  // A stray NUL or two in a text export is damage, not a binary file; many NULs are a binary file.
  const nuls = bytes.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  if (nuls > Math.max(2, bytes.length / 1000))
    throw new IngestError(file, '텍스트 문서가 아닙니다 (binary file: NUL bytes)');
  const withBom = nuls ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes;
  const body = withBom[0] === 0xef && withBom[1] === 0xbb && withBom[2] === 0xbf ? withBom.subarray(3) : withBom;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', damagedLines: [] };
  } catch {
    // Not UTF-8: EUC-KR/CP949 is the usual other encoding of Korean office files.
    const text = iconv.decode(body, 'cp949');
    if (looksLikeKorean(text)) return { text, encoding: 'cp949', damagedLines: [] };
    // UTF-8 with a few bad bytes (a file cut mid-character, one stray 0xFF): keep it, mark where.
    const lossy = new TextDecoder('utf-8').decode(body);
    const damaged = countReplacements(lossy) - countEncodedReplacements(body);
    if (damaged <= Math.max(MIN_DAMAGE_ALLOWED, lossy.length * MAX_DAMAGED_SHARE)) {
      return { text: lossy, encoding: 'utf-8', damagedLines: invalidLines(body) };
    }
    throw new IngestError(file, '인코딩을 알 수 없습니다: UTF-8도 EUC-KR(CP949)도 아닙니다 (unknown encoding)');
  }
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

/**
 * Lines whose bytes are not valid UTF-8, split as normalize.ts splits text (LF, CRLF, CR), so a warning names
 * the line the stored text has. UTF-8 never uses CR or LF bytes inside a character, so bytes split safely.
 */
function invalidLines(bytes: Buffer): number[] {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const out: number[] = [];
  let line = 1;
  let start = 0;
  const check = (end: number) => {
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      out.push(line);
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d) continue;
    check(i);
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  check(bytes.length);
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

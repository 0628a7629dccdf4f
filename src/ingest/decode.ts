/** Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, and EUC-KR/CP949 as Korean offices still save. */
import iconv from 'iconv-lite';
import type { Encoding } from '../domain/document.js';
import { IngestError } from './errors.js';

export type { Encoding } from '../domain/document.js';

export function decodeDocument(bytes: Buffer, file: string): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new IngestError(file, '빈 파일입니다 (empty file)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  // A stray NUL or two in a text export is damage, not a binary file; many NULs are a binary file.
  const nuls = bytes.reduce((n, b) => (b === 0 ? n + 1 : n), 0);
  if (nuls > Math.max(2, bytes.length / 1000))
    throw new IngestError(file, '텍스트 문서가 아닙니다 (binary file: NUL bytes)');
  const withBom = nuls ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes;
  const body = withBom[0] === 0xef && withBom[1] === 0xbb && withBom[2] === 0xbf ? withBom.subarray(3) : withBom;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: EUC-KR/CP949 is the usual other encoding of Korean office files.
    const text = iconv.decode(body, 'cp949');
    if (looksLikeKorean(text)) return { text, encoding: 'cp949' };
    throw new IngestError(file, '인코딩을 알 수 없습니다: UTF-8도 EUC-KR(CP949)도 아닙니다 (unknown encoding)');
  }
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

/** The one definition of what is stripped from document text, user messages and every rendered string. */
import { describe, expect, it } from 'vitest';
import { stripControls } from '../../src/domain/control-chars.js';

describe('stripControls', () => {
  it('removes C0 and C1 controls and escape sequences, keeping tab and newline', () => {
    expect(stripControls('예산\x1b[2J 100\x07\x00\x7f\x85\x9b31m원\t비고\n다음 줄')).toBe('예산 100원\t비고\n다음 줄');
    expect(stripControls('제목\x1b]0;창 제목\x07 끝')).toBe('제목 끝');
  });

  it('removes bidirectional marks, embeddings, overrides and isolates', () => {
    const bidi = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    expect(stripControls(`계약${bidi.join('')}금액`)).toBe('계약금액');
  });

  it('removes a surrogate half standing alone and keeps a pair', () => {
    expect(stripControls('a\ud800b\udc00c')).toBe('abc');
    expect(stripControls('완료 \u{1f600} \u{20b9f}')).toBe('완료 \u{1f600} \u{20b9f}');
  });

  it('keeps Korean text, joiners and punctuation as written', () => {
    const text = '○ 사업기간 : 2018. 7. ~ 2022. 12. (「인권」·『보고서』) ㉮ ① ‹@› \u{1f469}\u200d\u{1f4bb}';
    expect(stripControls(text)).toBe(text);
  });
});

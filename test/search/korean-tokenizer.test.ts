import { describe, expect, it } from 'vitest';
import {
  alignedBigrams,
  analyzeQuery,
  bigrams,
  choseong,
  isChoseongQuery,
  normalize,
  qwertyToHangul,
  stripParticles,
  tokenize,
  tokenizeQuery,
  tokenizeRunningText,
} from '../../src/search/korean-tokenizer.js';

describe('tokenize', () => {
  it('keeps the whole word and adds the form without a particle', () => {
    expect(tokenize('인권을')).toEqual(['인권을', '인권']);
    expect(tokenize('협치는')).toEqual(['협치는', '협치']);
    expect(tokenize('인천에서의')).toEqual(['인천에서의', '인천']); // the longest ending, 에서의, goes at once
    expect(stripParticles('서울시에서는')).toEqual(['서울시']);
  });

  it('strips a particle only when two syllables remain', () => {
    expect(stripParticles('회의')).toEqual([]); // 의 is a particle, but 회 alone is not a word
    expect(stripParticles('예산을')).toEqual(['예산']);
    expect(tokenize('회의')).toEqual(['회의']);
  });

  it('indexes compounds by their two-syllable pieces', () => {
    const t = tokenize('인권보호거버넌스');
    expect(t).toEqual(expect.arrayContaining(['인권보호거버넌스', '인권', '보호', '거버', '넌스']));
    expect(bigrams('협치')).toEqual([]);
    expect(bigrams('생활순찰')).toEqual(['생활', '활순', '순찰']);
  });

  it('splits on whitespace and punctuation, drops single characters', () => {
    expect(tokenize('감사의 내실화 및 공직기강 확립')).toEqual(
      expect.arrayContaining(['감사의', '감사', '내실화', '공직기강', '확립']),
    );
    expect(tokenize('감사의 내실화 및 공직기강 확립')).not.toContain('및');
    expect(tokenize('‘일자리진흥지구’ 시범사업')).toEqual(
      expect.arrayContaining(['일자리진흥지구', '진흥', '시범사업']),
    );
  });

  it('keeps codes, extensions and phone numbers whole, plus the extension of a phone number', () => {
    expect(tokenize('3-8-76')).toEqual(['3-8-76']);
    expect(tokenize('박동일 인권담당관 2580')).toEqual(expect.arrayContaining(['박동일', '2580']));
    expect(tokenize('청년사업담당관:이정희☎2133-4299')).toEqual(
      expect.arrayContaining(['2133-4299', '4299', '이정희']),
    );
    expect(tokenize('02-2133-4299')).toEqual(['02-2133-4299', '4299', '2133-4299']);
  });

  it('reads numbers with thousands separators as one number', () => {
    expect(tokenize('5,365백만원')).toEqual(expect.arrayContaining(['5365백만원', '5365', '백만원']));
  });

  it('normalises to NFC and lowercase, but never NFKC (compatibility jamo survive)', () => {
    const nfd = '인권보호'.normalize('NFD');
    expect(tokenize(nfd)).toEqual(tokenize('인권보호'));
    expect(tokenize('TF팀')).toEqual(['tf팀', 'tf']);
    expect(normalize('ㅎㅊ')).toBe('ㅎㅊ');
    expect(tokenize('ㅎㅊ')).toEqual(['ㅎㅊ']);
  });

  it('survives emoji and odd input', () => {
    expect(tokenize('😀🙂 인권 😀')).toEqual(['인권']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('\u0000\uFFFF')).toEqual([]);
  });
});

describe('tokenizeRunningText (record bodies)', () => {
  it('gives a compound its aligned bigrams only', () => {
    expect(alignedBigrams('예산투자현황')).toEqual(['예산', '투자', '현황']);
    expect(alignedBigrams('소요예산을')).toEqual(['소요', '예산']); // of the particle-stripped stem
    expect(alignedBigrams('활성화')).toEqual(['활성']);
    expect(alignedBigrams('협치')).toEqual([]);
    expect(tokenizeRunningText('소요예산을 확보')).toEqual(['소요예산을', '소요예산', '소요', '예산', '확보']);
  });

  it('keeps whole words, particle-stripped forms, codes and extensions as tokenize does', () => {
    const text = '수원시 인권담당관과의 협의(2019. 10. 16.) ☎ 02-2133-4299, TF팀';
    const running = tokenizeRunningText(text);
    const full = tokenize(text);
    expect(running).toEqual(expect.arrayContaining(['수원시', '인권담당관과의', '인권담당관', '2133-4299', '4299', 'tf팀']));
    expect(running.every((t) => full.includes(t))).toBe(true);
    expect(running.length).toBeLessThan(full.length);
    expect(tokenizeRunningText('😀 ㅎㅊ')).toEqual(['ㅎㅊ']);
  });
});

describe('tokenizeQuery / analyzeQuery', () => {
  it('gives whole words, particle-stripped forms and bigrams of long words', () => {
    expect(tokenizeQuery('협치는')).toEqual(['협치는', '협치']);
    expect(tokenizeQuery('인권보호거버넌스')).toEqual([
      '인권보호거버넌스',
      '인권',
      '권보',
      '보호',
      '호거',
      '거버',
      '버넌',
      '넌스',
    ]);
    expect(tokenizeQuery('2-4-3')).toEqual(['2-4-3']);
  });

  it('classifies words and keeps the typed case', () => {
    const [a, b, c, d] = analyzeQuery('ㅎㅊ dPtks 2580 인권을');
    expect(a?.kind).toBe('choseong');
    expect(b).toMatchObject({ kind: 'latin', word: 'dptks', raw: 'dPtks' });
    expect(c?.kind).toBe('number');
    expect(d).toMatchObject({ kind: 'hangul', forms: ['인권을', '인권'] });
  });

  it('bounds the size of a query', () => {
    const words = analyzeQuery(Array.from({ length: 100 }, (_, i) => `단어${i}`).join(' '));
    expect(words.length).toBeLessThanOrEqual(12);
    const long = analyzeQuery('가나다라마바사아자차카타파하'.repeat(50));
    expect(long[0]?.parts.length).toBeLessThanOrEqual(16);
  });
});

describe('choseong', () => {
  it('takes the initial consonant of each syllable and drops everything else', () => {
    expect(choseong('협치시정 활성화')).toBe('ㅎㅊㅅㅈㅎㅅㅎ');
    expect(choseong('TF팀 2024')).toBe('ㅌ');
    expect(choseong('ㄲ까')).toBe('ㄲ');
  });

  it('recognises a query made only of compatibility consonants', () => {
    expect(isChoseongQuery('ㅎㅊ')).toBe(true);
    expect(isChoseongQuery(' ㅎㅊ ㅅㅈ ')).toBe(true);
    expect(isChoseongQuery('ㅎㅊ 시정')).toBe(false);
    expect(isChoseongQuery('ㅏㅓ')).toBe(false);
    expect(isChoseongQuery('')).toBe(false);
  });
});

describe('qwertyToHangul', () => {
  it('reads Latin letters as keys of the 2-set Korean layout', () => {
    expect(qwertyToHangul('dlsrnjs')).toBe('인권');
    expect(qwertyToHangul('guqcl')).toBe('협치');
    expect(qwertyToHangul('dPtks')).toBe('예산'); // Shift matters
    // A run es-hangul cannot assemble (it threw "Invalid hangul Characters", found by the never-throws property).
    expect(qwertyToHangul('npR')).toBeNull();
    expect(qwertyToHangul('DLSRNJS')).toBe('인권'); // Caps Lock does not
    expect(qwertyToHangul('dlsrnjs 2580')).toBe('인권 2580');
  });

  it('is null without Latin letters or without a resulting syllable', () => {
    expect(qwertyToHangul('2580')).toBeNull();
    expect(qwertyToHangul('인권')).toBeNull();
    expect(qwertyToHangul('tf')).toBeNull(); // ㅅㄹ: no syllable
  });
});

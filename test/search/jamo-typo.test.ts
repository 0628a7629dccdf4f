import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeJamo, correctWord, keystrokes, substitutionCost } from '../../src/search/jamo-typo.js';

const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));

describe('composeJamo', () => {
  it('composes keystrokes back into the word they typed', () => {
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 6 }), (syllables) => {
        const word = syllables.join('');
        expect(composeJamo(keystrokes(word))).toBe(word);
      }),
    );
  });

  it('rejects keystrokes that leave a lone jamo', () => {
    expect(composeJamo([...'ㅇㅏㅏ'])).toBeNull();
    expect(composeJamo([...'ㄱㄱㅏ'])).toBeNull();
    expect(composeJamo([...'ㅎ'])).toBeNull();
    expect(composeJamo([...'ㅏ'])).toBeNull();
    expect(composeJamo([])).toBeNull();
  });
});

describe('correctWord', () => {
  const vocabulary = new Map([
    ['예산', 900],
    ['해산', 3],
    ['인권', 400],
    ['인구', 300],
    ['협치', 20],
    ['순찰', 15],
    ['김지', 2],
  ]);
  const frequency = (t: string) => vocabulary.get(t) ?? 0;

  it('fixes one wrong, missing or swapped keystroke', () => {
    expect(correctWord('에산', frequency)).toBe('예산'); // Shift slip ㅔ/ㅖ
    expect(correctWord('인궈', frequency)).toBe('인권'); // last jamo not typed
    expect(correctWord('헙치', frequency)).toBe('협치'); // neighbouring key ㅓ/ㅕ
    expect(correctWord('슌찰', frequency)).toBe('순찰');
  });

  it('leaves words alone that are not one cheap edit from a known term', () => {
    expect(correctWord('김치', frequency)).toBeNull(); // ㅊ→ㅈ is neither a neighbour nor a Shift slip
    expect(correctWord('레시피', frequency)).toBeNull();
    expect(correctWord('가', frequency)).toBeNull();
  });

  it('prices keyboard slips below unrelated keys', () => {
    expect(substitutionCost('ㅔ', 'ㅖ')).toBeLessThan(substitutionCost('ㅓ', 'ㅕ'));
    expect(substitutionCost('ㅓ', 'ㅕ')).toBeLessThan(substitutionCost('ㅇ', 'ㅎ'));
    expect(substitutionCost('ㄱ', 'ㄱ')).toBe(0);
  });
});

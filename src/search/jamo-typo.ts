/**
 * Jamo-level typo correction for query words that matched nothing ("에산" → 예산, "인궈" → 인권).
 *
 * Why jamo: one wrong key changes one jamo, but a whole syllable; a syllable-level edit distance of 1 on
 * a two-syllable word accepts almost anything. So a word is taken apart into the keystrokes that typed it
 * (es-hangul `disassemble`: 권 → ㄱㅜㅓㄴ), every single-keystroke edit is tried (substitute, insert,
 * delete, swap two neighbours), each edited sequence is composed back into syllables the way a 2-set
 * keyboard would compose it, and the results that are real index terms are ranked by a keyboard-aware
 * cost (Shift slips like ㅔ/ㅖ and sound-alikes like ㅔ/ㅐ cost less, an unfinished last syllable costs
 * little) and by how common they are. This needs no extra index and no start-up work: ~70 edits per jamo
 * of the word, each a dictionary lookup. The corrected word is then searched normally, so a correction
 * never bypasses ranking or confidence.
 */
import { disassemble } from 'es-hangul';

/** Keystrokes of the 2-set layout: basic consonants, Shift consonants, basic and Shift vowels. */
const KEYS = [...'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎㄲㄸㅃㅆㅉㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ'];
const VOWELS = new Set([...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ']);

const CHO = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const JUNG = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];
const JONG = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
const CHO_INDEX = new Map(CHO.map((c, i) => [c, i]));
const JUNG_INDEX = new Map(JUNG.map((c, i) => [c, i]));
const JONG_INDEX = new Map(JONG.map((c, i) => [c, i]));
/** Two keystrokes that make one vowel or one final cluster. */
const VOWEL_PAIRS = new Map([
  ['ㅗㅏ', 'ㅘ'],
  ['ㅗㅐ', 'ㅙ'],
  ['ㅗㅣ', 'ㅚ'],
  ['ㅜㅓ', 'ㅝ'],
  ['ㅜㅔ', 'ㅞ'],
  ['ㅜㅣ', 'ㅟ'],
  ['ㅡㅣ', 'ㅢ'],
]);
const FINAL_PAIRS = new Map([
  ['ㄱㅅ', 'ㄳ'],
  ['ㄴㅈ', 'ㄵ'],
  ['ㄴㅎ', 'ㄶ'],
  ['ㄹㄱ', 'ㄺ'],
  ['ㄹㅁ', 'ㄻ'],
  ['ㄹㅂ', 'ㄼ'],
  ['ㄹㅅ', 'ㄽ'],
  ['ㄹㅌ', 'ㄾ'],
  ['ㄹㅍ', 'ㄿ'],
  ['ㄹㅎ', 'ㅀ'],
  ['ㅂㅅ', 'ㅄ'],
]);
const FINAL_SPLIT = new Map([...FINAL_PAIRS].map(([pair, cluster]) => [cluster, pair]));

function syllable(cho: string, jung: string, jong: string): string {
  const code =
    0xac00 + (CHO_INDEX.get(cho) ?? 0) * 588 + (JUNG_INDEX.get(jung) ?? 0) * 28 + (JONG_INDEX.get(jong) ?? 0);
  return String.fromCharCode(code);
}

/**
 * Compose keystroke jamo into syllables as a 2-set keyboard does ("ㅇㅣㄴㄱㅜㅓㄴ" → "인권"). Null when
 * the keystrokes leave a lone jamo: such an edit cannot be the word the user meant.
 */
export function composeJamo(keys: readonly string[]): string | null {
  let out = '';
  let cho = '';
  let jung = '';
  let jong = '';
  const flush = () => {
    out += syllable(cho, jung, jong);
    cho = jung = jong = '';
  };
  for (const k of keys) {
    if (VOWELS.has(k)) {
      if (!cho) return null;
      if (!jung) {
        jung = k;
      } else if (!jong) {
        const pair = VOWEL_PAIRS.get(jung + k); // only simple vowels have pairs: 'ㅘ'+'ㅣ' has none
        if (!pair) return null;
        jung = pair;
      } else {
        // The final consonant (or the second half of a cluster) starts the next syllable.
        const split = FINAL_SPLIT.get(jong);
        const next = split ? (split[1] as string) : jong;
        jong = split ? (split[0] as string) : '';
        flush();
        cho = next;
        jung = k;
      }
    } else {
      if (!cho) {
        cho = k;
      } else if (!jung) {
        return null; // two initial consonants in a row
      } else if (!jong) {
        if (JONG_INDEX.has(k)) jong = k;
        else {
          flush();
          cho = k;
        }
      } else {
        const cluster = FINAL_PAIRS.get(jong + k);
        if (cluster) jong = cluster;
        else {
          flush();
          cho = k;
        }
      }
    }
  }
  if (!cho) return out || null;
  if (!jung) return null;
  flush();
  return out;
}

/** Keystrokes of a Hangul word: compound vowels and final clusters split (의 → ㅇㅡㅣ). */
export function keystrokes(word: string): string[] {
  return [...disassemble(word)];
}

/** 2-set (두벌식) layout rows, to call two keys "neighbours". */
const LAYOUT_ROWS = ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ', 'ㅋㅌㅊㅍㅠㅜㅡ'];
const ROW_OFFSET = [0, 0.25, 0.75];
const KEY_POS = new Map<string, [number, number]>();
LAYOUT_ROWS.forEach((row, r) => {
  [...row].forEach((ch, c) => {
    KEY_POS.set(ch, [r, c + (ROW_OFFSET[r] ?? 0)]);
  });
});
const SHIFT_PAIRS = new Set(['ㅂㅃ', 'ㅈㅉ', 'ㄷㄸ', 'ㄱㄲ', 'ㅅㅆ', 'ㅐㅒ', 'ㅔㅖ']);
/** Vowels that sound alike in today's speech and are confused in writing. */
const SOUND_ALIKE = new Set(['ㅐㅔ', 'ㅒㅖ']);
const SHIFT_BASE = new Map([
  ['ㄲ', 'ㄱ'],
  ['ㄸ', 'ㄷ'],
  ['ㅃ', 'ㅂ'],
  ['ㅆ', 'ㅅ'],
  ['ㅉ', 'ㅈ'],
  ['ㅒ', 'ㅐ'],
  ['ㅖ', 'ㅔ'],
]);

function pairKey(a: string, b: string): string {
  return a < b ? a + b : b + a;
}

/** Cost of typing `typed` where `meant` was meant. */
export function substitutionCost(typed: string, meant: string): number {
  if (typed === meant) return 0;
  const key = pairKey(typed, meant);
  if (SHIFT_PAIRS.has(key)) return 0.4;
  if (SOUND_ALIKE.has(key)) return 0.5;
  const pa = KEY_POS.get(SHIFT_BASE.get(typed) ?? typed);
  const pb = KEY_POS.get(SHIFT_BASE.get(meant) ?? meant);
  if (pa && pb && Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) <= 1.3) return 0.7;
  return 1;
}

const COST = { insertAtEnd: 0.5, insert: 1, delete: 1, swap: 0.7 } as const;

/** Costs above this are not corrections but other words: stricter for two syllables, where edits are cheap. */
function maxCost(syllables: number): number {
  return syllables <= 2 ? 0.7 : 1;
}

/** Slips this cheap (Shift, sound-alike, unfinished syllable) are trusted on any term. */
const CHEAP_COST = 0.5;

/**
 * The best single-keystroke correction of a Hangul word that `frequency` knows (frequency > 0), or null.
 * `frequency(term)` is how common a term is in the index (e.g. its document frequency). A dearer edit (a
 * neighbouring or unrelated key) is only trusted when `named(term)`: the term names something (a title,
 * a person, a department…), since any two-syllable word is one neighbouring key from some body word
 * ("로또" → 로고).
 */
export function correctWord(
  word: string,
  frequency: (term: string) => number,
  named: (term: string) => boolean = () => true,
): string | null {
  if (word.length < 2 || word.length > 8) return null;
  const keys = keystrokes(word);
  const limit = maxCost(word.length);
  let best: { term: string; rank: number } | null = null;
  const consider = (edited: string[], cost: number) => {
    if (cost > limit) return;
    const term = composeJamo(edited);
    if (!term || term === word || Math.abs(term.length - word.length) > 1) return;
    const f = frequency(term);
    if (f <= 0 || (cost > CHEAP_COST && !named(term))) return;
    // Frequency only breaks near-ties: 0.08 per decade of occurrences.
    const rank = cost - 0.08 * Math.log10(1 + f);
    if (!best || rank < best.rank) best = { term, rank };
  };
  for (let i = 0; i <= keys.length; i++) {
    for (const k of KEYS)
      consider([...keys.slice(0, i), k, ...keys.slice(i)], i === keys.length ? COST.insertAtEnd : COST.insert);
    if (i === keys.length) break;
    const typed = keys[i] as string;
    for (const k of KEYS)
      if (k !== typed) consider([...keys.slice(0, i), k, ...keys.slice(i + 1)], substitutionCost(typed, k));
    consider([...keys.slice(0, i), ...keys.slice(i + 1)], COST.delete);
    if (i + 1 < keys.length) {
      const swapped = [...keys];
      [swapped[i], swapped[i + 1]] = [keys[i + 1] as string, typed];
      consider(swapped, COST.swap);
    }
  }
  return (best as { term: string } | null)?.term ?? null;
}

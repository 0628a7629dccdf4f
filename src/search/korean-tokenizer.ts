/**
 * Korean-aware tokenizer for the project search index.
 *
 * Korean writes particles and endings onto the word ("인권을", "협치는") and writes compounds without
 * spaces ("인권보호거버넌스"), so whitespace tokens alone find almost nothing. For every word we emit:
 *  - the whole word, as written;
 *  - the word without a trailing particle/ending, kept beside the original (only when ≥2 syllables remain);
 *  - overlapping two-syllable pieces (bigrams) of Hangul runs of ≥3 syllables, so a compound is found by
 *    any of its parts and a part typed by the user matches inside a compound;
 *  - numbers and number-with-dash codes whole ("2-4-3", "2133-4299") plus the extension of a phone number.
 * Index and query share the same normalisation (NFC + lowercase). NFKC is avoided on purpose: it turns
 * compatibility jamo (ㅎㅊ) into conjoining jamo and breaks 초성 queries.
 */
import { convertQwertyToHangul } from 'es-hangul';
import { stripParticles } from '../domain/vocabulary.js';

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Compatibility consonants ㄱ..ㅎ (U+3131..U+314E). */
const JAMO_CONSONANT_FIRST = 0x3131;
const JAMO_CONSONANT_LAST = 0x314e;
/** Initial consonants in syllable order, as compatibility jamo. */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/** Whole tokens longer than this are not emitted (their bigrams still are): they are noise and cost memory. */
const MAX_WHOLE_TOKEN = 32;

export function isSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
}

function isJamoConsonant(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= JAMO_CONSONANT_FIRST && c <= JAMO_CONSONANT_LAST;
}

/** True when every character is a Hangul syllable (가..힣). */
export function isHangulWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < SYLLABLE_FIRST || c > SYLLABLE_LAST) return false;
  }
  return true;
}

/** NFC + lowercase; thousands separators inside numbers dropped ("5,365" → "5365"). */
export function normalize(text: string): string {
  return composeNumbers(text).toLowerCase();
}

function composeNumbers(text: string): string {
  return text.normalize('NFC').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** Words: dash-joined number codes first, then runs of letters/digits/marks. Emoji and punctuation split. */
const WORD_RE = /\p{N}+(?:-\p{N}+)+|[\p{L}\p{M}\p{N}]+/gu;
/** Script runs inside a word: Hangul syllables, compatibility jamo, digits, other letters. */
const RUN_RE = /[\uac00-\ud7a3]+|[\u3131-\u318e]+|\p{N}+|[^\uac00-\ud7a3\u3131-\u318e\p{N}]+/gu;
const CODE_RE = /^\p{N}+(?:-\p{N}+)+$/u;
const PHONE_RE = /^(?:\d{2,4}-)?\d{3,4}-(\d{4})$/;

function words(normalized: string): string[] {
  return normalized.match(WORD_RE) ?? [];
}

export { stripParticles };

/** Overlapping two-syllable pieces of a Hangul run of ≥3 syllables. */
export function bigrams(run: string): string[] {
  if (run.length < 3) return [];
  const out: string[] = [];
  for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** The pieces of one Hangul run: whole-word forms (full credit) and bigrams of its stem (partial credit). */
function hangulRunPieces(run: string): { forms: string[]; parts: string[] } {
  const stems = stripParticles(run);
  const forms = [run, ...stems].filter((f) => f.length >= 2 && f.length <= MAX_WHOLE_TOKEN);
  const stem = stems.length > 0 ? (stems[stems.length - 1] as string) : run;
  return { forms, parts: bigrams(stem) };
}

/** Extra tokens for a number code: the extension of a phone number ("2133-4299" → "4299"). */
function codeExtras(code: string): string[] {
  const m = PHONE_RE.exec(code);
  if (!m) return [];
  const groups = code.split('-');
  const extras = [m[1] as string];
  if (groups.length === 3) extras.push(groups.slice(1).join('-'));
  return extras;
}

/** One word (already normalised) → its index terms, in a stable order. */
function wordTerms(word: string): string[] {
  if (isHangulWord(word)) {
    // Fast path for the common case (a plain Hangul word): no regexes.
    const { forms, parts } = hangulRunPieces(word);
    return [...forms, ...parts];
  }
  if (CODE_RE.test(word)) return [word, ...codeExtras(word)];
  const runs = word.match(RUN_RE) ?? [];
  const out: string[] = [];
  if (runs.length > 1 && word.length <= MAX_WHOLE_TOKEN) out.push(word);
  for (const run of runs) {
    if (isSyllable(run)) {
      const { forms, parts } = hangulRunPieces(run);
      out.push(...forms, ...parts);
    } else if (run.length >= 2 && run.length <= MAX_WHOLE_TOKEN) {
      out.push(run);
    }
  }
  return out;
}

/**
 * Index-time tokenizer: whole words, particle-stripped forms, bigrams of Hangul runs, number codes and
 * phone extensions. Single characters are dropped (they are mostly "및", "등" or list numbers).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalize(text))) {
    for (const t of wordTerms(w)) if (t.length >= 2) out.push(t);
  }
  return out;
}

/**
 * Bigrams of a Hangul run's stem at even offsets only ("예산투자현황" → 예산, 투자, 현황): compounds are mostly
 * two-syllable words in a row, so these find a part where all overlapping bigrams would, at half the terms.
 */
export function alignedBigrams(run: string): string[] {
  const stems = stripParticles(run);
  const stem = stems.length > 0 ? (stems[stems.length - 1] as string) : run;
  if (stem.length < 3) return [];
  const out: string[] = [];
  for (let i = 0; i + 2 <= stem.length; i += 2) out.push(stem.slice(i, i + 2));
  return out;
}

/** One word (already normalised) → its running-text terms: `wordTerms` with aligned bigrams only. */
function runningWordTerms(word: string): string[] {
  if (isHangulWord(word)) return [...hangulRunPieces(word).forms, ...alignedBigrams(word)];
  if (CODE_RE.test(word)) return [word, ...codeExtras(word)];
  const runs = word.match(RUN_RE) ?? [];
  const out: string[] = [];
  if (runs.length > 1 && word.length <= MAX_WHOLE_TOKEN) out.push(word);
  for (const run of runs) {
    if (isSyllable(run)) out.push(...hangulRunPieces(run).forms, ...alignedBigrams(run));
    else if (run.length <= MAX_WHOLE_TOKEN) out.push(run);
  }
  return out;
}

/**
 * Running-text tokenizer: like `tokenize`, but a Hangul word gets its aligned bigrams only (see
 * `alignedBigrams`). Bodies are most of a record's text: all overlapping bigrams would make them most of
 * the index, for the matches that weigh least. A query's bigrams still meet them: "예산" finds 소요예산.
 */
export function tokenizeRunningText(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalize(text))) {
    for (const t of runningWordTerms(w)) if (t.length >= 2) out.push(t);
  }
  return out;
}

/** Kinds of query words; they decide which fields and which matching (prefix or exact) a word gets. */
export type QueryWordKind = 'hangul' | 'choseong' | 'number' | 'latin' | 'mixed';

/** One word of a query: `forms` match the word fully, `parts` (bigrams/pieces) give partial credit. */
export interface QueryWord {
  /** Normalised (lowercase) word. */
  word: string;
  /** The word as typed (case kept: Shift matters for the wrong-keyboard fallback). */
  raw: string;
  kind: QueryWordKind;
  forms: string[];
  parts: string[];
}

/** Bounds that keep a hostile or pasted query cheap: words, pieces per word, characters. */
export const QUERY_LIMITS = { maxChars: 256, maxWords: 12, maxPartsPerWord: 16 } as const;

function classify(word: string): QueryWordKind {
  if (CODE_RE.test(word) || /^\p{N}+$/u.test(word)) return 'number';
  if ([...word].every(isJamoConsonant)) return 'choseong';
  if (isHangulWord(word)) return 'hangul';
  if (/^[\p{L}\p{M}]+$/u.test(word) && !/[\uac00-\ud7a3\u3131-\u318e]/u.test(word)) return 'latin';
  return 'mixed';
}

/**
 * Query analysis. Per word: the whole word and its particle-stripped forms (full credit), and the bigrams
 * of its stem when it is a Hangul word of ≥3 syllables (partial credit, so "인권보호거버넌스" finds a title
 * written "인권보호 거버넌스"). Mixed words ("tf팀", "코로나19") get their script runs as parts.
 */
export function analyzeQuery(text: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  // Split before lowercasing so each word keeps its typed form; lowercasing never moves a word boundary.
  for (const raw of words(composeNumbers(text.slice(0, QUERY_LIMITS.maxChars)))) {
    if (out.length >= QUERY_LIMITS.maxWords) break;
    const word = raw.toLowerCase();
    if (seen.has(word)) continue;
    const kind = classify(word);
    let forms: string[];
    let parts: string[];
    if (kind === 'hangul') {
      ({ forms, parts } = hangulRunPieces(word));
    } else if (kind === 'number') {
      forms = [word];
      parts = codeExtras(word);
    } else if (kind === 'mixed') {
      forms = word.length <= MAX_WHOLE_TOKEN ? [word] : [];
      parts = wordTerms(word).filter((t) => t !== word && t.length >= 2);
    } else {
      forms = word.length <= MAX_WHOLE_TOKEN ? [word] : [];
      parts = [];
    }
    forms = forms.filter((f) => f.length >= 2 || kind === 'choseong');
    parts = [...new Set(parts)].filter((p) => !forms.includes(p)).slice(0, QUERY_LIMITS.maxPartsPerWord);
    if (forms.length === 0 && parts.length === 0) continue;
    seen.add(word);
    out.push({ word, raw, kind, forms, parts });
  }
  return out;
}

/** Query terms (whole words, particle-stripped forms, bigrams of long Hangul words), without duplicates. */
export function tokenizeQuery(text: string): string[] {
  const out = new Set<string>();
  for (const w of analyzeQuery(text)) for (const t of [...w.forms, ...w.parts]) out.add(t);
  return [...out];
}

/** Initial consonants of the Hangul syllables of `text`; every other character is left out. */
export function choseong(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) out += CHOSEONG.charAt(Math.floor((c - SYLLABLE_FIRST) / 588));
  }
  return out;
}

/** A query made only of compatibility consonants ㄱ..ㅎ (spaces allowed), e.g. "ㅎㅊ". */
export function isChoseongQuery(q: string): boolean {
  const s = q.normalize('NFC').replace(/\s+/g, '');
  return s.length > 0 && [...s].every(isJamoConsonant);
}

/**
 * Wrong-keyboard fallback: Latin letters typed on a 2-set Korean layout ("dlsrnjs" → "인권").
 * Case is kept because Shift picks ㅆ/ㅖ/ㄲ…; other characters pass through. Null when there is nothing
 * to convert or the conversion yields no complete syllable.
 */
export function qwertyToHangul(q: string): string | null {
  if (!/[a-z]/i.test(q)) return null;
  // A run in capitals only is Caps Lock rather than Shift: "DLSRNJS" means 인권, not 인꿘.
  const converted = q
    .normalize('NFC')
    .replace(/[a-z]+/gi, (run) => {
      // es-hangul throws on some key runs it cannot assemble ("npR" → ㅜ, ㅜㅔ, ㄲ): such a run stays as typed.
      try {
        return convertQwertyToHangul(run.length > 1 && run === run.toUpperCase() ? run.toLowerCase() : run);
      } catch {
        return run;
      }
    });
  return /[\uac00-\ud7a3]/u.test(converted) ? converted : null;
}

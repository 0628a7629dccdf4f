/**
 * What a search record is, its fields and their boosts, and how each field becomes index terms: MiniSearch
 * reads a field's text with `fieldText` (its `extractField`) and splits it with `fieldTokens` (its `tokenize`).
 */
import { choseong, isHangulWord, normalize, tokenize, tokenizeRunningText } from './korean-tokenizer.js';

export interface SearchDoc {
  id: string;
  title: string;
  aliases: string[];
  code: string | null;
  organization: string | null;
  department: string | null;
  teams: string[];
  people: string[];
  milestones: string[];
  /** 사업구분 or the strategy a task sits under ("뉴미디어를 통한 활발한 시민 소통…"). Optional for older callers. */
  category?: string | null;
  body: string;
}

/** The indexed fields, in the order `SearchHit.matchedFields` lists them. */
export const FIELDS = [
  'body',
  'title',
  'aliases',
  'code',
  'organization',
  'department',
  'teams',
  'people',
  'milestones',
  'category',
  'choseong',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields a plain (non-초성) query word is searched in. */
export const TEXT_FIELDS: readonly Field[] = FIELDS.filter((f) => f !== 'choseong');
/** Fields that name the project itself: its title, other names, code, 사업구분, and their 초성. */
export const PROJECT_NAME_FIELDS: readonly Field[] = ['title', 'aliases', 'code', 'category', 'choseong'];
/**
 * Fields that name a project or who runs it (the record's names, see `recordNames`, and its people). A match only
 * elsewhere (body, milestones) is a match on what the document says, not on what it is called.
 */
export const NAMING_FIELDS: readonly Field[] = [...PROJECT_NAME_FIELDS, 'organization', 'department', 'teams', 'people'];

/** Field boosts: a title/alias or person match must beat any body match. */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = {
  title: 12,
  aliases: 10,
  code: 6,
  people: 5,
  department: 4,
  organization: 4,
  teams: 3,
  milestones: 2,
  category: 2,
  body: 1,
  choseong: 6,
};

/** Administrative suffixes, so "인천" finds 인천광역시 and "영등포" finds 영등포구. */
const ORG_SUFFIX = /(특별자치시|특별자치도|특별시|광역시|시|군|구|도)$/;

function orgTerms(org: string): string[] {
  if (!org) return [];
  const shorts = normalize(org)
    .split(/\s+/)
    .map((w) => w.replace(ORG_SUFFIX, ''))
    .filter((w) => w.length >= 2);
  // A set: MiniSearch counts repeats as term frequency, and a short form repeats a token ("인천").
  return [...new Set([...tokenize(org), ...shorts])];
}

/** 초성 of every Hangul term of title, aliases and department, plus of each of those whole ("ㅎㅊㅅㅈㅎㅅㅎ"). */
function choseongTerms(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const t of tokenize(text)) if (isHangulWord(t)) out.add(choseong(t));
    const whole = choseong(text);
    if (whole.length >= 2 && whole.length <= 32) out.add(whole);
  }
  return [...out];
}

function codeTerms(text: string): string[] {
  const code = normalize(text).trim();
  return code && !/\s/.test(code) ? [...new Set([code, ...tokenize(code)])] : tokenize(code);
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const list = (xs: unknown): string[] => (Array.isArray(xs) ? xs.map(str) : []);

/**
 * The text of one field of a record, as MiniSearch reads it. The 초성 field is derived from title, aliases
 * and department, passed as a JSON array so each keeps its own whole-text 초성.
 */
export function fieldText(doc: SearchDoc, field: Field): string {
  switch (field) {
    case 'choseong':
      return JSON.stringify([str(doc.title), ...list(doc.aliases), str(doc.department)]);
    case 'aliases':
    case 'teams':
    case 'people':
    case 'milestones':
      return list(doc[field]).join('\n');
    default:
      return str(doc[field]);
  }
}

/**
 * The index terms of a field's text (from `fieldText`). Naming fields get every bigram of a compound, so it
 * is found by any of its parts; the body only its aligned bigrams (`tokenizeRunningText`), which keeps the
 * body — most of a record's text — from being most of the index.
 */
export function fieldTokens(text: string, field: Field): string[] {
  if (text === '') return [];
  switch (field) {
    case 'body':
      return tokenizeRunningText(text);
    case 'code':
      return codeTerms(text);
    case 'organization':
      return orgTerms(text);
    case 'choseong':
      return choseongTerms(list(JSON.parse(text)));
    default:
      return tokenize(text);
  }
}

/** The index terms of one field of a record. */
export function fieldTerms(doc: SearchDoc, field: Field): string[] {
  return fieldTokens(fieldText(doc, field), field);
}

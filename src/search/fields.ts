/**
 * What a search record is and how each of its fields is turned into index terms.
 */
import { choseong, isHangulWord, normalize, tokenize } from './korean-tokenizer.js';
import type { Field } from './postings.js';

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
  body: string;
}

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
  body: 1,
  choseong: 6,
};

/** Administrative suffixes, so "인천" finds 인천광역시 and "영등포" finds 영등포구. */
const ORG_SUFFIX = /(특별자치시|특별자치도|특별시|광역시|시|군|구|도)$/;

function orgTerms(org: string | null): string[] {
  if (!org) return [];
  const shorts = normalize(org)
    .split(/\s+/)
    .map((w) => w.replace(ORG_SUFFIX, ''))
    .filter((w) => w.length >= 2);
  return [...tokenize(org), ...shorts];
}

/** 초성 of every Hangul term of title, aliases and department, plus of the whole title ("ㅎㅊㅅㅈㅎㅅㅎ"). */
function choseongTerms(doc: SearchDoc): string[] {
  const out = new Set<string>();
  for (const text of [doc.title, ...doc.aliases, doc.department ?? '']) {
    for (const t of tokenize(text)) if (isHangulWord(t)) out.add(choseong(t));
    const whole = choseong(text);
    if (whole.length >= 2 && whole.length <= 32) out.add(whole);
  }
  return [...out];
}

/** The index terms of one field of a record. */
export function fieldTerms(doc: SearchDoc, field: Field): string[] {
  const list = (xs: readonly string[] | undefined) => tokenize((xs ?? []).join('\n'));
  switch (field) {
    case 'body':
      return tokenize(doc.body ?? '');
    case 'title':
      return tokenize(doc.title ?? '');
    case 'aliases':
      return list(doc.aliases);
    case 'code': {
      const code = normalize(doc.code ?? '').trim();
      return code && !/\s/.test(code) ? [code, ...tokenize(code)] : tokenize(code);
    }
    case 'organization':
      return orgTerms(doc.organization);
    case 'department':
      return tokenize(doc.department ?? '');
    case 'teams':
      return list(doc.teams);
    case 'people':
      return list(doc.people);
    case 'milestones':
      return list(doc.milestones);
    case 'choseong':
      return choseongTerms(doc);
  }
}

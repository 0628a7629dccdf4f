/**
 * A fact about a part of one document: "테마산책길 몇 개소 선정됐어", "2016 학생 건축학교 수료인원", "사회적경제 특구 2차
 * 준비사업 지원금". The project is found by its title; the part asked is named only in the body, where the
 * documents write it as an outline item with its value on the item or on a sub-item under it:
 *
 *   ○ 사회적경제 특구 2차 준비사업 공모 및 선정(’16. 6. 16.)
 *     - 금천구 외 4개 자치구에 총 90백만원 지원
 *
 * The answer is that line, quoted with its heading, never a figure lifted out of it: the question's words must
 * be on the line or its heading, and the line must hold a value of the kind asked (a count for "몇 개소", an
 * amount for "지원금", a date for "언제"). Two lines that fit equally well are both quoted.
 */
import { recordNames } from '../domain/project.js';
import type { DocBlock } from '../domain/doc-model.js';
import type { StoredRecord } from '../store/store.js';
import { recordBlocks } from './blocks.js';
import type { Knowledge } from './knowledge.js';
import { queryWords, yearAsked } from './passages.js';
import { type QuotedLine, quoteOf } from './quote.js';

/** What kind of value the question asks for, read off its asking words. */
type Shape = 'date' | 'money' | 'count' | 'people' | 'size' | 'figure';

// A figure's digits are bounded ({0,20}): unbounded, a long run of digits was rescanned from each of them (quadratic).
const SHAPES: Record<Shape, RegExp> = {
  date: /[’‘'`]\s?\d{2}\s?[.년]|(?:19|20)\d{2}\s?[.년]|\d{1,2}\s?월|\d{1,2}\.\s?\d{1,2}\./,
  money: /\d[\d,.]{0,20}\s*(?:(?:조|억|천만|백만|만|천)\s*)?원/,
  count: /\d[\d,]{0,20}\s*(?:개소|개교|개사|개|곳|명|호|건|회|대|석|세트|가족|팀|권|km|㎞|m²|㎡)/,
  people: /\d[\d,]{0,20}\s*명/,
  size: /\d[\d,.]{0,20}\s*(?:km|㎞|m²|㎡|m|평|ha|㏊)/,
  figure: /\d/,
};

function shapeAsked(query: string): Shape {
  const q = query.replace(/\s+/g, '');
  if (/언제|시기|날짜|며칠|몇월|개통일|완료일/.test(q)) return 'date';
  if (/얼마|금액|지원금|사업비|비용|한도|단가|보조금|융자/.test(q)) return 'money';
  if (/인원|몇명|명수|참가자|수료자/.test(q)) return 'people';
  if (/길이|거리|연장|면적|넓이/.test(q)) return 'size';
  if (/몇|개수|규모|수량/.test(q)) return 'count';
  return 'figure';
}

/**
 * Words that say what is asked rather than which part ("개통했어", "몇 개소", "목표"): a line holding one is
 * preferred, but none is required.
 */
const ASKING_TAIL = /^(?:언제|시기|날짜|얼마|금액|인원|개수|개소|규모|수량|길이|거리|연장|면적|넓이|목표|현황|실적|결과|완료|개통|선정|설치|운영|조성|추진|확대|해|했|됐|돼|하나|되나)/;
/** What the project's own card already answers (its budget, owner, state): not a part of the project. */
const CARD_WORD = /^(?:총?사업비|소요|소요예산|예산|집행|집행액|집행률|담당|담당자|담당부서|부서|연락처|전화|전화번호|내선|코드|사업구분|구분|추진상황|상황|연도)$/;
/** Words of every project ("사업", "추진"): they name no part. */
const GENERIC = /^(?:사업|과제|계획|내용|관련|세부|주요|정책|프로젝트)$/;
const VERB_ENDING = /(?:했어요?|됐어요?|했나요?|됐나요?|하나요?|되나요?|해요?|돼요?|했|됐|된|한|할|될)$/;

/** A year block's heading ("< 2016년 >", "【2016년】" read as a heading "2016년", or "(’16)" as a line). */
const YEAR_TEXT = /^\s*(?:’|‘|')?\d{2,4}\s*(?:년\s*)?$/;
const YEAR_BLOCK = /^\s*[<〈《【[(]\s*(?:’|‘|')?\d{2,4}\s*(?:년\s*)?[>〉》】\])]\s*$/;
/** A section name after a glyph the PDF extraction could not map (" 최종목표"): a paragraph of the model. */
const GLYPH_SECTION = /^\s*[\uE000-\uF8FF]\s*[가-힣]/;
const DAY = /\d{1,2}\.\s?\d{1,2}\.?(?!\d)|\d{1,2}월\s?\d{1,2}일/;
/** "-  1085  -": a page number between the lines of one item (read as an item "1085 -"). */
const PAGE_NUMBER = /^\s*-?\s*\d{1,4}\s*-\s*$/;

/** An item wrapped over more lines than this is not one: it is a run of lines the model could not split. */
const MAX_ITEM_LINES = 5;

/** A year block, a section, an outline item (□ ○ 가. "1."), a sub-item under one (- · ※ (1) ①), or a line. */
type Role = 'year' | 'section' | 'outline' | 'sub' | 'line';

function roleOf(b: DocBlock): Role {
  const t = b.text.trim();
  if (b.kind === 'heading') return YEAR_TEXT.test(t) ? 'year' : b.level >= 2 && t.length <= 30 ? 'section' : 'outline';
  if (b.kind === 'item') return b.level <= 1 ? 'outline' : 'sub';
  if (YEAR_BLOCK.test(t)) return 'year';
  if (GLYPH_SECTION.test(t) && t.length <= 30) return 'section';
  return 'line';
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

interface Scored {
  line: QuotedLine;
  wrap: QuotedLine | null;
  heading: QuotedLine | null;
  score: number;
}

/** The blocks of the record that answer the part asked, each quoted whole with its lines (see the top of the file). */
export function detailLines(query: string, r: StoredRecord, knowledge: Knowledge): QuotedLine[] {
  const title = squash(recordNames(r.record).join(' '));
  // "16년" is the year asked (read below), not a word of the part.
  const words = queryWords(query).filter((w) => !title.includes(w) && !/^\d{2}년도?$/.test(w));
  // The part asked: words the title does not explain, without those that only ask.
  const tail = words.filter((w) => ASKING_TAIL.test(w)).map((w) => w.replace(VERB_ENDING, '')).filter((w) => w.length >= 2);
  const asked = shapeAsked(query);
  // "진격의 스마통 몇 개소 설치했어": the title names the part; the asking words ("설치", "개소") find the line, but
  // only for a value of a definite kind (a count, an amount, a date), not any figure.
  // "… 담당부서", "… 소요예산": the card answers, whatever part is named beside it.
  if (words.some((w) => CARD_WORD.test(w))) return [];
  const named = words.filter((w) => !ASKING_TAIL.test(w) && !GENERIC.test(w));
  const part = named.length > 0 ? named : asked === 'figure' ? [] : tail;
  if (part.length === 0) return [];
  const shape = SHAPES[asked];
  const year = yearAsked(query.replace(/(^|\s)(\d{2})년/, (_, s: string, yy: string) => `${s}20${yy}년`));
  const yearForms = year === null ? [] : [String(year), `’${String(year).slice(2)}`, `‘${String(year).slice(2)}`, `'${String(year).slice(2)}`];
  const blocks = recordBlocks(knowledge, r);
  const scored: Scored[] = [];
  let heading: QuotedLine | null = null;
  let yearBlock: string | null = null;
  let section = '';
  blocks.forEach((b, k) => {
    const text = b.text.trim();
    if (!/[가-힣A-Za-z0-9]/.test(text) || PAGE_NUMBER.test(text)) return;
    // Lines of a form flattened one cell a line ("예산" / "120,000,000" / "지출" / "0" …) run together into one
    // long paragraph: not an item of the body, and what it holds is the record's card, not a part of it.
    if (b.lines[1] - b.lines[0] >= MAX_ITEM_LINES) return;
    const role = roleOf(b);
    if (role === 'year') {
      yearBlock = text;
      return;
    }
    if (role === 'section') {
      section = squash(text);
      heading = null;
      return;
    }
    const isHeading = role === 'outline';
    const n = b.lines[0];
    if (isHeading) heading = quoteOf(b);
    // An item whose last words stand apart after a blank line ("- … 1로(2.5km)에 역사적 스토리가 담긴" / "G밸리
    // 관광첨단 메인스트리트 조성") is read whole.
    const wrap = role === 'outline' || role === 'sub' ? continuation(b, blocks[k + 1]) : null;
    const whole = wrap ? `${text} ${wrap.text}` : text;
    if (!shape.test(whole)) return;
    const own = squash(whole);
    const above = `${!isHeading && heading ? squash(heading.text) : ''} ${section}`;
    const onLine = part.filter((w) => own.includes(w)).length;
    const inHeading = part.filter((w) => !own.includes(w) && above.includes(w)).length;
    // Most of the part asked is named on the line or its heading; a line naming none of it is the value of the
    // item right above it ("- 금천구 외 4개 자치구에 총 90백만원 지원" under its ○ heading).
    const nextToHeading = !isHeading && heading !== null && n - (heading.to ?? heading.line) <= 6;
    const need = named.length > 0 ? Math.ceil((part.length * 2) / 3) : 1;
    if ((onLine === 0 && !nextToHeading) || onLine + inHeading < need) return;
    // Words named on the line or its heading count alike; on the line itself, a little more.
    let score = (onLine + inHeading) * 2 + onLine * 0.5 + tail.filter((w) => own.includes(w) || above.includes(w)).length * 0.5;
    // A day written ("’16. 3. 15.") answers "언제" more exactly than a half-year ("’16년 상반기").
    if (asked === 'date' && DAY.test(text)) score += 0.25;
    if (yearForms.length) {
      const context = `${text} ${isHeading ? '' : (heading?.text ?? '')} ${yearBlock ?? ''}`;
      if (yearForms.some((y) => context.includes(y))) score += 1.5;
      else if (/(?:19|20)\d{2}|[’‘']\d{2}/.test(context)) score -= 1;
    }
    scored.push({ line: quoteOf(b, score), wrap, heading: isHeading ? null : heading, score });
  });
  if (scored.length === 0) return [];
  const top = Math.max(...scored.map((s) => s.score));
  // A near tie is quoted too (the reader tells a plan's half-year from the day it was done).
  const best = scored.filter((s) => s.score >= top - 0.5).sort((a, b) => b.score - a.score || a.line.line - b.line.line).slice(0, 2);
  best.sort((a, b) => a.line.line - b.line.line);
  const out: QuotedLine[] = [];
  for (const s of best) for (const l of [s.heading, s.line, s.wrap]) if (l && !out.some((o) => o.line === l.line)) out.push(l);
  return out.sort((a, b) => a.line - b.line);
}

/** The next block when it ends the item: a short paragraph after a blank line, the item not ending a sentence. */
function continuation(item: DocBlock, next: DocBlock | undefined): QuotedLine | null {
  if (!next || /(?:다|함|음|임|됨)\.?$|[.。]$/.test(item.text.trim())) return null;
  const t = next.text.trim();
  if (next.kind !== 'paragraph' || next.lines[0] > item.lines[1] + 3 || YEAR_BLOCK.test(t) || GLYPH_SECTION.test(t) || PAGE_NUMBER.test(t) || t.length > 60) return null;
  return quoteOf(next);
}

/**
 * The general answerer: any question over any document. The question's subject words find passages (paragraphs,
 * list items with their parent, table rows with their headers) through the store's full-text index; the document
 * that holds most of the subject is the one asked about; within it, the passage that holds the subject and a
 * value of the kind asked is the answer. The value is stated as the passage writes it, with the passage quoted and
 * its document, section and lines cited. No passage with such a value: "not found", with the nearest passages.
 */
import type { DocBlock } from '../../domain/doc-model.js';
import type { Contact } from '../../domain/project.js';
import { officeStem } from '../departments.js';
import { citeSpans } from '../format.js';
import type { Knowledge } from '../knowledge.js';
import { type Block, fields, list, type Reply, reply, text } from '../reply.js';
import type { PassageDocument, StoredPassage } from './passage-store.js';
import { type Question, readQuestion, type Shape } from './question.js';
import { durationsOf, figureCells, holdsValue, type ValueSpan, valuesOf } from './values.js';

const CANDIDATES = 400;
const PER_DOCUMENT = 300;
/** The lines of a document's head: its title block, release line, site or event name. */
const HEAD_LINES = 15;
// Brackets and quotes are dropped too: '부산유(U)창업패키지' writes 'U창업패키지'.
export const squash = (s: string) => s.replace(/[\s()[\]{}'"‘’“”「」『』]+/g, '').toLowerCase();
const UNIT_NAME = /(?:과|팀|담당관|국|실|센터|본부|사업소|위원회)$/;
/** Words every document writes: they never decide which document is asked about. */
const GENERIC = /^(?:사업|사업들|추진|운영|계획|관리|지원|결과|보고|요청|지급|현황|내용|관련|없는|있는|우리|올해|작년|이번|전체|모든|(?:건|인|1인|기업|개사|회|명|가구|세대|개소|업체|팀)당)$/;

const PREDICATE = /(?:[아어해돼봐줘니까]|해요|했어|나요)$/;

/** A word is in a text when it is written there, or (a compound of 4+ letters) most of its two-letter parts are. */
export function wordIn(word: string, flat: string): boolean {
  if (flat.includes(word)) return true;
  // "사원급": the rank of 사원.
  if (/^[가-힣]{2,}급$/.test(word) && flat.includes(word.slice(0, -1))) return true;
  for (const set of SAME_WORDS) {
    const own = set.find((w) => word.includes(w));
    if (own && set.some((w) => w !== own && flat.includes(word.replace(own, w)))) return true;
  }
  // "대변인실", "감사담당관실": the office of a unit the document names without 실.
  const stem = officeStem(word);
  if (stem && flat.includes(stem)) return true;
  // A unit's name is written whole or not at all: "빅데이터통계담당관" is not 빅데이터 + 통계 + 담당관.
  if (word.length < 4 || !/^[가-힣]+$/.test(word) || UNIT_NAME.test(word)) return false;
  let hit = 0;
  for (let i = 0; i + 1 < word.length; i++) if (flat.includes(word.slice(i, i + 2))) hit++;
  return hit / (word.length - 1) >= 0.67 || writtenApart(word, flat);
}

/** One spelling of a measure's name: 율 and 률 are one suffix, and a rise or fall is read in a column of changes (증감률). */
const spelled = (flat: string) => flat.replace(/율/g, '률').replace(/(?:증가|감소|변동)률/g, '증감률');

/** Words administrative writing uses for one another ("참가 대상" is written "참여대상"). */
const SAME_WORDS = [
  ['참가', '참여'],
  ['공연', '연주회', '음악회', '콘서트'],
];

/** "해외투자" in "해외직접투자": the word's two halves in order, a short word between them. */
function writtenApart(word: string, flat: string): boolean {
  for (let k = 2; k + 2 <= word.length; k++) {
    const head = word.slice(0, k);
    const tail = word.slice(k);
    for (let i = flat.indexOf(head); i >= 0; i = flat.indexOf(head, i + 1)) {
      const j = flat.indexOf(tail, i + k);
      if (j >= 0 && j - (i + k) <= 3) return true;
    }
  }
  return false;
}

interface Scored {
  passage: StoredPassage;
  inText: boolean[];
  inContext: boolean[];
  score: number;
  /** False when the passage, its headings and parent hold none of the words naming what is asked (only the head does). */
  placed?: boolean;
  /** Share of the words the document's head does not write that the passage itself holds. */
  local?: number;
  values: ValueSpan[];
}

export interface GeneralAnswer {
  reply: Reply;
  trace: string;
  /** Some word naming what is asked is written in no document: nothing was looked for past it. */
  unwritten?: boolean;
  /** The passage answering holds none of the words naming it within its document (only its title or head does). */
  weak?: boolean;
  /** The family that read the answering document ('generic' when none knew it). */
  family?: string;
}

const SHAPE_LABEL: Record<Shape, string> = {
  amount: '금액',
  date: '일시·기간',
  count: '수',
  person: '담당',
  phone: '연락처',
  organisation: '기관·부서',
  place: '장소',
  rate: '비율',
  quantity: '수치',
  docnumber: '번호',
  state: '내용',
  fact: '내용',
};

/** Shape words that only ask ("얼마", "언제"); the others name a measure ("예산", "상금") the passage must write. */
const ASKING_SHAPE = /^(?:얼마|언제|몇.*|어디.*|누구|까지|기간|일정|일시|시간|전화|연락처|.*번호|%|비율|장소|위치|규모|나이|연령|쪽수|배수|이메일|메일|e-?mail)$/i;

/** Words asking a facet of the thing ("나이 기준", "참가 대상"): the passage giving it need not write them. */
const ASPECT = /^(?:기준|대상|조건|요건|자격|방법|방식|절차|목적|범위|내용|종류|형태|최대|최소|최고|최저|평균|총)$/;
const DEADLINE = /^(?:마감|마감일|기한|까지|종료|종료일)$/;
/** "(이하 'GR-시뮬레이터')", "(이하 “공단”이라 한다)": the short name a document gives what it is about. */
const ALIAS = /\(\s*이하\s*[‘'“"「]?\s*([^)’'”"」]{1,30}?)\s*[’'”"」]?\s*(?:이라\s*(?:한다|함)|라\s*(?:한다|함))?\s*\)/;
const PLANNED = /향후|계획|일정|예정|추진\s*방향|로드맵|추진절차/;
const DONE = /실적|추진\s*현황|추진\s*경과|성과|결과|경위/;

/** `q`: the question as the caller already read it (the fall-through reads it once per message). */
export function generalAnswer(message: string, knowledge: Knowledge, q: Question = readQuestion(message)): GeneralAnswer | null {
  if (q.subject.length === 0) return null;
  const found = knowledge.passages.search(q.subject.join(' '), CANDIDATES);
  if (found.length === 0) return null;
  const docs = new Map<number, PassageDocument | undefined>();
  const docOf = (v: number) => {
    if (!docs.has(v)) docs.set(v, knowledge.passages.document(v));
    return docs.get(v);
  };
  // Which subject words each document holds anywhere (title, sections, passages found).
  const docWords = new Map<number, boolean[]>();
  const docExact = new Map<number, boolean[]>();
  const scored: Scored[] = [];
  const seenIds = new Set<number>();
  const consider = (p: StoredPassage) => {
    const doc = docOf(p.versionId);
    if (!doc || seenIds.has(p.id)) return;
    seenIds.add(p.id);
    const flatText = squash(p.block.text);
    const flatContext = squash([doc.meta.title, ...p.block.section, p.block.parent ?? '', ...(p.block.table?.header ?? [])].join(' '));
    const inText = q.subject.map((w) => wordIn(w, flatText));
    const inContext = q.subject.map((w) => wordIn(w, flatContext));
    const seen = docWords.get(p.versionId) ?? q.subject.map(() => false);
    docWords.set(p.versionId, seen.map((s, i) => s || inText[i]! || inContext[i]!));
    const exact = docExact.get(p.versionId) ?? q.subject.map(() => false);
    docExact.set(p.versionId, exact.map((s, i) => s || flatText.includes(q.subject[i]!) || flatContext.includes(q.subject[i]!)));
    scored.push({ passage: p, inText, inContext, score: 0, values: passageValues(q, p.block) });
  };
  for (const p of found) consider(p);
  const n = q.subject.length;
  // Words written as asked count before words pieced together from their parts; a tie goes to both.
  // The words naming the thing decide the document; a word asking for the value ("마감", "예산") may be unwritten.
  const naming = q.subject.map((w) => !q.shapeWords.includes(w) && !GENERIC.test(w));
  // The question's last word in a spoken verb ending ("뽑아", "지원해") is its predicate, unless the document the other
  // words find writes it.
  const last = q.subject.length - 1;
  const predicate = last > 0 && naming[last] && PREDICATE.test(q.subject[last]!) && q.text.replace(/[?？!.\s]+$/, '').toLowerCase().endsWith(q.subject[last]!);
  if (predicate) naming[last] = false;
  if (!naming.some(Boolean)) return null;
  let nn = naming.filter(Boolean).length;
  // A document whose title names what is asked is about it, before one that mentions it in a row.
  // (Each title squashed once: docShare is asked for every passage scored.)
  const titles = new Map<number, string>();
  const titled = (v: number) => {
    let t = titles.get(v);
    if (t === undefined) titles.set(v, (t = squash(docOf(v)?.meta.title ?? '')));
    return q.subject.filter((w, i) => naming[i] && t!.includes(w)).length / (nn * 20);
  };
  const docShare = (v: number) =>
    (docWords.get(v) ?? []).filter((x, i) => x && naming[i]).length / nn +
    (docExact.get(v) ?? []).filter(Boolean).length / (n * 10) +
    titled(v);
  let bestDocShare = Math.max(0, ...[...docWords.keys()].map(docShare));
  if (predicate && [...docWords.keys()].some((v) => docShare(v) === bestDocShare && docWords.get(v)![last])) {
    naming[last] = true;
    nn++;
    bestDocShare = Math.max(0, ...[...docWords.keys()].map(docShare));
  }
  // Every naming word of a short question, three in four of a long one: a word no document writes is not guessed past.
  // (The share of the words written, without the tie-breaks of exact words and the title.)
  const coverage = Math.max(0, ...[...docWords.values()].map((w) => w.filter((x, i) => x && naming[i]).length / nn));
  if (coverage < (nn <= 2 ? 1 : 0.75)) return unwritten(q, naming, found, docWords, docShare, bestDocShare, docOf);
  // The documents the question is about are read whole: a passage of theirs holding only their common words
  // ("부산") is not among the best of all documents, yet may be the one asked for.
  for (const v of [...docWords.keys()].filter((v) => docShare(v) === bestDocShare).slice(0, 3)) {
    for (const p of knowledge.passages.search(q.subject.join(' '), PER_DOCUMENT, v)) consider(p);
  }
  bestDocShare = Math.max(0, ...[...docWords.keys()].map(docShare));
  // Words the head of a document writes (its title, its first lines: "석성정수장", the event's name) name every
  // passage of it: a table row under the site's name need not repeat it.
  const head = new Map<number, boolean[]>();
  for (const s of scored) {
    // A name the document gives its subject ("시뮬레이터*(이하 GR-시뮬레이터)") names it as its head does.
    const alias = ALIAS.exec(s.passage.block.text)?.[1];
    if (alias) {
      const flatAlias = squash(alias);
      const seen = head.get(s.passage.versionId) ?? q.subject.map(() => false);
      head.set(s.passage.versionId, seen.map((x, i) => x || flatAlias.includes(q.subject[i]!)));
    }
    if (s.passage.block.lines[0] > HEAD_LINES) continue;
    const seen = head.get(s.passage.versionId) ?? q.subject.map(() => false);
    head.set(s.passage.versionId, seen.map((x, i) => x || s.inText[i]! || s.inContext[i]!));
  }
  for (const s of scored) s.score = passageScore(s, q, docShare(s.passage.versionId), bestDocShare, head.get(s.passage.versionId), docYears(docOf(s.passage.versionId)));
  let ranked = scored.filter((s) => s.score > -Infinity).sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return null;
  // A part headed by its basis ("(총투자 기준)", then "(순투자 기준)") gives every table under it on that basis: a
  // word asked that only the basis writes places the best passages that lack it.
  let rebased = false;
  for (const s of ranked.slice(0, BASIS_CANDIDATES)) {
    const missing = q.subject.map((_, i) => naming[i]! && !s.inText[i] && !s.inContext[i]);
    if (!missing.some(Boolean)) continue;
    const basis = basisOf(knowledge, s.passage);
    if (!basis) continue;
    const flat = squash(basis);
    const inBasis = q.subject.map((w, i) => missing[i]! && wordIn(w, flat));
    if (!inBasis.some(Boolean)) continue;
    // (A word the document's head writes too — "총투자액" in its lead — tells nothing apart: the basis does.)
    s.inContext = s.inContext.map((x, i) => x || inBasis[i]!);
    s.score += inBasis.filter(Boolean).length * BASIS_WEIGHT;
    rebased = true;
  }
  if (rebased) ranked = ranked.sort((a, b) => b.score - a.score);
  const topDoc = ranked[0]!.passage.versionId;
  const doc = docOf(topDoc)!;

  // Who to call: the document's own contacts answer "담당자", "연락처", "담당 부서" of any document.
  // (A person asked of contacts that name no one — "인사담당 052-…" — is not answered by them.)
  if (asksStaff(q) && doc.meta.contacts.length && !(q.shape === 'person' && doc.meta.contacts.every((c) => !c.name))) {
    const titleFlat = squash(doc.meta.title);
    const specific = q.subject.filter((w) => !wordIn(w, titleFlat) && !STAFF.test(w));
    const local = ranked.find(
      (s) => s.passage.versionId === topDoc && s.values.length > 0 && specific.length > 0 && specific.every((w) => wordIn(w, squash(s.passage.block.text))),
    );
    if (!local || q.shape === 'organisation') return { reply: contactReply(doc, q), trace: `general: contacts of ${doc.name}` };
  }
  const measure = q.shapeWords.find((w) => !ASKING_SHAPE.test(w));
  const labelled = (s: Scored) => {
    // A date's label ("마감", "접수일") is often not written where the period is ("접수기간 … ~ 6. 20."): for dates it
    // only ranks passages (passageScore), it does not exclude them.
    if (!measure || !needsValue(q.shape) || q.shape === 'date') return true;
    const b = s.passage.block;
    return spelled(squash([b.text, b.parent ?? '', ...(b.table?.header ?? []), ...b.section.slice(-1)].join(' '))).includes(spelled(squash(measure)));
  };
  // A line naming the measure without a figure ("국고보조율(%)" heading a column laid out below it): the lines under
  // it are read with it, for the few best such lines of the document.
  const expanded = ranked
    .filter((s) => s.passage.versionId === topDoc && needsValue(q.shape) && s.values.length === 0 && measure && labelled(s))
    .slice(0, 3)
    .map((s) => withFollowing(s, q, knowledge, true));
  const withValue = [...ranked, ...expanded]
    .filter((s) => s.passage.versionId === topDoc && (s.values.length > 0 || !needsValue(q.shape)) && labelled(s))
    .sort((a, b) => b.score - a.score);
  const best = withValue[0];
  // A value from a passage that nothing but the document's head places ("설명회 언제" answered by the date of its
  // 심사) is a guess: "not found", the nearest passages offered.
  if (!best || best.score < ranked[0]!.score - 3 || best.placed === false) {
    return { reply: notFoundReply(q, doc, ranked.slice(0, 3)), trace: `general: no ${q.shape} value in ${doc.name}` };
  }
  const items = sectionAsked(best, q, knowledge);
  if (items) return { reply: sectionReply(doc, best, items), trace: `general: ${q.shape} from section ${best.passage.block.section.at(-1)} of ${doc.name}`, family: doc.family };
  return {
    reply: answerReply(q, doc, withBracketedNext(withFollowing(best, q, knowledge), q, knowledge)),
    trace: `general: ${q.shape} from ${doc.name} lines ${best.passage.block.lines.join('-')}`,
    weak: best.local === 0,
    family: doc.family,
  };
}

/**
 * A label standing alone ("탁도", "접수기간") is not an answer: the blocks right under it are (a table written a
 * cell a line, a heading's first items). They are quoted with it and their values read.
 */
function withFollowing(s: Scored, q: Question, knowledge: Knowledge, measureLine = false): Scored {
  const b = s.passage.block;
  if ((b.text.length > 24 && !measureLine) || b.kind === 'row' || (needsValue(q.shape) && s.values.length > 0)) return s;
  const next = knowledge.passages.blocks(s.passage.versionId, s.passage.ord + 1, s.passage.ord + 3);
  const taken: DocBlock[] = [];
  for (const n of next) {
    if (n.kind === 'heading' || n.text.length > 200) break;
    // A sibling item is another thing's line ("총사업비 = 지원금 + 부담금" is not priced by the 기술닥터 item after it).
    if (b.kind === 'item' && n.kind === 'item' && (n.level ?? 0) <= (b.level ?? 0)) break;
    taken.push(n);
    if (needsValue(q.shape) ? passageValues(q, n).length > 0 : taken.length >= 2) break;
  }
  if (taken.length === 0) return s;
  const textAll = [b.text, ...taken.map((t) => t.text)].join(' / ');
  const block: DocBlock = { ...b, text: textAll, lines: [b.lines[0], taken.at(-1)!.lines[1]] };
  return { ...s, passage: { ...s.passage, block }, values: passageValues(q, block) };
}

/**
 * A section asked by its heading ("인권팀 향후계획"): its items are the answer, all of them (a few), not the one
 * that scored best. Only for questions asking no value, and sections of a few short items.
 */
function sectionAsked(s: Scored, q: Question, knowledge: Knowledge): DocBlock[] | null {
  const b = s.passage.block;
  if (needsValue(q.shape) || !b.sectionLine || b.kind === 'row') return null;
  const innermost = squash(b.section.at(-1) ?? '').replace(/^\d+\.?/, '');
  if (!innermost || !q.subject.some((w) => squash(w) === innermost)) return null;
  const near = knowledge.passages.blocks(s.passage.versionId, Math.max(0, s.passage.ord - 6), s.passage.ord + 6);
  const own = near.filter((n) => n.sectionLine === b.sectionLine && n.kind !== 'heading' && n.section.length === b.section.length);
  if (own.length < 2 || own.length > 6 || own.some((n) => n.text.length > 200)) return null;
  return own;
}

function sectionReply(doc: PassageDocument, s: Scored, items: DocBlock[]): Reply {
  const heading = s.passage.block.section.at(-1)!;
  const spans: Array<[number, number]> = [[s.passage.block.sectionLine!, s.passage.block.sectionLine!], ...items.map((i) => i.lines)];
  return reply('answer', doc.meta.title, [list(items.map((i) => `${heading} › ${i.text}`))], {
    sources: [[doc.name, heading, citeSpans([...titleSpan(doc), ...spans], doc.locators)].join(' · ')],
  });
}

/** A place's line continued in brackets on the next ("(인천광역시 미추홀구 석정로 229, JST제물포스마트타운 13층)") is quoted with it. */
function withBracketedNext(s: Scored, q: Question, knowledge: Knowledge): Scored {
  const b = s.passage.block;
  if ((q.shape !== 'place' && q.shape !== 'organisation') || b.kind === 'row') return s;
  const next = knowledge.passages.blocks(s.passage.versionId, s.passage.ord + 1, s.passage.ord + 1)[0];
  if (!next || next.kind === 'heading' || !/^\([^()]{2,120}\)$/.test(next.text.trim()) || next.lines[0] > b.lines[1] + 1) return s;
  return { ...s, passage: { ...s.passage, block: { ...b, text: `${b.text} ${next.text.trim()}`, lines: [b.lines[0], next.lines[1]] } } };
}

/** The values of the kind asked a passage states: a row's cells under the columns asked, else its text's. */
const passageValues = (q: Question, b: DocBlock): ValueSpan[] =>
  notAsked(q, counted(q, rowValues(b, q) ?? [...roleHolders(q, b.text), ...sentenceValues(q, b.text)]));

/**
 * "홍보대사 누구": the name written right before the role asked ("다샤타란*홍보대사", "김철수 위원장"), whatever
 * the role; first, as the one asked. (Only a role of two words or more, never a rank the person pattern reads.)
 */
function roleHolders(q: Question, text: string): ValueSpan[] {
  if (q.shape !== 'person') return [];
  const last = q.subject.filter((w) => !q.shapeWords.includes(w)).at(-1);
  if (!last || last.length < 3 || !/^[가-힣]+$/.test(last)) return [];
  const out: ValueSpan[] = [];
  // A name opens the passage or an entry of a list ("(참석) 국장, 다샤타란*홍보대사,"), one mark or space before the
  // role: "지원사업 관련 홍보대사" or a column gap in a timetable name no one.
  for (const m of text.matchAll(new RegExp(`(?<=^|[,(（、]\\s?)([가-힣]{2,4})(?:[*·]| )?${last}(?![가-힣])`, 'g'))) {
    if (/(?:는|은|된|한|할|관련|위한|신임|초대|명예|글로벌)$/.test(m[1]!)) continue;
    out.push({ text: m[1]!, start: m.index, end: m.index + m[1]!.length });
  }
  return out;
}

/** A sentence's end in administrative prose ("하였다.", "예정임."): where one statement's values stop. */
const SENTENCE_END = /(?<=[다음함임됨요]\.)\s+(?=\S)/g;

/**
 * A paragraph of several sentences gives the values of the sentences that hold most of the question's words: the
 * figure of another sentence is another thing's ("해외직접투자(141.9억 달러)는 … 유럽지역의 투자액이 … 증가").
 */
function sentenceValues(q: Question, text: string): ValueSpan[] {
  const values = shapeValues(q, text);
  if (values.length === 0 || text.length < 80) return values;
  const bounds: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    bounds.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (bounds.length === 0) return values;
  bounds.push([from, text.length]);
  const hits = bounds.map(([a, b]) => {
    const flat = squash(text.slice(a, b));
    return q.subject.filter((w) => wordIn(w, flat)).length;
  });
  const most = Math.max(...hits);
  if (most === 0) return values;
  return values.filter((v) => bounds.some(([a, b], i) => hits[i] === most && v.start >= a && v.start < b));
}

/** A name made of the question's own words ("총괄기관" for "총괄 기관 어디") is the label, not the value; a figure it states is given. */
function notAsked(q: Question, values: ValueSpan[]): ValueSpan[] {
  // A figure the question itself states ("300만원 1년 대출 … 연이자 얼마") is what is given, not what is asked.
  const asked = squash(q.text);
  values = values.filter((v) => !(/\d/.test(v.text) && asked.includes(squash(v.text))));
  if (q.shape !== 'organisation' && q.shape !== 'person' && q.shape !== 'place') return values;
  const words = q.subject.map(squash);
  return values.filter((v) => {
    let rest = squash(v.text);
    for (const w of words) rest = rest.replace(w, '');
    return rest.length > 0;
  });
}

/** Values of the kind asked; a period asked ("사업기간") is answered by a span of time too. */
function shapeValues(q: Question, text: string): ValueSpan[] {
  const values = valuesOf(q.shape, text);
  return q.shape === 'date' && q.shapeWords.some((w) => /기간$/.test(w)) ? [...values, ...durationsOf(text)].sort((a, b) => a.start - b.start) : values;
}

const needsValue = (shape: Shape) => shape !== 'state' && shape !== 'fact';

const BASIS_CANDIDATES = 8;
const BASIS_WEIGHT = 0.5;
/** How far above a passage its part's basis line is looked for, in blocks. */
const BASIS_REACH = 200;
const BASIS_LINE = /^\(\s*([^()\d]{2,20}?)\s*기준\s*\)$/;

/** The basis line standing alone nearest above the passage ("(총투자 기준)"), or null. */
function basisOf(knowledge: Knowledge, p: StoredPassage): string | null {
  if (p.ord === 0) return null;
  const above = knowledge.passages.blocks(p.versionId, Math.max(0, p.ord - BASIS_REACH), p.ord - 1);
  for (let k = above.length - 1; k >= 0; k--) {
    const m = BASIS_LINE.exec(above[k]!.text.trim());
    if (m) return m[1]!;
  }
  return null;
}

/** A table row answers amounts, counts and rates with its figure cells (the unit is the table's). */
function rowValues(b: DocBlock, q: Question): ValueSpan[] | null {
  if (b.kind !== 'row' || !b.table || !needsValue(q.shape)) return null;
  // (A table in money or in percent counts nothing.)
  // ("인원", "정원" name people, not won.)
  if (q.shape === 'count' && (/원|%/.test(b.table.unit ?? '') || /(?<![인정현])원|%/.test(b.table.header.join(' ')))) return [];
  if (q.shape === 'amount' || q.shape === 'count' || q.shape === 'rate') return askedColumns(b, q).map((i) => ({ text: b.table!.cells[i]!, start: 0, end: 0 }));
  // Dates, people, places: the values of the cells under a header naming what is asked ("임용예정일"), else of all.
  const t = b.table;
  const named = t.cells.flatMap((c, i) => (c && headerNames(t.header[i] ?? '', q) ? [i] : []));
  // A place or an organisation is a cell's only under a header that says so: any name in a row is not the venue.
  if (!named.length && (q.shape === 'place' || q.shape === 'organisation')) return [];
  const cells = named.length ? named : t.cells.map((_, i) => i);
  return cells.flatMap((i) => valuesOf(q.shape, t.cells[i] ?? '').map((v) => ({ ...v, start: 0, end: 0 })));
}

/** A column header naming a word of the question or the measure asked. */
const headerNames = (header: string, q: Question) => {
  const h = squash(header);
  return h !== '' && [...q.shapeWords, ...q.subject].some((w) => w.length >= 2 && h.includes(squash(w)));
};

/** The figure columns asked: those whose header names the year or a word asked, else every figure column. */
function askedColumns(b: DocBlock, q: Question): number[] {
  const t = b.table!;
  const cells = figureCells(t.cells);
  // An amount or a count is never read from a column of ratios ("증감 (B-A)/A", "증감률(%)").
  const amounts = q.shape === 'amount' || q.shape === 'count' ? cells.filter((i) => !ratioHeader(t.header[i] ?? '')) : cells;
  const figures = amounts.length ? amounts : cells;
  const label = squash(t.cells[0] ?? '');
  const yearForms = q.year ? [String(q.year), ...['’', "'", '‘'].map((m) => `${m}${String(q.year).slice(2)}`)] : [];
  const words = q.subject.filter((w) => !label.includes(w) && !q.shapeWords.includes(w));
  // "얼마 줄었어", "늘었나": the change column.
  if (/줄었|늘었|줄어|늘어|감소|증가|차이/.test(q.text)) words.push('증감');
  // Each column scores the year and the words asked its header names; the best-scoring columns are the answer.
  const scores = figures.map((i) => {
    // (Spaces only: a year written ‘24 keeps its mark.)
    const h = (t.header[i] ?? '').replace(/\s+/g, '').toLowerCase();
    // The measure asked ("결산", "확정") counts too, below the year and the words naming the column: a header whose
    // year the reader could not place ("결산" under "2022년") is still stated under its own label, never as the year's.
    const measure = q.shapeWords.filter((w) => h.includes(squash(w))).length * 0.5;
    return (yearForms.some((y) => h.includes(y)) ? 1 : 0) + words.filter((w) => h.includes(w)).length + measure;
  });
  const top = Math.max(0, ...scores);
  if (top === 0) return q.year ? [] : figures;
  return figures.filter((_, k) => scores[k] === top);
}

/** A column of ratios: its header says percent or rate, or divides one column by another ("(B-A)/A"). */
const ratioHeader = (header: string) => /%|[률율]|비율|구성비|비중|\/\s*\(?[A-Za-z]\)?\s*$/.test(header.trim());

/** "몇 명", "인원": only counts of people answer; "몇 곳": places; a count asked with its counter keeps that counter. */
function counted(q: Question, values: ValueSpan[]): ValueSpan[] {
  if (q.shape !== 'count') return values;
  const asked = /몇\s*([가-힣]{1,2})/.exec(q.text)?.[1];
  const counter =
    (asked === '살' ? '세' : asked) ??
    (/인원|참가자|명단|모집/.test(q.text) ? '명' : /나이|연령/.test(q.text) ? '세' : /배점|점수|만점/.test(q.text) ? '점' : /쪽수/.test(q.text) ? '쪽' : /배수/.test(q.text) ? '배' : null);
  if (!counter) return values;
  const same = values.filter(
    (v) => v.text.replace(/\s+/g, '').includes(counter) || (counter === '곳' && /개소/.test(v.text)) || (counter === '명' && /\d\s*인/.test(v.text)),
  );
  return same;
}

/** "몇 개 반": the thing counted, written after the counter ("4개 반으로"); null when the question names none. */
function countedNoun(q: Question): string | null {
  const noun = q.shape === 'count' ? /몇\s*개\s+([가-힣]{1,4})/.exec(q.text)?.[1] : undefined;
  if (!noun || /^(?:있|인가|정도|쯤|되|돼|나와|뽑)/.test(noun)) return null;
  return noun.replace(/(?:이야|이에요|야|예요|요|이나|이)$/, '') || null;
}

/** A count written with the thing asked right after it ("4개 반으로", "5개 기관 이하"). */
const countsNoun = (text: string, v: ValueSpan, noun: string) => text.slice(v.end, v.end + 8).replace(/\s+/g, '').startsWith(noun);

function passageScore(s: Scored, q: Question, docShare: number, bestDocShare: number, head: boolean[] = [], docTitle?: string): number {
  const n = q.subject.length;
  const b = s.passage.block;
  const covered = s.inText.filter((x, i) => x || s.inContext[i] || head[i]).length / n;
  // Words the document's head writes name the document; the others name the passage asked for within it, and a
  // row names them in its header cells as well as in its own.
  const header = squash((b.table?.header ?? []).join(' '));
  const specific = q.subject.flatMap((_, i) => (head[i] ? [] : [i]));
  // A deadline asked ("마감", "기한") is the end of a period written: a range or a date "까지" says it.
  const ends = q.shape === 'date' && s.values.some((v) => /[~∼]|까지/.test(v.text));
  const own = (i: number) => s.inText[i]! || (b.kind === 'row' && wordIn(q.subject[i]!, header)) || (ends && DEADLINE.test(q.subject[i]!));
  const local = specific.length ? specific.filter(own).length / specific.length : s.inText.filter(Boolean).length / n;
  // The thing asked must be named by the passage itself or the headings and title above it.
  const namingWords = q.subject.filter((w) => !q.shapeWords.includes(w) && !GENERIC.test(w));
  // Placed: a word naming what is asked that the document's head does not write is the passage's own, or its
  // headings' ("설명회" asked of a notice: a date of its 심사 is not the answer).
  const placing = specific.filter((i) => namingWords.includes(q.subject[i]!) && !ASPECT.test(q.subject[i]!));
  s.local = local;
  // (A passage among the document's first lines writes words of its head itself: those it writes, other than the
  // title's, place it too.)
  const titleFlat = squash(docTitle ?? '');
  s.placed =
    placing.length === 0 ||
    placing.some((i) => own(i) || s.inContext[i]) ||
    (b.lines[0] <= HEAD_LINES && namingWords.some((w) => !ASPECT.test(w) && s.inText[q.subject.indexOf(w)] && !wordIn(w, titleFlat)));
  const named = namingWords.filter((w) => {
    const i = q.subject.indexOf(w);
    return s.inText[i] || s.inContext[i] || head[i];
  }).length;
  if (named < (namingWords.length <= 2 ? namingWords.length : Math.ceil((namingWords.length * 2) / 3 - 1e-9))) return -Infinity;
  if (covered < 0.5 || docShare < bestDocShare - 1e-9) return -Infinity;
  // A naming word the passage writes itself, though the title names the document with it too ("모집기간" under a
  // "모집 공고"), still tells the passage asked from its siblings.
  const written = namingWords.length ? namingWords.filter((w) => s.inText[q.subject.indexOf(w)]).length / namingWords.length : 0;
  let score = covered * 3 + local * 2 + written * 0.3;
  // A time alone ("18:00까지") is a weak date: a passage with the day beats it.
  // A time of day asked ("운행 시간", "몇 시") is the other way round: a passage writing one is the answer.
  const clock = (v: ValueSpan) => /\d{1,2}:\d{2}|\d\s*시(?!간|기|행|설|장|작)/.test(v.text);
  const timeAsked = q.shape === 'date' && (q.shapeWords.some((w) => /^(?:시간|시각)$/.test(w)) || /몇\s*시(?!간)/.test(q.text));
  if (s.values.length > 0 && !(q.shape === 'date' && !timeAsked && s.values.every((v) => /^(?:\d{1,2}:\d{2}|(?:오전|오후|낮|밤|새벽)\s*\d)/.test(v.text)))) score += 1.5;
  if (timeAsked && s.values.some(clock)) score += 1;
  // The count of the very thing asked ("몇 개 반" → "총 4개 반으로") says it, wherever the passage's name stands.
  const noun = countedNoun(q);
  if (noun && s.values.some((v) => countsNoun(b.text, v, noun))) score += 2.5;
  // A total asked ("총 시상금") is the figure written as one ("총 9팀 / 900만원"), or a table's total row.
  if (/(?:^|\s)총\s*[가-힣]|합계/.test(q.text) && needsValue(q.shape) && (/(?:^|[^가-힣])(?:총|합계|총계)(?:[^가-힣]|$)/.test(b.text) || /^(?:계|합\s*계|총\s*계)$/.test((b.table?.cells[0] ?? '').trim()))) score += 0.8;
  // "일시" asks the day and the hour: a value giving both says it whole.
  if (q.shapeWords.includes('일시') && s.values.some((v) => clock(v) && /\d\s*[.월]\s*\d/.test(v.text))) score += 0.5;
  // A field left empty ("법적근거 : 해당 없음") answers nothing.
  if (/[:：]\s*(?:해당\s*(?:사항\s*)?없음|없음|-)\s*$/.test(b.text)) score -= 2.5;
  // A bound asked ("최대 몇 개", "상한") is a value written as one ("5개 기관 이하", "최대 29백만원").
  const bound = /최대|최고|상한|한도/.test(q.text) ? /^(?:\s*[가-힣]{0,4}\s*)?(?:이하|이내|미만|까지)/ : /최소|최저|하한/.test(q.text) ? /^(?:\s*[가-힣]{0,4}\s*)?(?:이상|초과)/ : null;
  if (bound && s.values.some((v) => bound.test(b.text.slice(v.end, v.end + 10)) || /최대|최소|최고|최저/.test(b.text.slice(Math.max(0, v.start - 4), v.start)))) score += 0.5;
  const flat = squash(b.text);
  // (A place asked in any words — "어디 방문했어" — is named by a passage labelled 장소 or 위치.)
  if (q.shapeWords.some((w) => flat.includes(squash(w)) || (ends && DEADLINE.test(w))) || (q.shape === 'place' && /장소|위치|개최지/.test(flat))) score += 0.7;
  // A heading that is the thing asked ("53. 탁도", "접수기간"): the blocks right under it are about it, whole.
  const innermost = squash(b.section.at(-1) ?? '').replace(/^\d+\.?/, '');
  if (innermost && namingWords.some((w) => innermost === w)) score += 2;
  // The nearest heading naming a word of the thing asked ("개막식 개요") places the passage better than an outer one.
  else if (innermost && specific.some((i) => namingWords.includes(q.subject[i]!) && !s.inText[i] && innermost.includes(squash(q.subject[i]!)))) score += 0.5;
  const section = b.section.join(' ');
  if (q.tense === 'planned' && PLANNED.test(section)) score += 1;
  if (q.tense === 'done' && DONE.test(section)) score += 1;
  if (q.year) {
    const all = `${b.text} ${section} ${(b.table?.header ?? []).join(' ')}`;
    const years = [...all.matchAll(/(?<!\d)(20\d{2})(?!\d)|[’'‘](\d{2})(?![\d])/g)].map((m) => Number(m[1] ?? `20${m[2]}`));
    // The title's years, or the year the document is dated ("- 2025년도 - 주요업무계획" dated 2025. 2. 7.).
    const titled = [...(docTitle ?? '').matchAll(/(?<!\d)(20\d{2})(?!\d)|[’'‘](\d{2})(?![\d])/g)].map((m) => Number(m[1] ?? `20${m[2]}`));
    if (years.includes(q.year)) score += 1;
    // A figure of a plan for another year is not the year asked: the passage, its headings or its title must say it.
    // (A row's columns are chosen by their own headers' years, whose reading may have lost a year: only a row with no
    // year at all under a title of another year is excluded.)
    else if (needsValue(q.shape) && !titled.includes(q.year) && (b.kind === 'row' ? !years.length && titled.length : years.length || titled.length)) return -Infinity;
    else if (years.length) score -= 0.5;
  }
  // A picture's caption ("참고 이미지", "현장 사진") tells of another day's event than the text's.
  if (/사진|이미지|포스터/.test(section)) score -= 1;
  if (b.kind === 'row' && (q.shape === 'amount' || q.shape === 'count' || q.shape === 'rate')) score += 0.3;
  // No row named: the table's total ("계", "합계") answers for the whole.
  if (b.kind === 'row' && /^(?:계|합\s*계|총\s*계|전\s*체)$/.test((b.table?.cells[0] ?? '').trim())) score += 0.4;
  // Shorter passages say one thing; a long one holds many values and the one asked is less sure.
  score -= Math.min(1, b.text.length / 600);
  return score - s.passage.rank * 0.01;
}

/** The title and the document's date, as one text whose years place a passage that states none. */
const docYears = (doc: PassageDocument | undefined) => (doc ? `${doc.meta.title} ${doc.meta.date?.iso?.slice(0, 4) ?? ''}` : undefined);

/** Words asking for the document's own staff (its header or 문의처), not for a person the text talks about. */
const STAFF = /^(?:담당|담당자|담당부서|부서|연락처|문의|문의처|전화|전화번호|번호|과장|팀장|책임자|내선)$/;
const asksStaff = (q: Question) =>
  (q.shape === 'person' || q.shape === 'phone' || q.shape === 'organisation') && /담당|연락처|문의|전화|번호|과장|팀장|책임자|부서/.test(q.text);

function contactReply(doc: PassageDocument, q: Question): Reply {
  const rankAsked = /(과장|팀장|담당자|국장|실장|책임자|매니저)/.exec(q.text)?.[1];
  let people = doc.meta.contacts;
  if (rankAsked) {
    const ranked = people.filter((c) => c.position?.includes(rankAsked));
    if (ranked.length) people = ranked;
  }
  const shown = people.slice(0, 6);
  const lines = shown.map(contactLine);
  const departments = [...new Set([doc.meta.department, ...doc.meta.contacts.map((c) => c.department)].filter((d): d is string => !!d))];
  const blocks: Block[] = [];
  if (departments.length) blocks.push(fields([{ label: '담당 부서', value: departments.join(', ') }]));
  blocks.push(list(lines));
  // A contact's whole span: its unit may stand on a line of its own above it (a press header's unit column).
  const cited = shown.map((c): [number, number] => [c.src.lines[0], c.src.lines[1]]);
  return reply('answer', `${doc.meta.title} — 담당·연락처`, blocks, {
    sources: [`${doc.name} · ${citeSpans([...titleSpan(doc), ...cited], doc.locators) || '머리글'}`],
  });
}

const contactLine = (c: Contact) =>
  [c.department, c.team, c.position, c.name, c.phone].filter((x, i, a) => x && a.indexOf(x) === i).join(' ');

function answerReply(q: Question, doc: PassageDocument, s: Scored): Reply {
  const b = s.passage.block;
  const blocks: Block[] = [];
  if (b.kind === 'row' && b.table) {
    blocks.push(rowBlock(b, q));
  } else if (needsValue(q.shape)) {
    const value = chooseValue(s, q);
    if (value) blocks.push(fields([{ label: labelOf(b, value, q), value: value.text }]));
  }
  const quote = quoteOf(b);
  blocks.push(text(`> ${quote.text}`));
  const section = b.section.at(-1) ?? null;
  // Every line the reply shows is cited: the title's when it writes a figure, a row's header and unit lines (the
  // column labels and the unit stated come from them), the parent item or heading quoted with the passage.
  const spans: Array<[number, number]> = [...quote.spans, b.lines];
  for (const l of b.table?.head ?? []) if (l < b.lines[0]) spans.push([l, l]);
  return reply('answer', doc.meta.title, blocks, {
    sources: [[doc.name, section, citeSpans([...titleSpan(doc), ...spans], doc.locators)].filter(Boolean).join(' · ')],
  });
}

/** The title's line, when the title writes a figure a reply then shows. */
const titleSpan = (doc: PassageDocument): Array<[number, number]> =>
  doc.meta.titleLine && /\d/.test(doc.meta.title) ? [[doc.meta.titleLine, doc.meta.titleLine]] : [];

/** The passage as quoted: a list item under its parent item, so the quote says what it is about. */
function quoteOf(b: DocBlock): { text: string; spans: Array<[number, number]> } {
  const clipped = b.text.length > 400 ? `${b.text.slice(0, 400)}…` : b.text;
  if (b.parent && b.parentLines && b.kind === 'item' && b.parent.length <= 80)
    return { text: `${b.parent} › ${clipped}`, spans: [b.parentLines] };
  // A short heading names what the lines under it give ("탁도 › 0.5 NTU이하 0.08").
  const heading = b.section.at(-1);
  if (heading && b.sectionLine && heading.length <= 30 && !b.parent && b.kind !== 'row')
    return { text: `${heading} › ${clipped}`, spans: [[b.sectionLine, b.sectionLine]] };
  return { text: clipped, spans: [] };
}

/** A table row stated cell by cell under its headers, the year asked first when the header names it. */
function rowBlock(b: DocBlock, q: Question): Block {
  const t = b.table!;
  // A column with no header is not labelled by a made-up name: the quoted row shows it.
  const pairs = t.cells
    .map((cell, i) => ({ label: (t.header[i] ?? '').trim() || (i === 0 ? '구분' : ''), value: cell }))
    .filter((p) => p.value.trim() !== '' && p.label !== '');
  const columns = askedColumns(b, q);
  const shown = columns.length
    ? [...pairs.slice(0, 1), ...columns.flatMap((i) => ((t.header[i] ?? '').trim() ? [{ label: t.header[i]!.trim(), value: t.cells[i]! }] : []))]
    : pairs;
  // "(단위: 백만원, %)": the money unit for figures, the percent sign for rates written bare.
  const unit = t.unit?.split(/[,，]/)[0]?.trim() || null;
  // (A column of rates — "증감률(%)" — is not in the table's money unit.)
  const inUnit = (p: { label: string; value: string }) => unit && /\d/.test(p.value) && !/%/.test(p.value) && !ratioHeader(p.label) && !/^[a-z]/i.test(p.value);
  return fields(shown.map((p) => ({ label: p.label, value: inUnit(p) ? `${p.value}${unit}` : p.value })));
}

/** The value nearest after a word of the subject or of the shape; else the first of the passage. */
function chooseValue(s: Scored, q: Question): ValueSpan | null {
  const text = s.passage.block.text;
  if (s.values.length === 0) return null;
  const noun = countedNoun(q);
  const ofNoun = noun ? s.values.find((v) => countsNoun(text, v, noun)) : undefined;
  if (ofNoun) return ofNoun;
  // A value bracketed or labelled right after a word asked ("전문기관 (정보통신기획평가원)", "유럽(36.0억 달러)").
  const lower = text.toLowerCase();
  const attached = s.values.find((v) =>
    [...q.subject, ...q.shapeWords].some((w) => {
      const at = lower.lastIndexOf(w.toLowerCase(), v.start);
      return at >= 0 && /^\s*[(:：]\s*$/.test(text.slice(at + w.length, v.start));
    }),
  );
  if (attached) return attached;
  const anchors = [...q.shapeWords, ...q.subject]
    .map((w) => text.toLowerCase().indexOf(w.toLowerCase()))
    .filter((i) => i >= 0);
  if (anchors.length === 0) return s.values[0]!;
  const anchor = Math.max(...anchors);
  return s.values.find((v) => v.start >= anchor) ?? s.values.at(-1)!;
}

/** "지원금액 : 최대 29,000천원" → 지원금액; "(일 정) …" → 일정; else the kind of value asked. */
function labelOf(b: DocBlock, value: ValueSpan, q: Question): string {
  const before = b.text.slice(0, value.start);
  // "다샤타란 홍보대사": a name is labelled by the role written after it.
  const role = q.shape === 'person' ? /^(?:[*·]| )?([가-힣]{3,8})/.exec(b.text.slice(value.end))?.[1] : undefined;
  if (role && q.subject.includes(role)) return role;
  // "유럽(36.0억 달러)": a value in brackets is the word's before them.
  const bracketed = /([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11})\s*\(\s*$/.exec(before.slice(-16))?.[1];
  if (bracketed) return bracketed;
  // The last separator before the value, and the short run of letters right before it (read from there only: a
  // pattern anchored at the end would be tried from every letter of a long passage).
  // (Only a bracket opening the passage labels it — "(일 정) …"; "부산시(시장 박형준)는" is an aside.)
  const bracket = before.lastIndexOf(')');
  const opening = bracket > 0 && /^[\s\-–·•□○◦※*]*\([^()]*$/.test(before.slice(0, bracket));
  const at = Math.max(before.lastIndexOf(':'), before.lastIndexOf('：'), opening ? bracket : -1, before.lastIndexOf(' - '));
  const m = at > 0 ? /([가-힣][가-힣\s]{0,10})\s*$/.exec(before.slice(Math.max(0, at - 14), at)) : null;
  const label = m?.[1]?.replace(/\s+/g, '');
  return label && label.length >= 2 && label.length <= 10 ? label : SHAPE_LABEL[q.shape];
}

/** The question names a thing no document writes: "not found", naming the words missing from the nearest document. */
function unwritten(
  q: Question,
  naming: boolean[],
  found: StoredPassage[],
  docWords: Map<number, boolean[]>,
  docShare: (v: number) => number,
  best: number,
  docOf: (v: number) => PassageDocument | undefined,
): GeneralAnswer | null {
  const nearest = [...docWords.keys()].find((v) => docShare(v) === best);
  const doc = nearest === undefined ? undefined : docOf(nearest);
  if (!doc || nearest === undefined) return null;
  // (Words asking for the document's staff are read from its contacts, not its passages.)
  const missing = q.subject.filter((w, i) => naming[i] && !docWords.get(nearest)![i] && !STAFF.test(w));
  if (missing.length === 0) return null;
  // A word written in part ("지원자" where "지원" is): perhaps said otherwise there; no "not found" is claimed.
  const flat = squash([doc.meta.title, ...found.filter((p) => p.versionId === nearest).map((p) => p.block.text)].join(' '));
  if (missing.some((w) => [...w].some((_, i) => i + 1 < w.length && flat.includes(w.slice(i, i + 2))))) return null;
  return {
    reply: reply('not_found', `"${q.text}"에 맞는 ${SHAPE_LABEL[q.shape]}을(를) 문서에서 찾지 못했습니다`, [
      text(`가장 가까운 문서(${doc.meta.title})에는 ${missing.map((w) => `'${w}'`).join(', ')}이(가) 없습니다.`),
    ], { sources: [doc.name] }),
    trace: `general: ${missing.join(', ')} in no document`,
    unwritten: true,
  };
}

/** "Not found" of the kind asked, offering the document a command matched on words alone. */
export function notFoundOfShape(q: Question, nearest: Reply): Reply {
  return reply('not_found', `"${q.text}"에 맞는 ${SHAPE_LABEL[q.shape]}을(를) 문서에서 찾지 못했습니다`, [text(`가장 가까운 문서: ${nearest.title}`)], {
    sources: nearest.sources,
  });
}

function notFoundReply(q: Question, doc: PassageDocument, near: Scored[]): Reply {
  const own = near.filter((s) => s.passage.versionId === near[0]?.passage.versionId);
  const at = (s: Scored) => s.passage.block.lines;
  return reply('not_found', `"${q.text}"에 맞는 ${SHAPE_LABEL[q.shape]}을(를) 문서에서 찾지 못했습니다`, [
    text(`가장 가까운 문서: ${doc.meta.title}`),
    list(own.map((s) => `${at(s)[0]}행: ${s.passage.block.text.slice(0, 120)}`), '관련 내용'),
  ], { sources: [[doc.name, citeSpans([...titleSpan(doc), ...own.map(at)], doc.locators)].filter(Boolean).join(' · ')] });
}

export const hasValueOfShape = (shape: Shape, body: string) => holdsValue(shape, body);

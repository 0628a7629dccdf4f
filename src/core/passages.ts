/**
 * One project, many documents: the plan, TF results, contracts, payments, refunds, replies about one programme
 * are one history, not rival answers. A fact question ("청년수당 콜센터 사전규격 공개 기간") is answered from the
 * best-matching passage of all of them — a body "label : value" item, else a line — naming its document and
 * date; the newest document wins a tie. A withheld value (`*` in the published copy) is answered as 비공개.
 * Passages are facts and the lines of the stored blocks, as written.
 */
import { type BudgetLine, type Fact, recordNames } from '../domain/project.js';
import { formatSpans, type Source } from '../domain/provenance.js';
import type { StoredRecord } from '../store/store.js';
import { money, sourcesOf } from './format.js';
import { writtenLines } from './blocks.js';
import type { Knowledge } from './knowledge.js';
import { withoutParticle } from './people.js';
import { quotedItem } from './quote.js';
import { type Block, list, type Reply, reply, text } from './reply.js';

export interface Passage {
  record: StoredRecord;
  text: string;
  fact: Fact | null;
  src: Source;
  /** Query words found in the passage or in its document's title. */
  coverage: number;
  /** Detail words (not in the document's title) found in the passage itself. */
  detail: number;
  /** A detail word is the fact's label: "공개기간" asked, "공개기간 : …" found. */
  labelHit: boolean;
  /** The label is a word asked, whole ("지급금액" asked, "지급금액 : ***" found), not a longer label holding it. */
  labelExact: boolean;
  /** Query words in the passage itself, title words included: "공개기간" holds 공개 and 기간, "사업기간" one. */
  local: number;
  /** Every word is in the document's title: the document itself answers. */
  whole: boolean;
  /** A word asking for a kind of value ("비율", "연령") is answered by a value of that shape in the passage. */
  shaped: boolean;
}

/** Words that ask rather than name ("누구", "알려줘") and never decide which passage answers. */
const ASKING = /^(?:뭐|무엇|언제|얼마|얼마나|어디|어떻게|몇|알려줘|알려|결과는|내용|관련)$/;

/**
 * Words that ask for a kind of value rather than name one: the documents write the value, not the word ("신청 연령"
 * is answered by "만19~34세", "한 달에 얼마" by "매월 50만원", "감면 비율" by "100%"). A passage holds such a word when
 * it writes the word or a value of that shape.
 */
// Tested, never matched for their text: one digit before the unit says as much as all of them, and a bounded run of
// figures keeps a long run of digits from being rescanned from each of them (quadratic).
const VALUE_SHAPES: Record<string, RegExp> = {
  얼마: /\d[\d,.]{0,20}(?:조|억|천만|백만|만|천)?원/,
  얼마나: /\d[\d,.]{0,20}(?:조|억|천만|백만|만|천)?원/,
  몇개월: /\d개월/,
  몇달: /\d개월/,
  몇명: /\d[\d,]{0,20}명/,
  몇세: /\d세/,
  몇살: /\d세/,
  연령: /\d세/,
  나이: /\d세/,
  비율: /\d%/,
  한달: /매월|월\d/,
  매달: /매월|월\d/,
  날짜: /\d{4}\.\d{1,2}\.\d{1,2}/,
};

/** The words of a question that ask for a kind of value ("감면 비율" → 비율, "한 달에 얼마" → 한달, 얼마). */
export function valueShapeWords(query: string): string[] {
  return queryWords(query).filter((w) => !!VALUE_SHAPES[w]);
}

/** "몇 개월", "한 달": the two words of a value asked, as one. */
const joinValueWords = (query: string) =>
  query.replace(/(몇|한)\s*(개월|달|명|세|살)(?:에|은|는|이|가|을|를|의|동안)?(?=\s|$|[?？!.,])/g, '$1$2');

/** Query words as the documents write them: particles off, spaces closed up for matching. */
export function queryWords(query: string): string[] {
  return joinValueWords(query)
    .split(/\s+/)
    .map((w) => w.replace(/(?<![?？!.,])[?？!.,]+$/, ''))
    .map((w) => withoutParticle(w).at(-1) ?? w)
    // One letter ("월") matches everywhere; a year selects the record rather than the passage.
    .filter((w) => w.length >= 2 && (VALUE_SHAPES[w] || !ASKING.test(w)) && !/^(?:19|20)\d{2}년?도?$/.test(w))
    .map((w) => w.toLowerCase());
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A word is in a text when it is there as written, or (a compound of four or more letters) both halves are. */
function has(textSquashed: string, word: string): boolean {
  if (textSquashed.includes(word)) return true;
  const shape = VALUE_SHAPES[word];
  if (shape) return shape.test(textSquashed);
  // Only in a label-sized text ("사업예산" in "예산(사업)"): in a line two halves anywhere are unrelated words.
  if (word.length >= 4 && textSquashed.length <= 12 && /^[가-힣]+$/.test(word)) {
    const half = Math.ceil(word.length / 2);
    return textSquashed.includes(word.slice(0, half)) && textSquashed.includes(word.slice(half));
  }
  return false;
}

/** The document's date: the form's 결재/시행 date, else the status's as-of date, else its year. */
export function documentDate(r: StoredRecord): string {
  const rec = r.record;
  return rec.form?.date?.start ?? rec.status?.asOf ?? (rec.year ? `${rec.year}` : '');
}

// Lines of the blocks, not their joined text: a table or form flattened one cell a line ("1차" / "2024. 6. 12.(수)" /
// "[주제]") that no table reader recognised is one long paragraph in the document model, and a passage of it would
// hold every word of the document (approvals 0.980 → 0.920 when read from the blocks' text).
function linesOf(r: StoredRecord, knowledge: Knowledge): Array<{ n: number; last: number; text: string }> {
  const [from, to] = r.record.src.lines;
  const out: Array<{ n: number; last: number; text: string }> = [];
  for (const l of writtenLines(knowledge, r.document.versionId, from, to)) {
    const t = l.text.trim();
    // Lines that are only withheld marks or a cell of one or two letters say nothing on their own; a round or a
    // month of a flattened table ("2차", "3월") labels the cells after it.
    if (t.replace(/[*\s]/g, '').length < 3 && !/^\d+[차월]$/.test(t)) continue;
    out.push({ n: l.n, last: l.last, text: t });
  }
  return out;
}

/**
 * The best passage across `records` for the query's words, or null when no passage holds a word the titles do
 * not already explain (then the question is about the project itself, not a fact in it).
 */
export function bestPassage(
  query: string,
  records: StoredRecord[],
  knowledge: Knowledge,
): Passage | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  let best: Passage | null = null;
  const better = (a: Passage, b: Passage | null): boolean => {
    if (!b) return true;
    if (a.coverage !== b.coverage) return a.coverage > b.coverage;
    if (a.whole !== b.whole) return a.whole;
    if (a.detail !== b.detail) return a.detail > b.detail;
    if (a.labelHit !== b.labelHit) return a.labelHit;
    if (a.labelExact !== b.labelExact) return a.labelExact;
    if (a.local !== b.local) return a.local > b.local;
    // The newest document wins a tie: a result supersedes the plan it reports on.
    const da = documentDate(a.record);
    const db = documentDate(b.record);
    if (da !== db) return da > db;
    return !!a.fact && !b.fact;
  };
  // A year asked selects the documents of that year, or those whose title names it ("’24년 … ’25년 … 계획").
  const year = yearAsked(query);
  const ofYear = year === null ? [] : records.filter((r) => ofTheYear(r, year));
  for (const r of ofYear.length ? ofYear : records) {
    const rec = r.record;
    const title = squash(recordNames(rec).join(' '));
    const detailWords = words.filter((w) => !has(title, w));
    if (detailWords.length === 0) {
      const p: Passage = {
        record: r,
        text: rec.title,
        fact: null,
        src: rec.src,
        coverage: words.length,
        detail: 0,
        labelHit: false,
        labelExact: false,
        local: words.length,
        whole: true,
        shaped: false,
      };
      if (better(p, best)) best = p;
      continue;
    }
    const consider = (passageText: string, fact: Fact | null, source: Source, label: string | null) => {
      const body = squash(passageText);
      const detail = detailWords.filter((w) => has(body, w)).length;
      if (detail === 0) return;
      const coverage = words.filter((w) => has(title, w) || has(body, w)).length;
      const labelHit = label !== null && detailWords.some((w) => has(squash(label), w));
      const labelExact = label !== null && detailWords.includes(squash(label));
      const local = words.filter((w) => has(body, w)).length;
      const shaped = detailWords.some((w) => !!VALUE_SHAPES[w] && !body.includes(w) && has(body, w));
      const p: Passage = {
        record: r,
        text: passageText,
        fact,
        src: source,
        coverage,
        detail,
        labelHit,
        labelExact,
        local,
        whole: false,
        shaped,
      };
      if (better(p, best)) best = p;
    };
    for (const f of [...formFacts(r), ...(rec.facts ?? [])]) consider(`${f.label} ${f.value}`, f, f.src, f.label);
    const factLines = new Set((rec.facts ?? []).map((f) => f.src.lines[0]));
    const own = linesOf(r, knowledge);
    own.forEach((l, k) => {
      if (factLines.has(l.n)) return;
      // A short label line of a flattened table ("사업예산") that matches is read with the cells that follow it.
      const matches = detailWords.some((w) => has(squash(l.text), w));
      const cells = matches && l.text.length <= 8 ? own.slice(k + 1, k + 3).filter((c) => c.n <= l.n + 3) : [];
      const joined = [l.text, ...cells.map((c) => c.text)].join(' ');
      const last = cells.at(-1)?.last ?? l.last;
      consider(joined, null, { section: null, lines: [l.n, last] }, null);
    });
  }
  const found = best as Passage | null;
  // Half the words at least, and every detail word of a short question: a passage that shares one common word
  // with a long question is not its answer.
  if (!found || found.coverage < Math.max(2, Math.ceil(words.length / 2))) return null;
  // A month asked ("10월 반납") is a constraint, like a year: a passage whose document does not name it is another
  // month's, not this one's.
  if (!holdsMonths(words, `${recordNames(found.record.record).join(' ')} ${found.text}`)) return null;
  return found;
}

function ofTheYear(r: StoredRecord, year: number): boolean {
  const yy = String(year).slice(2);
  const title = squash(r.record.title);
  return documentDate(r).startsWith(String(year)) || r.record.year === year || title.includes(String(year)) || [`’${yy}`, `'${yy}`, `‘${yy}`].some((f) => title.includes(f));
}

/** Every month the words ask ("10월", "9월분") is written in the text, not as the tail of another figure. */
export function holdsMonths(words: string[], text: string): boolean {
  const held = squash(text);
  return words
    .filter((w) => /^\d{1,2}월(?:분)?$/.test(w))
    .every((m) => new RegExp(`(?<!\\d)${m.replace(/분$/, '')}`).test(held));
}

/** The form head as facts: 문서번호, 결재일자, 공개여부 are asked like any body item. */
function formFacts(r: StoredRecord): Fact[] {
  const form = r.record.form;
  if (!form) return [];
  const out: Fact[] = [{ label: '문서번호', value: form.number, withheld: false, src: form.src }];
  if (form.date) out.push({ label: '결재일자 시행일자', value: form.date.written, withheld: false, src: form.src });
  if (form.disclosure) out.push({ label: '공개여부 공개구분', value: form.disclosure, withheld: false, src: form.src });
  return out;
}

/** "2025. 12. 2." for the citation; the document's own written date when it has one. */
function dateLabel(r: StoredRecord): string | null {
  return r.record.form?.date?.written ?? r.record.status?.asOf ?? null;
}

/** Up to six items, those whose label holds a query word ("… 공개 결과" → 공개결과) first, then in order. */
function shownFacts(facts: Fact[], query: string): Fact[] {
  const words = queryWords(query);
  const asked = facts.filter((f) => words.some((w) => squash(f.label).includes(w)));
  return [...asked, ...facts.filter((f) => !asked.includes(f))].slice(0, 6);
}

function orgDeptOf(r: StoredRecord): string {
  return [r.record.organization, r.record.department].filter(Boolean).join(' ');
}

/** "2016년", "2016년도", "2016": the year a question asks about. */
export function yearAsked(query: string): number | null {
  const m = /(?:^|\s)((?:19|20)\d{2})(?:년도?)?(?=\s|$)/.exec(query);
  return m ? Number(m[1]) : null;
}

/** A budget line of the year asked read from the passage's very lines: that cell answers, with its year. */
function budgetCellOf(p: Passage, year: number | null): BudgetLine | null {
  if (year === null) return null;
  const [from, to] = p.src.lines;
  return (
    p.record.record.budget?.lines.find(
      (l) => l.year === year && l.src.lines[0] <= to && l.src.lines[1] >= from,
    ) ?? null
  );
}

export function passageReply(
  query: string,
  p: Passage,
  others: StoredRecord[],
  year: number | null = yearAsked(query),
): Reply {
  const rec = p.record.record;
  const cell = budgetCellOf(p, year);
  const when = dateLabel(p.record);
  const head = `${rec.title}${when ? ` (${when})` : ''}`;
  const blocks: Block[] = [];
  if (cell) {
    // The cell alone: the passage's line also holds the other years' figures, and it is cited below.
    blocks.push(text(`${cell.period} ${p.text.split(/\s+/)[0]}: ${money(cell.amount)}`));
  } else if (p.whole) {
    blocks.push(
      text([rec.form?.number, rec.form?.disclosure, orgDeptOf(p.record)].filter(Boolean).join(' · ')),
    );
    const items = shownFacts(rec.facts ?? [], query).map((f) => `${f.label}: ${f.withheld ? '비공개' : f.value}`);
    if (items.length) blocks.push(list(items, '주요 내용'));
  } else if (p.fact?.withheld) {
    blocks.push(
      text(
        `${p.fact.label}: 비공개 — 공개본에서 가려진 내용입니다(${rec.form?.disclosure ?? '부분공개'}). 숫자로 답하지 않습니다.`,
      ),
    );
  } else if (p.fact) {
    blocks.push(text(`${p.fact.label}: ${p.fact.value}`));
  } else {
    blocks.push(list([quotedItem(p.src, p.text, query)]));
  }
  const related = others.filter((o) => o.id !== p.record.id).slice(0, 4);
  if (related.length) {
    blocks.push(
      list(
        related.map((o) => `${o.record.title}${dateLabel(o) ? ` (${dateLabel(o)})` : ''}`),
        '같은 사업의 다른 문서',
      ),
    );
  }
  // A whole-document answer cites the lines of the items it lists.
  const shown = shownFacts(rec.facts ?? [], query);
  const cited: Source =
    p.whole && shown.length
      ? { section: shown[0]!.src.section, lines: [shown[0]!.src.lines[0], shown.at(-1)!.src.lines[1]] }
      : p.src;
  const source = [p.record.document.name, cited.section, formatSpans([cited.lines], p.record.document.locators)].filter(Boolean).join(' · ');
  // The head's date and the other documents' titles and dates are stated too: their lines are cited after the passage.
  const named = [p.record, ...related].flatMap((r) => {
    const own = r === p.record ? [] : [{ r, src: r.record.src }];
    const dated = r.record.form?.src ?? r.record.status?.asOfSrc ?? null;
    return dated ? [...own, { r, src: dated }] : own;
  });
  return reply('answer', `${head} — 문서에서 찾은 내용`, blocks, {
    sources: [source, ...sourcesOf(named)].filter((x, k, all) => all.indexOf(x) === k),
    suggestions: [rec.code ?? rec.title],
  });
}

/** Words naming every other project ("사업", "계획"): sharing only these does not make one programme. */
const COMMON = new Set(['사업', '추진', '운영', '계획', '관리', '지원', '결과', '보고', '요청', '지급', '서울', '서울시', '2025년', '2024년']);

/**
 * The documents of one programme among the search hits: the same organisation and department as the best one,
 * and a specific query word (the programme's name, "청년수당") in both titles. Newest first, one per document.
 */
export function historyOf(query: string, best: StoredRecord, hits: StoredRecord[]): StoredRecord[] {
  const words = queryWords(query).filter((w) => w.length >= 2 && !COMMON.has(w) && !/^\d/.test(w));
  const titleOf = (r: StoredRecord) => squash(r.record.title);
  const shared = words.filter((w) => has(titleOf(best), w));
  const same = (r: StoredRecord) =>
    r.record.organization === best.record.organization &&
    r.record.department === best.record.department &&
    shared.some((w) => has(titleOf(r), w));
  const seen = new Set<number>();
  return [best, ...hits.filter((r) => r.id !== best.id && shared.length > 0 && same(r))]
    .filter((r) => {
      if (seen.has(r.document.id)) return false;
      seen.add(r.document.id);
      return true;
    })
    .sort((a, b) => documentDate(b).localeCompare(documentDate(a)));
}

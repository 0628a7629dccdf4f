/** From a query to one project, or a reply saying why not: a wrong project's numbers are worse than none. */
import { projectIdentity } from '../domain/identity.js';
import { type RecordKind, recordNames } from '../domain/project.js';
import { NAMING_FIELDS } from '../search/fields.js';
import type { StoredRecord } from '../store/store.js';
import type { CommandContext } from './command.js';
import { orgDept, particle, yearLabel } from './format.js';
import { withoutParticle } from './people.js';
import { recordBlocks } from './blocks.js';
import { bestPassage, historyOf, passageReply, queryWords as passageWords, valueShapeWords } from './passages.js';
import { bestLines, quotedReply } from './quote.js';
import { organizationAliases } from '../domain/names.js';
import { departmentWords } from './departments.js';
import { qwertyToHangul } from '../search/korean-tokenizer.js';
import { recordId } from './knowledge.js';
import { list, type Reply, reply, text } from './reply.js';

export type Resolution =
  | {
      ok: true;
      record: StoredRecord;
      siblings: StoredRecord[];
      /** The query matched only the record's body text: answer with the lines, not with the record's fields. */
      bodyOnly: boolean;
      /**
       * Other documents of the same programme (plan, results, contracts, payments), newest first, the record's
       * own document included; a fact question is answered from the best passage of all of them.
       */
      history?: StoredRecord[];
    }
  | { ok: false; reply: Reply };

const NAMING = new Set<string>(NAMING_FIELDS);

const CODE = /^\d{1,2}-\d{1,2}(?:-\d{1,3})?$/;

/**
 * With `namedOnly`, a query found only in a record's body text does not get that record's figures: "따릉이
 * 예산" must not answer with the budget of a project that mentions 따릉이 once; it gets the lines instead.
 */
export function resolveProject(
  query: string,
  ctx: CommandContext,
  kinds: RecordKind[] = ['project', 'document'],
  namedOnly = false,
): Resolution {
  const q = query.trim();
  if (q === '') {
    return {
      ok: false,
      reply: reply('not_found', '어떤 사업인지 알려 주세요.', [
        text('예: "예산 순찰", "현황 협치", "일정 혁신토론회"'),
      ]),
    };
  }
  const { knowledge } = ctx;
  const allowed = (r: StoredRecord | undefined): r is StoredRecord => !!r && kinds.includes(r.record.kind);
  const allowedId = (id: string) => kinds.includes((knowledge.summaryOf(id)?.kind ?? '') as RecordKind);
  if (CODE.test(q)) {
    const byCode = knowledge
      .withCode(q)
      .filter((s) => allowedId(String(s.id)))
      .flatMap((s) => knowledge.get(String(s.id)) ?? []);
    if (byCode.length === 1)
      return { ok: true, record: byCode[0]!, siblings: siblingsOf(byCode[0]!, ctx), bodyOnly: false };
    if (byCode.length > 1) return { ok: false, reply: candidatesReply(q, byCode) };
  }
  const constraints = constraintsOf(q, ctx);
  // An organisation word selects records; the rest of the question must find them ("부산 청년수당" is not every
  // 부산 document).
  const searched = constraints.organization ? withoutWords(q, constraints.organizationWords) || q : q;
  // A year asked is a constraint, not a name: "어르신 예술가 2018년 예산" is not 안심주택 8만호 공급(2018년). The
  // year selects among the records found by the other words (and names a record only when they find nothing).
  const withoutYear = constraints.year !== null ? searched.replace(YEAR_WORD, ' ').trim() : '';
  const byName = withoutYear ? knowledge.index.search(withoutYear, { limit: 30, filter: allowedId }) : null;
  const outcome = byName && byName.verdict !== 'none' ? byName : knowledge.index.search(searched, { limit: 30, filter: allowedId });
  const all = outcome.hits
    .map((h, k) => ({ r: knowledge.get(h.id), fields: outcome.hits[k]!.matchedFields }))
    .filter((h): h is { r: StoredRecord; fields: string[] } => allowed(h.r))
    // Within the organisation asked, the rest of the question must name the record, not only occur in its text.
    .filter(
      (h) =>
        !constraints.organization ||
        (h.r.record.organization === constraints.organization && h.fields.some((f) => NAMING.has(f))),
    );
  const hits = all.slice(0, 8).map((h) => h.r);
  if (outcome.verdict === 'none' || hits.length === 0) {
    if (constraints.organization && outcome.hits.length > 0) {
      return { ok: false, reply: notFoundReply(q, [], `${constraints.organization} 문서에서는`) };
    }
    return { ok: false, reply: notFoundReply(q, outcome.suggestions) };
  }
  const best = hits[0]!;
  const wrongUnit = kinds.length === 1 && kinds[0] === 'department' ? unitNotHeld(q, best, hits, ctx) : null;
  if (wrongUnit) return { ok: false, reply: wrongUnit };
  const bodyOnly = !(all[0]?.fields ?? []).some((f) => NAMING.has(f)) || !namesRecord(q, best);
  if (bodyOnly && namedOnly) return { ok: false, reply: bodyMentionReply(q, best, ctx) };
  // Without a name, the record's own lines must hold a specific word of the question: filler plus a stray
  // match ("everyone123 사업") is not found, not a confident card.
  if (bodyOnly && !mentionedOnALine(q, best, ctx)) return { ok: false, reply: notFoundReply(q, outcome.suggestions) };
  const history = bodyOnly ? [best] : historyOf(q, best, all.map((h) => h.r));
  // The message names an item of the documents ("… 사업비", "… 공개 기간"): that item answers, whatever the command.
  const asked = ctx.message ?? q;
  const labelled = bestPassage(asked, history, knowledge);
  // So does a value of the kind asked ("최대 몇 개월" → "최대 6개월") in a passage that holds every word asked.
  // "… 예산 얼마" of a record with its budget: the budget answers, not a body line with an amount in it.
  const budgetAsked =
    /예산|사업비|집행|지출|세입|세출/.test(asked) && valueShapeWords(asked).every((w) => /^얼마/.test(w)) && (best.record.budget?.lines.length ?? 0) > 0;
  const shapedWhole = !budgetAsked && labelled?.shaped && labelled.coverage === passageWords(asked).length;
  if (labelled && ((labelled.fact && labelled.labelHit) || shapedWhole)) return { ok: false, reply: passageReply(asked, labelled, history) };
  if (outcome.verdict === 'ambiguous' && !bodyOnly) {
    // The same project reported and planned in one document is one answer, not a choice.
    const distinct = dedupeByProject(hits.slice(0, 5));
    // Near-twin titles ("… 감시망 운영-급성호흡기" / "… 운영-노로바이러스"): the one that writes the words asked as
    // one run, in order, is the one asked.
    const run = searched.replace(/[\s\p{P}\p{S}]/gu, '');
    const written = run.length >= 4 ? distinct.filter((d) => d.record.title.replace(/[\s\p{P}\p{S}]/gu, '').includes(run)) : [];
    if (distinct.length > 1 && written.length === 1) {
      const one = written[0]!;
      return { ok: true, record: one, siblings: bySiblingYear(siblingsOf(one, ctx), constraints.year), bodyOnly: false, history: [one] };
    }
    // Documents of one programme are its history, not rival answers: the best passage of all of them answers.
    const oneHistory = distinct.every((d) => history.some((h) => h.document.id === d.document.id));
    if (distinct.length > 1 && oneHistory) {
      const passage = labelled ?? bestPassage(q, history, knowledge);
      if (passage) return { ok: false, reply: passageReply(asked, passage, history, constraints.year) };
      return { ok: true, record: best, siblings: bySiblingYear(siblingsOf(best, ctx), constraints.year), bodyOnly, history };
    }
    if (distinct.length > 1) return { ok: false, reply: candidatesReply(q, distinct) };
  }
  const siblings = bySiblingYear(siblingsOf(best, ctx), constraints.year);
  // A year asked selects that year's record of the project (2015 실적 / 2016 계획), when it has one.
  const record = constraints.year !== null ? (siblings.find((x) => x.record.year === constraints.year) ?? best) : best;
  return { ok: true, record, siblings, bodyOnly, history };
}

/**
 * "청년사업담당관 조직" must never answer with another office's department under the asked name: when the query
 * names a unit and the best department record is not that unit, it is "not found", with what the store does
 * hold about the unit (its documents) and the department records it has.
 */
function unitNotHeld(query: string, best: StoredRecord, hits: StoredRecord[], ctx: CommandContext): Reply | null {
  const units = departmentWords(query);
  if (units.length === 0) return null;
  const names = (r: StoredRecord) => [r.record.title, r.record.department, ...r.record.teams].filter(Boolean).map((n) => n!.replace(/\s+/g, ''));
  if (units.some((u) => names(best).some((n) => n === u || n.startsWith(u) || u.startsWith(n)))) return null;
  const unit = units[0]!;
  const documents = ctx.knowledge.unit(unit).filter((s) => s.kind !== 'department');
  const blocks = [];
  if (documents.length) {
    blocks.push(
      list(
        [...new Set(documents.map((d) => d.title))].slice(0, 5),
        `${unit} 문서 ${documents.length}건 (부서 개요는 없음)`,
      ),
    );
  }
  const near = [...new Set(hits.map((h) => h.record.title))].slice(0, 3);
  if (near.length) blocks.push(list(near, '문서에 있는 부서'));
  return reply(
    'not_found',
    `"${unit}"의 조직·인력 개요는 문서에서 찾지 못했습니다.`,
    blocks,
    { suggestions: documents.length ? [`${unit} 사업`] : near },
  );
}

interface Constraints {
  /** "2016년", "2016": the year asked. */
  year: number | null;
  /** An organisation the question names ("부산", "영등포구"), as the store spells it. */
  organization: string | null;
  /** The words of the question that named it. */
  organizationWords: string[];
}

function withoutWords(query: string, words: string[]): string {
  return query
    .split(/\s+/)
    .filter((w) => !withoutParticle(w).some((f) => words.includes(f)))
    .join(' ');
}

/** Words of the question that select rather than search: a year, an organisation the store knows. */
const YEAR_WORD = /(?:^|\s)(?:19|20)\d{2}년?(?:도)?(?=\s|$)/g;

function constraintsOf(query: string, ctx: CommandContext): Constraints {
  const year = /(?:^|\s)((?:19|20)\d{2})년?(?:도)?(?=\s|$)/.exec(query);
  let organization: string | null = null;
  let organizationWords: string[] = [];
  const words = new Set(query.split(/\s+/).flatMap(withoutParticle));
  for (const s of ctx.knowledge.summaries) {
    const org = s.organization;
    if (!org || organization === org) continue;
    const named = [org, ...organizationAliases(org)].filter((a) => words.has(a));
    if (named.length) {
      organization = org;
      organizationWords = named;
    }
  }
  return { year: year ? Number(year[1]) : null, organization, organizationWords };
}

/** The records of the year asked, when the project has that year; else all of them, each labelled by year. */
function bySiblingYear(siblings: StoredRecord[], year: number | null): StoredRecord[] {
  if (year === null) return siblings;
  const ofYear = siblings.filter((s) => s.record.year === year);
  return ofYear.length ? ofYear : siblings;
}

/** Records of the same project in other years or phases (실적 and 계획 of one report). */
export function siblingsOf(r: StoredRecord, ctx: CommandContext): StoredRecord[] {
  const siblings = ctx.knowledge.siblings(recordId(r));
  return siblings.length ? siblings : [r];
}

function dedupeByProject(records: StoredRecord[]): StoredRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const k = projectIdentity(r.record);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function describeRecord(r: StoredRecord): string {
  const rec = r.record;
  const meta = [orgDept(rec), yearLabel(rec), rec.code].filter(Boolean).join(', ');
  return meta ? `${rec.title} (${meta})` : rec.title;
}

function candidatesReply(query: string, records: StoredRecord[]): Reply {
  return reply(
    'ambiguous',
    `"${query}"에 해당하는 사업이 여러 개입니다. 어느 것인가요?`,
    [list(records.map(describeRecord))],
    {
      suggestions: records.slice(0, 3).map((r) => r.record.code ?? r.record.title),
    },
  );
}

/** Words every other title has: matching only these does not name a project. */
const GENERIC_WORDS = new Set(['사업', '추진', '운영', '계획', '관리', '지원', '조성', '구축', '강화', '확대', '개선', '활성화', '현황']);

/**
 * The query names the record when a specific word of it (not 사업/추진/운영…) is in the record's names; a title
 * hit on a generic word plus a body hit on the rest ("없는 사업") is only a mention.
 */
function namesRecord(query: string, r: StoredRecord): boolean {
  const rec = r.record;
  const names = [...recordNames(rec), ...rec.contacts.flatMap((c) => [c.name, c.position, c.extension, c.phone])]
    .filter(Boolean)
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => withoutParticle(w).at(-1) ?? w)
    .filter((w) => w.length >= 2 && !GENERIC_WORDS.has(w));
  // 초성 queries match through their corrections, not their letters: trust the index there.
  if (words.length === 0 || words.some((w) => /[ㄱ-ㅎ]/.test(w))) return true;
  const named = (w: string) => names.includes(w) || [...bigrams(w)].some((b) => names.includes(b));
  // A word with no Hangul names the record as written ("CCTV", "2580") or typed on the wrong keyboard
  // ("dlsrnjs" = 인권); a part of it ("123" of "everyone123") does not.
  return words.some((w) => {
    if (/[가-힣]/.test(w)) return named(w);
    const typed = qwertyToHangul(w);
    return names.includes(w) || (typed !== null && /^[가-힣]+$/.test(typed) && named(typed));
  });
}

/** Some block of the record's source holds a specific word of the query (spaces ignored, or as typed on a
 * Korean keyboard). */
function mentionedOnALine(query: string, r: StoredRecord, ctx: CommandContext): boolean {
  const words = queryWords(query)
    .filter((w) => !GENERIC_WORDS.has(w))
    .flatMap((w) => {
      const typed = /[가-힣ㄱ-ㅎ]/.test(w) ? null : qwertyToHangul(w);
      return typed ? [w.toLowerCase(), typed] : [w.toLowerCase()];
    });
  if (words.length === 0) return false;
  return recordBlocks(ctx.knowledge, r).some((b) => {
    const compact = b.text.replace(/\s+/g, '').toLowerCase();
    return words.some((w) => compact.includes(w));
  });
}

function queryWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map((w) => withoutParticle(w).at(-1) ?? w)
    .filter((w) => w.length >= 2);
}

function* bigrams(word: string): Generator<string> {
  if (word.length < 4) return;
  for (let i = 0; i + 2 <= word.length; i++) yield word.slice(i, i + 2);
}

/** Only lines that hold every word of the query are a mention; a shared common word ("사업") is not. */
function bodyMentionReply(query: string, r: StoredRecord, ctx: CommandContext): Reply {
  const words = queryWords(query);
  const lines = bestLines(ctx.knowledge, r, query, 2).filter((l) => {
    const compact = l.text.replace(/\s+/g, '');
    return words.every((w) => compact.includes(w));
  });
  if (lines.length === 0) return notFoundReply(query, []);
  return quotedReply(r, lines, query, {
    kind: 'not_found',
    title: `"${query}"${particle(query, '이라는', '라는')} 사업은 찾지 못했습니다. 다른 사업 문서에 언급만 있습니다.`,
    caption: r.record.title,
  });
}

export function notFoundReply(query: string, suggestions: string[], scope = ''): Reply {
  const blocks = suggestions.length
    ? [list(suggestions.slice(0, 5), '비슷한 사업')]
    : [text('"찾기 키워드"로 검색하거나 "도움말"을 입력해 보세요.')];
  return reply('not_found', `${scope ? `${scope} ` : ''}"${query}"에 해당하는 사업을 찾지 못했습니다.`, blocks, {
    suggestions: suggestions.slice(0, 3),
  });
}

export function idOf(r: StoredRecord): string {
  return recordId(r);
}

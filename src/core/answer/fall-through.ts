/**
 * When a family command's reply does not answer what was asked — "not found", a list of candidates, or a card
 * without a value of the kind asked (an amount for "얼마", a date for "언제") — the general answerer reads the
 * passages of every document. Its answer replaces the command's only when it holds such a value; every reply
 * carries a trace of which answerer produced it and what was tried before.
 */
import type { Knowledge } from '../knowledge.js';
import type { Reply } from '../reply.js';
import { QUOTED_LINES } from '../quote.js';
import { generalAnswer, notFoundOfShape, squash, wordIn } from './general.js';
import { readQuestion } from './question.js';
import { valuesOf } from './values.js';

/** Commands that answer a question about documents; the rest (digest, help, search) keep their replies. */
/** Commands whose "not found" a value found in a passage may replace. */
const OVERRIDABLE = new Set(['project', 'budget', 'milestones', 'status', 'contact']);
const PEOPLE = new Set(['contact', 'owner', 'department']);
const ANSWERING = new Set(['project', 'budget', 'milestones', 'status', 'contact', 'owner', 'department']);

export function withGeneralAnswer(message: string, command: string, answered: Reply, knowledge: Knowledge): Reply {
  const tried = `${command}: ${answered.kind}${answered.trace?.length ? ` (${answered.trace.join(', ')})` : ''}`;
  if (!ANSWERING.has(command)) return { ...answered, trace: [tried] };
  const q = readQuestion(message);
  const valueShape = q.shape !== 'state' && q.shape !== 'fact';
  const body = answered.kind === 'answer' ? replyText(answered) : '';
  // A card of a document no family reads, or lines quoted without a value: a passage holding the value beats it.
  // A card whose quoted content is only headings ("446행: 향후계획") says where the answer is, not what it is.
  const headings = headingsOnly(answered);
  const quoted = (answered.trace?.includes(QUOTED_LINES) ?? false) || headings;
  const holds = !valueShape || valuesOf(q.shape, body).length > 0;
  // A reply read from documents no family knows (their generic record's card or lines) is the weakest: the
  // passages come first, and when they answer nothing, their "not found" (a card states only metadata).
  // (A schedule such a record read — its milestones with their months — is no card: it stands.)
  // A card matched on the asking words alone ("석성정수장 위치" → a plan's project with a "(위치)" line) names none of
  // the words naming what is asked: it is no answer, whatever value it holds.
  // (Words of letters only — Hangul, or a name like 'K-디지털': a code or a figure asked is matched by the command its
  // own way.)
  const naming = q.subject.filter((w) => !q.shapeWords.includes(w));
  const unrelated =
    answered.kind === 'answer' && naming.length > 0 && naming.every((w) => /^[가-힣]+$|^(?=.*[가-힣])[가-힣a-z-]+$/.test(w)) && namesNone(answered, naming);
  const generic =
    answered.kind === 'answer' && !(command === 'milestones' && holds) && (isGenericCard(answered, knowledge) || fromGenericOnly(answered, knowledge));
  // Lines quoted for "다음 일정" may hold only the dates of what was done: the planned section's passage comes first.
  const plannedAsked = quoted && q.shape === 'date' && q.tense === 'planned';
  // Lines quoted for holding the question's words, one of which holds a value, may be about something else: the
  // passage holding the words and the value asked comes first.
  const answers = answered.kind === 'answer' && holds && !(quoted && !valueShape) && !generic && !plannedAsked;
  const quotedValue = answers && quoted;
  // The people and unit commands answer who and where from the records' own contact lines: kept as they are.
  // (When a person is asked and their reply names none — only the department —, a passage may name them.)
  const noPerson = command === 'owner' && answered.kind === 'answer' && q.shape === 'person' && /누구|이름|성명/.test(q.text) && !holds;
  const kept = (answers && !quotedValue) || (answered.kind === 'answer' && PEOPLE.has(command) && !generic && !noPerson);
  if (kept && !unrelated) return { ...answered, trace: [tried] };
  const general = generalAnswer(message, knowledge, q);
  // (Its words may be a typo or 초성 the command read: only a passage that answers, placed by the words, replaces it.)
  if (kept) return general?.reply.kind === 'answer' && !general.weak ? { ...general.reply, trace: [tried, general.trace] } : { ...answered, trace: [tried, general?.trace ?? 'general: nothing found'] };
  // Lines quoted for holding the question's words, one with a value, may be about something else: a passage that
  // holds the words naming what is asked and its value comes first; a passage only its title places does not.
  // (A family that knows the document quoted lines of its own records: those stand.)
  if (quotedValue) return general?.reply.kind === 'answer' && !general.weak && general.family === 'generic' ? { ...general.reply, trace: [tried, general.trace] } : { ...answered, trace: [tried, general?.trace ?? 'general: nothing found'] };
  // A person asked whom no document names: the department the reply gives is offered, as a "not found" of the person.
  const personless = (trace: string): Reply => ({ ...answered, kind: 'not_found', title: `${answered.title} — 담당자 이름은 문서에 없습니다`, trace: [tried, trace] });
  if (!general) {
    if (noPerson) return personless('general: nothing found');
    // A generic card states only what the document is: it answers no value asked of it.
    if (generic && valueShape && !holdsOwn(answered, q)) return { ...notFoundOfShape(q, answered), trace: [tried, 'general: nothing found'] };
    return { ...answered, trace: [tried, 'general: nothing found'] };
  }
  // A word no document writes undoes only a generic card (which matched the rest): a family's reply, or its list of
  // candidates read from 초성 or a typo, stands.
  if (general.unwritten && !generic) return noPerson ? personless(general.trace) : { ...answered, trace: [tried, general.trace] };
  if (noPerson && general.reply.kind !== 'answer') return personless(general.trace);
  if (generic && general.reply.kind !== 'answer') return { ...general.reply, trace: [tried, general.trace] };
  // A family command's "not found" for a unit, a person or a project the words only mention is deliberate: only a
  // value of the asked kind, found where the project command found nothing, replaces it.
  // (How a thing stands, asked of a project no record is for, is answered by the passage that names it.)
  const stateFound = command === 'project' && q.shape === 'state' && general.reply.kind === 'answer';
  // "<a notice's subject> 문의 부서 어디" reads as a unit's name to the department command: a document that every
  // word names, and whose contacts or passage answers, is what was asked.
  const unitMisread = command === 'department' && q.shape === 'organisation' && general.reply.kind === 'answer' && !general.weak;
  if (answered.kind === 'not_found' && (!valueShape || !OVERRIDABLE.has(command)) && !stateFound && !unitMisread) return { ...answered, trace: [tried, general.trace] };
  if (quoted && !valueShape && !(headings && general.reply.kind === 'answer')) return { ...answered, trace: [tried, general.trace] };
  if (general.reply.kind === 'answer' || answered.kind !== 'answer') {
    // A command's own "not found" stays when the general answerer finds nothing better either.
    if (general.reply.kind !== 'answer' && answered.kind === 'not_found' && command !== 'project') return { ...answered, trace: [tried, general.trace] };
    return { ...general.reply, trace: [tried, general.trace] };
  }
  return { ...answered, trace: [tried, general.trace] };
}

/** True when no word is in anything the reply shows: its title, blocks (captions too) and sources. */
function namesNone(r: Reply, words: string[]): boolean {
  const everything = squash([r.title, JSON.stringify(r.blocks), ...r.sources].join(' '));
  return !words.some((w) => wordIn(w, everything));
}

/** A value of the kind asked in what the reply quotes from the document (its lists), not its metadata fields. */
function holdsOwn(r: Reply, q: ReturnType<typeof readQuestion>): boolean {
  return r.blocks.some((b) => b.type === 'list' && b.items.some((i) => valuesOf(q.shape, i.replace(/^\d+(?:–\d+)?행:\s*/, '')).length > 0));
}

function headingsOnly(r: Reply): boolean {
  const lists = r.blocks.filter((b) => b.type === 'list');
  return lists.length > 0 && lists.every((b) => b.type === 'list' && b.items.every((i) => /^\d+(?:–\d+)?행: \S.{0,14}$/.test(i)));
}

/** The words and figures a reply states (title and blocks; not its sources). */
function replyText(r: Reply): string {
  const parts = [r.title];
  for (const b of r.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else if (b.type === 'fields') parts.push(...b.fields.map((f) => `${f.label} ${f.value}`));
    else if (b.type === 'list') parts.push(...b.items);
    else parts.push(...b.headers, ...b.rows.flat());
  }
  return parts.join('\n');
}

function isGenericCard(r: Reply, knowledge: Knowledge): boolean {
  const subject = r.subject;
  if (r.kind !== 'answer' || !subject) return false;
  return knowledge.summaries.some((s) => s.kind === 'document' && (s.title === subject || s.code === subject));
}

const genericCache = new WeakMap<Knowledge, Set<string>>();

/** Names of documents whose only records are generic ones (no family read them). */
function genericDocuments(knowledge: Knowledge): Set<string> {
  let set = genericCache.get(knowledge);
  if (set) return set;
  const kinds = new Map<string, boolean>();
  for (const s of knowledge.summaries) kinds.set(s.documentName, (kinds.get(s.documentName) ?? true) && s.kind === 'document');
  set = new Set([...kinds].filter(([, g]) => g).map(([n]) => n));
  genericCache.set(knowledge, set);
  return set;
}

function fromGenericOnly(r: Reply, knowledge: Knowledge): boolean {
  if (r.sources.length === 0) return false;
  const generic = genericDocuments(knowledge);
  return r.sources.every((s) => generic.has(s.split(' · ')[0]!.trim()));
}

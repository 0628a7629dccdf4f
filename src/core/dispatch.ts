/**
 * Routing of free text: any message in, a short Reply out. Nothing a user types — empty, 5,000 characters,
 * emoji, markup, mass mentions — reaches a command unchecked. The error boundary is the bot's (src/bot.ts).
 */
import { type Command, type CommandContext, replayRefusal } from './command.js';
import { commandContext } from './context.js';
import { departmentWords, findOverviewUnit } from './departments.js';
import { withoutParticle } from './people.js';
import { particle } from './format.js';
import { overviewFact } from './overview-facts.js';
import { withGeneralAnswer } from './answer/fall-through.js';
import { intentVocabulary, parseIntent } from './intent.js';
import type { Knowledge } from './knowledge.js';
import { normalizeMessage } from './message-text.js';
import { type Reply, reply, text } from './reply.js';

export { MAX_MESSAGE_CHARS } from './message-text.js';
const MAX_QUERY_CHARS = 200;

export interface Router {
  /** Free text → the command it asks for → its Reply. Errors propagate to the caller's boundary (src/bot.ts). */
  answer(message: string, knowledge: Knowledge, extra?: Pick<CommandContext, 'origin' | 'digests' | 'replay'>): Reply;
  /** The command a name or alias (any case) names. */
  command(nameOrAlias: string): Command | undefined;
  readonly commands: readonly Command[];
}

/**
 * A router over a command registry (handed in by the composition root: core never imports commands/). The
 * registry must hold `project`, the command a question with no command word goes to.
 */
export function createRouter(commands: readonly Command[]): Router {
  const vocabulary = intentVocabulary(commands);
  const byName = new Map(commands.map((c) => [c.name, c]));
  const fallback = byName.get('project');
  if (!fallback) throw new Error('command registry: no "project" command to answer plain questions');
  const named = (name: string): Command | undefined =>
    byName.get(name) ?? byName.get(vocabulary.leading.get(name.trim().toLowerCase()) ?? '');

  function route(message: string, ctx: CommandContext): Reply {
    const cleaned = cleanMessage(message);
    if (!/[\p{L}\p{N}]/u.test(cleaned)) {
      return reply('help', '무엇을 찾아 드릴까요?', [
        text(
          '사업 이름, 사람 이름, 내선번호를 물어보세요. 예: "순찰 행정 예산", "정책기획과장 전화번호". "도움말"로 전체 명령을 볼 수 있습니다.',
        ),
      ]);
    }
    if (cleaned.length > MAX_QUERY_CHARS) {
      // The length the user sent, not what is left after cutting it at MAX_MESSAGE_CHARS.
      const sent = Math.max(cleaned.length, message.length).toLocaleString('en-US');
      return reply('error', `질문이 너무 깁니다 (${sent}자). ${MAX_QUERY_CHARS}자 안으로 줄여 주세요.`);
    }
    // Built on the first message that has an intent word next to another word, not at start-up.
    const intent = parseIntent(cleaned, vocabulary, (p) => namePhrases(ctx.knowledge).has(p));
    let name = intent.command;
    const { lookups } = ctx;
    if (!name) {
      if (lookups.people(intent.query)) name = 'contact';
      else if (lookups.department(intent.query) && intent.query.split(/\s+/).length === 1) name = 'department';
      else if (namesKnownUnit(intent.query, ctx)) name = 'owner';
      // "교육지원과 인원": a 과 that a 국's overview lists, asked about its staffing or budget.
      else if (namesOverviewUnit(intent.query, ctx)) name = 'department';
      else if (namesUnknownUnit(intent.query, ctx)) {
        return reply('not_found', `"${intent.query}"${particle(intent.query, '이라는', '라는')} 부서·팀을 문서에서 찾지 못했습니다.`, [
          text('부서 이름을 확인하거나 "찾기 키워드"로 검색해 보세요.'),
        ]);
      } else name = fallback!.name;
    } else if (name === 'owner' && lookups.people(intent.query)) {
      name = 'contact';
    }
    const command = byName.get(name) ?? fallback!;
    const args = command.args.safeParse({ query: intent.query, message: cleaned });
    if (!args.success) return reply('error', `입력을 이해하지 못했습니다: ${args.error.issues[0]?.message ?? ''}`);
    const refused = replayRefusal(command, args.data, ctx);
    if (refused) return refused;
    const answered = command.run(args.data, { ...ctx, message: cleaned });
    // Nothing the command reads answers ("화력발전지역개발특별회계 세출", "시립미술관 현원"): a figure that a department
    // overview states in a table or a line, when every word of the question is accounted for there.
    const fact = answered.kind === 'not_found' || answered.kind === 'ambiguous' ? overviewFact(cleaned, ctx) : null;
    if (fact) return { ...fact, trace: [`${command.name}: ${answered.kind}`, 'overview fact'] };
    return withGeneralAnswer(cleaned, command.name, answered, ctx.knowledge);
  }

  return {
    commands,
    command: named,
    answer: (message, knowledge, extra = {}) => route(message, commandContext(knowledge, undefined, extra)),
  };
}

/** "교통과 공약", "순찰팀 사업": a unit the documents name, with nothing more specific asked. */
function namesKnownUnit(query: string, ctx: CommandContext): boolean {
  const words = query.split(/\s+/);
  const units = departmentWords(query).filter((u) => ctx.knowledge.unit(u).length > 0);
  return units.length > 0 && words.length - units.length <= 1 && words.every((w) => units.some((u) => w.startsWith(u)) || GENERIC.test(w));
}

const UNIT_MEASURE = /^(?:인원|인력|정원|현원|조직|예산|세입|세출|몇명|규모|현황)$/;

function namesOverviewUnit(query: string, ctx: CommandContext): boolean {
  const words = query.split(/\s+/).map((w) => withoutParticle(w).at(-1)!);
  const unit = findOverviewUnit(query, ctx);
  return !!unit && words.every((w) => w === unit.unit || UNIT_MEASURE.test(w));
}

/** A single department-like word ("예산담당관") that no document names: say so rather than guess. */
function namesUnknownUnit(query: string, ctx: CommandContext): boolean {
  const words = query.split(/\s+/);
  const units = departmentWords(query);
  if (words.length !== 1 || units.length === 0) return false;
  const known = (u: string) =>
    ctx.knowledge.unit(u).length > 0 ||
    ctx.knowledge.people('position', u).length > 0;
  return !units.some(known);
}

const GENERIC = /^(?:공약|사업|과제|업무|사업들|공약들|목록|전체)$/;

/** The message as a question: see message-text.ts (line breaks, control characters, mentions, markup). */
export function cleanMessage(message: string): string {
  return normalizeMessage(message);
}

const namePhraseCache = new WeakMap<Knowledge, Set<string>>();

/** Compact two-word phrases of titles ("기본계획", "실행계획") that an intent word must not split. */
function namePhrases(knowledge: Knowledge): Set<string> {
  let set = namePhraseCache.get(knowledge);
  if (set) return set;
  set = new Set<string>();
  for (const s of knowledge.summaries) {
    const words = s.title.split(/\s+/);
    for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]}${words[i + 1]}`);
  }
  namePhraseCache.set(knowledge, set);
  return set;
}


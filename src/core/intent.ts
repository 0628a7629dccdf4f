/**
 * Message → command + search words. Command words in Korean and English pick the command and leave the search,
 * unless they belong to a name the documents use ("기본계획 수립", "예산담당관" are one token and never match).
 */
import type { Command } from './command.js';
import { FILLER_WORDS, withoutParticle } from '../domain/vocabulary.js';

export interface Intent {
  command: string | null;
  query: string;
  /** True when the message began with a command word ("예산 순찰", "contact 송호재"). */
  explicit: boolean;
}

/**
 * The words that pick a command, built from the registry: each command's name and aliases are the one place
 * to add a word. Words are kept lower-case; `order` lists command names strongest first (by precedence).
 */
export interface IntentVocabulary {
  /** Words that pick their command anywhere in a message. */
  anywhere: ReadonlyMap<string, string>;
  /** Words that pick their command in front of a message: every name and alias. */
  leading: ReadonlyMap<string, string>;
  order: readonly string[];
}

export function intentVocabulary(commands: readonly Command[]): IntentVocabulary {
  const anywhere = new Map<string, string>();
  const leading = new Map<string, string>();
  for (const c of commands) {
    const only = new Set((c.aliases.leadingOnly ?? []).map((w) => w.toLowerCase()));
    for (const w of [c.name, ...c.aliases.ko, ...c.aliases.en].map((x) => x.toLowerCase())) {
      leading.set(w, c.name);
      if (!only.has(w)) anywhere.set(w, c.name);
    }
  }
  const order = commands
    .map((c, i) => ({ name: c.name, rank: c.precedence ?? DEFAULT_PRECEDENCE, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((c) => c.name);
  return { anywhere, leading, order };
}

const DEFAULT_PRECEDENCE = 80;

/** Two-word intents typed with a space: "추진 상황", "사업 구분", "팀 구성". */
const PHRASES: Array<[RegExp, string]> = [
  [/추진\s+상황/g, '추진상황'],
  [/사업\s+구분/g, '사업구분'],
  [/팀\s+구성/g, '팀구성'],
  [/진행\s+상황/g, '진행상황'],
];


export function parseIntent(
  message: string,
  vocabulary: IntentVocabulary,
  isNamePhrase: (phrase: string) => boolean = () => false,
): Intent {
  let text = message;
  for (const [re, joined] of PHRASES) text = text.replace(re, joined);
  const tokens = text
    .split(/\s+/)
    .map((t) => t.replace(/^[?？!.,~"'“”‘’]+|(?<![?？!.,~"'“”‘’])[?？!.,~"'“”‘’]+$/g, ''))
    .filter((t) => t !== '');
  if (tokens.length === 0) return { command: null, query: '', explicit: false };
  const first = commandOf(tokens[0]!, vocabulary.leading);
  if (first && (tokens.length > 1 || first === 'help')) {
    return {
      command: first,
      query: tokens
        .slice(1)
        .filter((t) => !FILLER_WORDS.has(t))
        .join(' '),
      explicit: true,
    };
  }
  const found = new Set<string>();
  const keep: string[] = [];
  tokens.forEach((tok, i) => {
    const cmd = commandOf(tok, vocabulary.anywhere);
    const neighbours = [`${tokens[i - 1] ?? ''}${tok}`, `${tok}${tokens[i + 1] ?? ''}`];
    if (cmd && !neighbours.some((p) => p !== tok && isNamePhrase(p))) {
      found.add(cmd);
      return;
    }
    if (!FILLER_WORDS.has(tok.toLowerCase())) keep.push(tok);
  });
  const command = vocabulary.order.find((c) => found.has(c)) ?? null;
  return { command, query: keep.join(' '), explicit: false };
}

function commandOf(token: string, words: ReadonlyMap<string, string>): string | null {
  for (const form of withoutParticle(token.toLowerCase())) {
    const cmd = words.get(form);
    if (cmd) return cmd;
  }
  return null;
}

/**
 * Message → command + search words. Intent words in Korean and English pick the command and leave the search,
 * unless they belong to a name the documents use ("기본계획 수립", "예산담당관" are one token and never match).
 */
import { withoutParticle } from './people.js';

export interface Intent {
  command: string | null;
  query: string;
  /** True when the message began with a command word ("예산 순찰", "contact 송호재"). */
  explicit: boolean;
}

/** Stronger intents first: a message with both 담당자 and 전화번호 wants the number. */
const INTENT_WORDS: Array<[string, string[]]> = [
  ['help', ['도움말', '사용법', '명령어', 'help', '?']],
  ['contact', ['연락처', '내선', '내선번호', '전화', '전화번호', '번호', 'contact', 'phone']],
  ['owner', ['담당', '담당자', '누구', '누구야', '누구지', '누가', '맡은', '맡고', 'owner', 'who']],
  [
    'budget',
    [
      '예산',
      '집행',
      '집행액',
      '사업비',
      '집행률',
      '집행율',
      '썼어',
      '썼나',
      '썼지',
      '얼마',
      '얼마나',
      'budget',
      'spend',
    ],
  ],
  ['milestones', ['일정', '향후', '계획', '다음', '언제', '시기', '기간', '스케줄', 'next', 'schedule', 'when']],
  [
    'status',
    [
      '현황',
      '진도',
      '진도율',
      '진행',
      '진행상황',
      '추진상황',
      '추진율',
      '사업구분',
      '상태',
      '어디까지',
      'status',
      'progress',
    ],
  ],
  ['department', ['부서', '조직', '인력', '정원', '현원', '팀구성', '조직도', 'department', 'org', 'dept']],
  ['search', ['찾기', '검색', '찾아줘', '찾아', 'search', 'find']],
  ['digest', ['요약', 'digest']],
  ['project', ['카드', 'card', 'project']],
];

/** Two-word intents typed with a space: "추진 상황", "사업 구분", "팀 구성". */
const PHRASES: Array<[RegExp, string]> = [
  [/추진\s+상황/g, '추진상황'],
  [/사업\s+구분/g, '사업구분'],
  [/팀\s+구성/g, '팀구성'],
  [/진행\s+상황/g, '진행상황'],
];

/** Words that carry no meaning for the search ("얼마나 썼어?", "알려줘"). */
const FILLER = new Set([
  '좀',
  '알려줘',
  '알려',
  '줘',
  '주세요',
  '해',
  '해?',
  '하나',
  '해요',
  '했어',
  '됐어',
  '돼',
  '됐나',
  '뭐야',
  '뭐지',
  '뭐',
  '어떻게',
  '있어',
  '있나',
  '있어요',
  '인가',
  '인가요',
  '이야',
  '야',
  '요',
  '은',
  '는',
  '이',
  '가',
  '의',
  '및',
  'the',
  'of',
  'is',
  '됐는지',
  '되었나',
  '했나',
  '할까',
  '하지',
  '하는',
  '사업은',
  '관련',
]);

const BY_WORD = new Map<string, string>(
  INTENT_WORDS.flatMap(([cmd, words]) => words.map((w) => [w.toLowerCase(), cmd] as const)),
);

export function parseIntent(message: string, isNamePhrase: (phrase: string) => boolean = () => false): Intent {
  let text = message;
  for (const [re, joined] of PHRASES) text = text.replace(re, joined);
  const tokens = text
    .split(/\s+/)
    .map((t) => t.replace(/^[?？!.,~"'“”‘’]+|[?？!.,~"'“”‘’]+$/g, ''))
    .filter((t) => t !== '');
  if (tokens.length === 0) return { command: null, query: '', explicit: false };
  const first = commandOf(tokens[0]!);
  if (first && (tokens.length > 1 || first === 'help')) {
    return {
      command: first,
      query: tokens
        .slice(1)
        .filter((t) => !FILLER.has(t))
        .join(' '),
      explicit: true,
    };
  }
  const found = new Set<string>();
  const keep: string[] = [];
  tokens.forEach((tok, i) => {
    const cmd = commandOf(tok);
    const neighbours = [`${tokens[i - 1] ?? ''}${tok}`, `${tok}${tokens[i + 1] ?? ''}`];
    if (cmd && !neighbours.some((p) => p !== tok && isNamePhrase(p))) {
      found.add(cmd);
      return;
    }
    if (!FILLER.has(tok.toLowerCase())) keep.push(tok);
  });
  const command = INTENT_WORDS.map(([c]) => c).find((c) => found.has(c)) ?? null;
  return { command, query: keep.join(' '), explicit: false };
}

function commandOf(token: string): string | null {
  for (const form of withoutParticle(token.toLowerCase())) {
    const cmd = BY_WORD.get(form);
    if (cmd) return cmd;
  }
  return null;
}

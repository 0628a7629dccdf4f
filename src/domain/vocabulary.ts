/**
 * The one Korean vocabulary every family, the router and the search share: trailing particles, chat filler
 * words, the words documents use for a project's state, and the names answers give budget kinds. Change a word here and every reader follows.
 */
import type { BudgetKind, State } from './project.js';

// ---------------------------------------------------------------------------------------------------------------
// Spacing

/**
 * Text with its letters closed up, for comparing what documents space freely: "구 분" → "구분", "집 행 액" →
 * "집행액", "감사 담당관" → "감사담당관".
 */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Particles

/**
 * Trailing particles and endings (the longest match wins: "에서" before "에"). Ambiguous one-syllable endings
 * that end many ordinary nouns ("나", "랑", "서") are left out.
 */
export const PARTICLES: readonly string[] = (
  '에서부터 으로부터 이었습니다 입니다 에게서 으로서 으로써 에서는 에서도 에서의 으로는 으로의 이라는 이라고 까지 부터 에서 으로 이랑 하고 에게 한테 께서 처럼 보다 마다 조차 ' +
  '밖에 에는 에도 로는 로서 로써 과의 와의 이나 이며 이고 이다 인가 이요 이지 이야 은 는 이 가 을 를 의 에 로 와 과 도 만 께 요'
).split(' ');

/**
 * Particles that are also the last syllable of unit and place names (정책기획과, 인천광역시로 …: 과, 와, 로, 에, 만),
 * so a name-safe strip leaves them on: "정책기획과" is a department, not 정책기획 + 과.
 */
const NAME_ENDINGS = new Set(['과', '와', '로', '에', '만']);

/** Particles by their last syllable, longest first: one map lookup instead of ~60 suffix tests. */
const PARTICLES_BY_LAST = new Map<string, string[]>();
for (const p of [...PARTICLES].sort((a, b) => b.length - a.length)) {
  const last = p.charAt(p.length - 1);
  PARTICLES_BY_LAST.set(last, [...(PARTICLES_BY_LAST.get(last) ?? []), p]);
}

export interface StripOptions {
  /** How many particles to peel ("협치는요" has two). */
  layers?: number;
  /** Keep name endings (과, 와, 로, 에, 만) on: for department, team and position words. */
  nameSafe?: boolean;
}

/**
 * Forms of a word with trailing particles removed, outermost first ("협치는요" → ["협치는", "협치"]); a form
 * is produced only while ≥2 syllables remain. The word itself is not in the list.
 */
export function stripParticles(word: string, { layers = 2, nameSafe = false }: StripOptions = {}): string[] {
  const out: string[] = [];
  let current = word;
  for (let layer = 0; layer < layers; layer++) {
    const candidates = PARTICLES_BY_LAST.get(current.charAt(current.length - 1));
    if (candidates === undefined) break;
    const particle = candidates.find(
      (p) => current.endsWith(p) && current.length - p.length >= 2 && !(nameSafe && NAME_ENDINGS.has(p)),
    );
    if (particle === undefined) break;
    current = current.slice(0, current.length - particle.length);
    out.push(current);
  }
  return out;
}

/** "전월세팀장이" → ["전월세팀장이", "전월세팀장"]: the word and its name-safe stem, for matching names and words. */
export function withoutParticle(word: string): string[] {
  const stem = stripParticles(word, { layers: 1, nameSafe: true })[0];
  return stem ? [word, stem] : [word];
}

// ---------------------------------------------------------------------------------------------------------------
// Filler

/**
 * Chat words that say nothing about which project is meant ("얼마나 썼어?", "알려줘", "협치 담당자 누구야"): the
 * router drops them from the search words, and the search does not count them toward a query's coverage.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    '좀 알려줘 알려 알려주세요 줘 주세요 해 해? 하나 해요 했어 됐어 돼 됐나 뭐야 뭐지 뭐 어떻게 있어 있나 있어요 인가 인가요 이야 야 요 ' +
    '은 는 이 가 의 및 the of is 됐는지 되었나 했나 할까 하지 하는 사업은 관련 ' +
    '누구 누구야 누구예요 어디 어디서 어디에 어디야 언제 언제야 어때 담당자 연락처 전화번호 내선 번호'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------------------------
// State words

/**
 * A state as documents write it (추진중, 완료, 정상추진, 일부추진, 보류, 예정, 이행 후 계속추진, 기타(시기미도래) …)
 * → the normalised state. Spaces are ignored. Checked in this order, so the more specific reading wins:
 * "이행후계속추진" is completed and ongoing, "완료예정" is planned, "일부완료" is partial, "미추진" is planned.
 */
const STATE_WORDS: ReadonlyArray<[RegExp, State]> = [
  [/(?:완료|이행).*(?:계속|지속)/, 'completed_ongoing'],
  [/시기미도래|미도래|미착수|착수전|미추진|예정/, 'planned'],
  [/일부/, 'partial'],
  [/완료|종료|준공/, 'completed'],
  [/지연|부진|차질|보류|중단/, 'delayed'],
  [/정상|추진중|진행|추진/, 'in_progress'],
];

export function stateOf(written: string): State {
  const t = written.replace(/\s+/g, '');
  return STATE_WORDS.find(([re]) => re.test(t))?.[1] ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------------------------
// Budget kinds

/** What every answer, digest and card calls a kind of budget figure: 확보 says the money is allocated, not asked for. */
export const BUDGET_KIND_LABEL: Readonly<Record<BudgetKind, string>> = {
  required: '소요',
  allocated: '예산(확보)',
  executed: '집행',
  planned: '계획',
  expected: '예상 집행',
  balance: '잔액',
};

/** The order budget figures are told in: what it needs, what it got, what it spent, what is left, what comes. */
export const BUDGET_KIND_ORDER: readonly BudgetKind[] = ['required', 'allocated', 'executed', 'expected', 'balance', 'planned'];

/**
 * A question's shape — which kind of value it asks for — and its constraints (a year, a month, planned or done),
 * read from the words staff use. The rest of the question is its subject: the words a passage must hold.
 */
import { withoutParticle } from '../people.js';

export type Shape =
  | 'amount'
  | 'date'
  | 'count'
  | 'person'
  | 'phone'
  | 'organisation'
  | 'place'
  | 'rate'
  | 'quantity'
  | 'docnumber'
  | 'state'
  | 'fact';

export interface Question {
  text: string;
  shape: Shape;
  /** Words that must be found: the question less its asking words and particles. */
  subject: string[];
  /** The words that decided the shape ("예산", "언제"): a passage labelled with one is the better answer. */
  shapeWords: string[];
  year: number | null;
  month: number | null;
  /** "다음 일정", "향후계획", "언제 해": planned sections first; "했어", "실적": done ones. */
  tense: 'planned' | 'done' | null;
}

/** The asking words that decide alone, whatever the subject holds ("60% 초과 … 언제부터" asks a date). */
const ASKING_FIRST: Array<[Shape, RegExp]> = [
  ['date', /언제|며칠|몇\s*월/],
  ['person', /누구/],
  ['place', /어디서|어디에서|어디\s*(?:에\s*)?있/],
  // "몇 개 기관 참여": a count with its counter asks a number, whatever noun follows.
  ['count', /몇\s*(?:명|개|곳|건|개사|팀|회|개소|가구|대|편|종|차례|번)/],
];

/** Checked in order: the first that matches decides ("담당자 연락처" is a phone question). */
const SHAPES: Array<[Shape, RegExp]> = [
  ['state', /어디까지|어떻게\s*(?:됐|되고|돼|진행)/],
  // "요구번호", "접수번호" are numbers of a document, not a phone: only a phone's own words ask for one.
  ['docnumber', /(?:공고|문서|시행|접수|등록)\s*번호|공고\s*제\s*몇/],
  ['phone', /전화|연락처|내선|문의처|☎|팩스|(?:핸드폰|휴대폰|연락)\s*번호|이메일|메일|e-?mail/i],
  ['rate', /%|퍼센트|비율|[률율](?:은|이|는)?$|보조율|증가율|감소율|달성률|집행률|경쟁률/],
  ['count', /몇\s*(?:명|개|곳|건|개사|팀|회|개소|가구|대|편|점|종|호|차례|번|일|개월|년|시간|위|살|쪽|배)|인원|규모|몇\s*$|개수|수는|건수|횟수|배점|점수|만점|나이|연령|쪽수|배수|몇/],
  ['amount', /얼마|예산|사업비|금액|비용|지원금|상금|확보|총액|액수|급여|보수|연봉|월급|단가|임금|수당|사업\s*규모|예산\s*규모|세출|세입|집행액|결산|투자액|출연금|보조금|시상금|지원액|예상액|잔액|조성액|적립액|한도/],
  ['date', /언제|기간|까지|일정|마감|날짜|며칠|몇\s*월|기한|일시|시간|시각|개최일|접수일|시작|종료|발표일|시기|예정일|일자|시행일|선정일|채수일|[가-힣]{1,4}일$/],
  ['person', /누구|담당자|팀장|과장|책임자|국장|실장|대표|위원장|단장|센터장|원장|매니저|이름|성명/],
  ['place', /어디서|장소|어디에서|위치|어디에|주소|개최지|행사장|어디\s*(?:를\s*)?(?:방문|갔|가)/],
  ['organisation', /어느\s*(?:부서|과|기관|팀|곳)|부서|주관|소관|주최|기관|실국|어디/],
  ['state', /어떻게|진행|현황|상황|결과|됐어|되고|추진\s*상황|실적/],
];

const MONEY = /원|예산|사업비|금액|비용|지원금|상금|총액|액수|급여|보수|연봉|월급|단가|임금|수당|세출|세입|집행|결산|투자|출연금|보조금|시상금|지원액|(?:비|료|금|값|가격|액)(?![가-힣])/;

const ASKING =
  /^(?:뭐|뭐야|무엇|무엇인가|언제|얼마|얼마나|얼마야|어디|어디야|어디서|어떻게|어떤|몇|몇개|몇명|누구|누구야|알려줘|알려|말해줘|궁금해|궁금|있어|있나|있나요|되나|되나요|해|해요|했어|하나|하니|인가|인가요|야|요|좀|그|이|저|관련|대한|대해|내용|정도|혹시|이번|거|것|건|게|뭔가|나와|나와있어|돼|되|됐어|돼요|알아|줘|하는|있는|어느|까지|부터|어때|어때요|어떤지|어떤가|어떤가요|나왔어|나왔나|나와|나왔지|비교|되고|되고있어|다음|향후|앞으로|남은|지난|줄었어|늘었어|줄었나|늘었나|줄었지|늘었지|됐지|되지|인지)$/;

/** An asking word with a spoken ending ("언제야", "얼마였어", "어디예요"): still only asking. */
const ASKING_ENDED = /^(?:몇[가-힣]{0,3}|(?:언제|얼마|어디|누구|뭐|무엇)(?:이|가|야|이야|예|에|예요|에요|이에요|지|죠|인가요?|인지|니|냐|일까요?|였어|였지|였나요?|이었어|였어요|나|나요|요|쯤|부터|까지|였더라|더라|고|고요)?)$/;

/** The question read: shape, constraints and subject words. */
export function readQuestion(text: string): Question {
  const t = text.trim();
  let shape: Shape = 'fact';
  const shapeWords: string[] = [];
  // The asking words that decide alone, else the shape asked last: Korean puts what is asked at the end
  // ("청년수당 자문회의 일정" asks a date, though 수당 names money).
  const first = ASKING_FIRST.map(([s, re]) => [s, re.exec(t)] as const).find(([, m]) => m);
  let best: { s: Shape; m: RegExpExecArray } | null = first ? { s: first[0], m: first[1]! } : null;
  if (!best) {
    // A bare 어디 only asks where: a word naming the kind ("장소 어디", "부서 어디") decides.
    const placeNamed = SHAPES.some(([sh, re]) => sh === 'place' && re.test(t) && !/^어디/.test(re.exec(t)![0]));
    // A bare 얼마 likewise gives way to a word naming a rate or a count ("국고보조율 얼마").
    const measureNamed = SHAPES.some(([sh, re]) => (sh === 'rate' || sh === 'count') && re.test(t) && re.exec(t)![0] !== '규모');
    const end = (m: RegExpExecArray) =>
      (m[0] === '어디' && placeNamed) || (/^얼마/.test(m[0]) && measureNamed) ? -1 : m.index + m[0].length;
    for (const [s, re] of SHAPES) {
      const m = lastMatch(re, t);
      // At the same end the longer match names the kind better ("사업 규모" an amount, not the count of "규모").
      if (m && (!best || end(m) > end(best.m) || (end(m) === end(best.m) && m[0].length > best.m[0].length))) best = { s, m };
    }
  }
  if (best) {
    shape = best.s;
    shapeWords.push(best.m[0].replace(/\s+/g, ''));
  }
  // "질산성질소 얼마 나왔어": 얼마 with no word of money asks for the figure written, whatever its unit.
  if (shape === 'amount' && shapeWords.every((w) => /^얼마/.test(w)) && !MONEY.test(t)) shape = 'quantity';
  const yearMatch = /(?<!\d)(20\d{2})\s*년?도?|[’'‘](\d{2})(?!\d)|(?<![\d.])(\d{2})\s*년(?!\s*(?:간|차|이상|이내|미만))/.exec(t);
  const year = yearMatch ? Number(yearMatch[1] ?? `20${yearMatch[2] ?? yearMatch[3]}`) : null;
  const monthMatch = /(?<!\d)(1[0-2]|[1-9])\s*월/.exec(t);
  const tense = /다음|향후|예정|계획|언제\s*해|할\s*예정|하나요|앞으로|남은/.test(t)
    ? 'planned'
    : /했어|했나|했니|됐어|실적|지난|작년|했던|완료/.test(t)
      ? 'done'
      : null;
  const subject = subjectWords(t);
  // The words of a shape asked in two ("공고 번호") are shape words each.
  const joined = best?.m[0].replace(/\s+/g, '') ?? '';
  if (joined.length >= 4) for (const w of subject) if (w.length >= 2 && joined.includes(w) && !shapeWords.includes(w)) shapeWords.push(w);
  // Every word that asks for the shape is a shape word ("마감" in "접수 마감 언제"): it need not name the passage.
  for (const w of subject) {
    if (!shapeWords.includes(w) && [...ASKING_FIRST, ...SHAPES].some(([sh, re]) => sh === shape && re.test(w) && re.exec(w)![0] === w)) shapeWords.push(w);
  }
  return { text: t, shape, subject, shapeWords, year, month: monthMatch ? Number(monthMatch[1]) : null, tense };
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) last = m as RegExpExecArray;
  return last;
}

/** The words that name what is asked about: particles off, asking words and constraints out. */
export function subjectWords(text: string): string[] {
  return text
    .replace(/[?？!.,~…·"'“”‘’「」『』()[\]]/g, ' ')
    .replace(/(몇|한)\s+(명|개|곳|건|개사|달|개월)/g, '$1$2')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => withoutParticle(w).at(-1) ?? w)
    // A verb's ending off its stem: "투입했어" is asked of a passage writing "투입".
    .map((w) => w.replace(/^([가-힣]{2,})(?:했어요|했어|했나요|했나|했니|했지|했던|해요|하나요|하나|하니|해|됐어|됐나|되나요|되나|돼요|돼)$/, '$1'))
    .filter((w) => w.length >= 2 || /^\d$/.test(w) === false && /[A-Za-z]/.test(w))
    .filter((w) => !ASKING.test(w) && !ASKING_ENDED.test(w) && !/^(?:19|20)?\d{2}년?도?$/.test(w) && !/^[’'‘]\d{2}년?$/.test(w) && !/^\d{1,2}월$/.test(w))
    .map((w) => w.toLowerCase());
}

/**
 * Values of each kind as documents write them: amounts with their unit, dates and periods, counts with their
 * counter, rates, phone numbers, people, organisations, places. A value is always a span of the passage's own
 * text: nothing is computed or reworded, so the figure stated is the figure quoted.
 */
import type { Shape } from './question.js';

// A figure starts at its first digit (never after a digit, or after a digit and its comma) and runs at most 25
// characters: read from every digit of a long run of figures, a line of them took quadratic time to answer.
const DIGITS = String.raw`(?<!\d,?)\d[\d,]{0,24}(?:\.\d+)?`;
const NUM = String.raw`[△▲-]?${DIGITS}`;
const FIGURE = String.raw`(?<!\d[,.]?)\d[\d,.]{0,24}`;
const KOREAN_AMOUNT = String.raw`(?:${DIGITS}\s*조\s*)?(?:${DIGITS}\s*억\s*)?(?:${DIGITS}\s*(?:천만|백만|만|천)\s*)?`;
// A value never starts inside a run of spaces (it is trimmed anyway): tried from each space, a long run was quadratic.
const NOT_IN_SPACES = String.raw`(?!(?<=\s)\s)`;

// A counter may carry a particle ("120명의 청년", "3개사를"): the letters after it are then not part of a word.
// ("15명이다", "3개사이며": the copula too.)
const PARTICLE = String.raw`(?:의|이|가|을|를|은|는|에|에게|과|와|으로|로|씩|만|도|까지|이상|이하|이내|미만|내외|가량|이다|입니다|이며|이고|이었다|였다)(?![가-힣])`;

const PATTERNS: Partial<Record<Shape, RegExp>> = {
  amount: new RegExp(
    String.raw`(?<!제\s?)${NOT_IN_SPACES}(?:최대|총|약|연|월|각)?\s*(?:[￦₩]\s?\d[\d,]*(?:-|원)?|${NUM}\s*(?:(?:조|억|천만|백만|만|천)\s*)?(?:${KOREAN_AMOUNT})?원|${FIGURE}\s*(?:억|만)?\s*달러|${FIGURE}\s*억(?:\s*${FIGURE}\s*(?:천만|백만|만))?\s*원?|${FIGURE}\s*조\s*${FIGURE}\s*억\s*원?)`,
    'g',
  ),
  count: new RegExp(
    String.raw`${NOT_IN_SPACES}(?:총|약|최대|최소|각|만)?\s*${NUM}\s*(?:여\s*)?(?:(?:명|개사|개소|개팀|개국|개|곳|건|팀|회|가구|대|편|점|종|호|차례|번|과제|기업|업체|작품|곳|세대|석|부스|개월|주|일간|쪽|페이지|매|위권|위|배수|배)(?=${PARTICLE}|[^가-힣]|$)|(?:인|세|쪽|점)(?=이상|이하|이내|미만|[^가-힣]|$))`,
    'g',
  ),
  rate: new RegExp(String.raw`${NUM}\s*(?:(?:%|퍼센트|％)\s*)?[~∼]\s*${NUM}\s*(?:%|퍼센트|％)|${NUM}\s*(?:%|퍼센트|％)(?:\s*[~∼-]\s*${NUM}\s*%)?`, 'g'),
  // A figure as written, with the unit after it ("1.5", "0.2㎎/L", "141.9억 달러"): what "얼마 나왔어" asks of a measurement.
  quantity: new RegExp(String.raw`${NOT_IN_SPACES}[△▲-]?${DIGITS}(?:\s*(?:%|㎎/L|mg/L|㎍/L|NTU|℃|[가-힣A-Za-z㎎㎍㎖㎏]{1,4}(?:\s*달러)?))?`, 'g'),
  docnumber: /제\s*\d{2,4}\s*[-–]\s*\d{1,5}\s*호|제\s*\d{1,5}\s*호/g,
  phone: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\d-])(?:0\d{1,2}\s?[-.)]\s?)?\d{3,4}\s?[-—]\s?\d{4}(?!\d)|☎\s*\d[\d-]{2,12}\d|\(\d{4}\)/g,
  date: new RegExp(
    [
      String.raw`(?:20\d{2}|[’'‘\`]\d{2})\s*[.년-]\s*\d{1,2}\s*[.월-]?\s*(?:\d{1,2}\s*[.일]?)?(?:\s*\([월화수목금토일]\))?(?:\s*\d{1,2}:\d{2})?`,
      String.raw`\d{1,2}\s*월\s*\d{1,2}\s*일(?:\s*\([월화수목금토일]\))?`,
      // "6. 24.(화)", "7.16.까지": a bare "1.6." is a section number unless a weekday, a time or a range follows.
      String.raw`\d{1,2}\s*\.\s*\d{1,2}\s*\.(?:\s*\([월화수목금토일]\)|(?=\s*(?:[~∼]|\d{1,2}:\d{2}|까지|부터)))`,
      String.raw`\d{1,2}\s*월(?:\s*[초중말])?`,
      String.raw`\d{1,2}:\d{2}`,
      // "오후 11시부터 다음 날 오전 2시까지": a time of day as spoken, with the end of its span.
      String.raw`(?:오전|오후|낮|밤|새벽)\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분|\s*반)?(?:\s*(?:부터|~|∼)\s*(?:다음\s*날\s*|익일\s*)?(?:오전|오후|낮|밤|새벽)?\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분|\s*반)?)?`,
      String.raw`(?:(?:20\d{2}|[’'‘]\d{2})\s*[.년]?\s*)?(?:(?:상|하)반기|\d\s*분기)|(?<![가-힣])(?:연중|상시|수시)(?![가-힣])`,
    ]
      .map((p) => `(?:${p})`)
      .join('|')
      .replace(/^/, '(?:') + ')' + String.raw`(?:\s*[~∼-]\s*(?:(?:20\d{2}|[’'‘\`]\d{2})\s*[.년]\s*)?\d{1,2}\s*[.월:]\s*(?:\d{1,2}\s*[.일]?)?(?:\s*\([월화수목금토일]\))?(?:\s*,?\s*\d{1,2}:\d{2})?)?(?:\s*까지)?`,
    'g',
  ),
  organisation: /[가-힣A-Za-z()]{2,20}(?:담당관실|담당관|정책관|기획관|조정관|협력관|심의관|대변인|과|팀|국|실|본부|센터|공단|공사|재단|진흥원|연구원|협회|위원회|청|부|처|원|기관|대학교|사업단|지사|지원단)(?![가-힣])/g,
  person: /[가-힣]{2,4}\s*(?:과장|팀장|담당자|주무관|국장|실장|단장|부장|본부장|센터장|소장|원장|책임매니저|선임매니저|매니저|연구원|위원장|대표|책임|주임)(?![가-힣])|(?:과장|팀장|담당자|주무관|국장|실장|단장|부장|본부장|센터장|책임매니저|매니저)\s*(?:[:：]\s*)?[가-힣]{2,4}(?![가-힣])/g,
};

/** Words ending like a body's name that name an act or a result ("시제품제작지원", "기대효과"). */
const NOT_A_BODY = /(?:지원|결과|효과|성과|초과|통과|부과|다음과|실과|관계|이상과)$/;

/** "전문기관과 협의": a body's name and the particle 과, not a 과 (division) of that name. */
const BODY_AND = /^(.*(?:기관|원|센터|공단|공사|재단|위원회|청|부|처|단|본부|대학교))과$/;
function withoutParticle(v: ValueSpan): ValueSpan {
  const m = BODY_AND.exec(v.text);
  return m ? { text: m[1]!, start: v.start, end: v.end - 1 } : v;
}

export interface ValueSpan {
  text: string;
  start: number;
  end: number;
}

/** Values of the shape in the text, in order. State and fact questions have no value of their own. */
export function valuesOf(shape: Shape, text: string): ValueSpan[] {
  if (shape === 'amount' || shape === 'count') return valuesMatching(shape, text).filter((v) => !/^제/.test(v.text));
  // (Nor a unit after a figure: "29백만원".)
  // The date of a cited rule ("(…고시 제2023-15호, 2023.5.15.)") is when the rule was issued, not a date of the matter.
  if (shape === 'date') return valuesMatching(shape, text).filter((v) => !/제\s*[\d-]+\s*호\s*[,，]?\s*$/.test(text.slice(Math.max(0, v.start - 16), v.start)));
  if (shape === 'organisation')
    return valuesMatching(shape, text)
      .map(withoutParticle)
      .filter((v) => !NOT_A_BODY.test(v.text) && !/\d\s*$/.test(text.slice(0, v.start)));
  return valuesMatching(shape, text);
}

/** Figure cells of a table row (its label cell aside): what amount, count and rate questions read in tables. */
export function figureCells(cells: string[]): number[] {
  const figure = String.raw`[△▲-]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|원|천원|백만원|억원|명|개|건|개소)?`;
  // A range is one figure cell ("30,000천원 ~ 50,000천원"); a rate may stand in brackets ("(△34.4)").
  const cell = new RegExp(String.raw`^\(?${figure}(?:\s*[~∼]\s*${figure})?\)?$`);
  return cells.flatMap((c, i) => (i > 0 && cell.test(c.trim()) ? [i] : []));
}

function valuesMatching(shape: Shape, text: string): ValueSpan[] {
  if (shape === 'place') return placesOf(text);
  const re = PATTERNS[shape];
  if (!re) return [];
  const out: ValueSpan[] = [];
  for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
    const v = m[0].trim();
    if (!v || (shape === 'date' && !/\d|반기|연중|상시|수시/.test(v))) continue;
    // A year alone ("2025년") is not a date answer, and a 4-digit number is not a phone number.
    if (shape === 'date' && /^(?:20\d{2}|[’']\d{2})\s*[.년]?$/.test(v)) continue;
    // "제2025-22호" is a document's number, not a date.
    if (shape === 'date' && (/제\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)) || /^\s*호/.test(text.slice(m.index + m[0].length)))) continue;
    if (shape === 'amount' && !/\d/.test(v)) continue;
    // A year ("2015년") or a date is not the figure a measurement asks for.
    if (shape === 'quantity' && /^(?:19|20)\d{2}\s*년?$|^\d{1,2}\s*[월일]$/.test(v)) continue;
    // "실국(기관": a header cell cut inside its brackets is not a name.
    // ("(국토안전관리원)" is read without its opening bracket.)
    const name = shape === 'organisation' && /^\(/.test(v) && !v.includes(')') ? v.slice(1) : v;
    if (shape === 'organisation' && (name.match(/\(/g)?.length ?? 0) !== (name.match(/\)/g)?.length ?? 0)) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ text: name, start, end: start + name.length });
  }
  return out;
}

const ADDRESS = /(?<![가-힣])(?:[가-힣]{1,8}(?:시|군|구)\s+)?(?:[가-힣0-9]{1,10}(?:읍|면|동|가)\s+)?[가-힣0-9]{1,12}(?:로|길|리)\s*\d{1,4}(?:-\d{1,4})?(?:번지)?(?![\d가-힣])/g;
// (A venue's name starts with a letter: "3시 부산국제금융센터" is a time and a venue.)
const VENUE = /(?<![가-힣A-Za-z0-9])[가-힣A-Za-z][가-힣A-Za-z0-9]{0,15}(?:\s[가-힣A-Za-z]{1,8}){0,2}(?:센터|호텔|회관|컨벤션홀|컨벤션|전시장|전시관|타운|캠퍼스|청사|도서관|대강당|강당|회의실|체육관|극장|연극장|아트홀|광장|공원)(?![가-힣])/g;

/** "장소 : 벡스코 제1전시장", "(장소) …", "…에서 개최": the place a passage names. */
function placesOf(text: string): ValueSpan[] {
  const out: ValueSpan[] = [];
  // (A mail or web address — "메일주소 : …@…" — is not where anything happens.)
  // A label joined to another ("(일시·장소) 7. 8. 17:30 / 영화의전당"): the place is the part after the slash.
  const labelled = /(?<!메일\s*|홈페이지\s*|누리집\s*|웹\s*)((?:[가-힣]{1,4}\s*[‧·ㆍ/]\s*)?)(?:장\s*소|위\s*치|개최\s*장소|행사장|주\s*소|교육\s*장소)\s*[):：]\s*([^;※\n|]{2,80})/g;
  for (const m of text.matchAll(labelled)) {
    // (Joined to a date, the place follows it after a slash or a comma; alone, it ends at the first comma.)
    const whole = m[2]!;
    const cut = m[1] ? (whole.includes('/') ? whole.lastIndexOf('/') : whole.lastIndexOf(',')) : -1;
    const v = (cut >= 0 ? whole.slice(cut + 1) : whole.split(',')[0]!).trim();
    if (v.length < 2 || /@|https?:|www\./i.test(v)) continue;
    const start = m.index + m[0].lastIndexOf(v);
    out.push({ text: v, start, end: start + v.length });
  }
  if (out.length) return out;
  // An address ("중구 광복로 87-1", "부여군 석성면 정각리 166") or a venue's name ("종하이노베이션센터", "웨스턴 조선 호텔").
  for (const re of [ADDRESS, VENUE]) {
    for (const m of text.matchAll(re)) {
      const v = m[0].trim();
      const start = m.index + m[0].indexOf(v);
      out.push({ text: v, start, end: start + v.length });
    }
    if (out.length) return out;
  }
  // The place starts at a letter, not inside a run of spaces (each of them tried over the run was quadratic).
  // "…에서" is where something happens only before a verb of an event ("에서 열린다", "에서 개최"): "심사 대상에서
  // 제외", "타기관에서 시행한" name no place.
  for (const m of text.matchAll(/([가-힣A-Za-z0-9()·][가-힣A-Za-z0-9()·\s]{1,29}?)\s*(?:에서(?=\s[^.。]{0,24}?(?:열|개최|진행|개막|실시|운영|펼쳐|마련|거행|치러|치른|가졌|가진|갖|모여|만나|선보|공연|상영|참석|방문|체험|행사|전시))|에 있는(?=\s))/g)) {
    // The words before "에서", less a time or day written ahead of the place ("오후 3시 부산국제금융센터").
    const v = m[1]!.trim().split(/\s+/).slice(-3).filter((w, i, all) => !(i < all.length - 1 && /^(?:오전|오후|\(?\d+[시분일]\)?|\d{1,2}:\d{2})$/.test(w))).join(' ');
    // "… 이상인 자 중에서", "과정에서": a choice among things or a stage, not a place.
    if (v.length < 2 || /(?:^|\s)(?:[가-힣]*\s)?(?:중|가운데|사이|내|이내|범위|과정|단계|측면|분야|부문|결과|대상|경우|차원|입장|관점|기준|사항|부분)$/.test(v) || /[가-힣](?:중|과정|단계)$/.test(v)) continue;
    const start = m.index + m[0].indexOf(v);
    out.push({ text: v, start, end: start + v.length });
  }
  return out;
}

/** "착수일로부터 24개월", "3년간": a span of time, what "기간" may be answered with where no dates are written. */
export function durationsOf(text: string): ValueSpan[] {
  const out: ValueSpan[] = [];
  for (const m of text.matchAll(/(?:[가-힣]{1,6}(?:로부터|부터)\s*)?(?<![\d.,])\d{1,3}\s*(?:개월|일간|년간|주간|개년)(?![가-힣])/g)) {
    out.push({ text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** True when the passage holds a value of the shape (state and fact: any passage answers). */
export function holdsValue(shape: Shape, text: string): boolean {
  return shape === 'state' || shape === 'fact' ? true : valuesOf(shape, text).length > 0;
}

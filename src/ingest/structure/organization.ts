/**
 * Which city, county or district wrote a document. Documents rarely say it in a field, but they name it in the
 * text ("수원시 인권담당관", "영등포구 인권보장", "부산광역시인재개발원"); the most-mentioned known name wins and a
 * district beats its metropolitan city when the district is the one written about.
 */

const METROS: Record<string, string> = {
  서울: '서울특별시',
  부산: '부산광역시',
  대구: '대구광역시',
  인천: '인천광역시',
  광주: '광주광역시',
  대전: '대전광역시',
  울산: '울산광역시',
  세종: '세종특별자치시',
  제주: '제주특별자치도',
};

/** 시 and 군 of the provinces (names are unique nationally). */
const CITIES =
  '수원 성남 의정부 안양 부천 광명 평택 동두천 안산 고양 과천 구리 남양주 오산 시흥 군포 의왕 하남 용인 파주 이천 안성 김포 화성 양주 포천 여주 ' +
  '춘천 원주 강릉 동해 태백 속초 삼척 청주 충주 제천 천안 공주 보령 아산 서산 논산 계룡 당진 전주 군산 익산 정읍 남원 김제 ' +
  '목포 여수 순천 나주 광양 포항 경주 김천 안동 구미 영주 영천 상주 문경 경산 창원 진주 통영 사천 김해 밀양 거제 양산 서귀포';
const COUNTIES =
  '가평 양평 연천 홍천 횡성 영월 평창 정선 철원 화천 양구 인제 고성 양양 보은 옥천 영동 증평 진천 괴산 음성 단양 금산 부여 서천 청양 홍성 예산 태안 ' +
  '완주 진안 무주 장수 임실 순창 고창 부안 담양 곡성 구례 고흥 보성 화순 장흥 강진 해남 영암 무안 함평 영광 장성 완도 진도 신안 ' +
  '군위 의성 청송 영양 영덕 청도 고령 성주 칠곡 예천 봉화 울진 울릉 의령 함안 창녕 남해 하동 산청 함양 거창 합천 기장 달성 강화 옹진 울주';
/** 자치구 whose names are unique (중구/동구/서구/남구/북구 need their city and are left to it). */
const DISTRICTS =
  '종로 용산 성동 광진 동대문 중랑 성북 강북 도봉 노원 은평 서대문 마포 양천 강서 구로 금천 영등포 동작 관악 서초 강남 송파 강동 ' +
  '영도 부산진 동래 해운대 사하 금정 연제 수영 사상 수성 달서 미추홀 연수 남동 부평 계양 광산 유성 대덕';

const NAMES: Array<{ pattern: RegExp; name: string; level: number }> = [
  ...Object.entries(METROS).map(([short, full]) => ({
    pattern: new RegExp(
      `(?<![가-힣])${short}(?:특별시|광역시|특별자치시|특별자치도|시)?(?![가-힣]*(?:대학|대로|역|병원))`,
      'g',
    ),
    name: full,
    level: 1,
  })),
  ...CITIES.split(' ').map((n) => ({ pattern: new RegExp(`${n}시`, 'g'), name: `${n}시`, level: 2 })),
  ...COUNTIES.split(' ').map((n) => ({ pattern: new RegExp(`${n}군(?![가-힣])`, 'g'), name: `${n}군`, level: 2 })),
  ...DISTRICTS.split(' ').map((n) => ({ pattern: new RegExp(`${n}구(?![가-힣])`, 'g'), name: `${n}구`, level: 2 })),
];

export function detectOrganization(lines: string[]): string | null {
  const text = lines.join('\n');
  let best: { name: string; count: number; level: number } | null = null;
  for (const { pattern, name, level } of NAMES) {
    const count = text.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    // A district or city mentioned at least half as often as its metropolis is the more specific author.
    const weighted = level === 2 ? count * 2 : count;
    if (!best || weighted > best.count) best = { name, count: weighted, level };
  }
  return best?.name ?? null;
}

export { organizationAliases } from '../../domain/names.js';

/**
 * Contact lines with ☎: "총괄부서 주택정책과장 : 송호재 ☎2133-7000 전월세팀장 :김용경 ☎ 7702",
 * "청년사업담당관:이정희☎2133-4299 청년생활지원팀장:김정남☎4313 담당:최수정/한보라☎6585".
 * Where one entry gives several names and one number, each name gets that number; several names and as many
 * numbers ("담당 : 박인현, 한보라☎4316, 4311") pair in order.
 */
import type { Contact } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';

// Read from the start of a word only: tried from each letter of a long run, the search took quadratic time.
const ENTRY =
  /(?<![가-힣A-Za-z()·ㆍ])([가-힣A-Za-z()·ㆍ]+(?:\s[가-힣()]+)?)\s*[:：]\s*([가-힣]{2,4}(?:\s*[/,]\s*[가-힣]{2,4})*)\s*☎\s*([0-9][0-9-]{1,12}[0-9](?:\s*,\s*[0-9][0-9-]{1,12}[0-9])*)/g;
const LEAD_WORDS = /^(?:총괄부서|협조부서|주관부서|담당부서|소관부서|추진부서|문의처|문의|연락처)\s*/;

export function contactsFromPhoneLine(line: string, lineNo: number, section: string | null): Contact[] {
  if (!line.includes('☎')) return [];
  const out: Contact[] = [];
  let fullPrefix: string | null = null;
  let department: string | null = null;
  for (const m of line.matchAll(ENTRY)) {
    const position = m[1]!.replace(LEAD_WORDS, '').trim();
    const phones = m[3]!.split(',').map((p) => p.trim());
    const names = m[2]!.split(/[/,]/).map((n) => n.trim());
    if (
      department === null &&
      /(?:과장|담당관|관|국장|실장|단장|본부장|소장|센터장)$/.test(position) &&
      position !== '담당'
    ) {
      department = position.replace(/장$/, '');
    }
    // Several numbers for several names pair in order; a count that does not match pairs nobody with a number.
    const paired = phones.length === names.length;
    names.forEach((name, k) => {
      const phone = paired ? phones[k]! : phones.length === 1 ? phones[0]! : null;
      if (phone?.includes('-')) fullPrefix = phone.slice(0, phone.lastIndexOf('-'));
      out.push({
        name,
        position,
        department: null,
        team: /팀장$/.test(position) ? position.replace(/장$/, '') : null,
        // "☎2133-4299" then "☎4313": the short ones share the full number's exchange.
        phone: phone === null ? phones.join(', ') : phone.includes('-') || !fullPrefix ? phone : `${fullPrefix}-${phone}`,
        extension: phone === null ? null : extensionOf(phone),
        src: src(section, lineNo),
      });
    });
  }
  for (const c of out) c.department = department;
  return out;
}

/** What staff dial inside the building: the last four digits of an office number (02-2133-4299 → 4299). */
export function extensionOf(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.length <= 4 ? digits : digits.slice(-4);
}

/** Heading and bullet conventions shared by the families. */

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';

/** "1. 사업개요", "Ⅱ. 2019년 정책 여건", "II. …", "□ 추진실적", "【문제점】", " 3 예산현황". Returns the heading text. */
export function headingText(line: string): string | null {
  const t = line.trim();
  if (t === '' || t.length > 80) return null;
  let m = new RegExp(`^(?:[${ROMAN}]|[IVX]{1,4})\\.\\s*(.+)$`).exec(t);
  if (m) return m[1]!.trim();
  m = /^\d{1,2}\.\s+([가-힣「『‘].*)$/.exec(t);
  if (m && !/[.。]$/.test(t) && t.length <= 60) return m[1]!.trim();
  m = /^[□■]\s*(.+)$/.exec(t);
  if (m && t.length <= 40) return m[1]!.trim();
  m = /^【\s*(\S(?:.*\S)?)\s*】$/.exec(t);
  if (m) return m[1]!.trim();
  return null;
}

export { bulletLevel } from '../../domain/names.js';

/** The line without its bullet glyph. */
export function stripBullet(line: string): string {
  return line.replace(/^\s*(?:[□■❖◇◆○◦▹▸·•ㆍ∙※*]+|ㅇ(?=\s)|[-–](?=\s|[가-힣(「『‘]))\s*/, '').trim();
}

/** "label : value" lines ("사업기간 : 2018. 7. ~ 지속", "○ 대 상 : …"); label letters closed up. */
export function labelValue(line: string): { label: string; value: string } | null {
  const m = /^\s*(?:[-○◦ㅇ·•□]\s*)?([가-힣][가-힣\s·()]{0,14}?)\s*[:：]\s*(.*)$/.exec(line);
  if (!m) return null;
  return { label: m[1]!.replace(/\s+/g, ''), value: m[2]!.trim() };
}

/** "(단위 : 백만원)", "(단위:천원)", "<단위 : 백만원>". */
export function isUnitLine(line: string): boolean {
  return /^[\s(<［[]*단\s*위\s*[:：]/.test(line.trim());
}

/**
 * Conventions of Korean administrative names and outlines that both reading (ingest) and answering (core) use:
 * kept here so answering never imports a reader.
 */

/** Short forms staff type: 인천 for 인천광역시, 영등포 for 영등포구. */
export function organizationAliases(name: string): string[] {
  const short = name.replace(/(특별자치시|특별자치도|특별시|광역시)$/, '').replace(/(시|군|구)$/, '');
  return short && short !== name ? [short] : [];
}

/** A sub-unit of a department as its org chart names it (과, 담당관, 사업소, 센터, …). */
export const SUB_UNIT =
  /^[가-힣A-Za-z0-9]{2,14}(?:담당관|과|부|사업소|센터|추진단|기획단|시험소|연구소|도서관|관리소|사무소|미술관|박물관|역사관)$/;

/**
 * A chart line whose spread letters the normaliser closed up into one word ("주택정책과건축정책과도시정비과"): the
 * units it runs together, cut after each 과 (or 담당관), when every piece is a unit's name of three letters or more.
 */
export function runTogether(word: string): string[] | null {
  // Piece after piece from the start (sticky): a search from every letter of a long word was quadratic, and the
  // pieces must cover the word anyway.
  const piece = /[가-힣]+?(?:담당관|과)(?=[가-힣]{3}|$)/y;
  const pieces: string[] = [];
  while (piece.lastIndex < word.length) {
    const m = piece.exec(word);
    if (!m) return null;
    pieces.push(m[0]);
  }
  if (pieces.length < 2) return null;
  return pieces.every((p) => p.length >= 3 && SUB_UNIT.test(p)) ? pieces : null;
}

/** Bullet level of a line: □ 0, ○/ㅇ 1, - 2, ·/• 3, ※/* notes 4; null when the line is not a bullet. */
export function bulletLevel(line: string): number | null {
  const t = line.trimStart();
  if (/^[□■❖◇◆]/.test(t)) return 0;
  if (/^(?:[○◦ㅇ]\s|[○◦])/.test(t)) return 1;
  if (/^[-–▹▸]\s?/.test(t)) return 2;
  if (/^[·•ㆍ∙]/.test(t)) return 3;
  if (/^[※*]/.test(t)) return 4;
  return null;
}

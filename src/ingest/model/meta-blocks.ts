/**
 * Contact blocks written as blocks, not lines:
 * - a press release's header table, where a release shared by several departments stacks their units in one
 *   column ("15분도시기획과 15분도시운영팀" / "문화예술과 문화복지팀" / …) and their people in the next, one rank at
 *   a time (과장 of each unit in the units' order, then 팀장, then 담당자), the rank written once per group;
 * - the approval line at the foot of a 시행문: each position on its line and its signer under it, then
 *   "시행 부서-번호 (date)" and the drafter's 전화, 전송 and e-mail.
 */
import type { Contact } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import { extensionOf } from '../structure/contacts.js';
import { dateLine, isUnit, PHONE, phoneOf, RANK, RANK_ONLY, squash, unitsOf } from './meta-text.js';

const NAME = /^[가-힣]{2,4}$/;
const RANK_IN = new RegExp(`(?<![가-힣])${RANK}(?![가-힣])`, 'g');

export interface HeaderBlock {
  contacts: Contact[];
  /** The units in the column's order, each with the 0-based line it is written on. */
  units: Array<{ department: string | null; team: string | null; line: number }>;
  /** 0-based lines the block was read from: the line reader leaves them alone. */
  lines: Set<number>;
}

/** The header of the head (the lines above the title) when it has a 담당부서 label. */
export function readHeaderBlock(lines: string[], titleIndex: number): HeaderBlock | null {
  const end = Math.min(lines.length, titleIndex > 0 ? titleIndex : 40, 40);
  const labelAt = lines.slice(0, end).findIndex((l) => /담\s*당\s*부\s*서\s*[:：]/.test(l));
  if (labelAt < 0) return null;
  const units: HeaderBlock['units'] = [];
  const entries: Array<{ line: number; col: number; name: string | null; rank: string | null; phone: string }> = [];
  const marks: Array<{ line: number; col: number; rank: string }> = [];
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (line.length > 400) continue;
    let col = 0;
    for (const part of line.split(/(\s{3,})/)) {
      const at = col;
      col += part.length;
      const seg = part.replace(/^\s*[가-힣](?:\s*[가-힣]){1,5}\s*[:：]\s*/, '').trim();
      if (!seg) continue;
      // The unit column: a run of unit words at the start ("복지정책과 사회복지정책팀 과장 최영희 …" in a raw line).
      const words = seg.split(/\s+/);
      const run: string[] = [];
      for (const w of words) {
        if (!isUnit(w)) break;
        run.push(w);
      }
      if (run.length) units.push({ ...unitsOf(run.join(' ')), line: i });
      const rest = words.slice(run.length).join(' ');
      PHONE.lastIndex = 0;
      const phones = [...rest.matchAll(PHONE)];
      if (phones.length === 0) {
        // A rank alone in its cell ("과장" between the two 과장's lines).
        if (RANK_ONLY.test(squash(rest))) marks.push({ line: i, col: at, rank: squash(rest) });
        continue;
      }
      let from = 0;
      for (const p of phones) {
        const before = rest.slice(from, p.index).replace(/[()[\]:：/,☏☎*]/g, ' ').trim();
        from = p.index + p[0].length;
        RANK_IN.lastIndex = 0;
        const rank = [...before.matchAll(RANK_IN)].at(-1)?.[0] ?? null;
        const name = before.split(/\s+/).reverse().find((w) => NAME.test(w) && !RANK_ONLY.test(w) && !isUnit(w)) ?? null;
        if (!name && !rank) continue;
        entries.push({ line: i, col: at, name, rank, phone: phoneOf(p[0]) });
        if (rank) marks.push({ line: i, col: at, rank });
      }
    }
  }
  if (entries.length === 0) return null;
  marks.sort((a, b) => a.line - b.line || a.col - b.col);
  const n = units.length;
  // Every unit has one person per rank: the k-th group of n people is the k-th rank, in the units' order.
  const grouped = n >= 1 && marks.length >= 1 && entries.length === marks.length * n;
  const contacts: Contact[] = entries.map((e, i) => {
    let rank = e.rank;
    let unit: (typeof units)[number] | null = n === 1 ? units[0]! : null;
    if (grouped) {
      rank = marks[Math.floor(i / n)]!.rank;
      unit = units[i % n]!;
    } else if (!rank) rank = marks.filter((m) => m.line <= e.line).at(-1)?.rank ?? null;
    return {
      name: e.name,
      position: rank,
      department: unit?.department ?? null,
      team: unit?.team ?? null,
      phone: e.phone,
      extension: extensionOf(e.phone),
      // The unit is written on a line of its own column ("15분도시기획과 15분도시운영팀" over the people): its line
      // and the person's are both what this contact states.
      src: src(null, Math.min(e.line, unit?.line ?? e.line) + 1, Math.max(e.line, unit?.line ?? e.line) + 1),
    };
  });
  return { contacts, units, lines: new Set(entries.map((e) => e.line)) };
}

const POSITION =
  /(?:주무관|실무관|팀장|과장|담당관|기획관|정책관|국장|실장|본부장|단장|소장|센터장|관장|부시장|시장|구청장|군수|부장|차장|계장|반장|담당)$/;
const SIGNED_AS = /^(代|대결|직대|전결)\s*/;
const STAMP = /^\d{1,2}\/\d{1,2}$/;
const DOC_NUMBER = /^([가-힣A-Za-z0-9()·ㆍ]+?)\s*[-–]\s*(\d{1,8})$/;

export interface ApprovalFoot {
  contacts: Contact[];
  department: string | null;
  date: { written: string; iso: string | null } | null;
  lines: Set<number>;
}

/** The approval line, 시행 number and date, and the drafter's numbers at the foot of a 시행문. */
export function readApprovalFoot(lines: string[]): ApprovalFoot | null {
  const from = Math.max(0, lines.length - 120);
  let at = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    if (/^\s*시\s*행\s*$/.test(lines[i]!) || /^\s*시행\s+\S+\s*-\s*\d+/.test(lines[i]!)) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let department: string | null = null;
  let date: ApprovalFoot['date'] = null;
  for (let j = at; j < Math.min(lines.length, at + 8); j++) {
    const t = lines[j]!.replace(/^\s*시행\s*/, '').trim();
    const num = DOC_NUMBER.exec(t.replace(/\s*\(.*$/, ''));
    if (!department && num && isUnit(num[1]!)) department = num[1]!;
    const d = dateLine(t.replace(/^.*?\(/, '').replace(/\).*$/, ''));
    if (!date && d && j > at - 1) date = d;
    if (/^\s*접\s*수\s*$/.test(lines[j]!)) break;
  }
  // The signers: positions each followed by their signature, read back from 시행 to the first line that is not one.
  const block: number[] = [];
  for (let i = at - 1; i >= Math.max(0, at - 30); i--) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (t.length > 24 || /끝\.?$/.test(t)) break;
    block.unshift(i);
  }
  const people: Array<{ position: string; name: string; signedAs: string | null; line: number; posLine: number; cooperator: boolean }> = [];
  let cooperating = false;
  for (let k = 0; k < block.length; k++) {
    const pos = squash(lines[block[k]!]!);
    // Those signing after "협조자" are of other units: they cooperate, they do not own the document.
    if (/^협조자?$/.test(pos)) cooperating = true;
    // The issuer ("서 울 특 별 시 장") signs nothing here; a position with no name under it is the letterhead's.
    if (!POSITION.test(pos) || /(?:특별시|광역시|특별자치시|도)장$/.test(pos) || !/[가-힣]{2,}/.test(pos)) continue;
    for (let m = k + 1; m < Math.min(block.length, k + 3); m++) {
      const raw = squash(lines[block[m]!]!);
      if (STAMP.test(raw)) continue;
      const signedAs = SIGNED_AS.exec(raw)?.[1] ?? null;
      const name = raw.replace(SIGNED_AS, '');
      if (NAME.test(name) && !POSITION.test(name)) {
        people.push({ position: pos, name, signedAs, line: block[m]!, posLine: block[k]!, cooperator: cooperating });
        k = m;
      }
      break;
    }
  }
  if (people.length === 0 && !department) return null;
  const value = (label: RegExp) => {
    for (let j = at; j < Math.min(lines.length, at + 30); j++) {
      const t = lines[j]!.trim();
      const m = label.exec(t);
      if (!m) continue;
      const inline = t.slice(m[0].length).replace(/^[\s:/]+/, '').trim();
      if (inline) return { text: inline, line: j };
      const k = [j + 1, j + 2].find((x) => lines[x]?.trim());
      return k === undefined ? null : { text: lines[k]!.trim().replace(/^\/\s*/, ''), line: k };
    }
    return null;
  };
  const phone = value(/^\/?\s*전화/);
  const fax = value(/^\/?\s*전송/);
  let email: string | null = null;
  for (let j = at; j < Math.min(lines.length, at + 30); j++) {
    const m = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(lines[j]!);
    if (m) {
      email = m[0];
      break;
    }
  }
  const own = people.filter((p) => !p.cooperator);
  const team = own.find((p) => /팀장$/.test(p.position))?.position.replace(/장$/, '') ?? null;
  const teamAt = own.findIndex((p) => /팀장$/.test(p.position));
  const contacts: Contact[] = people.map((p, k) => {
    const drafter = k === 0;
    if (p.cooperator) {
      const unit = p.position.replace(/장$/, '');
      return {
        name: p.name,
        position: p.position,
        department: /팀$/.test(unit) ? null : isUnit(unit) ? unit : null,
        team: /팀$/.test(unit) ? unit : null,
        phone: null,
        extension: null,
        role: 'cooperator' as const,
        ...(p.signedAs ? { signedAs: p.signedAs } : {}),
        src: src(null, p.posLine + 1, p.line + 1),
      };
    }
    const tel = drafter && phone && /\d{3,4}-\d{4}/.test(phone.text) ? phoneOf(phone.text.match(/[\d-]+/)![0]) : null;
    return {
      name: p.name,
      position: p.position,
      department,
      team: teamAt >= 0 && k <= teamAt ? team : null,
      phone: tel,
      extension: tel ? extensionOf(tel) : null,
      ...(drafter && email ? { email } : {}),
      ...(drafter && fax && /\d/.test(fax.text) ? { fax: fax.text.match(/[\d-]+/)![0] } : {}),
      role: k === 0 ? 'drafter' : k === own.length - 1 ? 'approver' : 'reviewer',
      ...(p.signedAs ? { signedAs: p.signedAs } : {}),
      // A reply cites a contact's first line: the one holding its number (the drafter's 전화), else its position's
      // line (a position may write a figure: "계약2팀장"), through the signature.
      src: drafter && tel ? src(null, phone!.line + 1) : src(null, p.posLine + 1, p.line + 1),
    };
  });
  return { contacts, department, date, lines: new Set([...block, at]) };
}

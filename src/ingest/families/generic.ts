/**
 * Any document no family recognises still becomes a searchable record: its title, headings, a department guess,
 * ☎ contacts, dated items under schedule-like headings (향후계획, 추진일정 …) and "소요예산 : 21,371천원"-style
 * amounts that carry their unit. Nothing is guessed where the text does not say it.
 */
import { parseKoreanDate, splitTrailingDate } from '../../domain/korean-date.js';
import { parseAmountWithUnit } from '../../domain/money.js';
import { type BudgetLine, type Contact, emptyBudget, emptyRecord, type Milestone, recordKey } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, SourceDocument } from '../document.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { bulletLevel, headingText, labelValue } from '../structure/headings.js';
import { detectOrganization } from '../structure/organization.js';

const DEPARTMENT = /([가-힣]{2,12}(?:담당관실|담당관|과|국|실|단|센터|사업소|본부))(?![가-힣])/;
const SCHEDULE_HEADING = /향후|계획|일정|추진절차|로드맵/;
const DOCUMENT_KIND = /^(?:보도(?:참고)?자료|설명자료|참고자료|회의자료|업무보고|보고서?|알림|공고|붙임\d*)$/;
const BUDGET_LABEL = /^(?:총사업비|소요예산|사업비|예산|총예산|사업예산)$/;

export const genericFamily: DocumentFamily = {
  name: 'generic',
  description: '알 수 없는 형식: 제목·목차·본문, 일정·연락처·금액만 색인',
  detect: () => 0.01,
  parse(doc: SourceDocument): ParseResult {
    const organization = detectOrganization(doc.lines);
    const year = documentYear(doc.lines);
    const headings: string[] = [];
    const contacts: Contact[] = [];
    const milestones: Milestone[] = [];
    const budgetLines: BudgetLine[] = [];
    let titleLine = 0;
    let section: string | null = null;
    for (let i = 0; i < doc.lines.length; i++) {
      const line = doc.lines[i]!;
      const lineNo = i + 1;
      if (!titleLine && isTitleCandidate(line)) titleLine = lineNo;
      const h = headingText(line);
      if (h) {
        headings.push(h);
        section = h;
        continue;
      }
      contacts.push(...contactsFromPhoneLine(line, lineNo, section));
      if (section && SCHEDULE_HEADING.test(section) && bulletLevel(line) !== null) {
        const item = splitTrailingDate(line, year ? { year } : {});
        if (item && item.text.length >= 2) milestones.push({ text: item.text, date: item.date, done: null, src: src(section, lineNo) });
      }
      const lv = labelValue(line);
      if (lv && BUDGET_LABEL.test(lv.label)) {
        const amount = parseAmountWithUnit(lv.value);
        // Only an amount that states its unit: a bare number could be 원, 천원 or 백만원.
        if (amount && /원/.test(lv.value)) {
          budgetLines.push({ period: lv.label, year, kind: 'required', funding: null, item: null, amount, src: src(section, lineNo) });
        }
      }
    }
    const title = titleLine ? cleanTitle(doc.lines[titleLine - 1]!) : doc.name;
    const department =
      contacts.find((c) => c.department)?.department ?? DEPARTMENT.exec(doc.lines.slice(0, 40).join(' '))?.[1] ?? null;
    const record = emptyRecord({
      kind: 'document',
      key: recordKey([organization, 'doc', doc.name]),
      title,
      organization,
      department,
      year,
      contacts,
      milestones,
      budget: budgetLines.length ? { ...emptyBudget(), lines: budgetLines } : null,
      headings,
      src: src(null, 1, Math.max(1, doc.lines.length)),
    });
    return { family: 'generic', organization, records: [record], warnings: [] };
  },
};

/** A title is a short line with words, not a table row, a date or a page header. */
function isTitleCandidate(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > 120 || line.includes('\t') || !/[가-힣A-Za-z]{2}/.test(t)) return false;
  // The kind of paper ("보 도 자 료") stands above the title, not as it.
  if (DOCUMENT_KIND.test(t.replace(/\s+/g, ''))) return false;
  const date = parseKoreanDate(t.replace(/[()]/g, ''));
  return !(date && date.written.length >= t.length - 4);
}

/** The year most dates of the document are in, so "(3월)" resolves; null when the text names no year. */
function documentYear(lines: string[]): number | null {
  const counts = new Map<number, number>();
  for (const line of lines.slice(0, 60)) {
    for (const m of line.matchAll(/(?<!\d)(20\d{2})(?:년|\.|\s*-)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function cleanTitle(line: string): string {
  return (
    line
      .replace(/^[#\s*□○-]+/, '')
      .replace(/(?<!\*)\*+$/, '')
      .trim() || line.trim()
  );
}

/**
 * Any document no family recognises still becomes a searchable record, read from the document model: its title,
 * organisation, department and contacts as the model's metadata reads them, its headings, dated list items under
 * schedule-like headings (향후계획, 추진일정 …) and "소요예산 : 21,371천원"-style amounts that carry their unit.
 * Nothing is guessed where the text does not say it.
 */
import type { DocBlock, DocModel } from '../../domain/doc-model.js';
import { parseKoreanDate, splitTrailingDate } from '../../domain/korean-date.js';
import { parseAmountWithUnit } from '../../domain/money.js';
import { type BudgetLine, emptyBudget, emptyRecord, type Milestone, recordKey } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, SourceDocument } from '../document.js';
import { unitsOf } from '../model/meta-text.js';
import { modelOf } from '../model/read-model.js';
import { labelValue } from '../structure/headings.js';

const SCHEDULE_HEADING = /향후|계획|일정|추진절차|로드맵/;
const DOCUMENT_KIND = /^(?:보도(?:참고)?자료|설명자료|참고자료|회의자료|업무보고|보고서?|알림|공고|붙임\d*)$/;
const BUDGET_LABEL = /^(?:총사업비|소요예산|사업비|예산|총예산|사업예산)$/;
/** Blocks of the first page or so: where a document states the year it is about. */
const HEAD_LINES = 60;

export const genericFamily: DocumentFamily = {
  name: 'generic',
  description: '알 수 없는 형식: 제목·목차·본문, 일정·연락처·금액만 색인',
  detect: () => 0.01,
  parse(doc: SourceDocument): ParseResult {
    const { meta, blocks } = safeModel(doc);
    const organization = meta.organization;
    const year = documentYear(blocks);
    const milestones: Milestone[] = [];
    const budgetLines: BudgetLine[] = [];
    for (const block of blocks) {
      if (block.kind === 'heading' || block.kind === 'row') continue;
      const section = block.section.at(-1) ?? null;
      const line = block.lines[0];
      if (block.kind === 'item' && section && SCHEDULE_HEADING.test(section)) {
        const item = splitTrailingDate(block.text, year ? { year } : {});
        if (item && item.text.length >= 2) milestones.push({ text: item.text, date: item.date, done: null, src: src(section, line) });
      }
      const lv = labelValue(block.text);
      if (lv && BUDGET_LABEL.test(lv.label)) {
        const amount = parseAmountWithUnit(lv.value);
        // Only an amount that states its unit: a bare number could be 원, 천원 or 백만원.
        if (amount && /원/.test(lv.value)) {
          budgetLines.push({ period: lv.label, year, kind: 'required', funding: null, item: null, amount, src: src(section, line) });
        }
      }
    }
    const contacts = meta.contacts.map((c) => (c.src.section ? c : { ...c, src: { ...c.src, section: sectionAt(blocks, c.src.lines[0]) } }));
    const record = emptyRecord({
      kind: 'document',
      key: recordKey([organization, 'doc', doc.name]),
      title: meta.titleLine ? meta.title : (firstTitleBlock(blocks) ?? doc.name),
      organization,
      department: meta.department ?? departmentCell(blocks, organization) ?? contacts.find((c) => c.department)?.department ?? null,
      year,
      contacts,
      milestones,
      budget: budgetLines.length ? { ...emptyBudget(), lines: budgetLines } : null,
      headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
      src: src(null, 1, Math.max(1, doc.lines.length)),
    });
    return { family: 'generic', organization, records: [record], warnings: [] };
  },
};

/** The generic record is the last resort of every document: a model that cannot be read leaves the file's name. */
function safeModel(doc: SourceDocument): DocModel {
  try {
    return modelOf(doc);
  } catch {
    return { meta: { title: doc.name, titleLine: 0, organization: null, department: null, date: null, contacts: [] }, blocks: [] };
  }
}

/**
 * A form's code table names the office under a department column ("실국(기관)", "소관부서"): the unit written in
 * the first of its rows that writes one. Layout text shifts cells, so any cell of the row is read.
 */
function departmentCell(blocks: DocBlock[], organization: string | null): string | null {
  for (const b of blocks) {
    if (b.lines[0] > HEAD_LINES) break;
    if (!b.table?.header.some((h) => /실국|소관부서|담당부서|주관부서/.test(h.replace(/\s+/g, '')))) continue;
    for (const cell of b.table.cells) {
      const { department } = unitsOf(cell);
      if (department && department !== organization) return department;
    }
  }
  return null;
}

/** The innermost heading over a line, for a contact the metadata read without its section. */
function sectionAt(blocks: DocBlock[], line: number): string | null {
  const block = blocks.find((b) => b.lines[0] <= line && line <= b.lines[1]);
  return block?.section.at(-1) ?? null;
}

/** With no title the metadata trusts, the first short block of words that is not a table row, a date or the paper's kind. */
function firstTitleBlock(blocks: DocBlock[]): string | null {
  for (const b of blocks) {
    const t = b.text.trim();
    if (b.kind === 'row' || t.length < 4 || t.length > 120 || !/[가-힣A-Za-z]{2}/.test(t)) continue;
    // The kind of paper ("보 도 자 료") stands above the title, not as it.
    if (DOCUMENT_KIND.test(t.replace(/\s+/g, ''))) continue;
    const date = parseKoreanDate(t.replace(/[()]/g, ''));
    if (!(date && date.written.length >= t.length - 4)) return t.replace(/(?<!\*)\*+$/, '').trim() || t;
  }
  return null;
}

/** The year most dates of the document's first page are in, so "(3월)" resolves; null when it names no year. */
function documentYear(blocks: DocBlock[]): number | null {
  const counts = new Map<number, number>();
  const heads = new Set<string>();
  for (const b of blocks) {
    if (b.lines[0] > HEAD_LINES) continue;
    // A table's header is read once, not with each of its rows.
    const head = b.table && !heads.has(String(b.table.head)) ? (heads.add(String(b.table.head)), b.table.header) : [];
    const text = b.table ? [...head, ...b.table.cells].join(' ') : b.text;
    for (const m of text.matchAll(/(?<!\d)(20\d{2})(?:년|\.|\s*-)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

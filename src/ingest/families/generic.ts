/** Any document no family recognises: its title, headings, department guess and ☎ contacts, so it can be searched. */
import { emptyRecord, recordKey } from '../../domain/project.js';
import { src } from '../../domain/provenance.js';
import type { DocumentFamily, ParseResult, SourceDocument } from '../document.js';
import { contactsFromPhoneLine } from '../structure/contacts.js';
import { headingText } from '../structure/headings.js';
import { detectOrganization } from '../structure/organization.js';

const DEPARTMENT = /([가-힣]{2,12}(?:담당관실|담당관|과|국|실|단|센터|사업소|본부))(?![가-힣])/;

export const genericFamily: DocumentFamily = {
  name: 'generic',
  description: '알 수 없는 형식: 제목·목차·본문만 색인',
  detect: () => 0.01,
  parse(doc: SourceDocument): ParseResult {
    const organization = detectOrganization(doc.lines);
    const headings: string[] = [];
    const contacts = [];
    let titleLine = 0;
    for (let i = 0; i < doc.lines.length; i++) {
      const line = doc.lines[i]!;
      if (!titleLine && /[가-힣A-Za-z]{2}/.test(line) && !line.includes('\t') && line.trim().length <= 120)
        titleLine = i + 1;
      const h = headingText(line);
      if (h) headings.push(h);
      contacts.push(...contactsFromPhoneLine(line, i + 1, null));
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
      contacts,
      headings,
      src: src(null, 1, Math.max(1, doc.lines.length)),
    });
    return { family: 'generic', organization, records: [record], warnings: [] };
  },
};

function cleanTitle(line: string): string {
  return (
    line
      .replace(/^[#\s*□○-]+/, '')
      .replace(/\*+$/, '')
      .trim() || line.trim()
  );
}

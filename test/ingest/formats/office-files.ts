/** Where the real originals are (../shared/originals beside the checkout), and small office files built in a test. */
import { strToU8, zipSync } from 'fflate';
import { sharedCorpusDir, sharedOriginalsDir } from '../../../scripts/lib/corpus-paths.js';

export const ORIGINALS = sharedOriginalsDir();
export const CORPUS = sharedCorpusDir();

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
}

function para(text: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text)}</w:p>`;
}

function cell(text: string, span = 1): string {
  return `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${para(text)}</w:tc>`;
}

/**
 * A Word file with a heading, a paragraph and a table (a header cell spanning two columns), from the minimal
 * parts a .docx needs: content types, the package relationship, the document, its styles.
 */
export function smallDocx(): Buffer {
  const body = [
    para('2025년 청년 일자리 사업 계획', 'Heading1'),
    para('사업 개요와 예산을 정리합니다.'),
    `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`,
    `<w:tr>${cell('구분')}${cell('예산(백만원)', 2)}</w:tr>`,
    `<w:tr>${cell('')}${cell('2024년')}${cell('2025년')}</w:tr>`,
    `<w:tr>${cell('청년 인턴')}${cell('1,200')}${cell('1,450')}</w:tr>`,
    `<w:tr>${cell('창업 지원')}${cell('800')}${cell('950')}</w:tr>`,
    `</w:tbl>`,
  ].join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/_rels/document.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
      'word/styles.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
      ),
    }),
  );
}

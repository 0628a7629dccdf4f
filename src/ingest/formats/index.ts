/**
 * The office files ingestion reads besides text: the format sniffed from the bytes, then its reader. Text files
 * (null) go the way they always went; a file no reader takes is refused with an IngestError naming it.
 */
import { IngestError } from '../errors.js';
import { readDocx } from './docx.js';
import type { ExtractedText } from './extracted.js';
import { readHwp5 } from './hwp5/index.js';
import { readHwpx } from './hwpx.js';
import { readPdf } from './pdf/index.js';
import { sniffFormat } from './sniff.js';

export type { ExtractedText, FileReader } from './extracted.js';
export { sniffFormat, type SniffedFormat } from './sniff.js';

/** Extensions of the office files read here (the text ones are parse.ts's). */
export const OFFICE_EXTENSIONS = ['.pdf', '.hwpx', '.hwp', '.docx'] as const;

export async function readOriginal(bytes: Buffer, file: string): Promise<ExtractedText | null> {
  switch (sniffFormat(bytes)) {
    case 'text':
      return null;
    case 'empty':
      throw new IngestError(file, '빈 파일입니다 (0 bytes): 내려받기나 복사가 끝나지 않았을 수 있습니다');
    case 'hwpx':
      return readHwpx(bytes, file);
    case 'docx':
      return readDocx(bytes, file);
    case 'zip':
      throw new IngestError(file, 'HWPX나 DOCX가 아닌 zip 파일입니다 (a zip that is neither HWPX nor DOCX)');
    case 'hwp5':
      return readHwp5(bytes, file);
    case 'ole':
      throw new IngestError(file, 'HWP 문서가 아닌 OLE 파일입니다 (Word 97–2003 .doc 등): PDF나 DOCX로 저장해 주세요');
    case 'pdf':
      return readPdf(bytes, file);
  }
}

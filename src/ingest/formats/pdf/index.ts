/**
 * The PDF reader: pdfjs in a worker thread gives each page's text items; lines are rebuilt from their positions,
 * each citing its page ("3쪽"). A PDF without a text layer (a scan), with a password, or cut short is refused.
 */
import { IngestError } from '../../errors.js';
import type { ExtractedText, FileReader } from '../extracted.js';
import { leftEdge, pageLines } from './lines.js';
import { ExtractError, extractPdf, type RawPdf } from './worker-client.js';

/** Long enough for the longest office PDF (a 76-page plan reads in about 3 s); a PDF taking longer is refused. */
const TIMEOUT_MS = 60_000;

export const readPdf: FileReader = (bytes, file) => readPdfWith(bytes, file, TIMEOUT_MS);

export async function readPdfWith(bytes: Buffer, file: string, timeoutMs: number): Promise<ExtractedText> {
  checkEnvelope(bytes, file);
  let pdf: RawPdf;
  try {
    pdf = await extractPdf(bytes, timeoutMs);
  } catch (err) {
    throw refusal(err, file, timeoutMs);
  }
  return toExtracted(pdf, file);
}

/** A PDF starts with its %PDF header and ends with %%EOF; a download cut short has no end. */
function checkEnvelope(bytes: Buffer, file: string): void {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new IngestError(file, 'PDF 파일이 아닙니다 (%PDF 머리글이 없음)');
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).includes('%%EOF'))
    throw new IngestError(file, 'PDF 파일이 잘렸습니다(끝부분 %%EOF가 없음): 내려받기가 끝나지 않았거나 손상된 파일입니다');
}

function refusal(err: unknown, file: string, timeoutMs: number): IngestError {
  if (!(err instanceof ExtractError)) return new IngestError(file, `PDF를 읽지 못했습니다: ${String(err)}`);
  const { kind, message } = err.failure;
  if (kind === 'password') return new IngestError(file, '암호가 걸린 PDF입니다: 암호를 푼 사본으로 저장해 주세요');
  if (kind === 'timeout') return new IngestError(file, `PDF를 읽는 데 ${Math.ceil(timeoutMs / 1000)}초가 넘게 걸려 멈췄습니다`);
  if (kind === 'crash') return new IngestError(file, `PDF를 읽던 작업이 중단되었습니다(메모리 초과 등): ${message}`);
  return new IngestError(file, `손상된 PDF라서 읽지 못했습니다: ${message}`);
}

/** The lines of an extracted PDF, page by page; exported for the benchmark, which counts pages. */
export function toExtracted(pdf: RawPdf, file: string): ExtractedText {
  const left = leftEdge(pdf.pages.map((p) => p.items));
  const lines: string[] = [];
  const locators: string[] = [];
  const imageOnly: number[] = [];
  pdf.pages.forEach((page, i) => {
    const pageText = pageLines(page.items, left, page.rules, page.starts);
    if (pageText.length === 0) {
      imageOnly.push(i + 1);
      return;
    }
    // Pages apart as a form feed keeps them in a layout text: a blank line that cites the page it ends.
    if (lines.length > 0) {
      lines.push('');
      locators.push(locators[locators.length - 1]!);
    }
    for (const line of pageText) {
      lines.push(line);
      locators.push(`${i + 1}쪽`);
    }
  });
  if (lines.length === 0) throw new IngestError(file, '텍스트가 없는 PDF입니다(스캔 이미지): OCR은 지원하지 않습니다');
  const warnings =
    imageOnly.length > 0
      ? [`글자가 없는 쪽(그림이나 빈 쪽)은 읽지 못했습니다: ${imageOnly.slice(0, 10).join(', ')}${imageOnly.length > 10 ? ` 외 ${imageOnly.length - 10}` : ''}쪽`]
      : [];
  const title = ownTitle(pdf.title);
  return { format: 'pdf', lines, locators, ...(title ? { title } : {}), warnings };
}

/** The Title property when it names the document: not empty, not a placeholder, not a file name. */
function ownTitle(title: string | null): string | null {
  const t = title?.replace(/\s+/g, ' ').trim() ?? '';
  if (t.length < 2 || /^(?:제목\s*없음|untitled|microsoft word)/i.test(t) || /\.(?:hwpx?|pdf|docx?|txt)$/i.test(t)) return null;
  return t;
}

/**
 * The format of a file by its bytes, never its name: real folders hold .hwp files that are HWPX zips, .hwpx files
 * that are HWP 5, Word files renamed .hwpx, truncated downloads and empty files.
 */
export type SniffedFormat = 'pdf' | 'hwpx' | 'docx' | 'zip' | 'hwp5' | 'ole' | 'text' | 'empty';

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HWPX_MIMETYPE = 'application/hwp+zip';
/** The streams by which Word 97–2003, Excel and PowerPoint files are told from an HWP 5 one (UTF-16 names). */
const OTHER_OLE_STREAMS = ['WordDocument', 'Workbook', 'PowerPoint Document'].map((n) => Buffer.from(n, 'utf16le'));

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  // Some exporters put a few bytes (a BOM, a blank line) before the header; readers accept it within 1 KB.
  if (head.indexOf(PDF) >= 0 && head.indexOf(PDF) < 1024) return 'pdf';
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  return 'text';
}

/** A compound file is also what Word 97–2003 (.doc), Excel and PowerPoint write; a damaged one is taken as HWP. */
function oleKind(bytes: Uint8Array): SniffedFormat {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return OTHER_OLE_STREAMS.some((name) => all.includes(name)) ? 'ole' : 'hwp5';
}

/** Which zip: read from the local headers, which a truncated download still has (its central directory it lacks). */
function zipKind(bytes: Uint8Array): SniffedFormat {
  if (firstEntryText(bytes, 'mimetype')?.trim() === HWPX_MIMETYPE) return 'hwpx';
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (all.indexOf('word/document.xml', 0, 'latin1') >= 0) return 'docx';
  // An HWPX whose mimetype entry is not first (rewritten by a zip tool) still names its sections.
  if (all.indexOf('Contents/content.hpf', 0, 'latin1') >= 0) return 'hwpx';
  return 'zip';
}

/** The content of the zip's first entry when it has this name and is stored uncompressed (as HWPX and EPUB do). */
function firstEntryText(bytes: Uint8Array, name: string): string | null {
  if (bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const start = 30 + nameLength + extraLength;
  if (method !== 0 || start + size > bytes.length || size > 200) return null;
  const entryName = Buffer.from(bytes.buffer, bytes.byteOffset + 30, nameLength).toString('latin1');
  if (entryName !== name) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, size).toString('latin1');
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * A document as ingest reads it and the store keeps it: the types both sides share (the store never imports
 * ingest; ingest writes through the store).
 */
import type { DocModel } from './doc-model.js';
import type { ProjectRecord } from './project.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp949';

/**
 * A larger document is refused before it is read (DAMDANG_MAX_DOCUMENT_MB raises it): ingest holds about 35
 * times a document's size while parsing it (10 MB took 340 MB), and the largest real document is 0.2 MB.
 */
export const DEFAULT_MAX_DOCUMENT_MB = 10;

export interface SourceDocument {
  /** The path as given to ingest, for messages. */
  path: string;
  /** File name without folders, for keys and replies. */
  name: string;
  encoding: Encoding;
  /** Normalised lines; `lines[i]` is line i + 1 of the file. */
  lines: string[];
  /** Lines where bytes that were not valid text were replaced (U+FFFD) while decoding. */
  damagedLines?: number[];
  /** What decoding and normalising could not read as written (a UTF-8 line in a CP949 file, a reference to no
   * character), each with its line. */
  readWarnings?: ParseWarning[];
}

export interface ParseWarning {
  line: number | null;
  message: string;
}

export interface ParseResult {
  family: string;
  organization: string | null;
  records: ProjectRecord[];
  warnings: ParseWarning[];
  /** The document model (blocks and metadata), whatever the family. */
  model?: DocModel;
}

export interface LoadedDocument {
  doc: SourceDocument;
  /** sha256 of the file's bytes: an unchanged file is not ingested again. */
  hash: string;
  /** The normalised text as stored, for quoting lines. */
  text: string;
  /** An office file's: per stored line, where it stands in the file ("3쪽", "문단 12") or null; as long as `doc.lines`. */
  locators?: Array<string | null>;
}

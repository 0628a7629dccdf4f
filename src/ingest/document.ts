/** What a family parser receives and returns. Parsers read; they never write and never throw on an odd line. */
import type { ProjectRecord } from '../domain/project.js';
import type { Encoding } from './decode.js';

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
}

export interface DocumentFamily {
  name: string;
  /** One line on what the family is, for reports. */
  description: string;
  /** 0 when the document is not of this family; higher is more certain (the best score above 0 wins). */
  detect(doc: SourceDocument): number;
  parse(doc: SourceDocument): ParseResult;
}

/** 1-based line accessor that never throws. */
export function lineAt(doc: SourceDocument, lineNo: number): string {
  return doc.lines[lineNo - 1] ?? '';
}

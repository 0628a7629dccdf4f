/** What a family parser receives and returns. Parsers read; they never write and never throw on an odd line. */
import type { ParseResult, SourceDocument } from '../domain/document.js';

export type { ParseResult, ParseWarning, SourceDocument } from '../domain/document.js';

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

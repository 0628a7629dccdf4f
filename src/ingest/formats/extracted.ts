/**
 * What a reader of an office file (PDF, HWPX, HWP 5, DOCX) hands ingestion: the document as lines of text, which
 * the document model reads as it reads a text file, and where in the file each line came from.
 */
export interface ExtractedText {
  format: 'pdf' | 'hwpx' | 'hwp' | 'docx';
  /** Paragraphs one a line (wrapped lines joined); a table's row a line, its cells separated by a tab. */
  lines: string[];
  /** Per line, where it stands in the file ("3쪽", "문단 12", "표 2 · 3행 2열"), or null; as long as `lines`. */
  locators: Array<string | null>;
  /** The title and date the file's own properties give, when it has them. */
  title?: string;
  date?: string;
  /** What the reader could not do that the user should know ("미리보기 텍스트만 읽었습니다: 문서의 앞부분뿐입니다"). */
  warnings: string[];
}

/** Reads one file's bytes. Rejects with an IngestError naming the file and what is wrong with it. */
export type FileReader = (bytes: Buffer, file: string) => Promise<ExtractedText>;

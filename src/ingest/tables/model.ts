/**
 * The one table model every reader hands to the interpreter: rows of cells with column positions and spans.
 * Text is one producer (text.ts: tab-separated, markdown/HTML, pdftotext layout and raw mode); a reader of HWPX or
 * PDF structure can build the same rows from real cells.
 */

export interface ModelCell {
  text: string;
  /** 0 is the row-label column; value columns count from 1. */
  col: number;
  /** Columns the cell covers (a merged header such as "2025년도 조성계획" over 수입·지출·증감). */
  span: number;
}

export interface ModelRow {
  /** 1-based line of the document the row was read from. */
  line: number;
  text: string;
  cells: ModelCell[];
}

export interface TableModel {
  /** Header rows top to bottom; a header cell whose column could not be pinned is left out. */
  header: ModelRow[];
  body: ModelRow[];
  /** Value columns (the label column not counted). */
  columns: number;
  /** Lines just above the table (heading, unit line), nearest last: context, not cells. */
  context: Array<{ line: number; text: string }>;
  /** False when columns were told by count only (raw mode) and a row had fewer cells than columns. */
  aligned: boolean;
}

/**
 * A table read back from lines that hold one cell each (column by column, or row by row): whole rows with their
 * header, never column positions. blocks.ts turns it into table blocks as it does a TableModel.
 */
export interface LineCellTable {
  /** 0-based index of the corner cell's line and of the table's last line. */
  start: number;
  end: number;
  /** The corner cell, then each column's header (an upper level joined: "2024년 1분기"). */
  header: string[];
  /** 1-based lines of the header cells and of the unit line. */
  headerLines: number[];
  /** Each row's cells, and its text as written when a cell carries a note the cell leaves out. */
  rows: Array<{ cells: string[]; lines: number[]; text?: string }>;
  unit: string | null;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A figure cell: 46명, 1,138명, △2, ▲215, 10.3%, 84/90, "80 / 85", -, 해당없음, (구비100%). */
export const VALUE_CELL = new RegExp(
  String.raw`^(?:[△▲▽-]?(?:${NUMBER})(?:명|개소|개|건|%|억원|백만원|천원|원|팀|과)?(?:\s*/\s*(?:${NUMBER}))?|[-–—]|해당\s*없음|\([가-힣]*\d+(?:\.\d+)?%\))$`,
);

export function isValueText(text: string): boolean {
  return VALUE_CELL.test(text.trim());
}

/** Header words any table may have: pinned by position, unlike names, which need a line that lines up. */
export const GENERIC_HEADER =
  /^(?:계|합계|총계|소계|구분|비고|정원|현원|과부족|정원\/현원|세입|세출|예산|증감|증감률|증감율|비율|인원|\d급(?:이하|이상)?|\d급이하|연구(?:직|관|사)?|임기제|기타|수입|지출|본청|사업소|[’'‘]?\d{2,4}년(?:도)?.*|.*\([A-Z](?:-[A-Z])?\)|증감\(.*\)|.*(?:예산|조성액|현재액|예상액|결산|추경|본예산)(?:\(.*\))?)$/;

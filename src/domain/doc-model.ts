/**
 * The document model every document becomes, whatever its family: metadata and an ordered list of blocks, each
 * with the headings above it (its section path) and the lines it was read from. Families add meaning on top
 * (projects, budgets, milestones); a document of no known family is still answerable through its blocks.
 * Shared by ingest (which builds it) and the store and answering (which read it): no reading code here.
 */
import type { Contact } from './project.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row';

export interface DocBlock {
  kind: BlockKind;
  /** The block's text: wrapped lines joined; a row's cells joined by " | ". */
  text: string;
  /** 1-based, inclusive line range of the document text. */
  lines: [number, number];
  /** Headings above the block, outermost first. */
  section: string[];
  /** Heading depth (0 outermost) or list nesting (0 top). */
  level: number;
  /**
   * The number a heading or list item is written with, as written, separators off ("Ⅲ" of "Ⅲ. 제목", "1" of "1. 제목"
   * or "1)", "가" of "가.", "①", "참고 2"): the text leaves it out. Absent for a bullet or an unnumbered block.
   */
  number?: string;
  /** A list item's parent item, as written (so "○ 예산 : 30억원" under "□ 청년 쉼터" keeps its subject). */
  parent?: string;
  /**
   * The block's lines as written, one per line of `lines` (indentation kept, trailing spaces off), when its text is
   * not its one line: a marker taken off, wrapped lines joined, a row's cells, an indent. A table flattened one cell
   * a line that no reader recognised is one paragraph of the model, and a reader of one line of it (a cell, a line
   * of an org chart over the counts under it) reads it here. Absent in a block stored before it was kept.
   */
  written?: string[];
  /** Lines of the parent item and of the innermost heading: cited whenever they are quoted with the block. */
  parentLines?: [number, number];
  sectionLine?: number;
  /** A table row: its header cells (top to bottom joined per column), cells, and the table's unit line. */
  table?: {
    header: string[];
    cells: string[];
    unit: string | null;
    /** Lines of the header rows and the unit line: cited with the row, since the figures' meaning is there. */
    head?: number[];
    /**
     * The `head` lines as written, one per line (indentation kept), on the first row of the table that names them:
     * a header line is no block of its own, and a header the reader could not split into cells is still read.
     */
    headWritten?: string[];
  };
}

export interface DocMeta {
  title: string;
  organization: string | null;
  department: string | null;
  /** The document's own date as written ("2025년 7월 8일(화)"), and its ISO day when readable. */
  date: { written: string; iso: string | null } | null;
  contacts: Contact[];
  /** The line the title was read from (0 when the title is the file name). */
  titleLine: number;
}

export interface DocModel {
  meta: DocMeta;
  blocks: DocBlock[];
}

/**
 * Tables as read from a document: every cell keeps its row label, column header, unit and line, so any cell can
 * be answered ("인재개발원 과부족", "건강정책과 예산"). A header the reader could not pin to a column is null: such a
 * cell is answered by quoting its line, never as a figure of a named column.
 */
import { z } from 'zod';
import { SourceSchema } from './provenance.js';

export const CellMarkerSchema = z.enum(['decrease', 'increase', 'none', 'not-applicable']);

export const TableCellSchema = z.object({
  /** The column header as read (joined over header lines), or null when no header could be pinned to it. */
  column: z.string().nullable(),
  /** 0-based value column, or null when the cell could not be pinned to one (then only its line is quoted). */
  col: z.number().int().nullable(),
  /** The cell as written: "46명", "△2", "84/90", "-", "해당없음". */
  text: z.string(),
  /** The number the cell states (△/▽ negative), null for "-" and words; a pair cell has none (see `pair`). */
  value: z.number().nullable(),
  /** "84/90" under a 정원/현원 header: both numbers, in the order written. */
  pair: z.tuple([z.number(), z.number()]).nullable(),
  marker: CellMarkerSchema.nullable(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableRowSchema = z.object({
  /** The row label with spread letters closed up ("정 원" → "정원"); "" for a row without one. */
  label: z.string(),
  cells: z.array(TableCellSchema),
  /** The line as written, quoted when a figure cannot be pinned to a cell. */
  text: z.string(),
  line: z.number().int().positive(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const ReadTableSchema = z.object({
  /** The heading the table sits under ("인력", "2025년 예산", "(세입) 2,917백만원 …"). */
  title: z.string().nullable(),
  /** "백만원", "명", "개소" — from the unit line, or null. */
  unit: z.string().nullable(),
  /** The as-of date the unit line gives, as written ("’25. 1. 1. 기준"). */
  asOf: z.string().nullable(),
  columns: z.array(z.string().nullable()),
  /** Index of the 계/합계 column (named so, or the first column when it is the sum of the others). */
  totalColumn: z.number().int().nullable(),
  rows: z.array(TableRowSchema),
  /**
   * What every figure of the table counts, when the words over it say so: "정원/현원" for "a / b" cells under
   * "인 력 : 정원 80명 / 현원 85명", "현원" under a unit line "(현원, 명)".
   */
  measure: z.enum(['정원/현원', '정원', '현원']).nullable().optional(),
  /** Lines of the column headers (and of a caption that states figures): cited with any cell read under them. */
  headerLines: z.array(z.number().int().positive()).optional(),
  src: SourceSchema,
});
export type ReadTable = z.infer<typeof ReadTableSchema>;

/** A department overview (기본현황/일반현황) as the document states it. */
export const DepartmentOverviewSchema = z.object({
  /** The organisation summary as written: "3과 17팀", "5 담당관 1 추진단 20 팀", "5과 (24팀 1TF), 6개 사업소". */
  org: z.object({ written: z.string(), src: SourceSchema }).nullable(),
  /** Sub-units (과, 담당관, 부, 사업소 …) named in the overview's chart and tables. */
  units: z.array(z.string()),
  tables: z.array(ReadTableSchema),
});
export type DepartmentOverview = z.infer<typeof DepartmentOverviewSchema>;

/**
 * A table as plain data: what a report prints and what an Excel sheet holds. It sits below both the reports
 * and the municipality's roster, which exports and re-imports its sheet in this shape.
 */

/** A table cell: plain text (new lines become separate paragraphs), a number, or text with emphasis. */
export type Cell = string | number | null | { text: string; italic?: boolean; bold?: boolean };

export interface ReportColumn {
  key: string;
  /** Russian header, the same in the document and in Excel. */
  header: string;
  /** Relative width; the renderer scales the columns to the text width of the page. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportTable {
  /** Excel sheet name (≤ 31 characters, unique within a report). */
  sheet: string;
  /** Caption printed above the table («Таблица 1 — …»). */
  caption: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** Point size of the table text; ГОСТ allows 10–11 in tables, the default is 12. */
  fontSize?: number;
  /** What the document prints when there are no rows. */
  empty?: string;
}

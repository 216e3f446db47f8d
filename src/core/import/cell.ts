/**
 * A cell as the backend readers hand it to the core: exceljs rich text, hyperlinks,
 * formulas and shared strings are already flattened to their displayed value.
 * Dates are UTC-midnight (or UTC date-time) Date objects: never read them in local time.
 */
export type CellValue = string | number | boolean | Date | null;

/** One row of a sheet; rowNumber is 1-based as Excel shows it, cells are 0-based columns. */
export interface RawRow {
  rowNumber: number;
  cells: CellValue[];
}

/** One problem found in a user's file, named so the user can find it: file, sheet, row, column. */
export interface ImportIssue {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  columnLetter: string | null;
  value: string | null;
  reason: string;
}

export interface ImportCounts {
  /** Data rows read below the header (blank and totals rows included). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Blank rows and totals rows (合计/总计). */
  skipped: number;
  /** Rows kept whose retailer or brand is unknown. */
  unlinked: number;
}

export type FileImportStatus = 'imported' | 'refused' | 'cancelled';

/** What happened to one file; the CLI prints it and the import centre shows it. */
export interface FileImportReport {
  file: string;
  status: FileImportStatus;
  /** Why a file was refused or cancelled, in one sentence. */
  message: string | null;
  kind: string | null;
  sheet: string | null;
  headerRow: number | null;
  encoding: string | null;
  /** What the file was read as, by its content (a .xls may be an HTML table); absent when it could not be opened. */
  format?: 'xlsx' | 'csv' | 'xls' | 'html';
  mapped: { field: string; column: number; header: string }[];
  unmapped: { column: number; header: string }[];
  missingRequired: string[];
  counts: ImportCounts;
  /** The first errors in full (at most MAX_REPORTED_ISSUES); errorCount has them all. */
  errors: ImportIssue[];
  errorCount: number;
  warnings: string[];
  batchId: number | null;
}

export const MAX_REPORTED_ISSUES = 1000;

export function emptyCounts(): ImportCounts {
  return { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, unlinked: 0 };
}

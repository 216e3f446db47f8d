import type { WriteBusy } from './api/writeBusy';
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
  /** Route assignments added for a month that had none, for retailers already known (not counted as updated). */
  assignments: number;
  /** Rows imported earlier without their retailer or brand that this retailer or brand file linked. */
  linked: number;
}

/** One updated row: which row, and each stored value that changed, old → new. */
export interface ImportRowChange {
  table: string;
  key: string;
  fields: { column: string; label: string; old: string | number | null; new: string | number | null }[];
}

/** A kind the file might be, with the Chinese header names it lacks. */
export interface ImportKindCandidate {
  kind: string;
  label: string;
  /** Missing required columns in Chinese: "订货日期（订单日期/订货日期/日期）". */
  missing: string[];
}

/** Where the month a master file speaks for came from. */
export type AsOfMonthSource = 'given' | 'fileName' | 'latestActivity' | 'previousMonth';

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
  /** Updated rows with their changed values (the first ones; counts.updated has them all). */
  changes?: ImportRowChange[];
  /** Updated rows of the roster, retailers or brands: the import centre asks again before changing them. */
  masterRowsChanged?: number;
  /** When the file was not imported because its kind is unclear: the kinds it might be. */
  candidates?: ImportKindCandidate[];
  /** The month a retailer file's route assignments hold from, and where that month came from. */
  asOfMonth?: string | null;
  asOfMonthSource?: AsOfMonthSource | null;
  /** A dry run: everything was checked and counted, nothing was written. */
  dryRun?: boolean;
  /** The district (营销部) the file went into (migration 0014). */
  district?: string | null;
  /** Refused because its district could not be told (or the file held another district's rows). */
  districtRefused?: boolean;
  /** Not imported because someone else was writing the district meanwhile (who, doing what). */
  busy?: WriteBusy;
}

export const MAX_REPORTED_ISSUES = 1000;

export function emptyCounts(): ImportCounts {
  return { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, unlinked: 0, assignments: 0, linked: 0 };
}

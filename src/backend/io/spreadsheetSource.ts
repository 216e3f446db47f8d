import type { RawRow } from '../../core/import/cell';

export type TextEncodingName = 'utf8' | 'utf8-bom' | 'gb18030' | 'utf16le';
export type CsvDelimiter = ',' | '\t' | ';';

export interface SpreadsheetLimits {
  /** Largest declared uncompressed size of one sheet (xlsx) or of the whole file (csv). */
  maxUncompressedBytes: number;
  /** Most rows with at least one value in one sheet. */
  maxRows: number;
  /**
   * Largest .xls: it is parsed whole, at about 65 times its size in memory (SheetJS). A full
   * 65,536-row sheet of 9 columns is 8 MB; this leaves room for about 35 columns.
   */
  maxXlsBytes: number;
  /** Largest HTML-table export: it is decoded and parsed whole (a few times its size in memory). */
  maxHtmlBytes: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxUncompressedBytes: 1024 ** 3,
  maxRows: 2_000_000,
  maxXlsBytes: 32 * 1024 ** 2,
  maxHtmlBytes: 100 * 1024 ** 2,
};

/** What a file turned out to be by its content, whatever its name says. */
export type SpreadsheetFormat = 'xlsx' | 'csv' | 'xls' | 'html';

export interface OpenSpreadsheetOptions {
  /** Text encoding of a CSV without a byte-order mark; a BOM always wins. */
  encoding?: 'auto' | 'utf8' | 'gb18030';
  limits?: Partial<SpreadsheetLimits>;
}

/** A path on disk, or bytes the UI uploaded together with the original file name. */
export type SpreadsheetInput = string | { fileName: string; bytes: Uint8Array };

export interface SheetSource {
  name: string;
  /** 0-based position among the workbook's sheets (hidden ones included). */
  index: number;
  hidden: boolean;
  /**
   * Rows that hold at least one value, in file order; rowNumber is the row number Excel
   * shows, so gaps mean blank rows. Single use: to look ahead, use peekRows and go on
   * with its `rest`. The stream opens on the first read and closes when the rows run
   * out, when the consumer breaks out of its loop, or when the consumer asks for the
   * next sheet (reading it after that throws). Leaving the loop over sheets keeps the
   * current sheet readable, so a consumer can choose a sheet, stop, then stream it.
   * No file descriptor is held between reads, so an abandoned sheet leaks nothing.
   */
  rows: AsyncIterable<RawRow>;
}

export interface SpreadsheetSource {
  format: SpreadsheetFormat;
  fileName: string;
  sizeBytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** CSV and HTML tables only: a TextEncodingName, or the charset an HTML page declares (e.g. big5). */
  encoding?: string;
  /** CSV only. */
  delimiter?: CsvDelimiter;
  /**
   * The workbook counts days from 1904-01-01. Date-formatted cells are already correct
   * Dates; a raw serial number n in such a workbook means 1899-12-30 + (n + 1462) days.
   */
  date1904: boolean;
  /** Sheets in workbook order (a CSV has one, named after the file). */
  sheets(): AsyncGenerator<SheetSource, void, undefined>;
}

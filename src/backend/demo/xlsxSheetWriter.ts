import ExcelJS from 'exceljs';
import { utcDate } from './calendarDates';

/** A date cell: written as an Excel date (serial number with a date format), as real exports do. */
export interface DateCell {
  date: string;
}

export type SheetCell = string | number | DateCell | null;

const DATE_FORMAT = 'yyyy-mm-dd';
/** Fixed document dates keep the workbook's own properties the same for the same seed. */
const DOCUMENT_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * One worksheet written through exceljs's streaming WorkbookWriter: rows go to disk as
 * they are committed, so memory stays flat however many rows a benchmark asks for.
 */
export class XlsxSheetWriter {
  private rowCount = 0;
  private dataRows = 0;

  private constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: ExcelJS.Worksheet,
  ) {}

  static open(path: string, sheetName: string, columnWidths: number[] = []): XlsxSheetWriter {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    workbook.creator = '临河营销部';
    workbook.created = DOCUMENT_DATE;
    workbook.modified = DOCUMENT_DATE;
    const sheet = workbook.addWorksheet(sheetName);
    if (columnWidths.length > 0) sheet.columns = columnWidths.map((width) => ({ width }));
    return new XlsxSheetWriter(workbook, sheet);
  }

  /** A title line above the header, merged across `span` columns when asked. */
  title(text: string, span: number, options: { merge?: boolean; bold?: boolean } = {}): void {
    const row = this.sheet.addRow([text]);
    this.rowCount++;
    if (options.bold) row.font = { bold: true, size: 14 };
    if (options.merge && span > 1) this.sheet.mergeCells(this.rowCount, 1, this.rowCount, span);
    row.commit();
  }

  blank(): void {
    this.sheet.addRow([]).commit();
    this.rowCount++;
  }

  header(names: readonly string[]): void {
    const row = this.sheet.addRow([...names]);
    row.font = { bold: true };
    row.commit();
    this.rowCount++;
  }

  row(cells: readonly SheetCell[]): void {
    const values = cells.map((cell) => (cell !== null && typeof cell === 'object' ? utcDate(cell.date) : cell));
    const row = this.sheet.addRow(values);
    cells.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object') row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
    this.rowCount++;
    this.dataRows++;
  }

  /** Data rows written (title, blank and header rows excluded). */
  get rowsWritten(): number {
    return this.dataRows;
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

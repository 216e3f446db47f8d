import ExcelJS from 'exceljs';
import { excelNumberFormat, formatNumber, type NumberKind } from '../../../core/format/numberFormat';
import type { ColumnType, GridRow } from '../../../shared/api/dataApi';
import { displayWidth } from '../report/displayWidth';
import { gridTextCell } from './gridTextCell';

export interface GridExportColumn {
  field: string;
  label: string;
  type: ColumnType;
  format?: NumberKind;
}

export interface GridWorkbookOptions {
  /** The sheet's name and the printed page header. */
  title: string;
  /** Printed under the title in the page header: the month, the filters. */
  subtitle?: string;
  /** Called after every `batch` rows (and at the end) with the rows written so far. */
  onRows?: (written: number) => void;
  signal?: AbortSignal;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
/** Excel's sheet names: at most 31 characters, none of \ / ? * [ ] : */
function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

/** A date or date-time text as an Excel date (a serial number with a date format), else null. */
function dateOf(text: string): Date | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d) ? null : date;
}

/** A cell's value and number format, by its column: numbers stay numbers, dates become dates, the rest is text. */
function cellOf(column: GridExportColumn, value: string | number | null | undefined): { value: ExcelJS.CellValue; numFmt?: string; text?: string } {
  if (value === null || value === undefined || value === '') return { value: null };
  if (column.type === 'number' && typeof value === 'number') return { value, numFmt: excelNumberFormat(column.format ?? 'plain', value) };
  if ((column.type === 'date' || column.type === 'datetime') && typeof value === 'string') {
    const date = dateOf(value);
    if (date) return { value: date, numFmt: column.type === 'date' || value.length <= 10 ? 'yyyy-mm-dd' : value.length <= 16 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd hh:mm:ss' };
  }
  return { value: null, text: String(value) };
}

/** Rows looked at to size the columns before the first is written (a streamed sheet cannot widen a column later). */
const SAMPLE_ROWS = 200;

/** A column's width from its header, its kind and the widest of the sampled values; long texts wrap at 50. */
function widthOf(column: GridExportColumn, sample: readonly GridRow[]): number {
  const header = displayWidth(column.label) + 3;
  const byType: Record<ColumnType, number> = { text: 8, number: 8, date: 12, datetime: 19, bool: 6, longtext: 50 };
  if (column.type === 'longtext' || column.type === 'date' || column.type === 'datetime') return Math.max(header, byType[column.type]);
  let widest = 0;
  for (const row of sample) {
    const value = row[column.field];
    if (value === null || value === undefined) continue;
    const text = typeof value === 'number' ? formatNumber(value, column.format ?? 'plain') : value;
    widest = Math.max(widest, displayWidth(text));
  }
  return Math.min(50, Math.max(header, byType[column.type], widest + 2));
}

/** A column letter (1 → A, 27 → AA). */
function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const BATCH = 1000;

/**
 * Writes a grid's rows as one worksheet through exceljs's streaming WorkbookWriter: the header
 * (bold, frozen, with AutoFilter), then the rows as they come, each committed to disk at once,
 * so memory stays flat for a million rows. Numbers keep Excel number formats (money 2
 * decimals, quantities with separators), dates are dates; printing fits the width on landscape
 * pages with the header row repeated. Returns the rows written.
 */
export async function writeGridWorkbook(
  outPath: string,
  columns: readonly GridExportColumn[],
  rows: AsyncIterable<GridRow> | Iterable<GridRow>,
  options: GridWorkbookOptions,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  workbook.creator = '考评工作台';
  const sheet = workbook.addWorksheet(sheetName(options.title), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${(options.title + (options.subtitle ? `  ${options.subtitle}` : '')).replace(/&/g, '&&')}`,
      oddFooter: '&C&P / &N',
    },
  });
  const iterator = (Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]()) as AsyncIterator<GridRow> | Iterator<GridRow>;
  const sample: GridRow[] = [];
  let ended = false;
  while (sample.length < SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    sample.push(next.value);
  }
  sheet.columns = columns.map((c) => ({ key: c.field, width: widthOf(c, sample) }));
  const header = sheet.addRow(columns.map(() => null));
  columns.forEach((c, i) => gridTextCell(header.getCell(i + 1), c.label));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8C8C8C' } } };
  });
  header.commit();

  async function* all(): AsyncGenerator<GridRow> {
    yield* sample;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }

  let written = 0;
  for await (const row of all()) {
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('cancelled');
    const cells = columns.map((c) => cellOf(c, row[c.field]));
    const sheetRow = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.text !== undefined) gridTextCell(sheetRow.getCell(i + 1), c.text);
      else if (c.numFmt) sheetRow.getCell(i + 1).numFmt = c.numFmt;
    });
    columns.forEach((c, i) => {
      if (c.type === 'longtext') sheetRow.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    sheetRow.commit();
    written += 1;
    if (written % BATCH === 0) options.onRows?.(written);
  }
  if (columns.length > 0) sheet.autoFilter = `A1:${columnLetter(columns.length)}${written + 1}`;
  sheet.commit();
  await workbook.commit();
  options.onRows?.(written);
  return written;
}

import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { CellValue, RawRow } from '../../../core/import/cell';
import type { ByteSource } from '../byteSource';
import { FileRefusedError } from '../fileRefusedError';
import { readWholeFile } from '../readWholeFile';
import { refuse } from '../refusals';
import { replayRows } from '../replayRows';
import { SheetRowStream } from '../sheetRowStream';
import type { SheetSource, SpreadsheetLimits, SpreadsheetSource } from '../spreadsheetSource';
import { xlsCellValue } from './xlsCellValue';

/** BIFF5 and older keep text in the workbook's code page (936 for Chinese Excel), so SheetJS needs the tables. */
XLSX.set_cptable(cptable);

const WHAT = '旧版 Excel 文件（.xls）';

/**
 * Reads an old Excel workbook (BIFF8, and BIFF5 and older) with SheetJS. A .xls sheet
 * holds at most 65,536 rows, so the workbook is parsed whole (after a size cap) and its
 * sheets then hand out their rows like the .xlsx reader's: the same cell values, the same
 * row numbers, blank rows left out. A password-protected workbook is refused.
 */
export async function openXls(
  source: ByteSource,
  limits: SpreadsheetLimits,
): Promise<Pick<SpreadsheetSource, 'format' | 'date1904' | 'sheets'>> {
  const fileName = source.fileName;
  if (source.sizeBytes > limits.maxXlsBytes) throw refuse.tooLargeToRead(fileName, limits.maxXlsBytes, WHAT);
  const bytes = await readWholeFile(source, limits.maxXlsBytes, WHAT);

  let workbook: XLSX.WorkBook;
  try {
    // dense: rows as arrays (less memory, faster walk); cellNF: keep number formats to tell dates;
    // raw serials (no cellDates) so that dates are counted in the workbook's own date system below.
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false });
  } catch (error) {
    throw asRefusal(error, fileName);
  }
  if (workbook.SheetNames.length === 0) throw refuse.unreadable(fileName, '文件里找不到任何工作表');

  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const sheets = workbook.SheetNames.map((name, index) => ({
    name,
    index,
    hidden: (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0,
    rows: sheetRows(workbook.Sheets[name], date1904),
  }));
  if (sheets.every((sheet) => sheet.rows.length === 0)) throw refuse.emptyFile(fileName);
  for (const sheet of sheets) {
    if (sheet.rows.length > limits.maxRows) throw refuse.tooManyRows(fileName, limits.maxRows, sheet.name);
  }

  return {
    format: 'xls',
    date1904,
    sheets: async function* streamSheets(): AsyncGenerator<SheetSource, void, undefined> {
      let previous: SheetRowStream | undefined;
      for (const sheet of sheets) {
        await previous?.supersede(sheet.name);
        const rows = new SheetRowStream(sheet.name, (onEnd) => replayRows(sheet.rows, onEnd));
        previous = rows;
        yield { name: sheet.name, index: sheet.index, hidden: sheet.hidden, rows };
      }
    },
  };
}

/** The rows that hold at least one value, with trailing empty cells cut off. */
function sheetRows(sheet: XLSX.WorkSheet | undefined, date1904: boolean): RawRow[] {
  const data = sheet?.['!data'];
  if (data === undefined) return [];
  const rows: RawRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (row === undefined) continue;
    const cells: CellValue[] = new Array<CellValue>(row.length);
    let last = -1;
    for (let c = 0; c < row.length; c++) {
      const value = xlsCellValue(row[c], date1904);
      cells[c] = value;
      if (value !== null) last = c;
    }
    if (last < 0) continue;
    cells.length = last + 1;
    rows.push({ rowNumber: r + 1, cells });
  }
  return rows;
}


/** SheetJS speaks in English errors; only these three mean something the supervisor can act on. */
function asRefusal(error: unknown, fileName: string): FileRefusedError {
  if (error instanceof FileRefusedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/password-protected|Password is incorrect|Encryption scheme unsupported/i.test(message)) return refuse.encrypted(fileName);
  if (/Cannot find Workbook stream|Unsupported Works/i.test(message)) {
    return refuse.notSpreadsheet(fileName, 'Office 文档（Word、PowerPoint 等）');
  }
  // A damaged compound file makes SheetJS try other formats and fail with their errors.
  return refuse.unreadable(fileName, undefined, error);
}

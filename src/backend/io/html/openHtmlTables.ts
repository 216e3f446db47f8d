import iconv from 'iconv-lite';
import type { RawRow } from '../../../core/import/cell';
import type { ByteSource } from '../byteSource';
import { readWholeFile } from '../readWholeFile';
import { refuse } from '../refusals';
import { replayRows } from '../replayRows';
import { SheetRowStream } from '../sheetRowStream';
import type { OpenSpreadsheetOptions, SheetSource, SpreadsheetLimits, SpreadsheetSource } from '../spreadsheetSource';
import { chooseHtmlEncoding } from './htmlCharset';
import { readHtmlTables } from './readHtmlTables';

const WHAT = '网页格式（HTML）的导出文件';

/** A table a header can sit in: at least a header row and one row below it, each with two values. */
function isUsable(rows: readonly RawRow[]): boolean {
  return rows.filter((row) => row.cells.filter((cell) => cell !== null).length >= 2).length >= 2;
}

/**
 * Reads the "Excel" export of a web system that is really an HTML page. Each usable
 * <table> becomes a sheet named 表格1, 表格2 … (in page order), so that header detection
 * picks the first table with a recognisable header, as it picks a workbook's sheet.
 * A page without a usable table is refused with the advice to save it as .xlsx.
 */
export async function openHtmlTables(
  source: ByteSource,
  limits: SpreadsheetLimits,
  options: OpenSpreadsheetOptions,
): Promise<Pick<SpreadsheetSource, 'format' | 'date1904' | 'encoding' | 'sheets'>> {
  const fileName = source.fileName;
  if (source.sizeBytes > limits.maxHtmlBytes) throw refuse.tooLargeToRead(fileName, limits.maxHtmlBytes, WHAT);
  const bytes = await readWholeFile(source, limits.maxHtmlBytes, WHAT);
  const encoding = chooseHtmlEncoding(bytes, options.encoding);
  if (encoding === 'utf16be') throw refuse.unreadable(fileName, '文件是 UTF-16 BE 编码，请用 Excel/WPS 另存为 .xlsx');
  const html = iconv.decode(bytes, encoding === 'utf8-bom' ? 'utf8' : encoding);

  const tables = readHtmlTables(html)
    .map((table, i) => ({ name: `表格${i + 1}`, rows: table.rows }))
    .filter((table) => isUsable(table.rows));
  if (tables.length === 0) throw refuse.noUsableHtmlTable(fileName);
  for (const table of tables) {
    if (table.rows.length > limits.maxRows) throw refuse.tooManyRows(fileName, limits.maxRows, table.name);
  }

  return {
    format: 'html',
    date1904: false,
    encoding,
    sheets: async function* streamTables(): AsyncGenerator<SheetSource, void, undefined> {
      let previous: SheetRowStream | undefined;
      for (const [index, table] of tables.entries()) {
        await previous?.supersede(table.name);
        const rows = new SheetRowStream(table.name, (onEnd) => replayRows(table.rows, onEnd));
        previous = rows;
        yield { name: table.name, index, hidden: false, rows };
      }
    },
  };
}

import { createByteSource } from './byteSource';
import { openCsv } from './csv/openCsv';
import { openHtmlTables } from './html/openHtmlTables';
import { isEncryptedOfficeFile } from './oleCompoundFile';
import { refuse } from './refusals';
import { sniffContent, sniffMarkup } from './sniffContent';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  type OpenSpreadsheetOptions,
  type SpreadsheetInput,
  type SpreadsheetLimits,
  type SpreadsheetSource,
} from './spreadsheetSource';
import { openXlsx } from './xlsx/openXlsx';

/** Enough to tell the encoding and delimiter of a CSV, and to see NUL bytes in a binary. */
const HEAD_BYTES = 64 * 1024;

/**
 * Opens an .xlsx, .xls, .csv or HTML-table export (from disk or from uploaded bytes) for import.
 * Everything that makes a file unimportable is refused here, as a FileRefusedError with
 * a message for the supervisor, before any sheet is read: the kind of file is decided
 * by its content, not its name; zip sizes come from the central directory, row counts
 * from each sheet's declared dimension. Rows are then read lazily through sheets().
 */
export async function openSpreadsheet(
  input: SpreadsheetInput,
  options: OpenSpreadsheetOptions = {},
): Promise<SpreadsheetSource> {
  const limits: SpreadsheetLimits = { ...DEFAULT_SPREADSHEET_LIMITS, ...options.limits };
  const source = await createByteSource(input);
  const { fileName } = source;
  if (source.sizeBytes === 0) throw refuse.emptyFile(fileName);

  const head = await source.readHead(HEAD_BYTES);
  const content = sniffContent(head);
  let opened: Omit<SpreadsheetSource, 'fileName' | 'sizeBytes' | 'sha256'>;
  switch (content.kind) {
    case 'zip':
      opened = await openXlsx(source, limits);
      break;
    case 'ole2':
      // A password-protected .xlsx is an OLE2 file too; SheetJS would only call it "unsupported".
      if (await isEncryptedOfficeFile(source)) throw refuse.encrypted(fileName);
      // Loaded when an .xls comes: SheetJS and its code pages cost ~26 MB and ~0.3 s to load,
      // which a CSV or .xlsx import (and the CLI) need not pay.
      opened = await (await import('./xls/openXls')).openXls(source, limits);
      break;
    case 'binary':
      throw refuse.notSpreadsheet(fileName, content.what);
    case 'text':
      switch (sniffMarkup(head)) {
        case 'html':
          // Web systems' "导出Excel" often saves an HTML table under an .xls or .xlsx name.
          opened = await openHtmlTables(source, limits, options);
          break;
        case 'spreadsheetml':
          throw refuse.notSpreadsheet(fileName, 'XML 格式（Excel 2003 XML）的导出文件', '请在 Excel/WPS 中打开它，另存为 .xlsx 后再导入。');
        case null:
          opened = await openCsv(source, head, limits, options);
          break;
      }
      break;
  }

  return { fileName, sizeBytes: source.sizeBytes, sha256: await source.sha256(), ...opened };
}

import { createByteSource } from './byteSource';
import { openCsv } from './csv/openCsv';
import { isEncryptedOfficeFile } from './oleCompoundFile';
import { refuse } from './refusals';
import { sniffContent } from './sniffContent';
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

/** Web systems often "export to Excel" as an HTML table or SpreadsheetML 2003 named .xls. */
const MARKUP_SPREADSHEET = /^(?:\u00EF\u00BB\u00BF)?\s*<(?:!doctype\s+html|html|table|\?xml[\s\S]*?<(?:ss:)?Workbook)/i;

/**
 * Opens an .xlsx or .csv (from disk or from uploaded bytes) for streaming import.
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
      throw (await isEncryptedOfficeFile(source)) ? refuse.encrypted(fileName) : refuse.oldXls(fileName);
    case 'binary':
      throw refuse.notSpreadsheet(fileName, content.what);
    case 'text':
      if (MARKUP_SPREADSHEET.test(head.toString('latin1', 0, 4096))) {
        throw refuse.notSpreadsheet(
          fileName,
          '网页（HTML）或 XML 格式的导出文件',
          '请在 Excel/WPS 中打开它，另存为 .xlsx 后再导入。',
        );
      }
      opened = await openCsv(source, head, limits, options);
      break;
  }

  return { fileName, sizeBytes: source.sizeBytes, sha256: await source.sha256(), ...opened };
}

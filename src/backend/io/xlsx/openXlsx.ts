import type { Readable } from 'node:stream';
import type { RawRow } from '../../../core/import/cell';
import { type ByteSource, translateFsError } from '../byteSource';
import { FileRefusedError } from '../fileRefusedError';
import { refuse } from '../refusals';
import { SheetRowStream } from '../sheetRowStream';
import type { SheetSource, SpreadsheetLimits, SpreadsheetSource } from '../spreadsheetSource';
import { probeSheet } from './probeSheet';
import { readDateStyles } from './readDateStyles';
import { readSharedStrings } from './readSharedStrings';
import { readMetadataPart, readWorkbookManifest } from './readWorkbookManifest';
import { type SheetCellContext, SheetRowParser } from './sheetRowParser';
import { XmlScanner, XmlTokenTooLargeError } from './xmlScanner';
import { columnLetter } from '../../../core/import/columnLetter';
import { openZipArchive, type ZipArchive } from './zipArchive';

/**
 * The shared string table is held in memory while sheets stream, so it gets a tighter
 * cap than a sheet: 256 MB of XML is already millions of distinct texts.
 */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

interface SheetPlan {
  name: string;
  index: number;
  hidden: boolean;
  path: string;
}

interface WorkbookPlan {
  date1904: boolean;
  sheets: SheetPlan[];
  sharedStringsPath: string | undefined;
  dateStyles: boolean[];
}

/**
 * Checks an xlsx before anything expensive (declared sizes from the zip directory, the
 * first few KB of each sheet), then hands out sheets that stream rows on demand.
 */
export async function openXlsx(
  source: ByteSource,
  limits: SpreadsheetLimits,
): Promise<Pick<SpreadsheetSource, 'format' | 'date1904' | 'sheets'>> {
  const plan = await planWorkbook(source, limits);
  return {
    format: 'xlsx',
    date1904: plan.date1904,
    sheets: () => streamSheets(source, plan, limits),
  };
}

async function planWorkbook(source: ByteSource, limits: SpreadsheetLimits): Promise<WorkbookPlan> {
  const fileName = source.fileName;
  const zip = await openZipArchive(source);
  try {
    const manifest = await readWorkbookManifest(zip, fileName);
    for (const sheet of manifest.sheets) {
      if (sheet.entry.uncompressedSize > limits.maxUncompressedBytes) {
        throw refuse.tooLarge(fileName, limits.maxUncompressedBytes, sheet.name);
      }
    }
    const sharedStringsLimit = Math.min(limits.maxUncompressedBytes, MAX_SHARED_STRINGS_BYTES);
    if (manifest.sharedStrings !== undefined && manifest.sharedStrings.uncompressedSize > sharedStringsLimit) {
      throw refuse.tooLarge(fileName, sharedStringsLimit);
    }

    let anySheetHasRows = false;
    for (const sheet of manifest.sheets) {
      const probe = await guard(fileName, sheet.name, async () => probeSheet(await zip.openStream(sheet.entry)));
      if (probe.declaredRows !== undefined && probe.declaredRows > limits.maxRows) {
        throw refuse.tooManyRows(fileName, limits.maxRows, sheet.name);
      }
      if (!probe.empty) anySheetHasRows = true;
    }
    if (!anySheetHasRows) throw refuse.emptyFile(fileName);

    const dateStyles =
      manifest.styles === undefined ? [] : readDateStyles(await readMetadataPart(zip, manifest.styles, fileName));
    return {
      date1904: manifest.date1904,
      sheets: manifest.sheets.map(({ name, index, hidden, entry }) => ({ name, index, hidden, path: entry.fileName })),
      sharedStringsPath: manifest.sharedStrings?.fileName,
      dateStyles,
    };
  } finally {
    zip.close();
  }
}

/**
 * One zip (holding no file descriptor, see openZipArchive) for the whole walk through
 * the sheets; a sheet is closed when the consumer asks for the next one.
 */
async function* streamSheets(
  source: ByteSource,
  plan: WorkbookPlan,
  limits: SpreadsheetLimits,
): AsyncGenerator<SheetSource, void, undefined> {
  const zip = await openZipArchive(source);
  let context: Promise<SheetCellContext> | undefined;
  const loadContext = (): Promise<SheetCellContext> => {
    context ??= loadCellContext(zip, source.fileName, plan);
    return context;
  };
  let previous: SheetRowStream | undefined;
  for (const sheet of plan.sheets) {
    await previous?.supersede(sheet.name);
    const rows = new SheetRowStream(sheet.name, (onEnd) =>
      streamRows(zip, sheet.path, sheet.name, loadContext, source.fileName, limits.maxRows, onEnd),
    );
    previous = rows;
    yield { name: sheet.name, index: sheet.index, hidden: sheet.hidden, rows };
  }
}

async function loadCellContext(zip: ZipArchive, fileName: string, plan: WorkbookPlan): Promise<SheetCellContext> {
  const sharedStringsEntry = plan.sharedStringsPath === undefined ? undefined : zip.find(plan.sharedStringsPath);
  const sharedStrings =
    sharedStringsEntry === undefined
      ? []
      : await guard(fileName, undefined, async () => {
          const stream = await zip.openStream(sharedStringsEntry);
          try {
            return await readSharedStrings(stream as AsyncIterable<Buffer>);
          } finally {
            stream.destroy();
          }
        });
  return { sharedStrings, dateStyles: plan.dateStyles, date1904: plan.date1904 };
}

async function* streamRows(
  zip: ZipArchive,
  path: string,
  sheetName: string,
  loadContext: () => Promise<SheetCellContext>,
  fileName: string,
  maxRows: number,
  onEnd: () => void,
): AsyncGenerator<RawRow, void, undefined> {
  let stream: Readable | undefined;
  let parser: SheetRowParser | undefined;
  try {
    const context = await loadContext();
    const entry = zip.find(path);
    if (entry === undefined) throw refuse.unreadable(fileName, '文件在导入过程中被修改了', undefined, sheetName);
    stream = await zip.openStream(entry);
    parser = new SheetRowParser(context);
    const scanner = new XmlScanner(parser);
    const decoder = new TextDecoder('utf-8');
    let count = 0;
    for await (const chunk of stream) {
      scanner.write(decoder.decode(chunk as Buffer, { stream: true }));
      for (const row of parser.takeRows()) {
        // The dimension can be missing or lie; the rows themselves cannot.
        if (++count > maxRows) throw refuse.tooManyRows(fileName, maxRows, sheetName);
        yield row;
      }
      if (parser.finished) return;
    }
    scanner.write(decoder.decode());
    scanner.end();
    for (const row of parser.takeRows()) {
      if (++count > maxRows) throw refuse.tooManyRows(fileName, maxRows, sheetName);
      yield row;
    }
  } catch (error) {
    if (error instanceof XmlTokenTooLargeError && parser !== undefined) {
      // Not a damaged file: one cell holds more than any spreadsheet cell may.
      const { row, column } = parser.position();
      const cell = column >= 0 ? `${columnLetter(column)}${row}` : `第 ${row} 行`;
      throw refuse.unreadable(
        fileName,
        `单元格 ${cell} 的内容超过 400 万个字符，超出了单元格的大小上限（Excel 一个单元格最多 32767 个字符）。请在 Excel/WPS 中检查该单元格，删掉多余的内容后另存`,
        error,
        sheetName,
      );
    }
    throw asRefusal(error, fileName, sheetName);
  } finally {
    stream?.destroy();
    onEnd();
  }
}

async function guard<T>(fileName: string, sheet: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asRefusal(error, fileName, sheet);
  }
}

/** Inflate errors, size mismatches (a lying zip directory) and malformed XML all mean a damaged file. */
function asRefusal(error: unknown, fileName: string, sheet: string | undefined): FileRefusedError {
  if (error instanceof FileRefusedError) return error;
  const fsRefusal = translateFsError(error, fileName);
  if (fsRefusal instanceof FileRefusedError) return fsRefusal;
  if (error instanceof XmlTokenTooLargeError) {
    return refuse.unreadable(
      fileName,
      '有一个单元格的内容超过 400 万个字符，超出了单元格的大小上限（Excel 一个单元格最多 32767 个字符）。请在 Excel/WPS 中找到这个单元格，删掉多余的内容后另存',
      error,
      sheet,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const reason = /too many bytes|not enough bytes/.test(message)
    ? '压缩数据与文件声明的大小不符，文件已损坏或被篡改'
    : undefined;
  return refuse.unreadable(fileName, reason, error, sheet);
}

import { pipeline, type Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { CellValue, RawRow } from '../../../core/import/cell';
import { type ByteSource, translateFsError } from '../byteSource';
import { FileRefusedError } from '../fileRefusedError';
import { refuse } from '../refusals';
import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { SheetRowStream } from '../sheetRowStream';
import type {
  CsvDelimiter,
  OpenSpreadsheetOptions,
  SheetSource,
  SpreadsheetLimits,
  SpreadsheetSource,
  TextEncodingName,
} from '../spreadsheetSource';
import { csvRecords } from './csvRecords';
import { detectDelimiter } from './detectDelimiter';
import { detectTextEncoding } from './detectTextEncoding';

/**
 * Bytes read and decoded at a time. Small, so that a chunk (and the text decoded from it) is done
 * with before the young generation is next collected: 1 MB chunks outlived it, and half a million
 * order lines left ~100 MB of them in the old generation as garbage (the import's peak RSS).
 */
const CSV_CHUNK_BYTES = 64 * 1024;

/** A record longer than this is an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const ICONV_NAMES: Record<TextEncodingName, string> = {
  utf8: 'utf8',
  'utf8-bom': 'utf8',
  gb18030: 'gb18030',
  utf16le: 'utf16le',
};

/** Excel writes "sep=;" as the first line to name the delimiter; it is not data. */
const SEPARATOR_HINT = /^sep=(.)\r?$/;

/**
 * Checks a CSV (encoding, delimiter, emptiness) from its first bytes, then hands out
 * one sheet, named after the file, whose rows stream through iconv-lite and csv-parse.
 * Every value is a string (mojibake repaired, see repairCjkMojibake); an empty field is null.
 */
export async function openCsv(
  source: ByteSource,
  head: Buffer,
  limits: SpreadsheetLimits,
  options: OpenSpreadsheetOptions,
): Promise<Pick<SpreadsheetSource, 'format' | 'date1904' | 'encoding' | 'delimiter' | 'sheets'>> {
  const fileName = source.fileName;
  if (source.sizeBytes > limits.maxUncompressedBytes) throw refuse.tooLarge(fileName, limits.maxUncompressedBytes);

  const truncated = head.length < source.sizeBytes;
  const detected = detectTextEncoding(head, truncated, options.encoding);
  if (detected === 'utf16be') {
    throw refuse.unreadable(fileName, '文件是 UTF-16 BE 编码，请用 Excel/WPS 另存为 .xlsx 或 UTF-8 编码的 CSV');
  }
  const encoding: TextEncodingName = detected;
  const sampleText = iconv.decode(head, ICONV_NAMES[encoding]);

  if (!truncated && /^[\s,;\t"]*$/.test(sampleText)) throw refuse.emptyFile(fileName);

  const firstLine = sampleText.slice(0, sampleText.indexOf('\n') >>> 0);
  const hint = SEPARATOR_HINT.exec(firstLine)?.[1];
  const delimiter: CsvDelimiter = hint === ',' || hint === '\t' || hint === ';' ? hint : detectDelimiter(sampleText);
  const skippedLines = hint === undefined ? 0 : 1;

  const sheetName = fileName.replace(/\.[^.]*$/, '') || fileName;
  return {
    format: 'csv',
    date1904: false,
    encoding,
    delimiter,
    sheets: async function* sheets(): AsyncGenerator<SheetSource, void, undefined> {
      const rows = new SheetRowStream(sheetName, (onEnd) =>
        streamCsvRows(source, encoding, delimiter, skippedLines, limits.maxRows, onEnd),
      );
      yield { name: sheetName, index: 0, hidden: false, rows };
    },
  };
}

async function* streamCsvRows(
  source: ByteSource,
  encoding: TextEncodingName,
  delimiter: CsvDelimiter,
  skippedLines: number,
  maxRows: number,
  onEnd: () => void,
): AsyncGenerator<RawRow, void, undefined> {
  const fileName = source.fileName;
  const input = source.openStream(CSV_CHUNK_BYTES);
  // iconv-lite's decoding stream is a Transform giving strings; its typings only say ReadWriteStream.
  const decoder = iconv.decodeStream(ICONV_NAMES[encoding]) as Transform;
  // pipeline destroys every stage when any of them fails or the consumer stops.
  pipeline(input, decoder, () => {});

  let rowNumber = 0;
  let count = 0;
  try {
    const records = csvRecords(decoder, { delimiter, skippedLines, maxRecordChars: MAX_RECORD_CHARS });
    for await (const batch of records) {
      for (const record of batch) {
        rowNumber++;
        // Each record is a fresh array of this loop's own, so it becomes the row's cells in place:
        // empty fields turn null, trailing ones are cut off.
        const cells = record as CellValue[];
        let last = -1;
        for (let i = 0; i < cells.length; i++) {
          const field = cells[i] as string | undefined;
          if (field === undefined || field === '') {
            cells[i] = null;
          } else {
            cells[i] = repairCjkMojibake(field);
            last = i;
          }
        }
        if (last < 0) continue;
        cells.length = last + 1;
        if (++count > maxRows) throw refuse.tooManyRows(fileName, maxRows);
        yield { rowNumber, cells };
      }
    }
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    const translated = translateFsError(error, fileName);
    if (translated instanceof FileRefusedError) throw translated;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const lines = typeof error === 'object' && error !== null && 'lines' in error ? Number((error as { lines: unknown }).lines) : NaN;
    const where = Number.isFinite(lines) && lines > 0 ? `（第 ${lines} 行附近）` : '';
    const reason =
      code === 'CSV_MAX_RECORD_SIZE'
        ? `有一行${where}超过 ${MAX_RECORD_CHARS / 1024 / 1024} MB 字符的上限：一个单元格或一行内容太长，也可能是某个单元格以 " 开头却没有结束。请在 Excel/WPS 中打开检查后另存`
        : code === 'CSV_QUOTE_NOT_CLOSED'
          ? `有引号没有配对${where}（一个单元格以 " 开头却没有结束），请在 Excel/WPS 中打开检查后另存`
          : undefined;
    throw refuse.unreadable(fileName, reason, error);
  } finally {
    decoder.destroy();
    input.destroy();
    onEnd();
  }
}

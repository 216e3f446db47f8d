import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * Text a spreadsheet program reads as a formula (or, for '@', a function/link) when the cell is
 * edited: = + - @ at the start, and tab or carriage return, which Excel strips before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Sets a cell to text that stays text, now and when someone presses F2 + Enter in Excel or WPS:
 * text that starts like a formula gets the Text number format ('@') and, in the written file, the
 * quote prefix (quotePrefix="1" on its cell format, which exceljs 4.4 does not write itself; see
 * installQuotePrefix). Every workbook writer in Kaoping calls this for text it did not author.
 */
export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  installQuotePrefix();
  cell.value = text;
  if (isFormulaLike(text)) cell.numFmt = '@';
}

let installed = false;

/** Adds quotePrefix="1" to every cell format (cellXfs) that has the Text number format (id 49). */
function quotePrefixTextFormats(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (xf: string, attrs: string, selfClosing: string) =>
      /\bnumFmtId="49"/.test(attrs) && !/\bquotePrefix=/.test(attrs) ? `<xf${attrs} quotePrefix="1"${selfClosing}>` : xf,
    ),
  );
}

type AppendFn = (this: unknown, data: unknown, options: { name?: string } & Record<string, unknown>) => unknown;

function patchAppend(proto: { append?: unknown } | undefined): void {
  if (!proto || typeof proto.append !== 'function') return;
  const original = proto.append as AppendFn;
  proto.append = function (this: unknown, data: unknown, options: { name?: string } & Record<string, unknown>) {
    const patched = options?.name === 'xl/styles.xml' && typeof data === 'string' ? quotePrefixTextFormats(data) : data;
    return original.call(this, patched, options);
  } as AppendFn;
}

/**
 * Makes exceljs write the quote prefix: its styles part is rewritten on its way into the zip,
 * both for Workbook.xlsx (exceljs' own zip writer) and for the streaming WorkbookWriter
 * (archiver). Idempotent; when exceljs is not shaped as expected (another version), nothing
 * changes and the Text format alone keeps the cells text.
 */
function installQuotePrefix(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  try {
    const writer = (require('exceljs/lib/utils/zip-stream.js') as { ZipWriter?: { prototype?: { append?: unknown } } }).ZipWriter;
    patchAppend(writer?.prototype);
  } catch {
    // Another exceljs layout: the '@' format still holds.
  }
  try {
    const fromExceljs = createRequire(require.resolve('exceljs/package.json'));
    const core = fromExceljs('archiver/lib/core.js') as { prototype?: { append?: unknown } };
    patchAppend(core.prototype);
  } catch {
    // No archiver where exceljs finds it: streamed workbooks keep the '@' format only.
  }
}

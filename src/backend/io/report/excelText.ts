/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32767;
const TRUNCATED = '…（超出单元格长度，已截断）';
/** Characters XML 1.0 cannot carry: a workbook containing them does not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from imported files as a plain string cell value. It is never parsed: a journal that
 * starts with '=' or '@' stays that text (the writer only ever gives exceljs strings and numbers,
 * never formula or hyperlink objects). Only what no workbook can hold is changed: characters
 * illegal in XML are dropped and text beyond Excel's cell limit is cut with a note.
 */
export function excelText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT - TRUNCATED.length) + TRUNCATED : clean;
}

import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import type { SheetCell } from './writeSheets';

export interface XlsSheet {
  name: string;
  rows: SheetCell[][];
  /** 0-based {row, from column, to column} ranges merged into one cell (title rows). */
  merges?: { row: number; from: number; to: number }[];
  hidden?: boolean;
  /** Cells given a number format, by A1 address ("C4": "yyyy-mm-dd"). */
  formats?: Record<string, string>;
}

/**
 * Writes an old-format .xls (BIFF8) with SheetJS. Dates are written as date-formatted
 * serial numbers in the workbook's date system (1904 when asked), as Excel stores them.
 */
export function xlsBytes(sheets: XlsSheet[], options: { date1904?: boolean } = {}): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => row.map((cell) => cell ?? undefined)), { cellDates: true, dateNF: 'yyyy-mm-dd' });
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => ({ s: { r: m.row, c: m.from }, e: { r: m.row, c: m.to } }));
    for (const [address, format] of Object.entries(sheet.formats ?? {})) {
      const cell = ws[address] as XLSX.CellObject | undefined;
      if (cell) cell.z = format;
    }
    XLSX.utils.book_append_sheet(workbook, ws, sheet.name);
  }
  workbook.Workbook = {
    Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })),
    WBProps: { date1904: options.date1904 === true },
  };
  return XLSX.write(workbook, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

export function writeXls(file: string, sheets: XlsSheet[], options: { date1904?: boolean } = {}): string {
  fs.writeFileSync(file, xlsBytes(sheets, options));
  return file;
}

/**
 * A .xls whose Workbook stream begins with a FILEPASS record, as Excel writes a workbook
 * with an open password (the rest is not really encrypted: the reader must stop at FILEPASS).
 */
export function passwordProtectedXlsBytes(): Buffer {
  const cfb = XLSX.CFB.read(xlsBytes([{ name: 'Sheet1', rows: [['工号'], ['LH001']] }]), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (!entry?.content) throw new Error('no Workbook stream');
  const stream = Buffer.from(entry.content as Uint8Array);
  const bofLength = stream.readUInt16LE(2);
  // FILEPASS (0x002F), XOR obfuscation: type 0, key, verifier.
  const filePass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  entry.content = Buffer.concat([stream.subarray(0, 4 + bofLength), filePass, stream.subarray(4 + bofLength)]);
  entry.size = (entry.content as Buffer).length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

export interface HtmlTableOptions {
  title?: string;
  header: string[];
  rows: SheetCell[][];
  /** Per column: an mso-number-format, applied through a class as Excel's own HTML export does. */
  columnFormats?: (string | null)[];
  charset: 'gbk' | 'utf-8';
  /** Left out to test detection from the bytes alone. */
  metaCharset?: boolean;
  /** A navigation table before the data, as web pages have. */
  layoutTableFirst?: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cellHtml(value: SheetCell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return escapeHtml(String(value));
}

/** Writes what a web system's "导出Excel" button saves: an HTML table, under whatever name it likes. */
export function writeHtmlTable(file: string, options: HtmlTableOptions): string {
  const formats = options.columnFormats ?? [];
  const styles = formats
    .map((format, i) => (format === null ? '' : `.c${i} { mso-number-format:"${format.replace(/[@\\"]/g, (ch) => `\\${ch}`)}"; }`))
    .join('\n');
  const width = options.header.length;
  const lines = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    '<head>',
    options.metaCharset === false ? '' : `<meta http-equiv="Content-Type" content="text/html; charset=${options.charset}">`,
    `<style>\n<!--\n${styles}\n-->\n</style>`,
    '</head><body>',
    options.layoutTableFirst ? '<table><tr><td><a href="#">首页</a></td><td>导出时间：2026-11-02</td></tr></table>' : '',
    '<table border="1">',
    options.title === undefined ? '' : `<tr><td colspan="${width}" align="center"><b>${escapeHtml(options.title)}</b></td></tr>`,
    `<tr>${options.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`,
    ...options.rows.map(
      (row) => `<tr>\n  ${row.map((v, i) => `<td${formats[i] ? ` class="c${i}"` : ''}>${cellHtml(v)}</td>`).join('\n  ')}\n</tr>`,
    ),
    '</table></body></html>',
  ];
  const text = lines.join('\r\n');
  fs.writeFileSync(file, options.charset === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  return file;
}

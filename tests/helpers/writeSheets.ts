import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type SheetCell = string | number | boolean | Date | null;

/** Writes a one-sheet xlsx with exceljs (the same writer many district tools use). */
export async function writeXlsx(file: string, rows: SheetCell[][], sheetName = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row);
  await wb.xlsx.writeFile(file);
  return file;
}

function csvField(v: SheetCell): string {
  if (v === null) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a CSV in the given encoding ('gb18030' is what Chinese office software saves). */
export function writeCsv(file: string, rows: SheetCell[][], encoding: 'utf8' | 'utf8-bom' | 'gb18030' = 'utf8'): string {
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const bytes =
    encoding === 'gb18030'
      ? iconv.encode(text, 'gb18030')
      : Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  fs.writeFileSync(file, bytes);
  return file;
}

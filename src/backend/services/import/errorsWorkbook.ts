import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../../shared/importReport';
import { setTextCell } from '../../io/textCell';

const HEADERS = ['文件', '工作表', '行', '列', '值', '原因'] as const;
const MAX_WIDTH = 80;

/** Display width in Excel's units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function columnText(issue: ImportIssue): string {
  if (issue.column && issue.columnLetter) return `${issue.column}（${issue.columnLetter}列）`;
  return issue.column ?? (issue.columnLetter ? `${issue.columnLetter}列` : '');
}

/**
 * The errors of a refused file as an .xlsx, one row per error, to open next to the file.
 * Every cell is written as text: a value like "=HYPERLINK(…)" from the user's file must stay
 * inert, and 12-digit licence numbers must not turn into numbers.
 */
export async function buildErrorsWorkbook(errors: readonly ImportIssue[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误');
  const widths: number[] = HEADERS.map(displayWidth);
  const header = sheet.addRow([...HEADERS]);
  header.font = { bold: true };
  for (const e of errors) {
    const cells = [e.file, e.sheet ?? '', e.row === null ? '' : String(e.row), columnText(e), e.value ?? '', e.reason];
    const row = sheet.addRow(cells);
    cells.forEach((text, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(text));
      // Text format, so Excel does not re-read "000123" or "2026-10-08" when the cell is edited;
      // setTextCell adds the quote prefix to what would read as a formula.
      const cell = row.getCell(i + 1);
      cell.numFmt = '@';
      setTextCell(cell, text);
    });
  }
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(MAX_WIDTH, (widths[i] ?? 8) + 2);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** "订单明细.csv" → "订单明细_错误.xlsx". */
export function errorsWorkbookName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return `${base || '导入'}_错误.xlsx`;
}

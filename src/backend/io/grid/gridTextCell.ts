import { excelText } from '../report/excelText';

/**
 * Every string a grid export writes goes through here: imported text stays exactly that text
 * (never a formula), minus what no workbook can hold. The one place to change how text cells
 * are written (a quote prefix for text starting with = + - @, for one).
 */
export function gridTextCell(text: string): string {
  return excelText(text);
}

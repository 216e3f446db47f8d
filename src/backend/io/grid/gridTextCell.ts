import type ExcelJS from 'exceljs';
import { excelText } from '../report/excelText';
import { setTextCell } from '../textCell';

/**
 * Every string a grid export writes goes through here: imported text stays exactly that text
 * (never a formula), minus what no workbook can hold; text starting with = + - @ gets the Text
 * format and the quote prefix (setTextCell), so F2 + Enter in Excel or WPS keeps it text.
 */
export function gridTextCell(cell: ExcelJS.Cell, text: string): void {
  setTextCell(cell, excelText(text));
}

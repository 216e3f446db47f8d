import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitsOnePage, keepRowsTogether, pageHeightPoints } from '../../../../../src/backend/io/report/printPages';

function sheetWithRows(heights: number[]): ExcelJS.Worksheet {
  const sheet = new ExcelJS.Workbook().addWorksheet('s');
  heights.forEach((h, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = i + 1;
    row.height = h;
  });
  return sheet;
}
const breaksOf = (sheet: ExcelJS.Worksheet) => ((sheet as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((b) => b.id);

describe('printPages', () => {
  const portrait = { orientation: 'portrait' as const, widthPixels: 600 };

  it('knows whether rows print on one page', () => {
    const page = pageHeightPoints(portrait);
    expect(fitsOnePage(sheetWithRows(Array(Math.floor(page / 20)).fill(20)), Math.floor(page / 20), portrait)).toBe(true);
    expect(fitsOnePage(sheetWithRows(Array(Math.ceil(page / 20) + 1).fill(20)), Math.ceil(page / 20) + 1, portrait)).toBe(false);
  });

  it('breaks the page before a group that would be cut, not inside it, and leaves groups that fit alone', () => {
    const page = pageHeightPoints(portrait);
    const before = Math.floor((page - 30) / 20); // rows that leave 30 points free at the bottom of page 1
    const sheet = sheetWithRows(Array(before + 10).fill(20));
    const group = { first: before + 1, last: before + 4 }; // 80 points: does not fit the 30 left
    const early = { first: 3, last: 5 };
    keepRowsTogether(sheet, [early, group], portrait);
    expect(breaksOf(sheet)).toEqual([before]);
  });

  it('counts the repeated title rows on later pages and leaves a group taller than a page alone', () => {
    const page = pageHeightPoints(portrait);
    const rows = Math.ceil((page * 2.5) / 20);
    const sheet = sheetWithRows(Array(rows).fill(20));
    keepRowsTogether(sheet, [{ first: 2, last: rows }], { ...portrait, titleRows: { from: 1, to: 2 } });
    expect(breaksOf(sheet)).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import { createByteSource } from '../../src/backend/io/byteSource';
import { openZipArchive } from '../../src/backend/io/xlsx/zipArchive';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet named ${name}; sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

export interface FoundCell {
  sheet: string;
  address: string;
  cell: ExcelJS.Cell;
}

export function allCells(workbook: ExcelJS.Workbook): FoundCell[] {
  const cells: FoundCell[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => cells.push({ sheet: ws.name, address: cell.address, cell }));
    });
  }
  return cells;
}

/** Cells whose value is exactly `value`. */
export function cellsWithValue(workbook: ExcelJS.Workbook, value: string | number): FoundCell[] {
  return allCells(workbook).filter((c) => c.cell.value === value);
}

/** A cell's text: a string value, or the runs of a rich-text value joined. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return String(value);
}

/** Rows of a sheet as arrays of cell texts (merged cells repeat their master's text). */
export function rowTexts(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      texts[col - 1] = cellText(cell);
    });
    rows.push(texts);
  });
  return rows;
}

/** The raw XML of every worksheet part, to check what the file itself holds. */
export async function worksheetXml(file: string): Promise<string[]> {
  const zip = await openZipArchive(await createByteSource(file));
  try {
    const parts: string[] = [];
    for (const [name, entry] of zip.entries) {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) parts.push(await zip.readText(entry));
    }
    return parts;
  } finally {
    zip.close();
  }
}

import type { CellObject } from '@e965/xlsx';
import type { CellValue } from '../../../core/import/cell';
import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { excelSerialToDate } from '../xlsx/excelSerialToDate';
import { isBuiltInDateFormat, isDateFormatCode } from '../xlsx/isDateFormat';

/**
 * A .xls cell as the .xlsx reader would give it: text stays text exactly as stored (codes
 * with leading zeros, numbers stored as text); numbers stay numbers, not their displayed
 * text (a licence number shown as 3.70102E+11 is still 370102123456); a number whose
 * format shows a date becomes a UTC Date, counted in the workbook's date system.
 * Formulas give their cached result; error cells are empty.
 */
export function xlsCellValue(cell: CellObject | undefined, date1904: boolean): CellValue {
  if (cell === undefined) return null;
  switch (cell.t) {
    case 's': {
      const text = typeof cell.v === 'string' ? cell.v : cell.v === undefined ? '' : String(cell.v);
      return text === '' ? null : repairCjkMojibake(text);
    }
    case 'n': {
      const number = cell.v as number;
      if (!Number.isFinite(number)) return null;
      return showsDate(cell.z) ? (excelSerialToDate(number, date1904) ?? number) : number;
    }
    case 'b':
      return cell.v === true;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      // 'e' (error) and 'z' (stub) cells show nothing usable.
      return null;
  }
}

function showsDate(format: string | number | undefined): boolean {
  if (typeof format === 'number') return isBuiltInDateFormat(format);
  return format !== undefined && isDateFormatCode(format);
}

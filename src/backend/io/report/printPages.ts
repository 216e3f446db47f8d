import type ExcelJS from 'exceljs';

/** A4 in points, less preparePrint's margins (0.5 in left and right, 0.75 in top and bottom). */
const PRINTABLE = {
  portrait: { width: 595 - 72, height: 842 - 108 },
  landscape: { width: 842 - 72, height: 595 - 108 },
} as const;
/** Excel's pagination differs a little from this estimate (rounded scale, font metrics): stay clear of the edge. */
const SAFETY = 0.95;
const DEFAULT_ROW_POINTS = 15;

export interface PageGeometry {
  orientation: 'portrait' | 'landscape';
  /** The printed columns' width in pixels (fit to one page wide scales by it). */
  widthPixels: number;
  /** Rows printed again at the top of every page after the first. */
  titleRows?: { from: number; to: number };
}

function rowPoints(sheet: ExcelJS.Worksheet, row: number): number {
  return sheet.getRow(row).height ?? DEFAULT_ROW_POINTS;
}

/** The height of a page in the sheet's own points, at the scale that fits the columns on one page wide. */
export function pageHeightPoints(geometry: PageGeometry): number {
  const printable = PRINTABLE[geometry.orientation];
  const sheetWidth = geometry.widthPixels * 0.75;
  const scale = Math.min(1, printable.width / Math.max(1, sheetWidth));
  return (printable.height / scale) * SAFETY;
}

/** Whether rows 1 to `lastRow` print on one page. */
export function fitsOnePage(sheet: ExcelJS.Worksheet, lastRow: number, geometry: PageGeometry): boolean {
  let height = 0;
  for (let r = 1; r <= lastRow; r++) height += rowPoints(sheet, r);
  return height <= pageHeightPoints(geometry);
}

/**
 * Adds a page break before any group of rows (a dimension's metrics under their merged label)
 * that would otherwise be cut by the end of a page, so a group never prints apart from its label.
 * A group taller than a page is left to break where it must. Breaks already set are respected.
 */
export function keepRowsTogether(sheet: ExcelJS.Worksheet, groups: readonly { first: number; last: number }[], geometry: PageGeometry): void {
  if (groups.length === 0) return;
  const page = pageHeightPoints(geometry);
  let titles = 0;
  if (geometry.titleRows) for (let r = geometry.titleRows.from; r <= geometry.titleRows.to; r++) titles += rowPoints(sheet, r);
  // exceljs keeps Row.addPageBreak's breaks here without typing them.
  const breaks = (sheet as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? [];
  const manual = new Set<number>(breaks.map((b) => b.id));
  const starts = new Map(groups.map((g) => [g.first, g]));
  const lastRow = Math.max(...groups.map((g) => g.last));
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const height = rowPoints(sheet, r);
    const group = starts.get(r);
    if (group && used > titles) {
      let groupHeight = 0;
      for (let g = group.first; g <= group.last; g++) groupHeight += rowPoints(sheet, g);
      if (used + groupHeight > page && titles + groupHeight <= page) {
        sheet.getRow(r - 1).addPageBreak();
        used = titles;
      }
    }
    if (used + height > page) used = titles;
    used += height;
    if (manual.has(r)) used = titles;
  }
}

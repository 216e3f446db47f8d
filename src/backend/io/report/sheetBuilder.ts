import type ExcelJS from 'exceljs';
import { wrappedLines } from './displayWidth';
import { setTextCell } from '../textCell';
import { excelText } from './excelText';

/** The only values the report ever writes: a formula or hyperlink object cannot be expressed. */
export type CellContent = string | number | null;

export interface CellSpec {
  value: CellContent;
  /** Merge across this many columns (default 1). */
  span?: number;
  numFmt?: string;
  bold?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** ARGB */
  fill?: string;
  /** ARGB */
  color?: string;
  size?: number;
  border?: boolean;
  /** A line to sign on: a bottom border only. */
  underline?: boolean;
  /**
   * The string value as rich-text runs (日志雷同): 'copied' bold dark red, 'boilerplate' grey;
   * `value` must be their concatenation (it sizes the row).
   */
  runs?: readonly { text: string; mark: 'copied' | 'boilerplate' | null }[];
}

/** Shared specific content: bold dark red, a copier's words a supervisor must see at once. */
const COPIED_COLOR = 'FFC00000';
/** District boilerplate: grey, read past. */
const BOILERPLATE_COLOR = 'FF8C8C8C';

const FONT_NAME = '宋体';
const FONT_SIZE = 10.5;
export const HEADER_FILL = 'FFE7ECF3';
export const FLAG_FILL = 'FFFFF4D6';
export const WARNING_COLOR = 'FFC00000';
/** Excel's default row, 15 pt = 20 px. */
const PX_PER_POINT = 4 / 3;
const MAX_ROW_POINTS = 409;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SIGNING_LINE = { style: 'thin' as const, color: { argb: 'FF000000' } };

/**
 * Writes a sheet row by row with one look: 宋体, thin borders, wrapped text, and row heights
 * computed from the text, since neither exceljs nor every spreadsheet program fits them.
 */
export class SheetBuilder {
  /** The next row to write, 1-based. */
  row = 1;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly widths: readonly number[],
  ) {
    widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
  }

  get columnCount(): number {
    return this.widths.length;
  }

  /** Writes one row of cells left to right; returns its row number. */
  add(cells: readonly CellSpec[], opts: { minHeight?: number } = {}): number {
    const rowNumber = this.row++;
    const row = this.sheet.getRow(rowNumber);
    let column = 1;
    let lines = 1;
    let size = FONT_SIZE;
    for (const spec of cells) {
      const span = Math.max(1, spec.span ?? 1);
      const cell = row.getCell(column);
      if (spec.value !== null && typeof spec.value !== 'string') cell.value = spec.value;
      cell.font = { name: FONT_NAME, size: spec.size ?? FONT_SIZE, bold: spec.bold ?? false, ...(spec.color ? { color: { argb: spec.color } } : {}) };
      if (spec.runs && spec.runs.length > 0) {
        cell.value = {
          richText: spec.runs.map((run) => ({
            text: excelText(run.text),
            font: {
              name: FONT_NAME,
              size: spec.size ?? FONT_SIZE,
              bold: run.mark === 'copied',
              ...(run.mark === 'copied' ? { color: { argb: COPIED_COLOR } } : run.mark === 'boilerplate' ? { color: { argb: BOILERPLATE_COLOR } } : {}),
            },
          })),
        };
      }
      cell.alignment = { vertical: 'middle', horizontal: spec.align ?? 'left', wrapText: spec.wrap ?? false };
      if (spec.numFmt) cell.numFmt = spec.numFmt;
      // After numFmt: text that starts like a formula keeps the Text format and gets the quote prefix.
      // (Rich-text runs stay runs: the text is written above.)
      if (typeof spec.value === 'string' && !(spec.runs && spec.runs.length > 0)) setTextCell(cell, excelText(spec.value));
      if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.fill } };
      if (span > 1) {
        this.sheet.mergeCells(rowNumber, column, rowNumber, column + span - 1);
      }
      if (spec.border !== false) {
        for (let c = column; c < column + span; c++) row.getCell(c).border = BORDER;
      } else if (spec.underline) {
        for (let c = column; c < column + span; c++) row.getCell(c).border = { bottom: SIGNING_LINE };
      }
      if (spec.wrap && typeof spec.value === 'string') {
        const width = this.widths.slice(column - 1, column - 1 + span).reduce((sum, w) => sum + w, 0);
        lines = Math.max(lines, wrappedLines(spec.value, width * (FONT_SIZE / (spec.size ?? FONT_SIZE))));
      }
      size = Math.max(size, spec.size ?? FONT_SIZE);
      column += span;
    }
    row.height = Math.min(MAX_ROW_POINTS, Math.max(opts.minHeight ?? 0, lines * lineHeight(size) + 5));
    return rowNumber;
  }

  /** A line across the whole sheet: a title, a caption or a paragraph of notes. */
  line(value: string, style: Omit<CellSpec, 'value' | 'span'> = {}, opts: { minHeight?: number } = {}): number {
    return this.add([{ border: false, wrap: true, ...style, value, span: this.columnCount }], opts);
  }

  /** Starts a new printed page at the next row. */
  pageBreak(): void {
    this.sheet.getRow(this.row - 1).addPageBreak();
  }

  skip(rows = 1): void {
    for (let i = 0; i < rows; i++) this.sheet.getRow(this.row++).height = lineHeight(FONT_SIZE) + 3;
  }

  /** Places a picture at the current row, `left` pixels from column A, and moves below it. */
  image(imageId: number, size: { width: number; height: number }, left = 0): void {
    const rows = this.reserve(size.height);
    this.sheet.addImage(imageId, {
      tl: { col: this.columnAt(left), row: rows.first - 1 },
      ext: { width: size.width, height: size.height },
      editAs: 'oneCell',
    });
  }

  /** Rows of 15 pt that together are at least `heightPx` tall. */
  reserve(heightPx: number): { first: number; last: number } {
    const first = this.row;
    const count = Math.ceil(heightPx / (15 * PX_PER_POINT)) + 1;
    for (let i = 0; i < count; i++) this.sheet.getRow(this.row++).height = 15;
    return { first, last: this.row - 1 };
  }

  /** Column position (0-based, fractional) `px` pixels from the left edge. */
  columnAt(px: number): number {
    let left = 0;
    for (let index = 0; index < this.widths.length; index++) {
      const width = columnPixels(this.widths[index] ?? 0);
      if (left + width > px) return index + (px - left) / width;
      left += width;
    }
    return this.widths.length;
  }

  get widthPixels(): number {
    return this.widths.reduce((sum, w) => sum + columnPixels(w), 0);
  }
}

/** Excel's column width in pixels for the default 7-pixel digit. */
function columnPixels(width: number): number {
  return Math.floor(width * 7 + 5);
}

function lineHeight(size: number): number {
  // Generous: CJK fonts' line spacing runs up to 1.5 em, and a clipped line is worse than a loose row.
  return size * 1.5;
}

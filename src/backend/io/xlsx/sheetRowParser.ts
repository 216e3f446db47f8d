import type { CellValue, RawRow } from '../../../core/import/cell';
import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { decodeOoxmlEscapes, decodeXmlText } from './decodeXmlText';
import { excelSerialToDate } from './excelSerialToDate';
import { forEachAttribute } from './xmlAttributes';
import type { XmlHandler } from './xmlScanner';

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

class SheetFormatError extends Error {
  override readonly name = 'SheetFormatError';
}

export interface SheetCellContext {
  sharedStrings: readonly string[];
  /** Per cell style index: does its number format show a date? */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const NOT_COLLECTING = 0;
const COLLECTING_VALUE = 1;
const COLLECTING_INLINE_TEXT = 2;
const COLLECTING_FORMULA = 3;

/**
 * Turns the <sheetData> of a worksheet part into RawRows, flattening each cell to the
 * value Excel displays: shared and inline strings (rich text concatenated), a formula's
 * cached result (errors become null), booleans, and numbers, which become UTC Dates
 * when their style is a date format. Text mangled by a Windows-1252 round trip is
 * repaired (see repairCjkMojibake). Rows without any value are not emitted.
 * Feed it through an XmlScanner; collect finished rows with takeRows().
 */
export class SheetRowParser implements XmlHandler {
  /** True once </sheetData> is seen: the rest of the part holds no cells. */
  finished = false;

  private readonly ready: RawRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: CellValue[] | null = null;

  private inCell = false;
  private column = -1;
  private refColumn = -1;
  private cellStyle = 0;
  private cellType = '';
  private collecting = NOT_COLLECTING;
  private valueText = '';
  private inlineText = '';
  /** A formula's text, used only when the cell has no stored result (a file never opened in Excel). */
  private formulaText = '';
  private hasValue = false;
  private hasInlineText = false;
  private inInlineString = false;
  private phoneticDepth = 0;

  constructor(private readonly context: SheetCellContext) {}

  /** The row (1-based) and column (0-based) being read: where a refusal points the user. */
  position(): { row: number; column: number } {
    return { row: this.rowNumber, column: this.column };
  }

  takeRows(): RawRow[] {
    if (this.ready.length === 0) return EMPTY;
    return this.ready.splice(0, this.ready.length);
  }

  openTag(name: string, source: string, start: number, end: number, selfClosing: boolean): number | void {
    switch (name) {
      case 'c':
        if (this.cells === null) return;
        this.readCellAttributes(source, start, end);
        // Some writers omit r and rely on position.
        this.column = this.refColumn >= 0 ? this.refColumn : this.column + 1;
        if (this.column >= MAX_COLUMNS) throw new SheetFormatError(`column ${this.column + 1} beyond XFD`);
        this.inCell = !selfClosing;
        this.valueText = '';
        this.inlineText = '';
        this.formulaText = '';
        this.hasValue = false;
        this.hasInlineText = false;
        return selfClosing ? undefined : this.readPlainCell(source, end + 1);
      case 'v':
        if (this.inCell && !selfClosing) {
          this.collecting = COLLECTING_VALUE;
          this.hasValue = true;
        }
        return;
      case 'f':
        if (this.inCell && !selfClosing) this.collecting = COLLECTING_FORMULA;
        return;
      case 'is':
        if (this.inCell && !selfClosing) this.inInlineString = true;
        return;
      case 'rPh':
        if (!selfClosing) this.phoneticDepth++;
        return;
      case 't':
        if (this.inInlineString && this.phoneticDepth === 0 && !selfClosing) {
          this.collecting = COLLECTING_INLINE_TEXT;
          this.hasInlineText = true;
        }
        return;
      case 'row': {
        if (!this.inSheetData) return;
        let declared = 0;
        forEachAttribute(source, start, end, (localName, valueStart, valueEnd) => {
          if (localName === 'r') declared = parseInt(source.slice(valueStart, valueEnd), 10) || 0;
        });
        this.rowNumber = declared > 0 ? declared : this.rowNumber + 1;
        this.column = -1;
        this.cells = selfClosing ? null : [];
        return;
      }
      case 'sheetData':
        if (selfClosing) this.finished = true;
        else this.inSheetData = true;
        return;
    }
  }

  closeTag(name: string): void {
    switch (name) {
      case 'v':
      case 't':
      case 'f':
        this.collecting = NOT_COLLECTING;
        return;
      case 'c':
        if (this.inCell) {
          this.inCell = false;
          const value = this.cellValue();
          if (value !== null && this.cells !== null) place(this.cells, this.column, value);
        }
        return;
      case 'is':
        this.inInlineString = false;
        return;
      case 'rPh':
        if (this.phoneticDepth > 0) this.phoneticDepth--;
        return;
      case 'row':
        if (this.cells !== null && this.cells.length > 0) {
          this.ready.push({ rowNumber: this.rowNumber, cells: this.cells });
        }
        this.cells = null;
        return;
      case 'sheetData':
        this.inSheetData = false;
        this.finished = true;
        return;
    }
  }

  text(source: string, start: number, end: number, verbatim: boolean): void {
    if (this.collecting === NOT_COLLECTING) return;
    let piece = source.slice(start, end);
    if (!verbatim) piece = decodeXmlText(piece);
    if (this.collecting === COLLECTING_VALUE) this.valueText += piece;
    else if (this.collecting === COLLECTING_FORMULA) this.formulaText += piece;
    else this.inlineText += piece;
  }

  /**
   * Most cells are exactly <c …><v>text</v></c>: read those in one step instead of four
   * tags and a text, which roughly halves the cost of a sheet. Anything else (formulas,
   * inline strings, prefixes, a cell cut by the chunk boundary) goes the general way.
   */
  private readPlainCell(source: string, position: number): number | undefined {
    if (!source.startsWith('<v>', position)) return undefined;
    const close = source.indexOf('</v>', position + 3);
    if (close < 0 || !source.startsWith('</c>', close + 4)) return undefined;
    const raw = source.slice(position + 3, close);
    // A comment or CDATA inside <v>: let the scanner deal with it.
    if (raw.includes('<')) return undefined;
    this.valueText = decodeXmlText(raw);
    this.hasValue = true;
    this.closeTag('c');
    return close + 8;
  }

  /**
   * r, s and t of a <c> tag, read in place: this runs for every cell, so it avoids the
   * substrings and callbacks of the generic attribute reader.
   */
  private readCellAttributes(source: string, start: number, end: number): void {
    this.refColumn = -1;
    this.cellStyle = 0;
    this.cellType = '';
    let i = start;
    while (i < end) {
      let code = source.charCodeAt(i);
      if (code <= 32) {
        i++;
        continue;
      }
      let nameStart = i;
      while (i < end && (code = source.charCodeAt(i)) !== EQUALS && code > 32) {
        if (code === COLON) nameStart = i + 1;
        i++;
      }
      const nameLength = i - nameStart;
      const nameCode = source.charCodeAt(nameStart);
      while (i < end && source.charCodeAt(i) !== DOUBLE_QUOTE && source.charCodeAt(i) !== SINGLE_QUOTE) i++;
      if (i >= end) return;
      const quote = source.charCodeAt(i);
      const valueStart = i + 1;
      let valueEnd = valueStart;
      while (valueEnd < end && source.charCodeAt(valueEnd) !== quote) valueEnd++;
      if (nameLength === 1) {
        if (nameCode === LETTER_R) this.refColumn = columnIndexOf(source, valueStart, valueEnd);
        else if (nameCode === LETTER_S) this.cellStyle = unsignedIntegerAt(source, valueStart, valueEnd);
        else if (nameCode === LETTER_T) this.cellType = cellTypeAt(source, valueStart, valueEnd);
      }
      i = valueEnd + 1;
    }
  }

  private cellValue(): CellValue {
    // A formula without a stored result (written by a program, never calculated): its text, marked
    // by "=", so a text column keeps it and a typed column can ask for the file to be saved in Excel.
    if (!this.hasValue && !this.hasInlineText && this.formulaText !== '') return `=${this.formulaText}`;
    const text = this.valueText;
    switch (this.cellType) {
      case 's': {
        const shared = this.context.sharedStrings[parseInt(text, 10)];
        return shared === undefined || shared === '' ? null : shared;
      }
      case 'inlineStr':
      case 'str': {
        const shown = repairCjkMojibake(decodeOoxmlEscapes(this.hasInlineText ? this.inlineText : text));
        return shown === '' ? null : shown;
      }
      case 'b': {
        const flag = text.trim();
        if (flag === '') return null;
        return flag === '1' || flag.toLowerCase() === 'true';
      }
      case 'e':
        return null;
      case 'd':
        return isoDateValue(text);
      default: {
        const trimmed = text.trim();
        if (trimmed === '') return null;
        const number = Number(trimmed);
        // A number cell holding text is malformed, but its text is still what Excel shows.
        if (!Number.isFinite(number)) return trimmed;
        if (this.context.dateStyles[this.cellStyle] === true) {
          return excelSerialToDate(number, this.context.date1904) ?? number;
        }
        return number;
      }
    }
  }
}

const EMPTY: RawRow[] = [];

const EQUALS = 61;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;

function unsignedIntegerAt(source: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = source.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return value;
    value = value * 10 + digit;
  }
  return value;
}

/** The cell types as constant strings (no substring per cell). */
function cellTypeAt(source: string, start: number, end: number): string {
  const length = end - start;
  const first = source.charCodeAt(start);
  if (length === 1) {
    switch (first) {
      case LETTER_S:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  } else if (length === 3 && first === LETTER_S) {
    return source.slice(start, end) === 'str' ? 'str' : source.slice(start, end);
  } else if (length === 9 && first === 105) {
    return source.slice(start, end) === 'inlineStr' ? 'inlineStr' : source.slice(start, end);
  }
  return source.slice(start, end);
}

/** Only non-null values are placed, so a row with any cell has a value, and no holes arise. */
function place(cells: CellValue[], column: number, value: CellValue): void {
  if (column === cells.length) {
    cells.push(value);
  } else if (column > cells.length) {
    while (cells.length < column) cells.push(null);
    cells.push(value);
  } else {
    cells[column] = value;
  }
}

/** "AB12" → 27 (0-based); -1 when the reference has no column letters. */
function columnIndexOf(source: string, start: number, end: number): number {
  let column = 0;
  let i = start;
  for (; i < end; i++) {
    const code = source.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
    if (column > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return i === start ? -1 : column - 1;
}

const ISO_LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Strict OOXML's t="d" cells carry ISO 8601 text; without a zone it is wall-clock time, kept as UTC. */
function isoDateValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const date = new Date(ISO_LOCAL_DATE_TIME.test(trimmed) ? `${trimmed}Z` : trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date;
}

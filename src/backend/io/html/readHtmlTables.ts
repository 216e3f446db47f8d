import { Parser } from 'htmlparser2';
import type { CellValue, RawRow } from '../../../core/import/cell';
import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { classNumberFormats, htmlCellValue, parseDeclarations } from './msoNumberFormat';

export interface HtmlTable {
  /** Rows with at least one value; rowNumber counts every <tr> of the table from 1, as Excel would place them. */
  rows: RawRow[];
}

interface HtmlCell {
  column: number;
  colspan: number;
  rowspan: number;
  raw: string;
  inlineFormat: string | undefined;
  classes: string[];
  xNum: string | undefined;
}

interface HtmlRow {
  rowNumber: number;
  cells: HtmlCell[];
  hidden: boolean;
}

interface TableState {
  order: number;
  rows: HtmlRow[];
  rowCount: number;
  /** For each column, how many more rows a rowspan from above still covers. */
  spanned: number[];
  row: (HtmlRow & { taken: Set<number> }) | null;
  cell: HtmlCell | null;
}

/** Largest colspan/rowspan honoured; bigger values are typos (or an attack on memory). */
const MAX_SPAN = 1000;
const SKIPPED_CONTENT = new Set(['script', 'noscript', 'template', 'title']);

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function isHidden(style: string | undefined): boolean {
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

/** Whitespace as a browser lays it out: runs collapse to one space, <br> breaks the line, each line is trimmed. */
function displayedText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Every <table> of a page in page order, with cells placed as Excel places them when it
 * opens the page: a colspan/rowspan cell holds its value in its first position and leaves
 * the others empty (as a merged cell does). A title row (one value in a cell spanning
 * several columns, nothing else) and hidden rows are left out; their row numbers stay
 * counted. A nested table is a table of its own and adds nothing to its parent's cell.
 */
export function readHtmlTables(html: string): HtmlTable[] {
  const finished: TableState[] = [];
  const open: TableState[] = [];
  let opened = 0;
  let styleText = '';
  let inStyle = false;
  let skipping = 0;

  const finishCell = (table: TableState): void => {
    const { cell, row } = table;
    if (cell === null || row === null) return;
    table.cell = null;
    let column = 0;
    while ((table.spanned[column] ?? 0) > 0 || row.taken.has(column)) column++;
    cell.column = column;
    for (let c = column; c < column + cell.colspan; c++) row.taken.add(c);
    row.cells.push(cell);
  };

  const finishRow = (table: TableState): void => {
    finishCell(table);
    const row = table.row;
    if (row === null) return;
    table.row = null;
    // Rowspans from rows above have now covered this row too; this row's own start below it.
    for (let c = 0; c < table.spanned.length; c++) table.spanned[c] = Math.max(0, (table.spanned[c] ?? 0) - 1);
    for (const cell of row.cells) {
      if (cell.rowspan <= 1) continue;
      for (let c = cell.column; c < cell.column + cell.colspan; c++) {
        table.spanned[c] = Math.max(table.spanned[c] ?? 0, cell.rowspan - 1);
      }
    }
    if (!row.hidden && row.cells.length > 0) table.rows.push({ rowNumber: row.rowNumber, cells: row.cells, hidden: false });
  };

  const startRow = (table: TableState, hidden: boolean): void => {
    table.rowCount++;
    table.row = { rowNumber: table.rowCount, cells: [], hidden, taken: new Set() };
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'style') {
          inStyle = true;
          return;
        }
        if (SKIPPED_CONTENT.has(name)) {
          skipping++;
          return;
        }
        if (name === 'table') {
          open.push({ order: opened++, rows: [], rowCount: 0, spanned: [], row: null, cell: null });
          return;
        }
        const table = open[open.length - 1];
        if (table === undefined) return;
        if (name === 'tr') {
          finishRow(table);
          startRow(table, isHidden(attributes.style));
        } else if (name === 'td' || name === 'th') {
          finishCell(table);
          if (table.row === null) startRow(table, false);
          table.cell = {
            column: 0,
            colspan: spanOf(attributes.colspan),
            rowspan: spanOf(attributes.rowspan),
            raw: '',
            inlineFormat: attributes.style === undefined ? undefined : parseDeclarations(attributes.style).get('mso-number-format'),
            classes: (attributes.class ?? '').split(/\s+/).filter((c) => c !== ''),
            xNum: attributes['x:num'],
          };
        } else if (name === 'br' && table.cell !== null) {
          table.cell.raw += '\n';
        }
      },
      ontext(text) {
        if (inStyle) styleText += text;
        else if (skipping === 0) {
          const cell = open[open.length - 1]?.cell;
          if (cell !== null && cell !== undefined) cell.raw += text.replace(/\n/g, ' ');
        }
      },
      onclosetag(name) {
        if (name === 'style') {
          inStyle = false;
          styleText += '\n';
          return;
        }
        if (SKIPPED_CONTENT.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        const table = open[open.length - 1];
        if (table === undefined) return;
        if (name === 'td' || name === 'th') finishCell(table);
        else if (name === 'tr') finishRow(table);
        else if (name === 'table') {
          finishRow(table);
          finished.push(open.pop() as TableState);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (open.length > 0) {
    const table = open.pop() as TableState;
    finishRow(table);
    finished.push(table);
  }

  // Class formats may be declared in a <style> anywhere in the page, so values are settled last.
  const formatsByClass = classNumberFormats(styleText);
  return finished
    .sort((a, b) => a.order - b.order)
    .map((table) => ({ rows: table.rows.flatMap((row) => settleRow(row, formatsByClass)) }));
}

/** The row's cell values, or nothing when it is empty or a title row. */
function settleRow(row: HtmlRow, formatsByClass: Map<string, string>): RawRow[] {
  const cells: CellValue[] = [];
  let filled = 0;
  let wideFilled = 0;
  for (const cell of row.cells) {
    // An inline style wins over a class, as in CSS; of several classes the last declared one is taken.
    let format = cell.inlineFormat;
    for (const className of cell.classes) format = cell.inlineFormat ?? formatsByClass.get(className) ?? format;
    const value = htmlCellValue(repairCjkMojibake(displayedText(cell.raw)), format, cell.xNum);
    while (cells.length <= cell.column) cells.push(null);
    cells[cell.column] = value;
    if (value !== null) {
      filled++;
      if (cell.colspan > 1) wideFilled++;
    }
  }
  if (filled === 0 || (filled === 1 && wideFilled === 1)) return [];
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === null) last--;
  cells.length = last + 1;
  return [{ rowNumber: row.rowNumber, cells }];
}

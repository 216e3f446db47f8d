import { RECORD_BUILDERS } from './buildRecord';
import type { CellValue, RawRow } from './cell';
import { cellText } from './cellText';
import { columnLetter } from './columnLetter';
import type { HeaderMatch } from './detectHeader';
import { isBlankCell } from './isEmptyCell';
import { KIND_SPECS, requiredUnitsOf, type FieldSpec } from './kinds';
import { headerParts } from './normalizeHeader';
import type { ParseOptions } from './parseResult';
import { makeValueParser, type ParsedValue, type ValueParser } from './parseValue';
import type { KindRecord } from './records';

export interface RowError {
  rowNumber: number;
  /** The column's header text, or the field's name when the file has no such column. */
  column: string;
  /** 'A', 'AB'; '' when the file has no such column. */
  columnLetter: string;
  /** The cell as it is in the file. */
  value: string;
  /** Why the value was refused, in Chinese. */
  reason: string;
}

export type RowParseResult =
  | { status: 'record'; record: KindRecord }
  | { status: 'skip'; why: 'blank' | 'totals' }
  | { status: 'invalid'; errors: RowError[] };

export type RowParser = (row: RawRow) => RowParseResult;

interface ColumnPlan {
  cellIndex: number;
  fieldIndex: number;
  header: string;
  letter: string;
  parse: ValueParser;
}

interface RequiredCheck {
  fieldIndexes: number[];
  labelZh: string;
}

const SKIP_BLANK: RowParseResult = Object.freeze({ status: 'skip', why: 'blank' });
const SKIP_TOTALS: RowParseResult = Object.freeze({ status: 'skip', why: 'totals' });

// Totals rows put their label in one of the first columns ("合计", "总 计：", "小计(10月)").
const TOTALS_COLUMNS = 4;
const TOTALS_LABEL = /^(?:合计|总计|小计|总合计|共计)(?:[:：(（].*)?$/;

function isTotalsRow(cells: readonly CellValue[]): boolean {
  const end = Math.min(cells.length, TOTALS_COLUMNS);
  for (let i = 0; i < end; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length < 40 && cell.includes('计') && TOTALS_LABEL.test(cell.replace(/\s+/g, ''))) {
      return true;
    }
  }
  return false;
}

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/**
 * A parser for the data rows under a header: validates required fields, types, enums and
 * ranges, collecting every problem of a row. Everything per column is prepared here once;
 * the per-row path allocates little more than the record it returns.
 */
export function makeRowParser(match: HeaderMatch, options: ParseOptions = {}): RowParser {
  const fields = KIND_SPECS[match.kind].fields;
  const fieldIndexOf = new Map<string, number>(fields.map((f, i) => [f.key, i]));
  const planOfField: (ColumnPlan | undefined)[] = new Array<ColumnPlan | undefined>(fields.length);
  const plans: ColumnPlan[] = [];
  for (const column of match.mapped) {
    const fieldIndex = fieldIndexOf.get(column.field);
    const field: FieldSpec | undefined = fieldIndex === undefined ? undefined : fields[fieldIndex];
    if (fieldIndex === undefined || field === undefined || planOfField[fieldIndex] !== undefined) continue;
    const plan: ColumnPlan = {
      cellIndex: column.index,
      fieldIndex,
      header: column.header,
      letter: columnLetter(column.index),
      parse: makeValueParser(field, {
        date1904: options.date1904 === true,
        headerUnit: headerParts(column.header).unit,
        repairText: match.repairedText,
      }),
    };
    plans.push(plan);
    planOfField[fieldIndex] = plan;
  }
  const requiredChecks: RequiredCheck[] = requiredUnitsOf(KIND_SPECS[match.kind])
    .filter((unit) => !unit.fields.some((f) => f.presenceCheckedByRecord === true))
    .map((unit) => ({
      fieldIndexes: unit.fields.map((f) => fieldIndexOf.get(f.key) ?? -1),
      labelZh: unit.labelZh,
    }));
  const build = RECORD_BUILDERS[match.kind];

  // Reused across rows: the builder copies what it needs into the record.
  const values: ParsedValue[] = new Array<ParsedValue>(fields.length).fill(null);
  const failed: boolean[] = new Array<boolean>(fields.length).fill(false);

  function errorAt(row: RawRow, fieldIndex: number, reason: string): RowError {
    const plan = planOfField[fieldIndex];
    if (plan === undefined) {
      return { rowNumber: row.rowNumber, column: fields[fieldIndex]?.labelZh ?? '', columnLetter: '', value: '', reason };
    }
    return {
      rowNumber: row.rowNumber,
      column: plan.header,
      columnLetter: plan.letter,
      value: cellText(row.cells[plan.cellIndex]),
      reason,
    };
  }

  return (row) => {
    const { cells } = row;
    if (isBlankRow(cells)) return SKIP_BLANK;
    if (isTotalsRow(cells)) return SKIP_TOTALS;
    values.fill(null);
    failed.fill(false);
    let errors: RowError[] | null = null;
    for (const plan of plans) {
      const cell = cells[plan.cellIndex] ?? null;
      const parsed = plan.parse(cell);
      if (parsed.ok) {
        values[plan.fieldIndex] = parsed.value;
      } else {
        failed[plan.fieldIndex] = true;
        (errors ??= []).push({
          rowNumber: row.rowNumber,
          column: plan.header,
          columnLetter: plan.letter,
          value: cellText(cell),
          reason: parsed.reason,
        });
      }
    }
    for (const check of requiredChecks) {
      let present = false;
      let anyFailed = false;
      for (const i of check.fieldIndexes) {
        if (values[i] !== null && values[i] !== undefined) present = true;
        if (failed[i] === true) anyFailed = true;
      }
      if (present || anyFailed) continue;
      const first = check.fieldIndexes.find((i) => planOfField[i] !== undefined) ?? check.fieldIndexes[0] ?? -1;
      const error = errorAt(row, first, `缺少必填项“${check.labelZh}”`);
      if (planOfField[first] === undefined) error.column = check.labelZh;
      (errors ??= []).push(error);
    }
    const record = build(values, (fieldIndex, reason) => (errors ??= []).push(errorAt(row, fieldIndex, reason)), failed);
    return errors === null ? { status: 'record', record } : { status: 'invalid', errors };
  };
}

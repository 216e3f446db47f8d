import type { CellValue } from './cell';
import type { FieldSpec } from './kinds';
import { makeBoolParser } from './parseBool';
import { parseCode } from './parseCode';
import { parseDate, parseDateTimeParts, parseTime, type DateTimeParts } from './parseDateTime';
import { makeEnumParser } from './parseEnum';
import { parseMonth, parsePeriod } from './parseMonth';
import { cleanFloat, parseNumberWithUnit, tiaoPerUnit } from './parseNumber';
import { fail, ok, OK_NULL, type ParseOptions, type ParseResult } from './parseResult';
import { parseText } from './parseText';
import { repairMojibake } from './repairMojibake';

/** A parsed cell: a datetime field keeps its parts, since its date may come from another column. */
export type ParsedValue = string | number | boolean | DateTimeParts | null;

export type ValueParser = (value: CellValue) => ParseResult<ParsedValue>;

export interface ValueParserOptions extends ParseOptions {
  /** The unit in the column's header ("订购量(箱)" → 箱); volumes are converted to 条 by it. */
  headerUnit?: string | null;
  /** Repair text that is UTF-8 read as Windows-1252 before parsing it. */
  repairText?: boolean;
}

function rangeReason(field: FieldSpec): string {
  if (field.min !== undefined && field.max !== undefined) return `超出范围（${field.min}–${field.max}）`;
  if (field.min !== undefined) return `不能小于 ${field.min}`;
  return `不能大于 ${field.max ?? ''}`;
}

function makeNumberParser(field: FieldSpec, headerUnit: string | null): ValueParser {
  const volume = field.volume === true;
  const headerFactor = volume && headerUnit !== null ? (tiaoPerUnit(headerUnit) ?? 1) : 1;
  const integer = field.type === 'int';
  const { min, max } = field;
  return (cell) => {
    const parsed = parseNumberWithUnit(cell);
    if (!parsed.ok || parsed.value === null) return parsed.ok ? OK_NULL : parsed;
    let { value } = parsed.value;
    const { unit } = parsed.value;
    let factor = headerFactor;
    if (volume && unit !== null) {
      const unitFactor = tiaoPerUnit(unit);
      if (unitFactor === null) return fail(`无法换算成条的单位“${unit}”`);
      factor = unitFactor;
    }
    if (factor !== 1) value = cleanFloat(value * factor);
    if (integer && !Number.isInteger(value)) return fail('应为整数');
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return fail(rangeReason(field));
    return ok(value);
  };
}

function makeTypedParser(field: FieldSpec, options: ValueParserOptions): ValueParser {
  const dateOptions: ParseOptions = { date1904: options.date1904 === true };
  switch (field.type) {
    case 'text':
      return parseText;
    case 'code': {
      const codeOptions = { licence: field.licence === true };
      return (cell) => parseCode(cell, codeOptions);
    }
    case 'int':
    case 'number':
      return makeNumberParser(field, options.headerUnit ?? null);
    case 'date':
      return (cell) => parseDate(cell, dateOptions);
    case 'datetime':
      return (cell) => parseDateTimeParts(cell, dateOptions);
    case 'time':
      return (cell) => parseTime(cell, dateOptions);
    case 'bool':
      return makeBoolParser(field.boolExtra);
    case 'enum': {
      if (field.enumSpec === undefined) throw new Error(`enum field ${field.key} has no enumSpec`);
      return makeEnumParser(field.enumSpec);
    }
    case 'month':
      return (cell) => parseMonth(cell, dateOptions);
    case 'period':
      return (cell) => parsePeriod(cell, dateOptions);
  }
}

// A column repeats few distinct strings (dates, codes, 是/否) over a million rows; results are
// immutable, so each distinct text is parsed once. Cleared when full to bound memory.
const MEMO_LIMIT = 20000;

function memoizeText(parse: ValueParser): ValueParser {
  const memo = new Map<string, ParseResult<ParsedValue>>();
  return (cell) => {
    if (typeof cell !== 'string') return parse(cell);
    let result = memo.get(cell);
    if (result === undefined) {
      result = parse(cell);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(cell, result);
    }
    return result;
  };
}

/** The reader hands a formula without a stored result as its text with a leading "=". */
const FORMULA = /^=[A-Za-z_(]/;
const FORMULA_REASON = '是一个没有保存计算结果的公式（文件不是用 Excel/WPS 保存的），请在 Excel 或 WPS 中打开这个文件、保存后再导入';

/** In a typed column a formula without its result is refused with what to do; a text column keeps its text. */
function refuseBareFormulas(parse: ValueParser): ValueParser {
  return (cell) => {
    const result = parse(cell);
    if (!result.ok && typeof cell === 'string' && FORMULA.test(cell)) return fail(FORMULA_REASON);
    return result;
  };
}

/** The parser of one field's cells, built once per column. */
export function makeValueParser(field: FieldSpec, options: ValueParserOptions = {}): ValueParser {
  const typed = field.type === 'text' ? makeTypedParser(field, options) : refuseBareFormulas(makeTypedParser(field, options));
  const parse = field.type === 'text' ? typed : memoizeText(typed);
  if (options.repairText !== true) return parse;
  return (cell) => parse(typeof cell === 'string' ? (repairMojibake(cell) ?? cell) : cell);
}

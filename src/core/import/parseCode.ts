import type { CellValue } from './cell';
import { isEmptyCell } from './isEmptyCell';
import { numberToText } from './numberToText';
import { fail, ok, OK_NULL, type ParseResult } from './parseResult';

export interface CodeOptions {
  /** A 烟草专卖许可证号: must be 12 digits; a number that lost its leading zeros is padded. */
  licence?: boolean;
}

const LICENCE_DIGITS = 12;
const LICENCE_PATTERN = /^\d{12}$/;
// Nothing to fold or trim: the common case, kept off the slow Unicode normalisation.
const PLAIN_CODE = /^[0-9A-Za-z_-]+$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e\+?\d+$/i;
const EXCEL_TEXT_FORMULA = /^="(.*)"$/;
const TRAILING_ZERO_DECIMALS = /^(\d+)\.0+$/;

/**
 * An identifier (licence, customer code, 工号, 卷烟编码) as a trimmed, half-width string.
 * Numbers become their integer digits; text keeps leading zeros.
 */
export function parseCode(value: CellValue, options: CodeOptions = {}): ParseResult<string | null> {
  if (isEmptyCell(value)) return OK_NULL;
  let code: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) return fail('编码不应是小数或负数');
    if (!Number.isSafeInteger(value)) return fail('编码位数过多，Excel 已丢失末几位；请把该列设为文本后重新导出');
    code = numberToText(value);
    if (options.licence === true && code.length < LICENCE_DIGITS) code = code.padStart(LICENCE_DIGITS, '0');
  } else if (typeof value === 'string') {
    code = PLAIN_CODE.test(value) ? value : value.normalize('NFKC').replace(/[\s\u200b]+/g, '');
    // CSV tricks that keep Excel from eating leading zeros: '0123 and ="0123".
    code = (EXCEL_TEXT_FORMULA.exec(code)?.[1] ?? code).replace(/^'/, '');
    if (SCIENTIFIC.test(code)) return fail('编码被显示成了科学计数法，位数已丢失；请把该列设为文本后重新导出');
    code = TRAILING_ZERO_DECIMALS.exec(code)?.[1] ?? code;
    if (code === '') return OK_NULL;
  } else {
    return fail('无法识别的编码');
  }
  if (options.licence === true && !LICENCE_PATTERN.test(code)) return fail('许可证号应为12位数字');
  return ok(code);
}

import type { CellValue } from '../../../core/import/cell';
import { excelSerialToDate } from '../xlsx/excelSerialToDate';
import { isDateFormatCode } from '../xlsx/isDateFormat';

/**
 * Excel's HTML export (and the web systems that imitate it) says how a cell is meant to
 * be read in a CSS property, `mso-number-format`, inline or through a class in <style>;
 * the numeric value may ride along in an `x:num` attribute.
 */

/** CSS declarations of a style attribute or rule body; values keep their quotes' content. */
export function parseDeclarations(css: string): Map<string, string> {
  const declarations = new Map<string, string>();
  let i = 0;
  while (i < css.length) {
    const colon = css.indexOf(':', i);
    if (colon < 0) break;
    const name = css.slice(i, colon).trim().toLowerCase();
    let value = '';
    let j = colon + 1;
    let quote: string | null = null;
    for (; j < css.length; j++) {
      const ch = css[j] as string;
      if (quote !== null) {
        if (ch === '\\' && j + 1 < css.length) {
          value += ch + (css[++j] as string);
        } else if (ch === quote) {
          quote = null;
        } else {
          value += ch;
        }
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === ';') {
        break;
      } else {
        value += ch;
      }
    }
    if (name !== '') declarations.set(name, unescapeCss(value.trim()));
    i = j + 1;
  }
  return declarations;
}

/** CSS escapes: "\@" is "@", "\0022" is a quote (hex, optionally ended by one space). */
function unescapeCss(value: string): string {
  return value.replace(/\\(?:([0-9a-fA-F]{1,6}) ?|([\s\S]))/g, (_, hex: string | undefined, literal: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(Number.parseInt(hex, 16)) : (literal ?? ''),
  );
}

/** `.xl65 { mso-number-format: "\@"; }` rules of <style> blocks, by class name. */
export function classNumberFormats(styleText: string): Map<string, string> {
  const formats = new Map<string, string>();
  const withoutComments = styleText.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, '');
  for (const rule of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const format = parseDeclarations(rule[2] ?? '').get('mso-number-format');
    if (format === undefined) continue;
    for (const selector of (rule[1] ?? '').split(',')) {
      const className = /\.([\w-]+)\s*$/.exec(selector.trim())?.[1];
      if (className !== undefined) formats.set(className, format);
    }
  }
  return formats;
}

type FormatMeaning = 'text' | 'number' | 'date' | 'general';

const NAMED_FORMATS: Record<string, FormatMeaning> = {
  text: 'text',
  'general date': 'date',
  'long date': 'date',
  'medium date': 'date',
  'short date': 'date',
  'long time': 'date',
  'medium time': 'date',
  'short time': 'date',
  'general number': 'number',
  currency: 'number',
  fixed: 'number',
  standard: 'number',
  percent: 'number',
  scientific: 'number',
  general: 'general',
};

function meaningOf(format: string | undefined): FormatMeaning {
  if (format === undefined || format.trim() === '') return 'general';
  const named = NAMED_FORMATS[format.trim().toLowerCase()];
  if (named !== undefined) return named;
  if (format.trim() === '@') return 'text';
  if (isDateFormatCode(format)) return 'date';
  return /[0#?]/.test(format.replace(/"[^"]*"/g, '')) ? 'number' : 'general';
}

/** "1,234.50", "¥1,234.50", "12.5%" as the number they show; null if the text is not one. */
function numberFromText(text: string): number | null {
  const compact = text.replace(/[,\s\u00a0¥￥$]/g, '');
  const percent = compact.endsWith('%');
  const digits = percent ? compact.slice(0, -1) : compact;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(digits)) return null;
  const value = Number(digits);
  return percent ? value / 100 : value;
}

/** Scientific notation is what Excel shows for a long number in a narrow General column. */
const SCIENTIFIC = /^[-+]?\d(?:\.\d+)?E[-+]\d+$/i;

/**
 * A cell's value from its shown text, format and x:num. Text is kept as shown unless the
 * format says otherwise, so codes keep their leading zeros and a CSV-like reading follows;
 * a number or date format gives a number or a Date (from x:num when present, the exact
 * value Excel had); a General cell shown in scientific notation takes its x:num.
 */
export function htmlCellValue(text: string, format: string | undefined, xNum: string | undefined): CellValue {
  const exact = xNum !== undefined && xNum.trim() !== '' && Number.isFinite(Number(xNum)) ? Number(xNum) : null;
  switch (meaningOf(format)) {
    case 'text':
      return text === '' ? null : text;
    case 'number':
      if (text === '' && exact === null) return null;
      return exact ?? numberFromText(text) ?? text;
    case 'date':
      if (exact !== null) return excelSerialToDate(exact, false) ?? text;
      return text === '' ? null : text;
    case 'general':
      if (text === '') return null;
      return exact !== null && SCIENTIFIC.test(text) ? exact : text;
  }
}

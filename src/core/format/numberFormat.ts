/**
 * How numbers read everywhere in Kaoping (grids, charts, scorecard, settings, workbooks), as an
 * office reads them: money with two decimals, counts and quantities with thousands separators,
 * shares as percentages. Each kind has the text shown on screen and the Excel number format
 * that shows the same text, so a workbook cell stays a number (sums and filters work in WPS).
 */
export type NumberKind =
  /** 元: 127.20, 1,234.50 */
  | 'money'
  /** 条 and other amounts that may be fractional: 5,848 and 5,835.6 (at most two decimals). */
  | 'quantity'
  /** Whole things counted: 1,234 */
  | 'count'
  /** A share 0–1 shown as 85.0% */
  | 'percent'
  /** A 0–100 score with one decimal: 87.5 */
  | 'score'
  /** Hours with one decimal: 5.9 */
  | 'hours'
  /** Longitude/latitude: six decimals, no separators. */
  | 'coordinate'
  /** Anything else (codes, tiers, answers): as it is, up to four decimals, no separators. */
  | 'plain';

/** Digits after the point: [minimum, maximum]. */
const DIGITS: Record<NumberKind, [number, number]> = {
  money: [2, 2],
  quantity: [0, 2],
  count: [0, 0],
  percent: [1, 1],
  score: [1, 1],
  hours: [1, 1],
  coordinate: [6, 6],
  plain: [0, 4],
};
const GROUPED: Record<NumberKind, boolean> = {
  money: true,
  quantity: true,
  count: true,
  percent: false,
  score: false,
  hours: false,
  coordinate: false,
  plain: false,
};

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number, grouped: boolean, percent: boolean): Intl.NumberFormat {
  const key = `${min}/${max}/${grouped}/${percent}`;
  let f = formatters.get(key);
  if (!f) {
    // en-US and zh-CN both group by thousands with ',' and use '.'; one fixed locale keeps screen,
    // workbook and tests identical whatever the PC's regional settings are.
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouped,
      ...(percent ? { style: 'percent' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** A quantity shows decimals only when it has them (5,848 but 5,835.6), on screen and in Excel alike. */
function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 0.005;
}

/** The text a number of this kind reads as; '' for null or a value that is not a finite number. */
export function formatNumber(value: number | null | undefined, kind: NumberKind, options: { decimals?: number } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let [min, max] = DIGITS[kind];
  if (options.decimals !== undefined) min = max = options.decimals;
  else if (kind === 'quantity') min = isWhole(value) ? 0 : 1;
  if (kind === 'quantity' && isWhole(value)) max = 0;
  const text = formatter(min, max, GROUPED[kind], kind === 'percent').format(value);
  // Intl writes -0 as "-0": a rounded zero reads 0.
  return /^-0(?:[.,]0*)?%?$/.test(text) ? text.slice(1) : text;
}

/** A share 0–1 as a percentage with `decimals` digits (default 1): 0.8 → "80%" with 0. */
export function formatPercent(share: number | null | undefined, decimals = 1): string {
  return formatNumber(share, 'percent', { decimals });
}

function excelDigits(min: number, max: number): string {
  if (max === 0) return '';
  return `.${'0'.repeat(min)}${'#'.repeat(max - min)}`;
}

/**
 * The Excel number format that shows a value of this kind as formatNumber does. The value is
 * needed only for quantities (whole ones have no decimal point, '#,##0.0#' would print "5,848.0").
 */
export function excelNumberFormat(kind: NumberKind, value?: number | null, options: { decimals?: number } = {}): string {
  if (kind === 'plain' && options.decimals === undefined) return 'General';
  let [min, max] = DIGITS[kind];
  if (options.decimals !== undefined) min = max = options.decimals;
  if (kind === 'quantity') {
    if (value === null || value === undefined || isWhole(value)) return '#,##0';
    min = 1;
  }
  const integer = GROUPED[kind] ? '#,##0' : '0';
  return `${integer}${excelDigits(min, max)}${kind === 'percent' ? '%' : ''}`;
}

import type { CellValue } from './cell';
import { MAX_YEAR, MIN_YEAR, pad2 } from './civilDate';
import { isEmptyCell } from './isEmptyCell';
import { parseDateTimeParts } from './parseDateTime';
import { fail, ok, OK_NULL, type ParseOptions, type ParseResult } from './parseResult';

const NOT_A_MONTH = '无法识别的月份（应为 YYYY-MM，如 2026-10）';
const NOT_A_PERIOD = '无法识别的月份或周次（应为 2026-10 或 2026-W41）';
const MONTH_TEXT = /^(\d{4})(?:[-/.年])?(\d{1,2})(?:月份?)?$/;
const WEEK_TEXT = [/^(\d{4})[-/.]?w(\d{1,2})$/i, /^(\d{4})年?[-/.]?第?(\d{1,2})周$/];

function formatMonth(year: number, month: number): string | null {
  if (!Number.isInteger(month) || month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return null;
  return `${year}-${pad2(month)}`;
}

function monthOfText(raw: string, options: ParseOptions): string | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = MONTH_TEXT.exec(s);
  if (m) return formatMonth(Number(m[1]), Number(m[2]));
  const parts = parseDateTimeParts(s, options);
  if (!parts.ok || parts.value === null || parts.value.date === null) return null;
  return formatMonth(Number(parts.value.date.slice(0, 4)), Number(parts.value.date.slice(5, 7)));
}

function monthOfValue(value: CellValue, options: ParseOptions): string | null {
  if (typeof value === 'string') return monthOfText(value, options);
  // 202610 typed as a number.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 190001 && value <= 210012) {
    return formatMonth(Math.floor(value / 100), value % 100);
  }
  // Excel turns a typed "2026-10" into the date 2026-10-01.
  const parts = parseDateTimeParts(value, options);
  if (!parts.ok || parts.value === null || parts.value.date === null) return null;
  return formatMonth(Number(parts.value.date.slice(0, 4)), Number(parts.value.date.slice(5, 7)));
}

/** → 'YYYY-MM' from "2026-10", "2026/10", "2026.10", "202610", "2026年10月", a date, a serial. */
export function parseMonth(value: CellValue, options: ParseOptions = {}): ParseResult<string | null> {
  if (isEmptyCell(value)) return OK_NULL;
  const month = monthOfValue(value, options);
  return month === null ? fail(NOT_A_MONTH) : ok(month);
}

/** A report period: a month 'YYYY-MM' or an ISO-style week 'YYYY-Www' ("2026W41", "2026年第41周"). */
export function parsePeriod(value: CellValue, options: ParseOptions = {}): ParseResult<string | null> {
  if (isEmptyCell(value)) return OK_NULL;
  if (typeof value === 'string') {
    const s = value.normalize('NFKC').replace(/\s+/g, '');
    for (const pattern of WEEK_TEXT) {
      const m = pattern.exec(s);
      if (!m) continue;
      const year = Number(m[1]);
      const week = Number(m[2]);
      if (week < 1 || week > 53 || year < MIN_YEAR || year > MAX_YEAR) return fail(NOT_A_PERIOD);
      return ok(`${year}-W${pad2(week)}`);
    }
  }
  const month = monthOfValue(value, options);
  return month === null ? fail(NOT_A_PERIOD) : ok(month);
}

import type { CellValue } from './cell';
import { formatHms, formatSecondsOfDay, formatYmd, isValidYmd, MAX_YEAR, MIN_YEAR } from './civilDate';
import { excelSerialToParts } from './excelSerial';
import { isEmptyCell } from './isEmptyCell';
import { fail, ok, OK_NULL, type ParseOptions, type ParseResult } from './parseResult';

/** What one cell says about a moment: a date, a time of day, or both. */
export interface DateTimeParts {
  /** 'YYYY-MM-DD' */
  date: string | null;
  /** 'HH:mm:ss', wall clock as written */
  time: string | null;
}

const NOT_A_DATE_TIME = '无法识别的日期/时间';

const WEEKDAY = /[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/gi;
// Plain ASCII has nothing for NFKC to fold; skipping it keeps a million-row column fast.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const WEEKDAY_HINT = /[星礼周]|[a-z]{3}/i;
const DATE_SEPARATED = /^(\d{4}|\d{2})([-/.])(\d{1,2})\2(\d{1,2})/;
const DATE_CHINESE = /^(\d{4}|\d{2})年(\d{1,2})月(\d{1,2})[日号]?/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const TIME_COLON = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/;
const TIME_CHINESE = /^(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?$/;
const MERIDIEM_BEFORE = /^(上午|早上|凌晨|下午|晚上|am|pm)/i;
const MERIDIEM_AFTER = /(am|pm|上午|下午)$/i;
const ZONE_SUFFIX = /(?:z|[+-]\d{2}:?\d{2})$/i;

function isAfternoon(meridiem: string): boolean {
  const m = meridiem.toLowerCase();
  return m === 'pm' || m === '下午' || m === '晚上';
}

/** "08:42", "8:42:05", "下午 2:05", "8时42分" → 'HH:mm:ss'; null when not a time. */
function parseTimeText(text: string): string | null {
  let s = text.replace(/\s+/g, '');
  s = s.replace(ZONE_SUFFIX, '');
  let meridiem: string | null = null;
  const before = MERIDIEM_BEFORE.exec(s);
  if (before) {
    meridiem = before[1] ?? null;
    s = s.slice(before[0].length);
  } else {
    const after = MERIDIEM_AFTER.exec(s);
    if (after) {
      meridiem = after[1] ?? null;
      s = s.slice(0, s.length - after[0].length);
    }
  }
  const m = TIME_COLON.exec(s) ?? TIME_CHINESE.exec(s);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  if (meridiem !== null) {
    if (hours > 12) return null;
    if (isAfternoon(meridiem)) hours = hours === 12 ? 12 : hours + 12;
    else if (hours === 12) hours = 0;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return formatHms(hours, minutes, seconds);
}

function expandYear(yearText: string): number {
  const year = Number(yearText);
  // DingTalk writes "26-10-08 星期四": two-digit years are this century's.
  return yearText.length === 2 ? 2000 + year : year;
}

function parseDateTimeText(raw: string): ParseResult<DateTimeParts> {
  let s = PRINTABLE_ASCII.test(raw) ? raw : raw.normalize('NFKC');
  if (WEEKDAY_HINT.test(s)) s = s.replace(WEEKDAY, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  let year: number;
  let month: number;
  let day: number;
  let rest: string;
  const separated = DATE_SEPARATED.exec(s);
  const chinese = separated ? null : DATE_CHINESE.exec(s);
  const compact = separated || chinese ? null : DATE_COMPACT.exec(s);
  if (separated) {
    year = expandYear(separated[1] ?? '');
    month = Number(separated[3]);
    day = Number(separated[4]);
    rest = s.slice(separated[0].length);
  } else if (chinese) {
    year = expandYear(chinese[1] ?? '');
    month = Number(chinese[2]);
    day = Number(chinese[3]);
    rest = s.slice(chinese[0].length);
  } else if (compact) {
    year = Number(compact[1]);
    month = Number(compact[2]);
    day = Number(compact[3]);
    rest = s.slice(compact[0].length);
  } else {
    const time = parseTimeText(s);
    return time === null ? fail(NOT_A_DATE_TIME) : ok({ date: null, time });
  }
  if (!isValidYmd(year, month, day)) return fail('日期不存在');
  const date = formatYmd(year, month, day);
  rest = rest.replace(/^[T\s]+/i, '');
  if (rest === '') return ok({ date, time: null });
  const time = parseTimeText(rest);
  if (time === null) return fail(NOT_A_DATE_TIME);
  const zone = ZONE_OFFSET.exec(rest.replace(/\s+/g, ''));
  return ok(zone ? toLocalWallClock(date, time, zoneOffsetMinutes(zone)) : { date, time });
}

/** A zone suffix the export wrote: Z, +08:00, -0500 … */
const ZONE_OFFSET = /\d(z|([+-])(\d{2}):?(\d{2}))$/i;
/** The wall clock Kaoping stores: China Standard Time (Asia/Shanghai has no daylight saving since 1991). */
const LOCAL_OFFSET_MINUTES = 8 * 60;

function zoneOffsetMinutes(match: RegExpExecArray): number {
  if ((match[1] ?? '').toLowerCase() === 'z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === '-' ? -minutes : minutes;
}

/** A moment written with a zone, as the local (Asia/Shanghai) date and time: …T01:00Z is 09:00 the same day. */
function toLocalWallClock(date: string, time: string, offsetMinutes: number): DateTimeParts {
  const [h = 0, m = 0, sec = 0] = time.split(':').map(Number);
  const utcMs = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h, m, sec) - offsetMinutes * 60_000;
  const local = new Date(utcMs + LOCAL_OFFSET_MINUTES * 60_000);
  return {
    date: formatYmd(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()),
    time: formatHms(local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()),
  };
}

function isTimeOnlyBase(year: number, month: number, day: number, date1904: boolean): boolean {
  // A time-only Excel cell is a fraction of day 0: 1899-12-30 in most readers, 1899-12-31
  // ("1900-01-00") in some, 1904-01-01 in a 1904-system workbook.
  if (year === 1899 && month === 12 && (day === 30 || day === 31)) return true;
  return date1904 && year === 1904 && month === 1 && day === 1;
}

function partsOfDate(value: Date, date1904: boolean): ParseResult<DateTimeParts> {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return fail(NOT_A_DATE_TIME);
  // Serial fractions come back as e.g. 08:41:59.9996; the nearest second is what Excel showed.
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const year = rounded.getUTCFullYear();
  const month = rounded.getUTCMonth() + 1;
  const day = rounded.getUTCDate();
  const hours = rounded.getUTCHours();
  const minutes = rounded.getUTCMinutes();
  const seconds = rounded.getUTCSeconds();
  if (isTimeOnlyBase(year, month, day, date1904)) return ok({ date: null, time: formatHms(hours, minutes, seconds) });
  const hasTime = hours !== 0 || minutes !== 0 || seconds !== 0;
  return ok({ date: formatYmd(year, month, day), time: hasTime ? formatHms(hours, minutes, seconds) : null });
}

function partsOfNumber(value: number, date1904: boolean): ParseResult<DateTimeParts> {
  if (!Number.isFinite(value) || value < 0) return fail(NOT_A_DATE_TIME);
  // 20261008 typed as a number, not a serial (serials stay below 2,958,466 = 9999-12-31).
  if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
    const year = Math.floor(value / 10000);
    const month = Math.floor(value / 100) % 100;
    const day = value % 100;
    return isValidYmd(year, month, day) ? ok({ date: formatYmd(year, month, day), time: null }) : fail('日期不存在');
  }
  if (value < 1) {
    const seconds = Math.round(value * 86400);
    return seconds >= 86400 ? fail(NOT_A_DATE_TIME) : ok({ date: null, time: formatSecondsOfDay(seconds) });
  }
  const parts = excelSerialToParts(value, date1904);
  if (parts === null) return fail('日期不存在');
  return ok({
    date: formatYmd(parts.year, parts.month, parts.day),
    time: value === Math.floor(value) ? null : formatSecondsOfDay(parts.secondsOfDay),
  });
}

/**
 * Any cell that may hold a date, a time or both: Excel serials (1900 or 1904 system),
 * Date objects (read in UTC), and the text shapes exports write.
 */
export function parseDateTimeParts(value: CellValue, options: ParseOptions = {}): ParseResult<DateTimeParts | null> {
  if (isEmptyCell(value)) return OK_NULL;
  const date1904 = options.date1904 === true;
  if (value instanceof Date) return partsOfDate(value, date1904);
  if (typeof value === 'number') return partsOfNumber(value, date1904);
  if (typeof value === 'string') return parseDateTimeText(value);
  return fail(NOT_A_DATE_TIME);
}

/** Keeps a precise reason ("日期不存在") and words the generic one for the field's type. */
function specific(reason: string, generic: string): string {
  return reason === NOT_A_DATE_TIME ? generic : reason;
}

function yearInRange(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const OUT_OF_RANGE = `日期超出合理范围（${MIN_YEAR}–${MAX_YEAR}年）`;

/** A date cell of serial 0 (Excel shows "1900-01-00") reads as midnight of no day: it is no date. */
function noDateReason(time: string | null): string {
  return time === '00:00:00' ? '值为 0（Excel 显示为 1900-01-00），不是日期' : '只有时间，没有日期';
}

/** → 'YYYY-MM-DD'; a date-time keeps its date. */
export function parseDate(value: CellValue, options: ParseOptions = {}): ParseResult<string | null> {
  const parts = parseDateTimeParts(value, options);
  if (!parts.ok || parts.value === null) return parts.ok ? OK_NULL : fail(specific(parts.reason, '无法识别的日期'));
  const { date } = parts.value;
  if (date === null) return fail(noDateReason(parts.value.time));
  return yearInRange(date) ? ok(date) : fail(OUT_OF_RANGE);
}

/** → 'YYYY-MM-DDTHH:mm:ss', local wall clock: as written, or converted to Asia/Shanghai when the text names a zone. */
export function parseDateTime(value: CellValue, options: ParseOptions = {}): ParseResult<string | null> {
  const parts = parseDateTimeParts(value, options);
  if (!parts.ok || parts.value === null) return parts.ok ? OK_NULL : fail(specific(parts.reason, '无法识别的日期时间'));
  const { date, time } = parts.value;
  if (date === null) return fail(noDateReason(time));
  if (time === null) return fail('只有日期，没有时间');
  return yearInRange(date) ? ok(`${date}T${time}`) : fail(OUT_OF_RANGE);
}

/** → 'HH:mm:ss'; a date-time gives its time of day. */
export function parseTime(value: CellValue, options: ParseOptions = {}): ParseResult<string | null> {
  const parts = parseDateTimeParts(value, options);
  if (!parts.ok || parts.value === null) return parts.ok ? OK_NULL : fail(specific(parts.reason, '无法识别的时间'));
  const { time } = parts.value;
  return time === null ? fail('只有日期，没有时间') : ok(time);
}

/** Null when the date's year is plausible for these files, else the reason. */
export function checkDateRange(date: string): string | null {
  return yearInRange(date) ? null : OUT_OF_RANGE;
}

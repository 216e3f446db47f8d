/**
 * The one date module: plain calendar dates ('YYYY-MM-DD', 'YYYY-MM') and their arithmetic, in
 * UTC or on plain integers. Dates are never turned into local-time Date objects: in UTC+8 a
 * local midnight is the previous day in UTC, and that off-by-one is the classic bug of
 * attendance tools. The one exception is localDate, the day on the supervisor's own clock.
 */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → integers; throws on anything that is not a real date. */
export function parseDate(date: string): Ymd {
  const match = DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

/** 'YYYY-MM' → integers; throws on anything that is not a month. */
export function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { year, month: monthNumber };
}

export function formatDate({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** On plain integers (no Date: Date.UTC would read years 0–99 as 1900–1999). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday({ year, month, day }: Ymd): number {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of 'YYYY-MM-DD', without parsing it strictly. */
export function isoWeekdayOf(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return isoWeekday({ year: y, month: m, day: d });
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const start = toDayNumber(parseDate(from));
  const end = toDayNumber(parseDate(to));
  const dates: string[] = [];
  for (let n = start; n <= end; n++) {
    const d = new Date(n * MS_PER_DAY);
    dates.push(formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
  }
  return dates;
}

function toDayNumber({ year, month, day }: Ymd): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function toUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Two ASCII digits at `at` as a number, else NaN. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * 'YYYY-MM-DD' plus a number of days. A valid date of the years 1000–9999 and up to a year's
 * days either way are counted through the calendar without a Date (the evaluation calls this
 * tens of thousands of times); anything else goes through Date.UTC as it always did (which also
 * reads years 0–99 as 1900–1999 and rolls an impossible day over into the next month).
 */
export function addDays(date: string, days: number): string {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45 && Number.isInteger(days) && days >= -366 && days <= 366) {
    let year = twoDigits(date, 0) * 100 + twoDigits(date, 2);
    let month = twoDigits(date, 5);
    let day = twoDigits(date, 8);
    if (year >= 1001 && year <= 9998 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      day += days;
      while (day < 1) {
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
        day += daysInMonth(year, month);
      }
      for (let length = daysInMonth(year, month); day > length; length = daysInMonth(year, month)) {
        day -= length;
        month += 1;
        if (month === 13) {
          month = 1;
          year += 1;
        }
      }
      return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    }
  }
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Every date of a 'YYYY-MM' month, in order. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

/** 'YYYY-MM' → its first day and the first day of the next month, for index-friendly ranges. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: `${shiftMonth(month, 1)}-01` };
}

/** ISO weeks ('YYYY-Www') whose Thursday falls in the month: a weekly report's month. */
export function isoWeeksOfMonth(month: string): string[] {
  const weeks: string[] = [];
  for (const day of daysOfMonth(month)) {
    const d = new Date(`${day}T00:00:00Z`);
    if (d.getUTCDay() !== 4) continue;
    const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
    const week1Monday = Date.UTC(jan4.getUTCFullYear(), 0, 4 - ((jan4.getUTCDay() + 6) % 7));
    const week = Math.floor((d.getTime() - week1Monday) / (7 * 86_400_000)) + 1;
    weeks.push(`${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`);
  }
  return weeks;
}

/** The last date of a 'YYYY-MM' month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${shiftMonth(month, 1)}-01`, -1);
}

/** 'YYYY-MM' moved by `months` (negative: back). */
export function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` consecutive months ending at `endMonth`, oldest first. */
export function monthsEndingAt(endMonth: string, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) months.push(shiftMonth(endMonth, -i));
  return months;
}

/** The calendar day on the supervisor's own clock (deadlines are local, not UTC). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Minutes from a to b, two 'YYYY-MM-DDTHH:mm[:ss]' wall-clock times; seconds count as fractions. */
export function minutesBetween(a: string, b: string): number {
  return (wallClockMs(b) - wallClockMs(a)) / 60_000;
}

/** Punches of a month fall on a few dozen dates: parsing each date once keeps 100k punches cheap. */
const dayStartMs = new Map<string, number>();

function wallClockMs(at: string): number {
  const date = at.slice(0, 10);
  let dayMs = dayStartMs.get(date);
  if (dayMs === undefined) {
    dayMs = toUtcMs(date);
    if (dayStartMs.size > 10_000) dayStartMs.clear();
    dayStartMs.set(date, dayMs);
  }
  const seconds = at.length >= 19 ? Number(at.slice(17, 19)) : 0;
  return dayMs + Number(at.slice(11, 13)) * 3_600_000 + Number(at.slice(14, 16)) * 60_000 + seconds * 1000;
}

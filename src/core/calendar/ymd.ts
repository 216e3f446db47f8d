/**
 * Plain calendar dates as integers. Dates are never turned into local-time Date objects:
 * in UTC+8 a local midnight is the previous day in UTC, and that off-by-one is the classic
 * bug of attendance tools.
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday({ year, month, day }: Ymd): number {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
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

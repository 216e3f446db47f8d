import { civilFromDays } from './civilDate';

export interface SerialParts {
  year: number;
  month: number;
  day: number;
  /** 0..86399, rounded to the nearest second. */
  secondsOfDay: number;
}

// Days from 1970-01-01 back to each system's day 0.
const DAY0_1900_LOW = -25568; // serials 0..59 count from 1899-12-31 ("1900-01-00")
const DAY0_1900 = -25569; // serials from 61 count from 1899-12-30: Excel's fictitious 1900-02-29 is 60
const DAY0_1904 = -24107; // 1904-01-01

/**
 * An Excel serial number → calendar date and time of day. Excel (like Lotus 1-2-3) counts
 * a 1900-02-29 that never existed; serial 60 therefore has no real date and gives null.
 */
export function excelSerialToParts(serial: number, date1904 = false): SerialParts | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let whole = Math.floor(serial);
  let secondsOfDay = Math.round((serial - whole) * 86400);
  if (secondsOfDay === 86400) {
    whole += 1;
    secondsOfDay = 0;
  }
  let days: number;
  if (date1904) days = DAY0_1904 + whole;
  else if (whole === 60) return null;
  else days = (whole < 60 ? DAY0_1900_LOW : DAY0_1900) + whole;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, secondsOfDay };
}

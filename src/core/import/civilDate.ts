/** Date and time parts as the spreadsheets spell them, on plain numbers: no Date object, no time zone. */
import { daysInMonth } from '../calendar/dates';

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatYmd(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function formatHms(hours: number, minutes: number, seconds: number): string {
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
}

export function formatSecondsOfDay(secondsOfDay: number): string {
  return formatHms(Math.floor(secondsOfDay / 3600), Math.floor(secondsOfDay / 60) % 60, secondsOfDay % 60);
}

/** Days since 1970-01-01 → [year, month, day] (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Earliest and latest year a business date in these files can plausibly have. */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2099;

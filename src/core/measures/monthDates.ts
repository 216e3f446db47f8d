/** Calendar arithmetic on ISO strings, in UTC so that the host's time zone never matters. */

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Every date of a 'YYYY-MM' month, in order. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

export function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
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

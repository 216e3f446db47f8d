import y2025 from '../../../resources/holidays/2025.json';
import y2026 from '../../../resources/holidays/2026.json';
import { datesBetween } from './dates';

/** One year of the State Council's holiday notice (holidays.md), as shipped in resources/holidays. */
export interface HolidayYear {
  year: number;
  /** The notice's number, e.g. 国办发明电〔2025〕7号. */
  source: string;
  published: string;
  holidays: { name: string; from: string; to: string; makeUpWorkdays: string[] }[];
}

export interface ShippedDay {
  workday: boolean;
  /** The holiday a day off or a make-up workday belongs to. */
  holiday: string;
}

/** Add a year here (and its JSON file) when the next notice is published each November. */
export const SHIPPED_YEARS: readonly HolidayYear[] = [y2025, y2026];

const shippedDays = new Map<string, ShippedDay>();
for (const notice of SHIPPED_YEARS) {
  for (const { name, from, to, makeUpWorkdays } of notice.holidays) {
    for (const date of datesBetween(from, to)) shippedDays.set(date, { workday: false, holiday: name });
    for (const date of makeUpWorkdays) shippedDays.set(date, { workday: true, holiday: name });
  }
}

/** The notice's entry for a date: a day off or a make-up workday; undefined for an ordinary day. */
export function shippedDay(date: string): ShippedDay | undefined {
  return shippedDays.get(date);
}

export function shippedYear(year: number): HolidayYear | undefined {
  return SHIPPED_YEARS.find((notice) => notice.year === year);
}

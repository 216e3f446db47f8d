import type { CalendarOverride } from './calendarOverride';
import { shippedDay } from './shippedHolidays';
import { daysInMonth, formatDate, isoWeekday, parseDate, parseMonth, type Ymd } from './dates';

export interface CalendarDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  workday: boolean;
  /** Name of the holiday for a day off (the override's note when an override made it one); null otherwise. */
  holiday: string | null;
  /** A Saturday or Sunday that is a workday (调休上班). */
  makeUp: boolean;
  /** Set by an imported or edited calendar rather than the shipped one. */
  overridden: boolean;
  /** The override's note, if any. */
  note: string | null;
}

/** Every day of a month ('YYYY-MM') as the work calendar sees it. */
export function monthCalendar(month: string, overrides: readonly CalendarOverride[] = []): CalendarDay[] {
  const { year, month: monthNumber } = parseMonth(month);
  const byDate = overridesByDate(overrides);
  const days: CalendarDay[] = [];
  for (let day = 1; day <= daysInMonth(year, monthNumber); day++) {
    days.push(describeDay({ year, month: monthNumber, day }, byDate));
  }
  return days;
}

/** One day ('YYYY-MM-DD') as the work calendar sees it. */
export function calendarDay(date: string, overrides: readonly CalendarOverride[] = []): CalendarDay {
  return describeDay(parseDate(date), overridesByDate(overrides));
}

/** Later overrides of the same date win, as a later edit replaces an earlier one. */
function overridesByDate(overrides: readonly CalendarOverride[]): Map<string, CalendarOverride> {
  return new Map(overrides.map((o) => [formatDate(parseDate(o.date)), o]));
}

function describeDay(ymd: Ymd, overrides: ReadonlyMap<string, CalendarOverride>): CalendarDay {
  const date = formatDate(ymd);
  const weekday = isoWeekday(ymd);
  const weekend = weekday >= 6;
  const shipped = shippedDay(date);
  const override = overrides.get(date);
  const workday = override?.workday ?? shipped?.workday ?? !weekend;
  const note = override?.note?.trim() || null;
  const holiday = workday ? null : (note ?? (shipped && !shipped.workday ? shipped.holiday : null));
  return { date, weekday, workday, holiday, makeUp: workday && weekend, overridden: override !== undefined, note };
}

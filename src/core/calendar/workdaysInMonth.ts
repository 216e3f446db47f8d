import type { CalendarOverride } from './calendarOverride';
import { monthCalendar } from './monthCalendar';

/** The workdays of a month ('YYYY-MM'), ascending, as 'YYYY-MM-DD'. */
export function workdaysInMonth(month: string, overrides: readonly CalendarOverride[] = []): string[] {
  return monthCalendar(month, overrides)
    .filter((day) => day.workday)
    .map((day) => day.date);
}

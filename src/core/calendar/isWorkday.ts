import type { CalendarOverride } from './calendarOverride';
import { calendarDay } from './monthCalendar';

/** Monday–Friday, minus statutory holidays, plus make-up workdays; overrides win. */
export function isWorkday(date: string, overrides: readonly CalendarOverride[] = []): boolean {
  return calendarDay(date, overrides).workday;
}

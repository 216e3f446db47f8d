import { calendarDay as coreCalendarDay, workdaysInMonth } from '../../core/calendar';
import { daysOfMonth } from '../../core/calendar/dates';

/** A day as the demo's 工作日历 file writes it. */
export interface CalendarDay {
  date: string;
  workday: boolean;
  /** Holiday name, 调休上班 for a make-up workday, empty otherwise. */
  note: string;
}

/** The shipped PRC schedule of core/calendar, in the shape the demo's calendar file needs. */
export function calendarDay(date: string): CalendarDay {
  const day = coreCalendarDay(date);
  return { date, workday: day.workday, note: day.holiday ?? (day.makeUp ? '调休上班' : '') };
}

export function buildWorkCalendar(months: readonly string[]): CalendarDay[] {
  return months.flatMap((month) => daysOfMonth(month).map(calendarDay));
}

export function workdaysOf(month: string): string[] {
  return workdaysInMonth(month);
}

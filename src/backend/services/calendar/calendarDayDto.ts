import type { CalendarDay } from '../../../core/calendar';
import { shippedDay } from '../../../core/calendar/shippedHolidays';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';

/**
 * A day as the screens show it: what kind of day it is, a note saying why a day is off or why a
 * weekend day is worked, and `overridden` for days whose imported or edited value differs from
 * the shipped calendar (an imported calendar usually repeats the shipped one day by day, and
 * marking all of those would hide the few days that really differ).
 */
export function calendarDayDto(day: CalendarDay): CalendarDayDto {
  const weekend = day.weekday >= 6;
  const shipped = shippedDay(day.date);
  // What the shipped calendar alone says; an override that agrees with it changes nothing visible.
  const shippedWorkday = shipped?.workday ?? !weekend;
  const kind: CalendarDayDto['kind'] = day.workday ? (weekend ? 'makeup' : 'workday') : day.holiday ? 'holiday' : weekend ? 'weekend' : 'holiday';
  const holidayName = day.holiday ?? shipped?.holiday ?? null;
  const note =
    kind === 'makeup'
      ? `调休上班${holidayName ? `（${holidayName}）` : ''}`
      : kind === 'weekend'
        ? '周末'
        : kind === 'holiday'
          ? (day.holiday ?? day.note ?? '休息日')
          : day.note;
  return { date: day.date, workday: day.workday, kind, note, overridden: day.workday !== shippedWorkday };
}

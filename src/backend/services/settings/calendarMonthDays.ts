import type { Kysely } from 'kysely';
import { calendarDay, monthCalendar, type CalendarDay } from '../../../core/calendar';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';
import type { Database } from '../../db/schema';

/**
 * Whether an imported or edited day changes anything: an imported calendar usually repeats the
 * shipped one day by day, and marking all of those would hide the few days that really differ.
 */
export function differsFromShipped(day: CalendarDay): boolean {
  return day.overridden && calendarDay(day.date).workday !== day.workday;
}

/**
 * A day as the screens show it: the note says why a day is off or why a weekend day is worked;
 * `overridden` marks the days whose override differs from the shipped calendar.
 */
export function calendarDayDto(day: CalendarDay): CalendarDayDto {
  const weekend = day.weekday >= 6;
  let note = day.note;
  if (!day.workday) note = day.holiday ?? (weekend ? '周末' : '休息日');
  else if (day.makeUp && !note) note = '调休上班';
  return { date: day.date, workday: day.workday, note, overridden: differsFromShipped(day) };
}

/** The imported or edited days of a month ('YYYY-MM'); they win over the shipped calendar. */
export async function calendarOverrides(db: Kysely<Database>, month: string) {
  const rows = await db.selectFrom('calendar_days').select(['date', 'workday', 'note']).where('date', 'like', `${month}-%`).execute();
  return rows.map((r) => ({ date: r.date, workday: r.workday === 1, note: r.note }));
}

/** Every day of a month as the work calendar sees it: shipped holidays and 调休, then the overrides. */
export async function calendarMonthDays(db: Kysely<Database>, month: string): Promise<CalendarDayDto[]> {
  return monthCalendar(month, await calendarOverrides(db, month)).map(calendarDayDto);
}

import type { Kysely } from 'kysely';
import { monthCalendar } from '../../../core/calendar';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';
import type { Database } from '../../db/schema';
import { calendarDayDto } from '../calendar/calendarDayDto';

/** The imported or edited days of a month ('YYYY-MM'); they win over the shipped calendar. */
export async function calendarOverrides(db: Kysely<Database>, month: string) {
  const rows = await db.selectFrom('calendar_days').select(['date', 'workday', 'note']).where('date', 'like', `${month}-%`).execute();
  return rows.map((r) => ({ date: r.date, workday: r.workday === 1, note: r.note }));
}

/** Every day of a month as the work calendar sees it: shipped holidays and 调休, then the overrides. */
export async function calendarMonthDays(db: Kysely<Database>, month: string): Promise<CalendarDayDto[]> {
  return monthCalendar(month, await calendarOverrides(db, month)).map(calendarDayDto);
}

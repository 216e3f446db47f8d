import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { UpsertOutcome } from '../db/rowUpserter';

export interface CalendarDayValues {
  date: string;
  workday: number;
  note: string | null;
}

/**
 * Writes one day of the work calendar into an import batch (a hand edit), as the import's
 * TableUpserter writes a row: inserted when the date has no row, left alone when nothing changed,
 * else updated with the old values kept in row_history (the same JSON, so the batch undoes alike).
 * Plain kysely on the executor given (a transaction), so it runs on SQLite and PostgreSQL.
 */
export async function upsertCalendarDay(db: Kysely<Database>, batchId: number, day: CalendarDayValues): Promise<{ outcome: UpsertOutcome; id: number }> {
  const existing = await db
    .selectFrom('calendar_days')
    .select(['id', 'batch_id', 'date', 'workday', 'note'])
    .where('nk', '=', day.date)
    .executeTakeFirst();
  if (!existing) {
    const inserted = await db
      .insertInto('calendar_days')
      .values({ nk: day.date, created_batch_id: batchId, batch_id: batchId, date: day.date, workday: day.workday, note: day.note })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { outcome: 'inserted', id: inserted.id };
  }
  const { id, ...old } = existing;
  if (old.date === day.date && old.workday === day.workday && old.note === day.note) return { outcome: 'unchanged', id };
  await db.insertInto('row_history').values({ batch_id: batchId, table_name: 'calendar_days', row_id: id, old_json: JSON.stringify(old) }).execute();
  await db.updateTable('calendar_days').set({ batch_id: batchId, date: day.date, workday: day.workday, note: day.note }).where('id', '=', id).execute();
  return { outcome: 'updated', id };
}

import { createHash } from 'node:crypto';
import { calendarDay } from '../../../core/calendar';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { transactClaimed } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import { finishImportBatch, insertImportBatch } from '../../repositories/importBatchRepository';
import { upsertCalendarDay } from '../../repositories/upsertCalendarDay';
import { MonthTouches } from '../freeze/monthTouches';
import { refuseFinalizedMonths } from '../freeze/refuseFinalizedMonths';
import { RequestError } from '../requestError';
import { calendarDayDto } from '../calendar/calendarDayDto';
import { calendarOverrides } from './calendarMonthDays';

export interface CalendarDayChange {
  date: string;
  /** null: back to the shipped calendar (the override is removed). */
  workday: boolean | null;
  note?: string;
}

/** The file name a hand edit's batch shows in the import centre's history. */
export const HAND_EDIT_BATCH_NAME = '手工修改工作日历';

const describe = (workday: boolean) => (workday ? '工作日' : '休息日');

/**
 * Changes one day of the work calendar. calendar_days rows belong to import batches (so an
 * import can be undone), so a hand edit is written as a one-row batch of kind 'calendar' and
 * can be undone from the import centre like any import. A finalized month is refused: its
 * workdays are part of a result that must read the same forever. Every change is audited.
 */
export async function setCalendarDay(db: Kysely<Database>, change: CalendarDayChange, who: string, now: Date): Promise<void> {
  const month = change.date.slice(0, 7);
  let before;
  try {
    before = calendarDay(change.date, await calendarOverrides(db, month));
  } catch {
    throw new RequestError('invalid_argument', `「${change.date}」不是有效的日期`);
  }
  await refuseFinalizedMonths(db, new MonthTouches().add(month, change.date), '修改该月的工作日历');
  const note = change.note?.trim() || null;
  // Putting a day back writes the shipped calendar's value over the stored row, in a batch like
  // any other change: deleting the row would take an imported row out of its import batch
  // unrecorded, and neither this change nor that import could then be undone exactly.
  const stored = await db.selectFrom('calendar_days').select('id').where('date', '=', change.date).executeTakeFirst();
  const workday = change.workday ?? (stored ? calendarDay(change.date, []).workday : null);
  await transactClaimed(db, { scope: 'city', action: 'calendar', who }, async (trx) => {
    if (workday !== null) {
      const batchId = await insertImportBatch(trx, {
        file_name: HAND_EDIT_BATCH_NAME,
        sha256: createHash('sha256').update(`${change.date}|${String(change.workday)}|${note ?? ''}|${now.toISOString()}`).digest('hex'),
        kind: 'calendar',
        imported_at: now.toISOString(),
        imported_by: who,
      });
      const { outcome } = await upsertCalendarDay(trx, batchId, { date: change.date, workday: workday ? 1 : 0, note: change.workday === null ? null : note });
      await finishImportBatch(
        trx,
        batchId,
        {
          rows_total: 1,
          inserted: outcome === 'inserted' ? 1 : 0,
          updated: outcome === 'updated' ? 1 : 0,
          unchanged: outcome === 'unchanged' ? 1 : 0,
          rejected: 0,
          skipped: 0,
          unlinked: 0,
        },
        '[]',
        '[]',
      );
    }
    const after = calendarDay(change.date, await calendarOverrides(trx, month));
    await appendAudit(trx, {
      at: now.toISOString(),
      who,
      entity: 'calendar',
      entityId: change.date,
      field: 'workday',
      oldValue: `${describe(before.workday)}${calendarDayDto(before).overridden ? '（已修改）' : ''}`,
      newValue: change.workday === null ? `${describe(after.workday)}（恢复内置日历）` : describe(after.workday),
      reason: note,
    });
  });
}

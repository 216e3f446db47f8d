import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { FinalizedMonthError } from './finalizedMonthError';
import { MonthTouches } from './monthTouches';

/**
 * The one freeze check every write goes through: import, undo, calendar import and edit,
 * comments, adjustments, manual scores, scheme choice. Throws FinalizedMonthError, naming the
 * first finalized month and the rows that fall in it, when any month the write touches is 定稿;
 * returns quietly otherwise. Reopening the month (with a reason) is the only way in.
 *
 * Call it inside the write lock, before anything is written (or inside the write's transaction),
 * so that a finalize cannot slip in between the check and the write:
 *
 *   await refuseFinalizedMonths(store.db, ['2026-10'], '修改考评分数');
 *   await refuseFinalizedMonths(store.db, new MonthTouches().add('2026-10', '第 12 行'), '导入');
 *
 * `action` is what the user tried, in Chinese, read as "不能<action>".
 */
export async function refuseFinalizedMonths(
  db: Kysely<Database> | Transaction<Database>,
  touches: MonthTouches | Iterable<string>,
  action: string,
  /** Only this district's months (migration 0014: districts finalize independently); undefined: any district's. */
  districtId?: number | null,
): Promise<void> {
  const collected = touches instanceof MonthTouches ? touches : [...touches].reduce((t, m) => t.add(m), new MonthTouches());
  const months = collected.months();
  if (months.length === 0) return;
  const finals = await db
    .selectFrom('evaluations')
    .select(['month', 'finalized_at'])
    .where('status', '=', 'final')
    .where('month', 'in', months)
    .$if(districtId !== undefined, (q) => q.where('district_id', '=', districtId ?? 0))
    .orderBy('month')
    .execute();
  const first = finals[0];
  if (!first) return;
  const { shown, total } = collected.rowsOf(first.month);
  const others = finals.slice(1).map((f) => f.month);
  const rowsText = total === 0 ? '' : `（涉及${shown.join('、')}${total > shown.length ? ` 等 ${total} 处` : ''}）`;
  const othersText = others.length > 0 ? `另有已定稿月份：${others.join('、')}。` : '';
  const when = first.finalized_at ? `该月于 ${first.finalized_at.slice(0, 10)} 定稿，` : '';
  throw new FinalizedMonthError(
    first.month,
    shown,
    `${first.month} 已定稿，不能${action}${rowsText}。${othersText}${when}数据库没有任何改动；如需修改，请先在「考评」页重新打开该月并说明原因`,
  );
}

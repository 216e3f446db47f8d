import type { Kysely } from 'kysely';
import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import { DELETE_ORDER, TABLE_OF_KIND } from '../../db/kindTables';
import type { Database, ImportedTableName } from '../../db/schema';
import { batchRowsByMonth, feedsMonth, rowMonth } from '../../repositories/rowMonthRepository';
import { MonthTouches } from './monthTouches';

const MONTH_RE = /^\d{4}-\d{2}$/;

function tableLabel(table: string): string {
  if (table === 'assignments') return '线路分配';
  const kind = Object.entries(TABLE_OF_KIND).find(([, t]) => t === table)?.[0] as keyof typeof KIND_LABELS_ZH | undefined;
  return kind ? KIND_LABELS_ZH[kind] : table;
}

/** The month an old row (row_history's JSON) fed, read the same way as rowMonthRepository's SQL. */
function oldRowMonth(table: string, old: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (table === 'agreements' || table === 'assignments') return text(old.month);
  if (table === 'reports') {
    const period = text(old.period);
    return period && MONTH_RE.test(period) ? period : (text(old.submitted_on)?.slice(0, 7) ?? null);
  }
  return feedsMonth(table) ? (text(old.date)?.slice(0, 7) ?? null) : null;
}

/**
 * Every month undoing a batch would change: the months of the rows it inserted (they would be
 * deleted) and of the rows it updated, before and after (they would be put back).
 */
export async function batchMonths(db: Kysely<Database>, batchId: number): Promise<MonthTouches> {
  const touches = new MonthTouches();
  for (const table of new Set(DELETE_ORDER)) {
    for (const g of await batchRowsByMonth(db, table, batchId)) touches.add(g.month, `${tableLabel(table)} ${g.n} 行（#${g.first} 起）`);
  }
  const history = await db.selectFrom('row_history').select(['table_name', 'row_id', 'old_json']).where('batch_id', '=', batchId).execute();
  for (const h of history) {
    if (!feedsMonth(h.table_name)) continue;
    const label = `${tableLabel(h.table_name)} #${h.row_id}`;
    touches.add(oldRowMonth(h.table_name, JSON.parse(h.old_json) as Record<string, unknown>), label);
    const now = await rowMonth(db, h.table_name as ImportedTableName, h.row_id);
    if (now) touches.add(now.month, label);
  }
  return touches;
}

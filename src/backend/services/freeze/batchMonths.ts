import { sql, type Kysely } from 'kysely';
import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import { DELETE_ORDER, TABLE_OF_KIND } from '../../db/kindTables';
import { isPostgres } from '../../db/isPostgres';
import type { Database, ImportedTableName } from '../../db/schema';
import { MonthTouches } from './monthTouches';

/** The month a row of each imported table feeds; master data (managers, retailers, brands) has none. */
const MONTH_SQL: Partial<Record<ImportedTableName, string>> = {
  calendar_days: 'substr(date, 1, 7)',
  journals: 'substr(date, 1, 7)',
  attendance: 'substr(date, 1, 7)',
  surveys: 'substr(date, 1, 7)',
  orders: 'substr(date, 1, 7)',
  inspections: 'substr(date, 1, 7)',
  spotchecks: 'substr(date, 1, 7)',
  agreements: 'month',
  assignments: 'month',
  reports: "case when period glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' then period else substr(submitted_on, 1, 7) end",
};

const MONTH_RE = /^\d{4}-\d{2}$/;

/** PostgreSQL has no glob: the same test as a regular expression. */
function onDialect(db: Kysely<Database>, monthSql: string | undefined): string | undefined {
  if (monthSql === undefined || !isPostgres(db)) return monthSql;
  return monthSql.replace("period glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]'", () => "period ~ '^[0-9]{4}-[0-9]{2}$'");
}

function tableLabel(table: string): string {
  if (table === 'assignments') return '线路分配';
  const kind = Object.entries(TABLE_OF_KIND).find(([, t]) => t === table)?.[0] as keyof typeof KIND_LABELS_ZH | undefined;
  return kind ? KIND_LABELS_ZH[kind] : table;
}

/** The month an old row (row_history's JSON) fed, read the same way as MONTH_SQL. */
function oldRowMonth(table: string, old: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (table === 'agreements' || table === 'assignments') return text(old.month);
  if (table === 'reports') {
    const period = text(old.period);
    return period && MONTH_RE.test(period) ? period : (text(old.submitted_on)?.slice(0, 7) ?? null);
  }
  return MONTH_SQL[table as ImportedTableName] ? (text(old.date)?.slice(0, 7) ?? null) : null;
}

/**
 * Every month undoing a batch would change: the months of the rows it inserted (they would be
 * deleted) and of the rows it updated, before and after (they would be put back).
 */
export async function batchMonths(db: Kysely<Database>, batchId: number): Promise<MonthTouches> {
  const touches = new MonthTouches();
  const monthSqlOf = (table: ImportedTableName) => onDialect(db, MONTH_SQL[table]);
  for (const table of new Set(DELETE_ORDER)) {
    const monthSql = monthSqlOf(table);
    if (!monthSql) continue;
    const groups = await sql<{ month: string | null; first: number; n: number }>`
      select ${sql.raw(monthSql)} as month, min(id) as first, count(*) as n from ${sql.table(table)}
      where created_batch_id = ${batchId} group by 1`
      .execute(db)
      .then((r) => r.rows);
    for (const g of groups) touches.add(g.month, `${tableLabel(table)} ${g.n} 行（#${g.first} 起）`);
  }
  const history = await db.selectFrom('row_history').select(['table_name', 'row_id', 'old_json']).where('batch_id', '=', batchId).execute();
  for (const h of history) {
    const monthSql = monthSqlOf(h.table_name as ImportedTableName);
    if (!monthSql) continue;
    const label = `${tableLabel(h.table_name)} #${h.row_id}`;
    touches.add(oldRowMonth(h.table_name, JSON.parse(h.old_json) as Record<string, unknown>), label);
    const now = await sql<{ month: string | null }>`select ${sql.raw(monthSql)} as month from ${sql.table(h.table_name)} where id = ${h.row_id}`
      .execute(db)
      .then((r) => r.rows[0]);
    if (now) touches.add(now.month, label);
  }
  return touches;
}

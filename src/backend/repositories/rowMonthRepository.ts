import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from '../db/isPostgres';
import type { Database, ImportedTableName } from '../db/schema';

/** Where a row of each imported table says its month; master data (managers, retailers, brands) has none. */
const MONTH_SOURCE: Partial<Record<ImportedTableName, 'date' | 'month' | 'report'>> = {
  calendar_days: 'date',
  journals: 'date',
  attendance: 'date',
  surveys: 'date',
  orders: 'date',
  inspections: 'date',
  spotchecks: 'date',
  agreements: 'month',
  assignments: 'month',
  reports: 'report',
};

/** Whether rows of this table feed a month (rowMonthOf reads an old row's month the same way). */
export function feedsMonth(table: string): boolean {
  return MONTH_SOURCE[table as ImportedTableName] !== undefined;
}

/**
 * The month a row feeds, as SQL: the date's month; the month column; a report's period when it is
 * a month (yyyy-mm), else the month it was submitted in. PostgreSQL has no GLOB: the same test of
 * the period as a regular expression.
 */
function monthOf(table: ImportedTableName, db: Kysely<Database>): RawBuilder<string | null> | undefined {
  switch (MONTH_SOURCE[table]) {
    case 'date':
      return sql<string | null>`substr(date, 1, 7)`;
    case 'month':
      return sql<string | null>`month`;
    case 'report':
      return isPostgres(db)
        ? sql<string | null>`case when period ~ '^[0-9]{4}-[0-9]{2}$' then period else substr(submitted_on, 1, 7) end`
        : sql<string | null>`case when period glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' then period else substr(submitted_on, 1, 7) end`;
    default:
      return undefined;
  }
}

export interface BatchMonthRows {
  month: string | null;
  /** The batch's first row of the table in that month. */
  first: number;
  n: number;
}

/** The rows a batch inserted into a table, per month they feed (none for master data). */
export async function batchRowsByMonth(db: Kysely<Database>, table: ImportedTableName, batchId: number): Promise<BatchMonthRows[]> {
  const month = monthOf(table, db);
  if (!month) return [];
  return db
    .selectFrom(table)
    .select((eb) => [month.as('month'), eb.fn.min<number>('id').as('first'), eb.fn.countAll<number>().as('n')])
    .where('created_batch_id', '=', batchId)
    .groupBy(month)
    .execute();
}

/** The month one row feeds now; undefined when the row is gone or its table feeds no month. */
export async function rowMonth(db: Kysely<Database>, table: ImportedTableName, rowId: number): Promise<{ month: string | null } | undefined> {
  const month = monthOf(table, db);
  if (!month) return undefined;
  return db.selectFrom(table).select(month.as('month')).where('id', '=', rowId).executeTakeFirst();
}

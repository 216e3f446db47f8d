import type { Kysely } from 'kysely';

/**
 * Frozen: what the workbench needs. Saved column mappings (a supervisor's hand mapping, applied
 * again to next month's files with the same headers), and indexes for the data grids' paging,
 * sorting by date and the retailer detail's month lookups on tables of a million rows.
 * An index on (date) alone keeps (date, id) order, so "ORDER BY date, id" needs no sort.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('headers_json', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('orders_date').on('orders').column('date').execute();
  await db.schema.createIndex('orders_retailer_date').on('orders').columns(['retailer_id', 'date']).execute();
  await db.schema.createIndex('journals_retailer_date').on('journals').columns(['retailer_id', 'date']).execute();
  await db.schema.createIndex('attendance_retailer_date').on('attendance').columns(['retailer_id', 'date']).execute();
  await db.schema.createIndex('surveys_retailer').on('surveys').column('retailer_id').execute();
  await db.schema.createIndex('spotchecks_date').on('spotchecks').column('date').execute();
}

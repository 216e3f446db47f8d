import { type Kysely, sql } from 'kysely';

/**
 * Frozen: master data as history (a month reads what held in it).
 *
 * - `retailer_versions`, `brand_versions`, `manager_versions`: the fields a month's evaluation and
 *   report read from the retailer file (name, status), the brand list (重点品牌, 新品, 上市日期) and
 *   the roster (name, department, status), one row per entity and month a file spoke for. A month
 *   reads the latest version at or before it; a month before every version reads the version
 *   imported first. Imported rows like any other (batch columns), so an import stays undoable.
 *   Filled here from today's rows, each at the month its last batch spoke for: what was known
 *   before history was kept holds for every month up to the next file.
 * - `assignments.valid_from`: the day an assignment starts when it does not start on the 1st
 *   (a mid-month transfer); null means the first day of its month.
 * - Partial indexes over the rows kept unlinked (retailer or brand unknown at import).
 * - `report_freezes`: a finalized month's report inputs that are not in the snapshot (shop names
 *   and texts of the evidence, the managers' departments), frozen when the month is finalized, so
 *   that its report reproduces cell for cell later; deleted when the month is reopened.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const batchCols = (t: ReturnType<Kysely<any>['schema']['createTable']>) =>
    t
      .addColumn('created_batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'));

  await batchCols(
    db.schema
      .createTable('retailer_versions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('retailer_id', 'integer', (c) => c.notNull().references('retailers.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text'),
  ).execute();
  await db.schema.createIndex('retailer_versions_retailer').on('retailer_versions').columns(['retailer_id', 'month']).execute();

  await batchCols(
    db.schema
      .createTable('brand_versions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('key_brand', 'integer')
      .addColumn('new_brand', 'integer')
      .addColumn('launched_on', 'text'),
  ).execute();
  await db.schema.createIndex('brand_versions_brand').on('brand_versions').columns(['brand_id', 'month']).execute();

  await batchCols(
    db.schema
      .createTable('manager_versions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department', 'text')
      .addColumn('status', 'text'),
  ).execute();
  await db.schema.createIndex('manager_versions_manager').on('manager_versions').columns(['manager_id', 'month']).execute();

  await db.schema.alterTable('assignments').addColumn('valid_from', 'text').execute();

  await db.schema
    .createTable('report_freezes')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .execute();

  // Rows kept unlinked, found without reading whole tables when their retailer or brand arrives
  // (services/import/relinkRows): partial indexes, holding only the unlinked rows.
  for (const table of ['orders', 'journals', 'attendance', 'surveys', 'agreements', 'inspections']) {
    await sql`create index ${sql.raw(`${table}_unlinked_retailer`)} on ${sql.table(table)} (retailer_ref) where retailer_id is null`.execute(db);
  }
  await sql`create index orders_unlinked_brand on orders (brand_code) where brand_id is null`.execute(db);

  // The month a row's last batch spoke for: its as_of_month, else the month it was imported in.
  const monthOf = (alias: string) =>
    sql.raw(`(select coalesce(b.as_of_month, substr(b.imported_at, 1, 7)) from import_batches b where b.id = ${alias}.batch_id)`);
  await sql`insert into retailer_versions (nk, retailer_id, month, name, status, created_batch_id, batch_id)
    select r.licence || '|' || ${monthOf('r')}, r.id, ${monthOf('r')}, r.name, r.status, r.batch_id, r.batch_id from retailers r`.execute(db);
  await sql`insert into brand_versions (nk, brand_id, month, key_brand, new_brand, launched_on, created_batch_id, batch_id)
    select b0.code || '|' || ${monthOf('b0')}, b0.id, ${monthOf('b0')}, b0.key_brand, b0.new_brand, b0.launched_on, b0.batch_id, b0.batch_id from brands b0`.execute(db);
  await sql`insert into manager_versions (nk, manager_id, month, name, department, status, created_batch_id, batch_id)
    select m.code || '|' || ${monthOf('m')}, m.id, ${monthOf('m')}, m.name, m.department, m.status, m.batch_id, m.batch_id from managers m`.execute(db);
}

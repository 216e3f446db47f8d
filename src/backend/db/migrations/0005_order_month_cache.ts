import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a per-month cache of what a month evaluation reads from the orders table, which holds
 * millions of lines at city scale.
 *
 * - `order_month_cache`: one row per calendar month (YYYY-MM) whose cached facts are current:
 *   the import batches that order lines of that month carry (`batch_ids_json`, the snapshot's input
 *   batches), and whether `order_month_totals` holds that month's totals (`totals_ready`).
 * - `order_month_totals`: order lines summed per month × retailer × brand code, exactly as the
 *   evaluation used to sum them on every run.
 *
 * The cache is filled lazily by the evaluation (backend/repositories/orderMonthCache.ts), so the
 * migration itself backfills nothing: an empty cache means "every month is stale", which is the
 * correct state of an existing database, and it costs the migration nothing on a city database.
 * What changes order lines drops their months' rows: triggers for updates and deletes (an
 * import's updates, undo), the import itself for the lines it inserts (forgetOrderMonths at the
 * end of the batch: an AFTER INSERT trigger doubled the cost of inserting an order line). A
 * changed brand price (the totals fall back to the brand's prices) marks every month's totals
 * stale. The triggers are SQLite SQL and so live here; a PostgreSQL port needs the same four
 * triggers in PL/pgSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_month_cache')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('batch_ids_json', 'text', (c) => c.notNull())
    .addColumn('totals_ready', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('order_month_totals')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('retailer_id', 'integer', (c) => c.notNull())
    .addColumn('brand_code', 'text')
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('retail_value', 'real')
    .addColumn('wholesale_value', 'real')
    .execute();
  // A month's totals are read in (retailer, brand code) order straight off this index.
  await db.schema
    .createIndex('order_month_totals_key')
    .on('order_month_totals')
    .columns(['month', 'retailer_id', 'brand_code'])
    .execute();

  await sql`CREATE TRIGGER orders_month_cache_update AFTER UPDATE ON orders BEGIN
    DELETE FROM order_month_cache WHERE month IN (substr(OLD.date, 1, 7), substr(NEW.date, 1, 7));
  END`.execute(db);
  await sql`CREATE TRIGGER orders_month_cache_delete AFTER DELETE ON orders BEGIN
    DELETE FROM order_month_cache WHERE month = substr(OLD.date, 1, 7);
  END`.execute(db);
  await sql`CREATE TRIGGER brands_month_cache_update AFTER UPDATE OF retail_price, wholesale_price ON brands
    WHEN OLD.retail_price IS NOT NEW.retail_price OR OLD.wholesale_price IS NOT NEW.wholesale_price BEGIN
    UPDATE order_month_cache SET totals_ready = 0 WHERE totals_ready = 1;
  END`.execute(db);
  await sql`CREATE TRIGGER brands_month_cache_delete AFTER DELETE ON brands BEGIN
    UPDATE order_month_cache SET totals_ready = 0 WHERE totals_ready = 1;
  END`.execute(db);
}

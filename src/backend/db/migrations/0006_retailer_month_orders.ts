import { type Kysely } from 'kysely';

/**
 * Frozen: the order month cache of 0005 summed once more per month × retailer, as the month
 * evaluation reads it (RetailerMonthOrders). Summing a city month's million per-brand totals
 * per retailer took longer than all other loading together, on every evaluation.
 *
 * - `order_month_retailer_totals`: one row per month × retailer that has per-brand totals.
 * - `order_month_cache.retailer_totals_key`: which key and new brand codes the month's rows were
 *   summed with (NULL: not summed since the month's per-brand totals were last computed).
 *
 * No triggers of its own: whatever makes a month's per-brand totals stale (0005's triggers on
 * orders and brand prices, the importer's forgetOrderMonths) deletes the month's cache row or
 * recomputes its totals, which clears the key; a change of the key or new brand marks changes the
 * brand codes and so no longer matches the key. Nothing is backfilled: NULL means "sum on first use".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_month_cache').addColumn('retailer_totals_key', 'text').execute();
  await db.schema
    .createTable('order_month_retailer_totals')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('retailer_id', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('key_quantity', 'real')
    .addColumn('new_quantity', 'real')
    .addColumn('ordered_new', 'integer', (c) => c.notNull())
    .addColumn('margin_value', 'real')
    .addColumn('margin_retail_value', 'real')
    .execute();
  // A month's rows are read in retailer order straight off this index.
  await db.schema
    .createIndex('order_month_retailer_totals_key')
    .on('order_month_retailer_totals')
    .columns(['month', 'retailer_id'])
    .execute();
}

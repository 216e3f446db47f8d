import { type Kysely } from 'kysely';

/**
 * Frozen: the order month cache of 0005 summed once more per month × retailer, as the month
 * evaluation reads it (RetailerMonthOrders). Summing a city month's million per-brand totals per
 * retailer, and then reading 40,000 rows of sums back as objects, took longer than all other
 * loading together, on every evaluation.
 *
 * `order_month_retailer_totals`: one row per month, its retailers' sums packed in one blob
 * (backend/repositories/retailerTotalsBlob.ts), and the key and new brand codes they were summed
 * with (`brand_marks`). No triggers of its own: the per-brand totals a row was summed from are
 * only ever replaced by recomputing them (after 0005's triggers or the importer's
 * forgetOrderMonths marked them stale), and that deletes the month's row here; a change of the
 * key or new brand marks no longer matches `brand_marks`. Nothing is backfilled: a month without a
 * row is summed on first use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_month_retailer_totals')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('brand_marks', 'text', (c) => c.notNull())
    .addColumn('totals', 'blob', (c) => c.notNull())
    .execute();
}

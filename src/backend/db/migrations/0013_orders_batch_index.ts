import type { Kysely } from 'kysely';

/**
 * Frozen: an index on orders (batch_id, date), so that the import batches a month's order lines
 * carry (the order month cache of 0005, backend/repositories/orderMonthCache.ts) are found by
 * a few index probes per batch instead of reading every order line of the 13 months an
 * evaluation looks back on: the first evaluation after an orders import read millions of lines
 * for that alone at city scale. Building it on an existing city database sorts its order lines
 * once (seconds); an import pays one more index entry per inserted line.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_batch_date').on('orders').columns(['batch_id', 'date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_batch_date').execute();
}

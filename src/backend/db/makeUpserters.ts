import type { Store } from './openStore';
import { isPostgres } from './isPostgres';
import { postgresUpserters } from './postgres/postgresUpserters';
import type { Upserters } from './rowUpserter';
import { sqliteUpserters } from './sqlite/sqliteUpserters';

/**
 * An import batch's table writers for the store's dialect. `store` is the store seen from the
 * batch's transaction (storeOn): on PostgreSQL the rows are staged and copied in on its connection.
 */
export function makeUpserters(store: Store, batchId: number): Upserters {
  return isPostgres(store.db) ? postgresUpserters(store.db, batchId) : sqliteUpserters(store, batchId);
}

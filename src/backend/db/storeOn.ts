import type { Kysely } from 'kysely';
import type { Store } from './openStore';
import type { Database } from './schema';

/**
 * The store as seen from inside a transaction: the same store whose `db` is the transaction, so
 * that services handed a Store run their queries in it. On SQLite a query on the store's own `db`
 * would wait for the transaction to end (kysely hands the one connection to one holder at a time);
 * on PostgreSQL it would run on another connection and not see the transaction's rows.
 * Built with getters, never by spreading: the PostgreSQL store's `sqlite` getter throws.
 */
export function storeOn(store: Store, db: Kysely<Database>): Store {
  return {
    db,
    get sqlite() {
      return store.sqlite;
    },
    get path() {
      return store.path;
    },
    close: () => store.close(),
  };
}

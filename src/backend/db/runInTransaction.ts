import type { Store } from './openStore';

/**
 * One SQLite transaction around async work on the store's single connection. Kysely's own
 * transaction() would hand out a second connection object; better-sqlite3 is synchronous and
 * single-connection, so BEGIN/COMMIT on it is both simpler and the truth. Callers must not let
 * another writer use the store meanwhile (the services serialise writes).
 */
export async function runInTransaction<T>(store: Store, work: () => Promise<T>): Promise<T> {
  store.sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    store.sqlite.exec('COMMIT');
    return result;
  } catch (err) {
    if (store.sqlite.inTransaction) store.sqlite.exec('ROLLBACK');
    throw err;
  }
}

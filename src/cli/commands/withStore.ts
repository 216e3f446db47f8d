import { defaultDatabasePath } from '../../backend/db/defaultDatabasePath';
import type { Store } from '../../backend/db/openStore';
import { openStoreAt } from '../../backend/db/openStoreAt';

/** Opens the database named by --db (else $KAOPING_DB, else the app's file; a postgres:// URL is PostgreSQL), runs, closes. */
export async function withStore<T>(dbOption: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreAt(dbOption ?? defaultDatabasePath());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

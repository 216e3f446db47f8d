import { defaultDatabasePath } from '../../backend/db/defaultDatabasePath';
import { openStore, type Store } from '../../backend/db/openStore';

/** Opens the database named by --db (else $KAOPING_DB, else the app's file), runs, closes. */
export async function withStore<T>(dbOption: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbOption ?? defaultDatabasePath());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

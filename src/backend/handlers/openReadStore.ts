import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { StoreSqliteDialect } from '../db/sqlite/storeSqliteDialect';
import { isPostgres } from '../db/isPostgres';
import type { Store } from '../db/openStore';
import type { Database } from '../db/schema';

/**
 * A second, read-only connection for the screens' queries. An import holds a transaction on the
 * store's connection across awaits; reads on that same connection would see its uncommitted rows
 * (and then lose them if it is cancelled). In WAL mode this connection sees the last committed
 * state while the import runs. An in-memory database has no second connection: reads share it.
 */
export function openReadStore(store: Store): Store {
  if (store.path === ':memory:' || store.path === '') return { ...store, close: async () => undefined };
  // PostgreSQL: the pool's other connections already read the last committed state (the store
  // itself, not a copy: its close may run twice).
  if (isPostgres(store.db)) return store;
  const sqlite = new BetterSqlite3(store.path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new StoreSqliteDialect(sqlite) });
  return { db, sqlite, path: store.path, close: async () => db.destroy() };
}

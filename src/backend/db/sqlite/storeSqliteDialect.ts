import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type Kysely } from 'kysely';

/** What the adapter and the driver of one store share. */
interface StoreConnection {
  sqlite: BetterSqlite3.Database;
}

/** The adapter of a store's SQLite database: it carries the raw connection, which a transaction shares. */
class StoreSqliteAdapter extends SqliteAdapter {
  constructor(readonly connection: StoreConnection) {
    super();
  }
}

/**
 * kysely's SqliteDriver with the store's write-lock semantics: a transaction starts with
 * BEGIN IMMEDIATE (the write lock is taken at once, so two writers never both read and then one
 * fails to upgrade), and a rollback after SQLite has already rolled back itself (a full disk,
 * an interrupt) does not replace the first error with "no transaction is active".
 */
class StoreSqliteDriver extends SqliteDriver {
  constructor(private readonly shared: StoreConnection) {
    super({ database: shared.sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.shared.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/**
 * The dialect every SQLite store is opened with. kysely's SqliteDriver holds its one connection
 * behind a mutex for the whole of `db.transaction()`: work inside must use the transaction it is
 * given, never the store's db (that would wait for the transaction to end, forever).
 */
export class StoreSqliteDialect extends SqliteDialect {
  private readonly shared: StoreConnection;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.shared = { sqlite };
  }

  override createDriver(): Driver {
    return new StoreSqliteDriver(this.shared);
  }

  override createAdapter(): DialectAdapter {
    return new StoreSqliteAdapter(this.shared);
  }
}

/**
 * The raw better-sqlite3 connection under a kysely database or transaction opened with
 * StoreSqliteDialect; undefined on PostgreSQL (or another SQLite dialect). For the few hot paths
 * that read through prepared statements; everything else goes through kysely.
 */
export function sqliteOf<DB>(db: Kysely<DB>): BetterSqlite3.Database | undefined {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof StoreSqliteAdapter ? adapter.connection.sqlite : undefined;
}

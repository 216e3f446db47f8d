import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../migrations/migrationList';
import { StoreError, type Store } from '../openStore';
import type { Database } from '../schema';
import { redactStoreUrl } from '../storeLocation';
import { SqliteMigrationsOnPostgres } from './sqliteMigrationsOnPostgres';
import { SqliteNullOrder } from './sqliteNullOrder';
import { exposeClients } from './transactionClient';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * pg hands bigint and numeric back as strings (they may not fit a JS number). The store's integers
 * are SQLite's (counts, ids, sums of them): within 2^53 in any city, and the code reads them as
 * numbers, as better-sqlite3 gives them; a value beyond that range is an error, not a rounding.
 */
function parseWholeNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new Error(`数值 ${text} 超出了可精确表示的范围`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? parseWholeNumber : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens a PostgreSQL store: a pg Pool under kysely's PostgresDialect, the frozen migrations run on
 * it through SqliteMigrationsOnPostgres, NULLs ordered as SQLite orders them (SqliteNullOrder).
 * The result is a Store whose kysely code runs as on SQLite; what still needs better-sqlite3 (store.sqlite: prepared hot paths, backups, pragmas, the import's
 * transaction) stops with a clear StoreError instead (docs/postgres-plan.md lists each place).
 * No backup before migrating: a server's database is backed up by its administrator (pg_dump),
 * and PostgreSQL runs each migration in a transaction of its own.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const shown = redactStoreUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, types, connectionTimeoutMillis: 15_000 });
  exposeClients(pool);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new StoreError('unreachable', `无法连接 PostgreSQL 数据库（${shown}）：${err instanceof Error ? err.message : String(err)}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new SqliteNullOrder()] });
  let closed: Promise<void> | null = null;
  // `sqlite` is a getter that throws: never spread this store ({ ...store } would call it); it is
  // passed around as is (the HTTP host's read store is the store itself on PostgreSQL).
  const store: Store = {
    db,
    get sqlite(): never {
      throw new StoreError('sqlite_only', `这项操作目前只支持 SQLite 数据库文件，还不能用于 PostgreSQL（${shown}）。`);
    },
    path: shown,
    // Idempotent: the read store shares the pool, and both get closed.
    close: () => (closed ??= db.destroy()),
  };
  const migrator = new Migrator({ db: db.withPlugin(new SqliteMigrationsOnPostgres()), provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await store.close();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new StoreError('migration_failed', `数据库升级失败（${failed}）：${String(error)}`);
  }
  return store;
}

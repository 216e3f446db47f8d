import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { StoreSqliteDialect } from './sqlite/storeSqliteDialect';
import { migrationProvider } from './migrations/migrationList';
import type { Database } from './schema';
import { backupDatabase } from './sqlite/backupDatabase';

export interface Store {
  db: Kysely<Database>;
  /** The raw connection, for the few SQLite-only things (prepared hot-path statements, backups, pragmas). */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Take an online backup before pending migrations run on an existing database (default true). */
  backupBeforeMigrate?: boolean;
  now?: () => Date;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'network_path' | 'unreadable' | 'migration_failed' | 'unsupported_location' | 'unreachable' | 'sqlite_only',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** WAL cannot work over SMB: refuse UNC paths instead of risking the only copy of the data. */
export function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]/.test(file);
}

/**
 * A database location written as a URL (`scheme://…`, and `postgres:` without the slashes), never a
 * file name: two letters at least before `://`, so that a Windows drive (`C://data`) stays a path.
 */
export function isStoreUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(value) || /^postgres(ql)?:/i.test(value);
}

export async function openStore(file: string, opts: OpenStoreOptions = {}): Promise<Store> {
  // Opened as a file, a URL would become a SQLite file in a folder named "postgres:".
  if (isStoreUrl(file)) {
    throw new StoreError('unsupported_location', '数据库位置是一个网址而不是文件路径：这里只能打开本机的 SQLite 数据库文件（PostgreSQL 地址只用于命令行与 kaoping serve）。');
  }
  if (isNetworkPath(file)) {
    throw new StoreError(
      'network_path',
      `数据库不能放在网络共享目录（${file}）：SQLite 的 WAL 模式在网络盘上不可靠，可能损坏数据。请放在本机磁盘上。`,
    );
  }
  const existed = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // FULL: a committed import survives a power cut, not only a crashed process.
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new StoreSqliteDialect(sqlite) });
  const store: Store = {
    db,
    sqlite,
    path: file,
    close: async () => {
      await db.destroy();
    },
  };
  try {
    await migrate(store, existed && opts.backupBeforeMigrate !== false, opts.now ?? (() => new Date()));
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function migrate(store: Store, backupFirst: boolean, now: () => Date): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  if (backupFirst) {
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
    if (pending.length > 0) await backupDatabase(store.sqlite, store.path, 'pre-migration', now());
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new StoreError('migration_failed', `数据库升级失败（${failed}）：${String(error)}`);
  }
}

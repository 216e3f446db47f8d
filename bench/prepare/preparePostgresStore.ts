import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/backend/db/openStore';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { giveToPostgres, initPostgresData, startPostgresServer } from '../../tests/helpers/postgresCluster';
import { secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

/** The database the cached cluster holds the copied store in. */
export const BENCH_PG_DATABASE = 'kaoping';

/** A URL naming another database on the same server (the query keeps the socket folder). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A PostgreSQL data folder holding a SQLite store's rows (the city month), kept in the bench cache:
 * copying 9.5M order lines with their indexes and foreign keys takes many minutes, so it is done
 * once. The SQLite store is migrated first (the copy needs the same schema on both sides); the
 * server is stopped cleanly (`fast`) so the folder can be started again by later runs.
 */
export async function preparePostgresStore(params: TaskParams): Promise<TaskResult> {
  const sqliteFile = stringParam(params, 'db');
  const data = stringParam(params, 'dataDir');
  const binDir = stringParam(params, 'binDir');
  const started = performance.now();
  const migrated = await openStore(sqliteFile, { backupBeforeMigrate: false });
  await migrated.close();
  fs.rmSync(data, { recursive: true, force: true });
  initPostgresData(binDir, data);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-pg-'));
  giveToPostgres(socketDir);
  const server = await startPostgresServer(binDir, data, socketDir, path.join(socketDir, 'server.log'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database ${BENCH_PG_DATABASE}`);
    await admin.end();
    const url = withDatabase(server.url, BENCH_PG_DATABASE);
    const store = await openStoreAt(url);
    await store.close();
    const sqlite = new BetterSqlite3(sqliteFile, { readonly: true });
    let copied: Record<string, number>;
    try {
      copied = await copySqliteStoreToPostgres(sqlite, url);
    } finally {
      sqlite.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
    return { seconds: secondsSince(started), rows: Object.values(copied).reduce((n, r) => n + r, 0), orders: copied.orders ?? 0 };
  } finally {
    server.stop('fast');
    fs.rmSync(socketDir, { recursive: true, force: true });
  }
}

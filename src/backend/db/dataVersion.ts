import type BetterSqlite3 from 'better-sqlite3';

/**
 * A value that changes whenever the database's rows may have changed: total_changes() counts
 * the rows this connection inserted, updated or deleted (triggers included), PRAGMA data_version
 * moves when another connection commits. For caching what a query over the data returned.
 */
export function dataVersion(sqlite: BetterSqlite3.Database): string {
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

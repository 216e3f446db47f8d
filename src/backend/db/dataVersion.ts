import { sql } from 'kysely';
import { isPostgres } from './isPostgres';
import type { Store } from './openStore';

/**
 * A value that changes whenever the database's rows may have changed, for caching what a query
 * over the data returned. SQLite: total_changes() counts the rows this connection inserted,
 * updated or deleted (triggers included), PRAGMA data_version moves when another connection
 * commits. PostgreSQL: the server's current snapshot (xmin:xmax:in-progress ids) moves whenever a
 * writing transaction begins or ends (only writes are given transaction ids), on any connection;
 * it also moves for writes to other databases of the server, which only costs a cache miss.
 */
export async function dataVersion(store: Store): Promise<string> {
  if (isPostgres(store.db)) {
    const { rows } = await sql<{ v: string }>`select cast(txid_current_snapshot() as text) as v`.execute(store.db);
    return `pg:${rows[0]?.v ?? ''}`;
  }
  const { sqlite } = store;
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

import { isPostgres } from './isPostgres';
import type { Store } from './openStore';

let uncached = 0;

/**
 * A value that changes whenever the database's rows may have changed: total_changes() counts
 * the rows this connection inserted, updated or deleted (triggers included), PRAGMA data_version
 * moves when another connection commits. For caching what a query over the data returned.
 * PostgreSQL has no such counter across connections: there every call gives a new value, so
 * nothing is cached (until the write services keep a version row, docs/postgres-plan.md).
 */
export function dataVersion(store: Store): string {
  if (isPostgres(store.db)) return `uncached:${++uncached}`;
  const { sqlite } = store;
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

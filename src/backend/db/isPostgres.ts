import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Whether this kysely database (or transaction) runs on PostgreSQL: for the few statements whose
 * SQL differs by dialect (docs/postgres-plan.md). Read off the dialect's adapter, so a
 * transaction answers like the database it was opened on.
 */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './isPostgres';
import type { Database } from './schema';

/**
 * The highest id audit_log has ever handed out, deleted rows included (SQLite's AUTOINCREMENT
 * bookkeeping in sqlite_sequence; on PostgreSQL the audit_log_sequence table its insert trigger
 * keeps, backend/db/postgres/postgresTriggers.ts): a tail cut off the log leaves it above the last id.
 */
export async function auditSequence(db: Kysely<Database>): Promise<number> {
  const result = isPostgres(db)
    ? await sql<{ seq: number }>`select seq from audit_log_sequence`.execute(db)
    : await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  return Number(result.rows[0]?.seq ?? 0);
}

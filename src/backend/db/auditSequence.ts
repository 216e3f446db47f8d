import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The highest id audit_log has ever handed out, deleted rows included (SQLite's AUTOINCREMENT
 * bookkeeping): a tail cut off the log leaves it above the last id. SQLite-only, hence here.
 */
export async function auditSequence(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  return Number(result.rows[0]?.seq ?? 0);
}

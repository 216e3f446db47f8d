import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Months whose evaluation is finalized (定稿): their entries take no more comments. */
export async function finalizedMonths(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('evaluations').select('month').where('status', '=', 'final').execute();
  return new Set(rows.map((r) => r.month));
}

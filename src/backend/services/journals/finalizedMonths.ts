import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Months whose evaluation is finalized (定稿): their entries take no more comments. */
export async function finalizedMonths(db: Kysely<Database>, districtId?: number | null): Promise<Set<string>> {
  // districtId: that district's months (migration 0014: each district finalizes its own); undefined: any district's.
  const rows = await db
    .selectFrom('evaluations')
    .select('month')
    .where('status', '=', 'final')
    .$if(districtId !== undefined, (q) => q.where('district_id', '=', districtId ?? 0))
    .execute();
  return new Set(rows.map((r) => r.month));
}

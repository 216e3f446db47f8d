import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * How many retailers a manager serves in a month: each retailer's assignment that holds then
 * (the latest starting in or before the month; before its first one, the first one holds, as in
 * the evaluation), and for retailers without assignment rows, the manager named in their file;
 * none in a month wholly before the manager was hired or after they left.
 */
export async function countRetailersOfManager(db: Kysely<Database>, managerId: number, month: string): Promise<number> {
  const manager = await db.selectFrom('managers').select(['code', 'hired_on', 'left_on']).where('id', '=', managerId).executeTakeFirst();
  if (!manager) return 0;
  // As in the evaluation, nobody serves a shop outside their employment (入职日期 … 离职/调离日期).
  if ((manager.left_on !== null && manager.left_on < `${month}-01`) || (manager.hired_on !== null && manager.hired_on > `${month}-31`)) return 0;
  const rows = await db
    .selectFrom('assignments')
    .select(['retailer_id', 'month', 'manager_id'])
    .orderBy('retailer_id')
    .orderBy('month')
    .execute();
  const holding = new Map<number, number | null>();
  for (const row of rows) {
    // Ascending months: a later row in or before the month replaces the one before it.
    if (!holding.has(row.retailer_id) || row.month <= month) holding.set(row.retailer_id, row.manager_id);
  }
  let count = 0;
  for (const id of holding.values()) if (id === managerId) count += 1;
  const named = await db.selectFrom('retailers').select('id').where('manager_code', '=', manager.code).execute();
  for (const r of named) if (!holding.has(r.id)) count += 1;
  return count;
}

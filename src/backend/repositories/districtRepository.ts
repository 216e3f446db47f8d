import type { Kysely } from 'kysely';
import type { Database, ImportedTableName } from '../db/schema';

export interface District {
  id: number;
  name: string;
}

/** Every district, by id (the order they were created in). */
export async function listDistricts(db: Kysely<Database>): Promise<District[]> {
  return db.selectFrom('districts').select(['id', 'name']).orderBy('id').execute();
}

export async function findDistrictByName(db: Kysely<Database>, name: string): Promise<District | undefined> {
  return db.selectFrom('districts').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function createDistrict(db: Kysely<Database>, name: string, now: Date): Promise<District> {
  const row = await db.insertInto('districts').values({ name, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name };
}

/** Whether any manager belongs to the district (a district made by files that came before its roster has none). */
export async function districtHasManagers(db: Kysely<Database>, districtId: number): Promise<boolean> {
  return (await db.selectFrom('managers').select('id').where('district_id', '=', districtId).limit(1).executeTakeFirst()) !== undefined;
}

export async function renameDistrict(db: Kysely<Database>, districtId: number, name: string): Promise<void> {
  await db.updateTable('districts').set({ name }).where('id', '=', districtId).execute();
}

/** Puts the master rows a batch created into its district (they are inserted without one). */
export async function claimBatchMasterRows(db: Kysely<Database>, batchId: number, districtId: number): Promise<void> {
  await db.updateTable('managers').set({ district_id: districtId }).where('created_batch_id', '=', batchId).where('district_id', 'is', null).execute();
  await db.updateTable('retailers').set({ district_id: districtId }).where('created_batch_id', '=', batchId).where('district_id', 'is', null).execute();
  await db.updateTable('import_batches').set({ district_id: districtId }).where('id', '=', batchId).execute();
}

/** Master rows of other districts a batch changed: a file of one district must never touch them. */
export async function foreignRowsChangedBy(db: Kysely<Database>, batchId: number, districtId: number): Promise<{ managers: string[]; retailers: string[] }> {
  const managers = await db
    .selectFrom('managers')
    .select('code')
    .where('batch_id', '=', batchId)
    .where('district_id', 'is not', null)
    .where('district_id', '!=', districtId)
    .orderBy('code')
    .limit(6)
    .execute();
  const retailers = await db
    .selectFrom('retailers')
    .select('licence')
    .where('batch_id', '=', batchId)
    .where('district_id', 'is not', null)
    .where('district_id', '!=', districtId)
    .orderBy('licence')
    .limit(6)
    .execute();
  return { managers: managers.map((m) => m.code), retailers: retailers.map((r) => r.licence) };
}

/**
 * Rows of `table` this batch changed that another district's batch brought (their natural keys
 * are the city's: a 问卷编号 or an order line two districts both have): at most `limit` keys, and
 * the other district's name.
 */
export async function rowsOfOtherDistrictsChangedBy(
  db: Kysely<Database>,
  table: ImportedTableName,
  batchId: number,
  districtId: number,
  limit = 5,
): Promise<{ keys: string[]; district: string | null }> {
  const rows = await db
    .selectFrom(`${table} as t` as 'orders as t')
    .innerJoin('import_batches as b', 'b.id', 't.created_batch_id')
    .leftJoin('districts as d', 'd.id', 'b.district_id')
    .select(['t.nk', 'd.name'])
    .where('t.batch_id', '=', batchId)
    .where('b.district_id', 'is not', null)
    .where('b.district_id', '!=', districtId)
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return { keys: rows.map((r) => r.nk), district: rows[0]?.name ?? null };
}

/** The district of each of these manager codes that exists (codes are unique in the city). */
export async function districtsOfManagerCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('managers').select(['code', 'district_id']).where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.code, r.district_id);
  }
  return out;
}

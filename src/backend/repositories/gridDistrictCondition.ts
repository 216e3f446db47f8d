import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { GridKind } from '../../shared/api/dataApi';
import type { Database } from '../db/schema';
import { GRID_TABLES } from './gridTables';

/** How a grid's rows (alias t) reach their district (migration 0014). */
type DistrictPath = 'own' | 'manager' | 'retailer' | 'city';

const DISTRICT_PATHS: Record<GridKind, DistrictPath> = {
  managers: 'own',
  retailers: 'own',
  // Brands (and the calendar) are the city's: every district sees them.
  brands: 'city',
  journals: 'manager',
  attendance: 'manager',
  reports: 'manager',
  spotchecks: 'manager',
  surveys: 'retailer',
  orders: 'retailer',
  agreements: 'retailer',
  inspections: 'retailer',
};

/**
 * The rows of a grid that belong to one district: managers and retailers by their district; the
 * activity rows through their manager, else their retailer, and a row linked to neither by the
 * district of the batch that brought it. Null for the city's tables (no narrowing). `alias`: the
 * name the row's table goes by in the query (t in the grids' queries).
 */
export function gridDistrictCondition(kind: GridKind, districtId: number, alias = 't'): RawBuilder<SqlBool> | null {
  const managersOf = sql`(select m2.id from managers m2 where m2.district_id = ${districtId})`;
  const retailersOf = sql`(select r2.id from retailers r2 where r2.district_id = ${districtId})`;
  const batchesOf = sql`(select b2.id from import_batches b2 where b2.district_id = ${districtId})`;
  switch (DISTRICT_PATHS[kind]) {
    case 'own':
      return sql<SqlBool>`${sql.ref(`${alias}.district_id`)} = ${districtId}`;
    case 'manager':
      return sql<SqlBool>`${sql.ref(`${alias}.manager_id`)} in ${managersOf}`;
    case 'retailer':
      return sql<SqlBool>`(${sql.ref(`${alias}.retailer_id`)} in ${retailersOf} or (${sql.ref(`${alias}.retailer_id`)} is null and ${sql.ref(`${alias}.created_batch_id`)} in ${batchesOf}))`;
    case 'city':
      return null;
  }
}

/** Whether row `id` of a grid's table belongs to the district (a row of the city's tables always does). */
export async function gridRowInDistrict(db: Kysely<Database>, kind: GridKind, id: number, districtId: number): Promise<boolean> {
  const condition = gridDistrictCondition(kind, districtId);
  if (!condition) return true;
  const found = await sql<{ id: number }>`select t.id from ${sql.table(GRID_TABLES[kind].table)} t where t.id = ${id} and ${condition}`.execute(db);
  return found.rows.length > 0;
}

/** Which of `ids` (rows of a grid's table) belong to the district: every one for the city's tables. */
export async function idsInDistrict(db: Kysely<Database>, kind: GridKind, ids: readonly number[], districtId: number): Promise<Set<number>> {
  const condition = gridDistrictCondition(kind, districtId);
  if (!condition || ids.length === 0) return new Set(ids);
  const inside = new Set<number>();
  // Chunks well below the bound-parameter limits of both engines.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const found = await sql<{ id: number }>`select t.id from ${sql.table(GRID_TABLES[kind].table)} t where t.id in (${sql.join(chunk)}) and ${condition}`.execute(db);
    for (const row of found.rows) inside.add(Number(row.id));
  }
  return inside;
}

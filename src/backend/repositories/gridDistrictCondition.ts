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
 * district of the batch that brought it. Null for the city's tables (no narrowing).
 */
export function gridDistrictCondition(kind: GridKind, districtId: number): RawBuilder<SqlBool> | null {
  const managersOf = sql`(select m2.id from managers m2 where m2.district_id = ${districtId})`;
  const retailersOf = sql`(select r2.id from retailers r2 where r2.district_id = ${districtId})`;
  const batchesOf = sql`(select b2.id from import_batches b2 where b2.district_id = ${districtId})`;
  switch (DISTRICT_PATHS[kind]) {
    case 'own':
      return sql<SqlBool>`${sql.ref('t.district_id')} = ${districtId}`;
    case 'manager':
      return sql<SqlBool>`${sql.ref('t.manager_id')} in ${managersOf}`;
    case 'retailer':
      return sql<SqlBool>`(${sql.ref('t.retailer_id')} in ${retailersOf} or (${sql.ref('t.retailer_id')} is null and ${sql.ref('t.created_batch_id')} in ${batchesOf}))`;
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

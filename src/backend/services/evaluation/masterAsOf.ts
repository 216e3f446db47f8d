import type { Kysely } from 'kysely';
import { readRows } from '../../db/readRows';
import type { Database } from '../../db/schema';

/**
 * Of one entity's versions (what each master file said for a month), the one a month reads: the
 * latest at or before the month; for a month before every version, the version imported first
 * (the lowest id), so that a file for a later month, or one for an earlier month arriving late,
 * never changes what an earlier month already read.
 */
function pickVersion<T extends { id: number; month: string }>(versions: readonly T[], month: string): T | undefined {
  let atOrBefore: T | undefined;
  let first: T | undefined;
  for (const v of versions) {
    if (v.month <= month && (!atOrBefore || v.month > atOrBefore.month)) atOrBefore = v;
    if (!first || v.id < first.id) first = v;
  }
  return atOrBefore ?? first;
}

function byEntity<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

export interface RetailerAsOf {
  name: string;
  status: string | null;
  batchId: number;
}

/** The name and status each retailer had in `month`, by retailer id (retailers without versions are absent). */
export async function retailersAsOf(db: Kysely<Database>, month: string): Promise<Map<number, RetailerAsOf>> {
  const rows = await readRows(
    db,
    db.selectFrom('retailer_versions').select(['id', 'retailer_id', 'month', 'name', 'status', 'batch_id']),
  );
  const out = new Map<number, RetailerAsOf>();
  for (const [id, versions] of byEntity(rows, (r) => r.retailer_id)) {
    const v = pickVersion(versions, month);
    if (v) out.set(id, { name: v.name, status: v.status, batchId: v.batch_id });
  }
  return out;
}

export interface BrandAsOf {
  keyBrand: boolean;
  newBrand: boolean;
  launchedOn: string | null;
  batchId: number;
}

/** Each brand's marks in `month`, by brand id. */
export async function brandsAsOf(db: Kysely<Database>, month: string): Promise<Map<number, BrandAsOf>> {
  const rows = await db
    .selectFrom('brand_versions')
    .select(['id', 'brand_id', 'month', 'key_brand', 'new_brand', 'launched_on', 'batch_id'])
    .execute();
  const out = new Map<number, BrandAsOf>();
  for (const [id, versions] of byEntity(rows, (r) => r.brand_id)) {
    const v = pickVersion(versions, month);
    if (v) out.set(id, { keyBrand: v.key_brand === 1, newBrand: v.new_brand === 1, launchedOn: v.launched_on, batchId: v.batch_id });
  }
  return out;
}

export interface ManagerAsOf {
  name: string;
  department: string | null;
  status: string | null;
  batchId: number;
}

/** Each manager's name, department and status in `month`, by manager id. */
export async function managersAsOf(db: Kysely<Database>, month: string): Promise<Map<number, ManagerAsOf>> {
  const rows = await db
    .selectFrom('manager_versions')
    .select(['id', 'manager_id', 'month', 'name', 'department', 'status', 'batch_id'])
    .execute();
  const out = new Map<number, ManagerAsOf>();
  for (const [id, versions] of byEntity(rows, (r) => r.manager_id)) {
    const v = pickVersion(versions, month);
    if (v) out.set(id, { name: v.name, department: v.department, status: v.status, batchId: v.batch_id });
  }
  return out;
}

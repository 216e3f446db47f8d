import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { RequestError } from '../requestError';
import { resolveDistrict, type DistrictChoice } from './resolveDistrict';

/** Something a request names that lives in one district. */
export type DistrictRef =
  | { managerCode: string }
  | { managerId: number }
  | { retailerId: number }
  | { batchId: number }
  | { districtId: number };

/** The district a thing belongs to; undefined when the thing does not exist, null when it has none. */
export async function districtOf(db: Kysely<Database>, ref: DistrictRef): Promise<number | null | undefined> {
  if ('districtId' in ref) return ref.districtId;
  if ('managerCode' in ref) return (await db.selectFrom('managers').select('district_id').where('code', '=', ref.managerCode).executeTakeFirst())?.district_id;
  if ('managerId' in ref) return (await db.selectFrom('managers').select('district_id').where('id', '=', ref.managerId).executeTakeFirst())?.district_id;
  if ('retailerId' in ref) return (await db.selectFrom('retailers').select('district_id').where('id', '=', ref.retailerId).executeTakeFirst())?.district_id;
  return (await db.selectFrom('import_batches').select('district_id').where('id', '=', ref.batchId).executeTakeFirst())?.district_id;
}

/**
 * Refuses (RequestError 'other_district') when the thing a request names belongs to another
 * district than the caller's. For the server's accounts (a supervisor works in their district
 * only): call it in the handler with the account's district before acting on ids the request
 * names. A thing that does not exist passes (the service then says it is missing).
 */
export async function assertInDistrict(db: Kysely<Database>, districtId: number, ref: DistrictRef): Promise<void> {
  const owner = await districtOf(db, ref);
  if (owner === undefined || owner === null || owner === districtId) return;
  throw new RequestError('other_district', '这条数据属于另一个营销部，不能查看或修改');
}

/**
 * The district a request works on: the account's own district when it has one (a supervisor;
 * a choice of another district is refused), else the district the request names, else the
 * store's only district. Null: the store has no district yet.
 */
export async function districtOfRequest(
  db: Kysely<Database>,
  request: { accountDistrictId?: number | null; district?: DistrictChoice | null },
): Promise<number | null> {
  if (request.accountDistrictId !== undefined && request.accountDistrictId !== null) {
    if (request.district !== undefined && request.district !== null && request.district !== '') {
      const asked = await resolveDistrict(db, request.district);
      if (asked !== request.accountDistrictId) throw new RequestError('other_district', '只能查看和修改本营销部的数据');
    }
    return request.accountDistrictId;
  }
  return resolveDistrict(db, request.district);
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findDistrictByName } from '../repositories/districtRepository';
import { currentCaller } from '../services/accounts/callerScope';
import { districtOfRequest } from '../services/districts/districtScope';
import { resolveDistrict } from '../services/districts/resolveDistrict';
import { RequestError } from '../services/requestError';

/**
 * The district a call works in, as the id the services take:
 * - a supervisor's call (a city server's account with a district): the account's district; a
 *   choice of another district is refused, and so is a district the store does not hold yet;
 * - else the district the argument names (a reviewer or admin choosing one), resolved by name;
 * - else undefined: the service resolves the store's only district, as on the desktop (and
 *   answers 「请指明营销部」 in a store with several).
 */
export async function callerDistrictId(db: Kysely<Database>, choice?: string | null): Promise<number | undefined> {
  const own = currentCaller()?.district;
  if (own) {
    const found = await findDistrictByName(db, own);
    if (!found) throw new RequestError('unknown_district', `本库还没有「${own}」的数据：请先导入本营销部的花名册`);
    return (await districtOfRequest(db, { accountDistrictId: found.id, district: choice ?? null })) ?? undefined;
  }
  if (choice === undefined || choice === null || choice.trim() === '') return undefined;
  return (await resolveDistrict(db, choice)) ?? undefined;
}

/** The district name an import goes into: the supervisor's own (their account's), else the one chosen. */
export function callerImportDistrict(choice: string | undefined): string | undefined {
  return currentCaller()?.district ?? choice;
}

/** No district has this id (ids start at 1): a supervisor whose district the store lacks sees no rows. */
const NO_DISTRICT = 0;

/** The district a grid narrows to: a supervisor's own (none of the rows when the store lacks it), else none (every row). */
export async function callerGridDistrictId(db: Kysely<Database>): Promise<number | undefined> {
  const own = currentCaller()?.district;
  if (!own) return undefined;
  return (await findDistrictByName(db, own))?.id ?? NO_DISTRICT;
}

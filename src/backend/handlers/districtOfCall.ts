import type { Kysely } from 'kysely';
import type { ApiName } from '../../shared/api/kaopingApi';
import type { Database } from '../db/schema';

/**
 * Which districts (营销部, by name) a call's argument reaches: the rows its ids name (a batch, a
 * month's managers, a journal entry …). 'unknown' when the store cannot tell.
 */
export type DistrictClaim = 'unknown' | { readonly districts: readonly string[] };

/**
 * The seam between roles and districts (issue 18 point 3), kept to this one function: the access
 * policy (methodAccess.ts) asks it for every write a supervisor makes, and refuses the write when
 * the claim names a district other than the supervisor's own.
 *
 * Today no row carries a district, so every claim is 'unknown' and a supervisor's write passes.
 * When rows carry districts (migration 0014, a parallel change), this function resolves the ids
 * of each writing method's argument to their districts: `{ districts: [...] }` with every
 * district named (a month-wide write such as evaluation.run or finalize names the supervisor's
 * own district by construction). It must fail closed: an id it cannot resolve on a store with
 * districts counts as a foreign district (return `{ districts: ['?'] }`), and 'unknown' is for a
 * store without districts only.
 */
export type DistrictOfCall = (name: ApiName, arg: unknown, db: Kysely<Database>) => Promise<DistrictClaim>;

export const districtOfCall: DistrictOfCall = async () => 'unknown';

import type { Kysely } from 'kysely';
import type { ApiName } from '../../shared/api/kaopingApi';
import type { Database } from '../db/schema';
import { listDistricts } from '../repositories/districtRepository';
import { districtOf, type DistrictRef } from '../services/districts/districtScope';

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
 * It resolves the ids each writing method's argument names to their districts (a manager by
 * code, a batch, a journal entry or report through its manager), plus the district the argument
 * chooses by name. A month-wide write (evaluation.run, finalize, an import without a choice)
 * names no id: it runs in the supervisor's own district by construction (callerDistrict.ts).
 * Fail closed: an id that resolves to nothing (missing, or a row without a district) on a store
 * with districts counts as a foreign district ('?'); 'unknown' is for a store without districts.
 */
export type DistrictOfCall = (name: ApiName, arg: unknown, db: Kysely<Database>) => Promise<DistrictClaim>;

/** A district the store cannot tell: counts as another district (fail closed). */
export const UNRESOLVED_DISTRICT = '?';

async function refsOf(name: ApiName, arg: Record<string, unknown>, db: Kysely<Database>): Promise<DistrictRef[]> {
  switch (name) {
    case 'evaluation.adjust':
    case 'evaluation.undoAdjustment':
    case 'evaluation.setManualScore':
      return [{ managerCode: String(arg.managerCode ?? '') }];
    case 'import.undo':
      return [{ batchId: Number(arg.batchId) }];
    case 'journals.comment': {
      const table = arg.kind === 'reports' ? 'reports' : 'journals';
      const row = await db.selectFrom(table).select('manager_id').where('id', '=', Number(arg.entryId)).executeTakeFirst();
      return [row ? { managerId: row.manager_id } : { managerId: -1 }];
    }
    default:
      return [];
  }
}

export const districtOfCall: DistrictOfCall = async (name, arg, db) => {
  const districts = await listDistricts(db);
  if (districts.length === 0) return 'unknown';
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
  const named: string[] = [];
  if (typeof a.district === 'string' && a.district.trim() !== '') named.push(a.district.trim());
  for (const ref of await refsOf(name, a, db)) {
    const id = await districtOf(db, ref);
    named.push(districts.find((d) => d.id === id)?.name ?? UNRESOLVED_DISTRICT);
  }
  return { districts: named };
};

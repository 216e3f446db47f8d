import { localDate } from '../../core/calendar/dates';
import { attendanceMonth } from '../services/scorecard/attendanceMonth';
import { evidenceDtos } from '../services/scorecard/evidenceDtos';
import { managerScorecard } from '../services/scorecard/managerScorecard';
import type { EvidenceRefDto } from '../../shared/api/evaluationApi';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { idsInDistrict } from '../repositories/gridDistrictCondition';
import { assertInDistrict, districtOf } from '../services/districts/districtScope';
import { callerDistrictId, callerGridDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { reads, type Methods } from './methodPolicies';

type Names = 'evaluation.scorecard' | 'evaluation.evidence' | 'evaluation.attendance';

/** The refs whose rows belong to the district (the calendar is the city's: always). */
async function refsInDistrict(db: Kysely<Database>, refs: readonly EvidenceRefDto[], districtId: number): Promise<EvidenceRefDto[]> {
  const kept = new Set<string>();
  for (const kind of new Set(refs.map((r) => r.kind))) {
    if (kind === 'calendar') {
      for (const r of refs) if (r.kind === kind) kept.add(`${kind}#${r.id}`);
      continue;
    }
    const inside = await idsInDistrict(db, kind, refs.filter((r) => r.kind === kind).map((r) => r.id), districtId);
    for (const id of inside) kept.add(`${kind}#${id}`);
  }
  return refs.filter((r) => kept.has(`${r.kind}#${r.id}`));
}

/**
 * The 考评卡's queries; all read through the read-only connection. A supervisor's (an account with
 * a district) read their own district's rows only: evidence of another district is left out (as
 * a row that no longer exists is), a manager of another district is refused.
 */
export function scorecardHandlers(env: HandlerEnv): Pick<Methods, Names> {
  const store = env.reader;
  return {
    'evaluation.scorecard': reads(async ({ month, managerCode, district }) =>
      // A supervisor's own district, else the one named, else the manager's (codes are the store's, one district each).
      managerScorecard(store, month, managerCode, (await callerDistrictId(store.db, district)) ?? (await districtOf(store.db, { managerCode })) ?? undefined),
    ),
    'evaluation.evidence': reads(async ({ refs }) => {
      const own = await callerGridDistrictId(store.db);
      return evidenceDtos(store, own === undefined ? refs : await refsInDistrict(store.db, refs, own));
    }),
    'evaluation.attendance': reads(async ({ month, managerCode }) => {
      const own = await callerGridDistrictId(store.db);
      if (own !== undefined) await assertInDistrict(store.db, own, { managerCode });
      return attendanceMonth(store, month, managerCode, localDate(env.now()));
    }),
  };
}

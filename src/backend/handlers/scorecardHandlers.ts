import { localDate } from '../../core/calendar/dates';
import { attendanceMonth } from '../services/scorecard/attendanceMonth';
import { evidenceDtos } from '../services/scorecard/evidenceDtos';
import { managerScorecard } from '../services/scorecard/managerScorecard';
import { districtOf } from '../services/districts/districtScope';
import { callerDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { reads, type Methods } from './methodPolicies';

type Names = 'evaluation.scorecard' | 'evaluation.evidence' | 'evaluation.attendance';

/** The 考评卡's queries; all read through the read-only connection. */
export function scorecardHandlers(env: HandlerEnv): Pick<Methods, Names> {
  const store = env.reader;
  return {
    'evaluation.scorecard': reads(async ({ month, managerCode, district }) =>
      // A supervisor's own district, else the one named, else the manager's (codes are the store's, one district each).
      managerScorecard(store, month, managerCode, (await callerDistrictId(store.db, district)) ?? (await districtOf(store.db, { managerCode })) ?? undefined),
    ),
    'evaluation.evidence': reads(async ({ refs }) => evidenceDtos(store, refs)),
    'evaluation.attendance': reads(async ({ month, managerCode }) => attendanceMonth(store, month, managerCode, localDate(env.now()))),
  };
}

import { actingName } from '../services/app/supervisor';
import { adjustDimension, finalizeMonth, reopenMonth, type Actor } from '../services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../services/evaluation/evaluateStoredMonth';
import { setManualScore } from '../services/evaluation/manualScores';
import { managerScorecard } from '../services/scorecard/managerScorecard';
import { toMonthEvaluationDto } from '../services/evaluation/monthEvaluationDto';
import { readMonthSnapshot } from '../services/evaluation/monthSnapshot';
import { callerDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { job, reads, writes, type Methods } from './methodPolicies';
import { undoLastAdjustment } from '../services/evaluation/undoLastAdjustment';

type Names =
  | 'evaluation.get'
  | 'evaluation.run'
  | 'evaluation.adjust'
  | 'evaluation.undoAdjustment'
  | 'evaluation.finalize'
  | 'evaluation.reopen'
  | 'evaluation.setManualScore';

/**
 * The 考评 screen's month: read from the read-only connection; running, adjusting, 定稿 and
 * reopening write under the write lock, each change recorded with who and when.
 */
export function evaluationHandlers(env: HandlerEnv): Pick<Methods, Names> {
  const { store } = env;
  // Signed with the supervisor's name (设置 › 常规), never the OS account.
  const actor = async (): Promise<Actor> => ({ who: await actingName(store.db), now: env.now() });
  // The district each call works in: a supervisor's own on a city server, else the one named, else the store's only one.
  const district = (choice?: string) => callerDistrictId(store.db, choice);
  // Spread into a service's request only when set, so that the desktop's calls stay as they were.
  const inDistrict = async (choice?: string) => {
    const districtId = await district(choice);
    return districtId === undefined ? {} : { districtId };
  };

  return {
    'evaluation.get': reads(async ({ month, district: choice }) => {
      const snapshot = await readMonthSnapshot(env.reader.db, month, await callerDistrictId(env.reader.db, choice));
      return snapshot ? toMonthEvaluationDto(snapshot) : null;
    }),

    'evaluation.run': job(
      writes(async ({ month, jobId, schemeName }, ctx) =>
        toMonthEvaluationDto(
          await evaluateStoredMonth(store, month, {
            ...(await inDistrict()),
            schemeName,
            now: env.now(),
            onStep: (p) => ctx.emit('job.progress', { jobId, ...p }),
          }),
        ),
      ),
    ),

    'evaluation.adjust': writes(async (arg) => toMonthEvaluationDto(await adjustDimension(store, { ...arg, ...(await inDistrict()) }, await actor()))),

    'evaluation.undoAdjustment': writes(async (arg) => toMonthEvaluationDto(await undoLastAdjustment(store, { ...arg, ...(await inDistrict()) }, await actor()))),

    'evaluation.setManualScore': writes(async (arg) => {
      const scope = await inDistrict();
      await setManualScore(store.db, { ...arg, ...scope }, await actor());
      return managerScorecard(store, arg.month, arg.managerCode, scope.districtId);
    }),

    'evaluation.finalize': writes(async ({ month }) => toMonthEvaluationDto(await finalizeMonth(store, month, await actor(), await district()))),

    'evaluation.reopen': writes(async ({ month, reason }) => toMonthEvaluationDto(await reopenMonth(store, month, reason, await actor(), await district()))),
  };
}

import { actingName } from '../services/app/supervisor';
import { adjustDimension, finalizeMonth, reopenMonth, type Actor } from '../services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../services/evaluation/evaluateStoredMonth';
import { setManualScore } from '../services/evaluation/manualScores';
import { managerScorecard } from '../services/scorecard/managerScorecard';
import { toMonthEvaluationDto } from '../services/evaluation/monthEvaluationDto';
import { readMonthSnapshot } from '../services/evaluation/monthSnapshot';
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

  return {
    'evaluation.get': reads(async ({ month }) => {
      const snapshot = await readMonthSnapshot(env.reader.db, month);
      return snapshot ? toMonthEvaluationDto(snapshot) : null;
    }),

    'evaluation.run': job(
      writes(async ({ month, jobId, schemeName }, ctx) =>
        toMonthEvaluationDto(
          await evaluateStoredMonth(store, month, {
            schemeName,
            now: env.now(),
            onStep: (p) => ctx.emit('job.progress', { jobId, ...p }),
          }),
        ),
      ),
    ),

    'evaluation.adjust': writes(async (arg) => toMonthEvaluationDto(await adjustDimension(store, arg, await actor()))),

    'evaluation.undoAdjustment': writes(async (arg) => toMonthEvaluationDto(await undoLastAdjustment(store, arg, await actor()))),

    'evaluation.setManualScore': writes(async (arg) => {
      await setManualScore(store, arg, await actor());
      return managerScorecard(store, arg.month, arg.managerCode);
    }),

    'evaluation.finalize': writes(async ({ month }) => toMonthEvaluationDto(await finalizeMonth(store, month, await actor()))),

    'evaluation.reopen': writes(async ({ month, reason }) => toMonthEvaluationDto(await reopenMonth(store, month, reason, await actor()))),
  };
}

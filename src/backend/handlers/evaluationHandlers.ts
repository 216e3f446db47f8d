import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { currentUser } from '../services/app/currentUser';
import { adjustDimension, finalizeMonth, reopenMonth, type Actor } from '../services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../services/evaluation/evaluateStoredMonth';
import { toMonthEvaluationDto } from '../services/evaluation/monthEvaluationDto';
import { readMonthSnapshot } from '../services/evaluation/monthSnapshot';
import type { HandlerEnv } from './handlerDeps';
import { runJob } from './runJob';
import { undoLastAdjustment } from '../services/evaluation/undoLastAdjustment';

type Names = 'evaluation.get' | 'evaluation.run' | 'evaluation.adjust' | 'evaluation.undoAdjustment' | 'evaluation.finalize' | 'evaluation.reopen';

/**
 * The 考评 screen's month: read from the read-only connection; running, adjusting, 定稿 and
 * reopening write under the write lock, each change recorded with who and when.
 */
export function evaluationHandlers(env: HandlerEnv): Pick<KaopingHandlers, Names> {
  const { store } = env;
  const actor = (): Actor => ({ who: currentUser(), now: env.now() });

  return {
    'evaluation.get': async ({ month }) => {
      const snapshot = await readMonthSnapshot(env.reader, month);
      return snapshot ? toMonthEvaluationDto(snapshot) : null;
    },

    'evaluation.run': async ({ month, jobId, schemeName }, ctx) =>
      runJob(env, ctx, jobId, async () =>
        toMonthEvaluationDto(
          await evaluateStoredMonth(store, month, {
            schemeName,
            now: env.now(),
            onStep: (p) => ctx.emit('job.progress', { jobId, ...p }),
          }),
        ),
      ),

    'evaluation.adjust': async (arg) =>
      env.writeLock.run(async () => toMonthEvaluationDto(await adjustDimension(store, arg, actor()))),

    'evaluation.undoAdjustment': async (arg) =>
      env.writeLock.run(async () => toMonthEvaluationDto(await undoLastAdjustment(store, arg, actor()))),

    'evaluation.finalize': async ({ month }) => env.writeLock.run(async () => toMonthEvaluationDto(await finalizeMonth(store, month, actor()))),

    'evaluation.reopen': async ({ month, reason }) =>
      env.writeLock.run(async () => toMonthEvaluationDto(await reopenMonth(store, month, reason, actor()))),
  };
}

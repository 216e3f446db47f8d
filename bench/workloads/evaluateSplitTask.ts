import { openStore } from '../../src/backend/db/openStore';
import { transact } from '../../src/backend/db/transact';
import { ensureDefaultScheme } from '../../src/backend/repositories/schemeRepository';
import { resolveDistrict } from '../../src/backend/services/districts/resolveDistrict';
import { monthWorkdays } from '../../src/backend/services/evaluation/evaluateStoredMonth';
import { readJournalCopyCache } from '../../src/backend/services/evaluation/journalCopyCache';
import { loadEvaluationInput } from '../../src/backend/services/evaluation/loadEvaluationInput';
import { readMonthSnapshot, writeMonthSnapshot } from '../../src/backend/services/evaluation/monthSnapshot';
import { evaluateMonth } from '../../src/core/measures/evaluateMonth';
import { BENCH_NOW } from '../benchClock';
import { secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

/**
 * evaluateStoredMonth's steps replayed with a clock between them, in a process of their own:
 * load (workdays + loadEvaluationInput), compute (evaluateMonth, with the month's kept copy
 * findings), store (write the snapshot and read it back, as evaluateStoredMonth does). The
 * end-to-end figure comes from the real call.
 */
export async function evaluateSplitTask(params: TaskParams): Promise<TaskResult> {
  const month = stringParam(params, 'month');
  const store = await openStore(stringParam(params, 'db'), { backupBeforeMigrate: false });
  try {
    const scheme = await ensureDefaultScheme(store.db, BENCH_NOW);
    const loadStarted = performance.now();
    const workdays = await monthWorkdays(store, month);
    const { input, batchIds } = await loadEvaluationInput(store, month, workdays);
    const loadSeconds = secondsSince(loadStarted);
    const computeStarted = performance.now();
    // The month's kept copy findings, as evaluateStoredMonth reads and keeps them.
    const districtId = await resolveDistrict(store.db);
    if (districtId === null) throw new Error('the bench store has no district');
    const journalCopyCache = await readJournalCopyCache(store.db, month, districtId);
    const evaluation = evaluateMonth(input, scheme.scheme, { journalCopyCache });
    const computeSeconds = secondsSince(computeStarted);
    const storeStarted = performance.now();
    await transact(store.db, async (trx) => {
      await writeMonthSnapshot(trx, month, scheme.id, evaluation, batchIds, BENCH_NOW);
      await journalCopyCache.save(trx);
    });
    await readMonthSnapshot(store.db, month);
    const storeSeconds = secondsSince(storeStarted);
    return {
      loadSeconds,
      computeSeconds,
      storeSeconds,
      managers: evaluation.managers.length,
      retailers: input.retailers.length,
      retailerOrders: input.retailerOrders?.length ?? 0,
      punches: input.punches.length,
      journals: input.journals.length,
    };
  } finally {
    await store.close();
  }
}

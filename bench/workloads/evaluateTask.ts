import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { evaluateStoredMonth } from '../../src/backend/services/evaluation/evaluateStoredMonth';
import { BENCH_NOW } from '../benchClock';
import { optionalStringParam, startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

/**
 * evaluateStoredMonth end to end: load from the store (a SQLite file or a postgres:// URL), compute, store the snapshot (and read it back).
 * `orderCache: 'cold'` empties the order month cache first (untimed), as after importing every
 * month's orders: the evaluation then sums the order lines of the months it needs itself.
 */
export async function evaluateTask(params: TaskParams): Promise<TaskResult> {
  const store = await openStoreAt(stringParam(params, 'db'), { backupBeforeMigrate: false });
  try {
    if (optionalStringParam(params, 'orderCache') === 'cold') await store.db.deleteFrom('order_month_cache').execute();
    const clock = startClock();
    const snapshot = await evaluateStoredMonth(store, stringParam(params, 'month'), { now: BENCH_NOW });
    const seconds = clock.seconds();
    const cpuSeconds = clock.cpuSeconds();
    const flags = snapshot.evaluation.managers.reduce((n, m) => n + m.flags.length, 0);
    return { seconds, cpuSeconds, managers: snapshot.evaluation.managers.length, flags };
  } finally {
    await store.close();
  }
}

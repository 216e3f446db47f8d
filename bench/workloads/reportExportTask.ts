import { existsSync, statSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '../../src/backend/db/openStore';
import { evaluateStoredMonth } from '../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../src/backend/services/evaluation/monthSnapshot';
import { BENCH_NOW } from '../benchClock';
import { startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { projectRoot } from '../runChild';

type ExportMonthReport = (store: Store, month: string, outPath: string, opts: { now: Date }) => Promise<unknown>;

/** Where the report export lives once it is finished (it is being written alongside the bench). */
export const EXPORT_MODULE = path.join(projectRoot, 'src/backend/services/report/exportMonthReport.ts');

function hasExporter(value: unknown): value is { exportMonthReport: ExportMonthReport } {
  return typeof value === 'object' && value !== null && typeof (value as { exportMonthReport?: unknown }).exportMonthReport === 'function';
}

/**
 * exportMonthReport for an evaluated month (evaluated first, untimed, when it is not yet).
 * The module is loaded by path so that the bench builds before the export exists.
 */
export async function reportExportTask(params: TaskParams): Promise<TaskResult> {
  const loaded: unknown = await import(EXPORT_MODULE);
  if (!hasExporter(loaded)) throw new Error(`${EXPORT_MODULE} does not export exportMonthReport`);
  const month = stringParam(params, 'month');
  const out = stringParam(params, 'out');
  rmSync(out, { force: true });
  const store = await openStore(stringParam(params, 'db'), { backupBeforeMigrate: false });
  try {
    if (!(await readMonthSnapshot(store.db, month))) await evaluateStoredMonth(store, month, { now: BENCH_NOW });
    const clock = startClock();
    await loaded.exportMonthReport(store, month, out, { now: BENCH_NOW });
    const seconds = clock.seconds();
    const cpuSeconds = clock.cpuSeconds();
    const bytes = existsSync(out) ? statSync(out).size : 0;
    return { seconds, cpuSeconds, bytes };
  } finally {
    await store.close();
  }
}

import { openStore } from '../../src/backend/db/openStore';
import { importFile } from '../../src/backend/services/import/importFile';
import { BENCH_NOW } from '../benchClock';
import { startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { removeDatabase } from '../prepare/prepareStore';
import { freshCopy } from './freshCopy';

/** Kaoping's import, end to end (read, detect, parse, link, upsert, commit), into a fresh copy of the template. */
export async function importFileTask(params: TaskParams): Promise<TaskResult> {
  const workDb = stringParam(params, 'workDb');
  freshCopy(stringParam(params, 'template'), workDb);
  const store = await openStore(workDb, { backupBeforeMigrate: false });
  try {
    const clock = startClock();
    const report = await importFile(store, stringParam(params, 'file'), { now: BENCH_NOW });
    const seconds = clock.seconds();
    const cpuSeconds = clock.cpuSeconds();
    if (report.status !== 'imported') throw new Error(`import refused: ${report.message ?? report.status}`);
    const { rows, inserted, unlinked, rejected } = report.counts;
    return { seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, rowsPerCpuSecond: rows / cpuSeconds, inserted, unlinked, rejected, kind: report.kind };
  } finally {
    await store.close();
    removeDatabase(workDb);
  }
}

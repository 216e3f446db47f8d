import { rmSync } from 'node:fs';
import { writeDemoDistrict } from '../../src/backend/demo/writeDemoDistrict';
import { numberParam, secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

/** Writes a demo district's spreadsheets into a cache folder (emptied first). */
export async function prepareDemo(params: TaskParams): Promise<TaskResult> {
  const outDir = stringParam(params, 'outDir');
  const format = stringParam(params, 'ordersFormat');
  if (format !== 'csv' && format !== 'xlsx') throw new Error(`ordersFormat must be csv or xlsx, got ${format}`);
  const attendanceRowsTarget = numberParam(params, 'attendanceRowsTarget');
  const journalsTarget = numberParam(params, 'journalsTarget');
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const result = await writeDemoDistrict({
    outDir,
    seed: 1,
    managers: numberParam(params, 'managers'),
    retailers: numberParam(params, 'retailers'),
    months: numberParam(params, 'months'),
    ordersFormat: format,
    ...(attendanceRowsTarget > 0 ? { attendanceRowsTarget } : {}),
    ...(journalsTarget > 0 ? { journalsTarget } : {}),
  });
  return { seconds: secondsSince(started), files: result.files.length };
}

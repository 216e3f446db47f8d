import crypto from 'node:crypto';
import { cityMonth } from '../services/city/cityMonth';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeGridWorkbook } from '../io/grid/writeGridWorkbook';
import { exportFileName } from '../services/data/exportFileName';
import { exportGridView } from '../services/data/exportGridView';
import { appInfo } from '../services/app/appInfo';
import { gridColumns } from '../services/data/gridColumns';
import { gridCount, gridRows } from '../services/data/gridRows';
import { monthOverview } from '../services/data/monthOverview';
import { rowDetail } from '../services/data/rowDetail';
import { gridRowInDistrict } from '../repositories/gridDistrictCondition';
import { RequestError } from '../services/requestError';
import { callerGridDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { job, reads, type Methods } from './methodPolicies';

type DataHandlers = Pick<Methods, 'data.columns' | 'data.rows' | 'data.count' | 'data.detail' | 'data.overview' | 'data.city' | 'data.export' | 'data.exportRows'>;

/** A private temporary .xlsx path (the work folder, else the system's), removed by the caller. */
async function tempXlsx(workDir: string, prefix: string): Promise<string> {
  const stat = await fs.stat(workDir).catch(() => null);
  return path.join(stat?.isDirectory() ? workDir : os.tmpdir(), `${prefix}-${crypto.randomBytes(6).toString('hex')}.xlsx`);
}

/** Master data: one table for every month, so its file name carries no month. */
const MONTHLESS_GRIDS = new Set(['managers', 'retailers', 'brands']);

export function dataHandlers(env: HandlerEnv): DataHandlers {
  const store = env.reader;
  return {
    'data.columns': reads(async ({ kind }) => gridColumns(kind)),
    // A supervisor's grids show their district's rows; everyone else's (and the desktop's) every row.
    'data.rows': reads(async (arg) => gridRows(store, arg, await callerGridDistrictId(store.db))),
    'data.count': reads(async (arg) => gridCount(store, arg, await callerGridDistrictId(store.db))),
    'data.detail': reads(async ({ kind, id, month }) => {
      // A supervisor opens rows of their district only (the grid lists no others; an id typed by hand is refused).
      const districtId = await callerGridDistrictId(store.db);
      if (districtId !== undefined && !(await gridRowInDistrict(store.db, kind, id, districtId))) {
        throw new RequestError('other_district', '这条数据属于另一个营销部，不能查看或修改');
      }
      // Without a month: the newest month with data, else the current one.
      const shown = month ?? (await appInfo(store)).months[0] ?? env.now().toISOString().slice(0, 7);
      return rowDetail(store, kind, id, shown);
    }),
    // A supervisor's overview is their district's; everyone else's (and the desktop's) the store's.
    'data.overview': reads(async ({ month }) => monthOverview(store, month, await callerGridDistrictId(store.db))),
    'data.city': reads(async ({ month }) => {
      const city = await cityMonth(env.reader, month);
      return { month: city.month, grades: city.gradeLabels, districts: city.districts.map((d) => d.summary) };
    }),
    // Read-only: the export runs beside imports (not under the write lock) on the reader's
    // committed data; it can be cancelled like any job, and always ends with 'job.done'.
    'data.export': job(async ({ jobId, ...arg }, ctx) => {
      const temp = await tempXlsx(env.workDir, `grid-${arg.kind}`);
      try {
        const districtId = await callerGridDistrictId(store.db);
        const { rows } = await exportGridView(store, arg, temp, {
          ...(districtId === undefined ? {} : { districtId }),
          signal: ctx.signal,
          onProgress: ({ done, total }) => ctx.emit('job.progress', { jobId, step: 'rows', done, total }),
        });
        const bytes = new Uint8Array(await fs.readFile(temp));
        return { fileName: exportFileName(arg.title, MONTHLESS_GRIDS.has(arg.kind) ? undefined : arg.month), bytes, rows };
      } finally {
        await fs.rm(temp, { force: true });
      }
    }),
    'data.exportRows': reads(async ({ title, subtitle, columns, rows }) => {
      const temp = await tempXlsx(env.workDir, 'rows');
      try {
        const written = await writeGridWorkbook(temp, columns, rows, { title, ...(subtitle ? { subtitle } : {}) });
        return { fileName: exportFileName(title, subtitle), bytes: new Uint8Array(await fs.readFile(temp)), rows: written };
      } finally {
        await fs.rm(temp, { force: true });
      }
    }),
  };
}

import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportMonthReport } from '../services/report/exportMonthReport';
import { ReportExportError } from '../services/report/reportExportError';
import { RequestError } from '../services/requestError';
import { callerDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { job, writes, type Methods } from './methodPolicies';

type Names = 'report.export' | 'report.scorecards';

/** The name the supervisor sees in the save dialog or the downloads bar. */
function reportFileName(month: string): string {
  return `考评报表-${month}.xlsx`;
}

async function tempFolder(workDir: string): Promise<string> {
  const stat = await fs.stat(workDir).catch(() => null);
  return stat?.isDirectory() ? workDir : os.tmpdir();
}

export function reportHandlers(env: HandlerEnv): Pick<Methods, Names> {
  return {
    // The workbook is written to a private temporary file (the writer streams to disk and renames
    // into place), read back as bytes for the page, and removed whatever happens.
    'report.export': job(
      writes(async ({ month, jobId, district }, ctx) => {
        const districtId = await callerDistrictId(env.store.db, district);
        const folder = await tempFolder(env.workDir);
        const temp = path.join(folder, `report-${month}-${crypto.randomBytes(6).toString('hex')}.xlsx`);
        try {
          await exportMonthReport(env.store, month, temp, {
            ...(districtId === undefined ? {} : { districtId }),
            now: env.now(),
            onProgress: (step, done, total) => ctx.emit('job.progress', { jobId, step, done, total }),
          });
          const bytes = new Uint8Array(await fs.readFile(temp));
          return { fileName: reportFileName(month), bytes };
        } catch (err) {
          // The service's message names the command line; on screen the 考评 page is the way.
          if (err instanceof ReportExportError && err.code === 'not_evaluated') {
            throw new RequestError('not_evaluated', `${month} 还没有考评结果，请先在「考评」页考评该月，再导出考评报表`);
          }
          throw err;
        } finally {
          await fs.rm(temp, { force: true });
        }
      }),
    ),
    'report.scorecards': job(
      writes(async ({ month, managerCodes, jobId, district }, ctx) => {
        const districtId = await callerDistrictId(env.store.db, district);
        const folder = await tempFolder(env.workDir);
        const temp = path.join(folder, `scorecards-${month}-${crypto.randomBytes(6).toString('hex')}.xlsx`);
        try {
          await exportMonthReport(env.store, month, temp, {
            ...(districtId === undefined ? {} : { districtId }),
            now: env.now(),
            onlyManagers: managerCodes,
            onProgress: (step, done, total) => ctx.emit('job.progress', { jobId, step, done, total }),
          });
          return { fileName: `考评卡-${month}.xlsx`, bytes: new Uint8Array(await fs.readFile(temp)) };
        } catch (err) {
          if (err instanceof ReportExportError && err.code === 'not_evaluated') {
            throw new RequestError('not_evaluated', `${month} 还没有考评结果，请先在「考评」页考评该月，再导出考评卡`);
          }
          if (err instanceof ReportExportError && err.code === 'unknown_manager') throw new RequestError('unknown_manager', err.message);
          throw err;
        } finally {
          await fs.rm(temp, { force: true });
        }
      }),
    ),
  };
}

import { readSupervisor } from '../app/supervisor';
import { readManualScores } from '../evaluation/manualScores';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildReportModel } from '../../../core/report/buildReportModel';
import type { ReportInput } from '../../../core/report/reportInput';
import type { ReportModel } from '../../../core/report/reportModel';
import type { Store } from '../../db/openStore';
import { writeReportWorkbook, type ReportStep, type WrittenWorkbook } from '../../io/report/writeReportWorkbook';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';
import { monthReportInputs } from './monthReportInputs';
import { ReportExportError } from './reportExportError';

export interface ExportReportOptions {
  now: Date;
  /** Called as the charts are drawn, the sheets written and the file saved. */
  onProgress?: (step: ReportStep, done: number, total: number) => void;
  /** Only these managers' scorecards, a sheet each (see WriteReportOptions.onlyManagers). */
  onlyManagers?: readonly string[];
  /** The district whose month it is (migration 0014); undefined: the store's only district. */
  districtId?: number;
}

/**
 * Writes the month's evaluation report (考评报表) to `outPath`. Refuses with a ReportExportError
 * when the month has not been evaluated or the file cannot be written; no file is left behind then.
 */
export async function exportMonthReport(store: Store, month: string, outPath: string, opts: ExportReportOptions): Promise<WrittenWorkbook> {
  const target = path.resolve(outPath);
  await checkWritable(target);
  const model = await monthReportModel(store, month, opts);
  try {
    return await writeReportWorkbook(model, target, {
      onProgress: opts.onProgress,
      ...(opts.onlyManagers ? { onlyManagers: opts.onlyManagers } : {}),
    });
  } catch (err) {
    throw asWriteError(err, target);
  }
}

/** The month's report as it is written: the model exportMonthReport turns into a workbook. */
export async function monthReportModel(store: Store, month: string, opts: Pick<ExportReportOptions, 'now' | 'onlyManagers' | 'districtId'>): Promise<ReportModel> {
  const snapshot = await readMonthSnapshot(store.db, month, opts.districtId);
  if (!snapshot) throw new ReportExportError('not_evaluated', `${month} 还没有考评结果，请先考评（kaoping evaluate --month ${month}）再导出报表`);

  const evaluation = snapshot.evaluation;
  if (opts.onlyManagers && !evaluation.managers.some((m) => opts.onlyManagers?.includes(m.code))) {
    throw new ReportExportError('unknown_manager', `${month} 的考评中没有所选的客户经理（${opts.onlyManagers.slice(0, 5).join('、')}）`);
  }
  const inputs = await monthReportInputs(store.db, snapshot, opts.now);
  const input: ReportInput = {
    month,
    status: snapshot.status,
    evaluatedAt: snapshot.evaluatedAt,
    finalizedAt: snapshot.finalizedAt,
    finalizedBy: snapshot.finalizedBy,
    scheme: snapshot.scheme,
    evaluation,
    adjustments: snapshot.adjustments,
    // A finalized month's as frozen with it (reproducible); a draft month's as of the month.
    ...inputs,
    supervisor: inputs.supervisor !== undefined ? inputs.supervisor : await readSupervisor(store.db),
    generatedAt: opts.now.toISOString(),
    utcOffsetMinutes: -opts.now.getTimezoneOffset(),
    audit: await verifyAuditChain(store.db),
    stale: snapshot.status === 'draft' ? snapshot.stale : [],
    manualScores: await readManualScores(store.db, month, snapshot.districtId),
  };
  return buildReportModel(input);
}

/** Fails before the work is done when the target obviously cannot be written. */
async function checkWritable(target: string): Promise<void> {
  const folder = path.dirname(target);
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new ReportExportError('unwritable', `无法保存报表：文件夹「${folder}」不存在，请先创建它或另选位置`);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new ReportExportError('unwritable', `无法保存报表：「${target}」是一个文件夹，请给出 .xlsx 文件名`);
  try {
    await fs.access(folder, fs.constants.W_OK);
    if (existing) await fs.access(target, fs.constants.W_OK);
  } catch {
    throw new ReportExportError('unwritable', `无法保存报表：没有权限写入「${existing ? target : folder}」，请另选位置`);
  }
}

function asWriteError(err: unknown, target: string): unknown {
  const code = err instanceof Error && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EROFS':
      return new ReportExportError('unwritable', `无法保存报表：没有权限写入「${target}」，请另选位置`);
    // Windows refuses to replace a file another program holds open with EPERM, not EBUSY.
    case 'EPERM':
    case 'EBUSY':
      return new ReportExportError('unwritable', `无法保存报表：「${target}」正被其他程序（如 Excel）打开或没有写入权限，请关闭它或另选位置`);
    case 'ENOSPC':
      return new ReportExportError('unwritable', `无法保存报表：磁盘空间不足（${path.dirname(target)}）`);
    case 'ENOENT':
      return new ReportExportError('unwritable', `无法保存报表：文件夹「${path.dirname(target)}」不存在`);
    default:
      return err;
  }
}

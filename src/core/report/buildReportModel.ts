import { buildFlagRows } from './buildFlagRows';
import { buildManagerSection } from './buildManagerSection';
import { buildNearCopyRows } from './buildNearCopyRows';
import { buildSummary } from './buildSummary';
import { departmentName } from './departmentName';
import { localDateTime } from './localDateTime';
import { reportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import type { ReportModel } from './reportModel';
import { managerSheetName, uniqueSheetNames } from './sheetNames';

/** A draft computed before its inputs changed says so on every sheet: it must not be signed as it is. */
function staleNote(input: ReportInput, time: (iso: string) => string): string {
  const stale = input.stale ?? [];
  if (stale.length === 0) return '';
  return `；需重新考评（考评后数据有变动：${stale.map((r) => `${time(r.at)} ${r.what}`).join('；')}）`;
}

const FIXED_SHEET_NAMES = { summary: '汇总', flags: '异常明细', nearCopies: '日志雷同' } as const;

/** The month's evaluation report as plain data: what the workbook shows, and what a screen could show. */
export function buildReportModel(input: ReportInput): ReportModel {
  const time = (iso: string) => localDateTime(iso, input.utcOffsetMinutes);
  const ctx = reportContext(input, time);
  const department = departmentName(input.departments);
  const [year, month] = input.month.split('-');
  const monthLabel = `${year}年${Number(month)}月`;
  const final = input.status === 'final';
  const finalizedAt = input.finalizedAt ? time(input.finalizedAt) : '';
  const statusLabel = final
    ? `定稿（${[finalizedAt, input.finalizedBy ?? ''].filter((x) => x).join('，')}）`
    : `草稿 — 未定稿${staleNote(input, time)}`;
  const sheetNames = uniqueSheetNames(
    ctx.managers.map((m) => managerSheetName(m.name, m.code)),
    Object.values(FIXED_SHEET_NAMES),
  );
  return {
    department,
    month: input.month,
    monthLabel,
    schemeLabel: `${input.scheme.name}（第 ${input.scheme.version} 版）`,
    final,
    statusLabel,
    headerStatus: final ? statusLabel : `草稿 — 未定稿${(input.stale ?? []).length > 0 ? '；需重新考评' : ''}`,
    signer: input.supervisor ? `${input.supervisor.name}${input.supervisor.unit ? `（${input.supervisor.unit}）` : ''}` : null,
    evaluatedAt: time(input.evaluatedAt),
    generatedAt: time(input.generatedAt),
    workdays: input.evaluation.workdays,
    sheetNames: { ...FIXED_SHEET_NAMES },
    summaryTitle: `${department} ${monthLabel} 客户经理考评汇总表`,
    summary: buildSummary(ctx),
    managers: ctx.managers.map((manager, index) =>
      buildManagerSection(ctx, manager, sheetNames[index] ?? manager.code, `${department} ${monthLabel} 客户经理考评表`),
    ),
    flags: buildFlagRows(ctx),
    nearCopies: buildNearCopyRows(ctx),
    ...(input.audit ? { audit: { intact: input.audit.intact, message: input.audit.message } } : {}),
  };
}

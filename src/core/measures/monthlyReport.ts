import type { ReportRow } from './evaluationInput';
import type { MonthContext } from './monthContext';

/** The manager's monthly report of the month, the latest row if the export holds several. */
export function monthlyReport(ctx: MonthContext, managerCode: string, month: string): ReportRow | null {
  let latest: ReportRow | null = null;
  for (const report of ctx.reportsByManager.get(managerCode) ?? []) {
    if (report.kind === '月报' && report.period === month && (!latest || report.id > latest.id)) latest = report;
  }
  return latest;
}

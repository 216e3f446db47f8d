import { join } from 'node:path';
import { daysOfMonth, shiftMonth } from '../../core/calendar/dates';
import type { DemoContext, WrittenFile } from './demoContext';
import { isActive } from './districtModel';
import { lightlyEdited, trigramJaccard } from './lightlyEdited';
import { composeMonthlyReport, type ReportFacts } from './reportText';
import type { SalesLedger } from './salesLedger';
import type { SeededRandom } from './seededRandom';
import { calendarDay } from './workCalendar';
import { XlsxSheetWriter } from './xlsxSheetWriter';

/** 月度市场分析报告: one per manager and month, handed in by the 5th of the next month. */
export async function writeReports(ctx: DemoContext, ledger: SalesLedger): Promise<WrittenFile> {
  const path = join(ctx.outDir, '月度市场分析报告.xlsx');
  const sheet = XlsxSheetWriter.open(path, '月度市场分析', [9, 9, 9, 18, 100, 12]);
  sheet.header(['工号', '姓名', '月份', '标题', '报告内容', '提交日期']);
  const inLedger = new Set(ctx.orderMonths);

  for (const manager of ctx.district.managers) {
    const retailers = (ctx.district.retailersByManager.get(manager.code) ?? []).filter(isActive);
    const topBrands = topBrandNames(retailers);
    let previousText: string | null = null;
    for (const month of ctx.orderMonths) {
      const rng = ctx.rng.fork(`report:${manager.code}:${month}`);
      const isEnd = month === ctx.endMonth;
      if (isEnd && ctx.plan.reportMissing?.managerCode === manager.code) {
        ctx.planted.push({ flag: 'records.report_missing', managerCode: manager.code, detail: `未提交 ${month} 月度市场分析报告` });
        continue;
      }
      const before = shiftMonth(month, -1);
      const yearAgo = shiftMonth(month, -12);
      const facts: ReportFacts = {
        month,
        routes: manager.routes,
        activeRetailers: retailers.length,
        current: ledger.summarise(retailers, month),
        previous: inLedger.has(before) ? ledger.summarise(retailers, before) : null,
        lastYear: inLedger.has(yearAgo) ? ledger.summarise(retailers, yearAgo) : null,
        topBrands,
      };
      let text = composeMonthlyReport(rng, facts);
      if (isEnd && previousText !== null && ctx.plan.reportCopy?.managerCode === manager.code) {
        const renamed = previousText.replaceAll(`${Number(before.slice(5, 7))}月`, `${Number(month.slice(5, 7))}月`);
        text = lightlyEdited(rng, renamed);
        ctx.planted.push({
          flag: 'records.report_copy',
          managerCode: manager.code,
          detail: `${month} 月报与 ${before} 月报几乎相同（相似度 ${trigramJaccard(previousText, text).toFixed(2)}），只改了月份和一个数字`,
          source: { managerCode: manager.code, period: before },
        });
      }
      previousText = text;
      sheet.row([manager.code, manager.name, month, `${Number(month.slice(5, 7))}月市场分析报告`, text, { date: submissionDay(rng, month) }]);
    }
  }
  await sheet.close();
  return { path, kind: 'reports', rows: sheet.rowsWritten };
}

/** One of the month's last two workdays or a workday from the 1st to the 5th of the next month. */
function submissionDay(rng: SeededRandom, month: string): string {
  const lastWorkdays = daysOfMonth(month).filter((d) => calendarDay(d).workday).slice(-2);
  const early = daysOfMonth(shiftMonth(month, 1)).slice(0, 5).filter((d) => calendarDay(d).workday);
  const candidates = [...lastWorkdays, ...early, ...early];
  return candidates.length > 0 ? rng.pick(candidates) : `${shiftMonth(month, 1)}-05`;
}

function topBrandNames(retailers: { preferredBrands: { brand: { name: string }; share: number }[] }[]): string[] {
  const totals = new Map<string, number>();
  for (const r of retailers) for (const p of r.preferredBrands) totals.set(p.brand.name, (totals.get(p.brand.name) ?? 0) + p.share);
  const names = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([n]) => n);
  return names.length > 0 ? names : ['中华(硬)'];
}


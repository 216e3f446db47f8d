import { join } from 'node:path';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { isActive } from './districtModel';
import type { SalesLedger } from './salesLedger';
import { workdaysOf } from './workCalendar';
import { XlsxSheetWriter } from './xlsxSheetWriter';

const TIER_BAND = { label: '21-30', low: 21, high: 30 };

/**
 * 市场了解抽查: mid-month the supervisor asks each manager how many retailers he serves, one
 * route's monthly volume and how many retailers of tiers 21–30 he has. Answers are close to
 * the truth; the lazy manager guesses.
 */
export async function writeSpotchecks(ctx: DemoContext, ledger: SalesLedger): Promise<WrittenFile> {
  const path = join(ctx.outDir, `市场了解抽查_${monthSpanLabel(ctx.recentMonths)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '抽查', [11, 9, 14, 9, 9]);
  sheet.header(['抽查日期', '工号', '抽查项目', '线路', '回答值']);
  const rng = ctx.rng.fork('spotchecks');
  for (const month of ctx.recentMonths) {
    const days = workdaysOf(month);
    const date = days[Math.floor(days.length * 0.45)] ?? `${month}-15`;
    for (const manager of ctx.district.managers) {
      const own = (ctx.district.retailersByManager.get(manager.code) ?? []).filter(isActive);
      const guessing = month === ctx.endMonth && ctx.plan.reportMissing?.managerCode === manager.code;
      const off = (truth: number, spread: number): number =>
        guessing ? Math.round(truth * rng.pick([0.6, 0.7, 1.35, 1.4])) : Math.max(0, Math.round(truth * (1 + rng.float(-spread, spread))));
      const route = rng.pick(manager.routes);
      const routeVolume = ledger.summarise(own.filter((r) => r.route === route), month).volume;
      const tierCount = own.filter((r) => r.tier >= TIER_BAND.low && r.tier <= TIER_BAND.high).length;
      sheet.row([{ date }, manager.code, '辖区零售户数', null, guessing ? off(own.length, 0) : Math.max(0, own.length + rng.pick([0, 0, 0, 1, -1]))]);
      sheet.row([{ date }, manager.code, '线路月销量', route, Math.round(off(routeVolume, 0.06) / 10) * 10]);
      sheet.row([{ date }, manager.code, '档位户数', TIER_BAND.label, guessing ? off(tierCount, 0) : tierCount + rng.pick([0, 0, 1])]);
    }
  }
  await sheet.close();
  return { path, kind: 'spotchecks', rows: sheet.rowsWritten };
}

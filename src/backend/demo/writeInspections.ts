import { join } from 'node:path';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { isActive, type DemoRetailer } from './districtModel';
import { INSPECTORS } from './namePools';
import type { ViolationReport } from './writeJournals';
import { workdaysOf } from './workCalendar';
import { XlsxSheetWriter } from './xlsxSheetWriter';

interface Inspection {
  date: string;
  retailer: DemoRetailer;
  violation: string;
  note: string;
}

/**
 * 专卖检查记录 of the last two months: routine checks that find nothing, the violations honest
 * managers had already written down, and the one the lazy manager never reported.
 */
export async function writeInspections(ctx: DemoContext, reports: ViolationReport[]): Promise<WrittenFile> {
  const path = join(ctx.outDir, `专卖检查记录_${monthSpanLabel(ctx.recentMonths)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '检查记录', [11, 15, 14, 10, 14]);
  sheet.header(['检查日期', '许可证号', '检查结果', '检查人员', '备注']);
  const rng = ctx.rng.fork('inspections');
  const inspections: Inspection[] = [];

  for (const month of ctx.recentMonths) {
    const days = workdaysOf(month);
    for (const retailer of ctx.district.retailers) {
      if (isActive(retailer) && rng.chance(0.1)) {
        inspections.push({ date: rng.pick(days), retailer, violation: '无', note: rng.pick(['正常', '正常', '未发现违规']) });
      }
    }
  }
  for (const report of reports) {
    inspections.push({ date: report.inspectionDay, retailer: report.retailer, violation: report.violation, note: '立案查处' });
  }
  const missed = ctx.plan.orderMissed;
  if (missed) {
    const own = (ctx.district.retailersByManager.get(missed.managerCode) ?? []).filter(isActive);
    const retailer = own.length > 0 ? rng.pick(own) : null;
    if (retailer) {
      inspections.push({ date: missed.day, retailer, violation: '假烟', note: '立案查处' });
      ctx.planted.push({
        flag: 'order.missed',
        managerCode: missed.managerCode,
        date: missed.day,
        detail: `专卖检查在${retailer.name}（${retailer.licence}）查获假烟，客户经理此前 30 天未反映`,
      });
    }
  }

  inspections.sort((a, b) => a.date.localeCompare(b.date) || a.retailer.index - b.retailer.index);
  for (const i of inspections) sheet.row([{ date: i.date }, i.retailer.licence, i.violation, rng.pick(INSPECTORS), i.note]);
  await sheet.close();
  return { path, kind: 'inspections', rows: sheet.rowsWritten };
}

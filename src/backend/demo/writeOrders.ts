import { join } from 'node:path';
import { slashDate } from './calendarDates';
import type { DemoContext, WrittenFile } from './demoContext';
import { EncodedCsvWriter, formatAmount } from './encodedCsvWriter';
import { retailerOrderLines, routeOrderDays, type OrderDay } from './orderLines';
import { SalesLedger } from './salesLedger';
import { XlsxSheetWriter } from './xlsxSheetWriter';

const HEADER = ['订单日期', '许可证号', '卷烟编码', '卷烟名称', '需求量(条)', '订购量（条）', '批发价', '金额', '建议零售价'];

/**
 * 订单明细 from the provincial system: GB18030 CSV with amounts like "3,168.00" and a
 * 合计 line at the end (or the same as a workbook). Lines stream retailer by retailer;
 * only the monthly totals stay in memory.
 */
export async function writeOrders(ctx: DemoContext, format: 'csv' | 'xlsx'): Promise<{ file: WrittenFile; ledger: SalesLedger }> {
  const first = ctx.orderMonths[0] as string;
  const name = `订单明细_${first}_${ctx.endMonth}.${format}`;
  const path = join(ctx.outDir, name);
  const newBrands = ctx.district.brands.filter((b) => b.newBrand);
  const ledger = new SalesLedger(ctx.orderMonths, ctx.district.retailers.length, newBrands);
  const routes = new Map(ctx.district.routes.map((r) => [r.code, r]));
  let rows = 0;
  let demandTotal = 0;
  let quantityTotal = 0;
  let amountTotal = 0;

  const csv = format === 'csv' ? EncodedCsvWriter.open(path, 'gb18030') : null;
  const sheet = format === 'xlsx' ? XlsxSheetWriter.open(path, '订单明细', [11, 15, 15, 18, 10, 10, 9, 12, 10]) : null;
  if (csv) await csv.writeRow(HEADER);
  sheet?.header(HEADER);

  const daysByWeekday = new Map<number, OrderDay[]>();
  const slashDates = new Map<string, string>();
  for (const retailer of ctx.district.retailers) {
    const route = routes.get(retailer.route);
    if (!route) continue;
    let orderDays = daysByWeekday.get(route.orderWeekday);
    if (!orderDays) {
      orderDays = routeOrderDays(route.orderWeekday, ctx.orderMonths);
      daysByWeekday.set(route.orderWeekday, orderDays);
      for (const day of orderDays) slashDates.set(day.date, slashDate(day.date));
    }
    const lines = retailerOrderLines(ctx.rng.fork(`orders:${retailer.licence}`), retailer, orderDays, ctx.endMonth, newBrands);
    for (const line of lines) {
      const amount = Math.round(line.quantity * line.brand.wholesalePrice * 100) / 100;
      ledger.add(retailer, line.date, line.brand, line.quantity);
      demandTotal += line.demand;
      quantityTotal += line.quantity;
      amountTotal += amount;
      rows++;
      if (csv) {
        const full = csv.push([
          slashDates.get(line.date) ?? slashDate(line.date),
          retailer.licence,
          line.brand.code,
          line.brand.name,
          line.demand,
          line.quantity,
          line.brand.wholesalePrice.toFixed(2),
          formatAmount(amount),
          line.brand.retailPrice.toFixed(2),
        ]);
        if (full) await csv.flush();
      } else {
        sheet?.row([
          { date: line.date },
          retailer.licence,
          line.brand.code,
          line.brand.name,
          line.demand,
          line.quantity,
          line.brand.wholesalePrice,
          amount,
          line.brand.retailPrice,
        ]);
      }
    }
  }
  const totals = ['合计', '', '', '', demandTotal, quantityTotal, '', formatAmount(Math.round(amountTotal * 100) / 100), ''];
  if (csv) {
    await csv.writeRow(totals);
    await csv.close();
  }
  if (sheet) {
    sheet.row(['合计', null, null, null, demandTotal, quantityTotal, null, Math.round(amountTotal * 100) / 100, null]);
    await sheet.close();
  }
  return { file: { path, kind: 'orders', rows }, ledger };
}

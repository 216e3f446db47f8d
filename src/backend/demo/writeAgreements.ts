import { join } from 'node:path';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { isActive } from './districtModel';
import { DISTRICT } from './namePools';
import type { SalesLedger } from './salesLedger';
import { XlsxSheetWriter } from './xlsxSheetWriter';

/** 协议量 of the last two months for the retailers with an agreement, with a title and a 合计 line. */
export async function writeAgreements(ctx: DemoContext, ledger: SalesLedger): Promise<WrittenFile> {
  const path = join(ctx.outDir, `协议量_${monthSpanLabel(ctx.recentMonths)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '协议量', [12, 16, 12]);
  const rng = ctx.rng.fork('agreements');
  const first = ctx.recentMonths[0] as string;
  sheet.title(`${DISTRICT.department}零售客户协议量（${first} 至 ${ctx.endMonth}）`, 3);
  sheet.header(['协议月份', '许可证号', '协议量']);
  const bound = ctx.district.retailers.filter((r) => isActive(r) && r.tier >= 5 && rng.chance(0.45));
  let total = 0;
  for (const month of ctx.recentMonths) {
    for (const retailer of bound) {
      const ordered = ledger.retailerVolume(retailer, month);
      if (ordered <= 0) continue;
      // Agreed a little above what the shop ends up ordering: fulfilment mostly 85–100 %.
      const agreed = Math.max(10, Math.round((ordered * rng.float(0.95, 1.18)) / 5) * 5);
      total += agreed;
      sheet.row([month, retailer.licence, agreed]);
    }
  }
  const rows = sheet.rowsWritten;
  sheet.row(['合计', null, total]);
  await sheet.close();
  return { path, kind: 'agreements', rows };
}

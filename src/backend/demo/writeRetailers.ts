import { join } from 'node:path';
import type { DemoContext, WrittenFile } from './demoContext';
import { DISTRICT } from './namePools';
import { XlsxSheetWriter } from './xlsxSheetWriter';

const HEADER = [
  '专卖许可证号', '客户编码', '零售户名称', '经营者', '联系电话', '经营地址', '经度', '纬度',
  '业态', '城乡分类', '客户档位', '送货线路', '客户经理工号', '客户经理', '状态',
];

export async function writeRetailers(ctx: DemoContext): Promise<WrittenFile> {
  const path = join(ctx.outDir, '零售客户档案.xlsx');
  const sheet = XlsxSheetWriter.open(path, '零售客户档案', [15, 15, 22, 10, 13, 26, 11, 10, 10, 9, 9, 9, 12, 10, 7]);
  const [year, month] = ctx.endMonth.split('-');
  sheet.title(`${DISTRICT.department}零售客户档案（${year}年${Number(month)}月）`, HEADER.length, { merge: true, bold: true });
  sheet.blank();
  sheet.header(HEADER);
  const managerNames = new Map(ctx.district.managers.map((m) => [m.code, m.name]));
  for (const r of ctx.district.retailers) {
    sheet.row([
      // Some rows hold the licence as a number, as Excel does when someone retypes a cell.
      r.licenceAsNumber ? Number(r.licence) : r.licence,
      r.customerCode,
      r.name,
      r.owner,
      r.phone,
      r.address,
      r.longitude,
      r.latitude,
      r.format,
      r.market,
      r.tier,
      r.route,
      r.managerCode,
      managerNames.get(r.managerCode) ?? '',
      r.status,
    ]);
  }
  await sheet.close();
  return { path, kind: 'retailers', rows: sheet.rowsWritten };
}

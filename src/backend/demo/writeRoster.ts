import { join } from 'node:path';
import type { DemoContext, WrittenFile } from './demoContext';
import { DISTRICT } from './namePools';
import { XlsxSheetWriter } from './xlsxSheetWriter';

export async function writeRoster(ctx: DemoContext): Promise<WrittenFile> {
  const path = join(ctx.outDir, '客户经理花名册.xlsx');
  const sheet = XlsxSheetWriter.open(path, '花名册', [12, 14, 14, 10, 18, 14, 13, 12, 10]);
  sheet.header(['员工编号', '客户经理姓名', '所属部门', '片区', '负责线路', '手机号', '钉钉UserId', '入职日期', '在岗状态']);
  for (const m of ctx.district.managers) {
    // The phone number is a number cell, as Excel makes of it.
    sheet.row([m.code, m.name, DISTRICT.department, m.area, m.routes.join('、'), Number(m.phone), m.dingtalkId, { date: m.hiredOn }, '在岗']);
  }
  await sheet.close();
  return { path, kind: 'roster', rows: sheet.rowsWritten };
}

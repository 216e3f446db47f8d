import { join } from 'node:path';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { buildWorkCalendar } from './workCalendar';
import { XlsxSheetWriter } from './xlsxSheetWriter';

export async function writeCalendar(ctx: DemoContext, months: readonly string[]): Promise<WrittenFile> {
  const path = join(ctx.outDir, `工作日历_${monthSpanLabel(months)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '工作日历', [12, 8, 16]);
  sheet.header(['日期', '工作日', '说明']);
  for (const day of buildWorkCalendar(months)) sheet.row([{ date: day.date }, day.workday ? '是' : '否', day.note || null]);
  await sheet.close();
  return { path, kind: 'calendar', rows: sheet.rowsWritten };
}

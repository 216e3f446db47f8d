import { join } from 'node:path';
import { daysOfMonth } from '../../core/calendar/dates';
import { clockTime, clockTimeWithSeconds, dingTalkDate } from './calendarDates';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import { EncodedCsvWriter } from './encodedCsvWriter';
import { DEVICES, DISTRICT } from './namePools';
import { XlsxSheetWriter } from './xlsxSheetWriter';

const DINGTALK_HEADER = [
  '姓名', '考勤组', '部门', '工号', '职位', 'UserId', '考勤日期', '考勤时间', '打卡时间', '打卡结果',
  '打卡地址', '经度', '纬度', '打卡备注', '异常打卡原因', '打卡图片1', '打卡设备',
];

/** About 20 m of GPS scatter: well inside the 150 m a punch is linked to a retailer by. */
const GPS_JITTER_DEGREES = 0.00018;

/**
 * The DingTalk 原始记录 export (two merged title rows, then the header) for the managers
 * who punch on their phones, and the retailers' card-terminal log (GB18030 CSV) for those
 * who swipe a card.
 */
export async function writeAttendance(ctx: DemoContext): Promise<WrittenFile[]> {
  const label = monthSpanLabel(ctx.attendanceMonths);
  const dingPath = join(ctx.outDir, `钉钉考勤_原始记录_${label}.xlsx`);
  const cardPath = join(ctx.outDir, `电子卡拜访记录_${label}.csv`);
  const rng = ctx.rng.fork('attendance');
  const firstDay = daysOfMonth(ctx.attendanceMonths[0] as string)[0] as string;
  const lastDay = daysOfMonth(ctx.endMonth).at(-1) as string;
  const inPeriod = (date: string): boolean => date >= firstDay && date <= lastDay;

  const sheet = XlsxSheetWriter.open(dingPath, '原始记录', [8, 14, 12, 8, 10, 9, 16, 8, 8, 8, 24, 11, 10, 36, 12, 9, 14]);
  sheet.title(`原始记录 统计日期：${firstDay} 至 ${lastDay}`, DINGTALK_HEADER.length, { merge: true });
  sheet.title(`报表生成时间：${ctx.exportedOn} 09:15`, DINGTALK_HEADER.length, { merge: true });
  sheet.header(DINGTALK_HEADER);
  const card = EncodedCsvWriter.open(cardPath, 'gb18030');
  await card.writeRow(['工号', '客户编码', '刷卡时间', '终端号']);
  let cardRows = 0;

  for (const manager of ctx.district.managers) {
    const device = rng.pick(DEVICES);
    const person = [manager.name, '客户经理外勤组', DISTRICT.department, manager.code, '客户经理', manager.dingtalkId];
    const unpunchedDay = ctx.plan.absent?.managerCode === manager.code ? ctx.plan.absent.days[0] : undefined;
    let unpunchedWritten = false;
    for (const day of ctx.schedule.get(manager.code) ?? []) {
      if (!inPeriod(day.date)) continue;
      if (unpunchedDay !== undefined && !unpunchedWritten && unpunchedDay < day.date) {
        sheet.row(unpunchedRow(person, unpunchedDay));
        unpunchedWritten = true;
      }
      for (const punch of day.punches) {
        const r = punch.retailer;
        if (punch.source === 'card') {
          await card.writeRow([manager.code, r.customerCode, `${day.date} ${clockTimeWithSeconds(punch.second)}`, `T${10000 + r.index}`]);
          cardRows++;
          continue;
        }
        sheet.row([
          ...person,
          dingTalkDate(day.date),
          '外出',
          clockTime(Math.floor(punch.second / 60)),
          '外勤',
          r.address,
          round6(r.longitude + rng.float(-GPS_JITTER_DEGREES, GPS_JITTER_DEGREES)),
          round6(r.latitude + rng.float(-GPS_JITTER_DEGREES, GPS_JITTER_DEGREES)),
          `拜访客户：${r.name}（${r.licence}）`,
          punch.anomaly || null,
          rng.chance(0.3) ? '查看图片' : null,
          device,
        ]);
      }
    }
    if (unpunchedDay !== undefined && !unpunchedWritten && inPeriod(unpunchedDay)) sheet.row(unpunchedRow(person, unpunchedDay));
  }
  await sheet.close();
  await card.close();
  return [
    { path: dingPath, kind: 'attendance', rows: sheet.rowsWritten },
    { path: cardPath, kind: 'attendance', rows: cardRows },
  ];
}

/** DingTalk lists a day its user never punched as 未打卡 with no time: an absence, not a punch. */
function unpunchedRow(person: string[], date: string): (string | null)[] {
  return [...person, dingTalkDate(date), '上班', null, '未打卡', null, null, null, null, null, null, null];
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

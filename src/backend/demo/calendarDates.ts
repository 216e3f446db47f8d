/**
 * The demo files' own date spellings (DingTalk's, the provincial system's, clock times), in UTC so
 * that no local time zone leaks into them. Date arithmetic is core/calendar/dates.ts's.
 */

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(isoDate: string): number {
  return utcDate(isoDate).getUTCDay();
}

/** DingTalk's 考勤日期: '26-10-08 星期四'. */
export function dingTalkDate(isoDate: string): string {
  return `${isoDate.slice(2)} ${WEEKDAY_ZH[weekdayOf(isoDate)]}`;
}

/** The provincial system's order date: '2026/9/1'. */
export function slashDate(isoDate: string): string {
  return `${Number(isoDate.slice(0, 4))}/${Number(isoDate.slice(5, 7))}/${Number(isoDate.slice(8, 10))}`;
}

/** Minutes after midnight → '08:06'. */
export function clockTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Seconds after midnight → '08:06:41'. */
export function clockTimeWithSeconds(seconds: number): string {
  return `${clockTime(Math.floor(seconds / 60))}:${pad2(seconds % 60)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

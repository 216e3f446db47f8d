/** Plain ISO date arithmetic in UTC, so that no local time zone leaks into the demo files. */

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function parseMonth(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`not a YYYY-MM month: ${month}`);
  const value = { year: Number(match[1]), month: Number(match[2]) };
  if (value.month < 1 || value.month > 12) throw new Error(`not a YYYY-MM month: ${month}`);
  return value;
}

export function addMonths(month: string, delta: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/** `count` consecutive months ending at `endMonth`, oldest first. */
export function monthsEndingAt(endMonth: string, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) months.push(addMonths(endMonth, -i));
  return months;
}

export function daysOfMonth(month: string): string[] {
  const { year, month: m } = parseMonth(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const days: string[] = [];
  for (let d = 1; d <= last; d++) days.push(`${month}-${pad2(d)}`);
  return days;
}

export function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(isoDate: string): number {
  return utcDate(isoDate).getUTCDay();
}

export function addDays(isoDate: string, delta: number): string {
  return new Date(utcDate(isoDate).getTime() + delta * 86_400_000).toISOString().slice(0, 10);
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

import { daysOfMonth, weekdayOf } from './calendarDates';

export interface CalendarDay {
  date: string;
  workday: boolean;
  /** Holiday name, 调休上班 for a make-up workday, empty otherwise. */
  note: string;
}

interface HolidaySpan {
  name: string;
  from: string;
  to: string;
  makeUpWorkdays: string[];
}

/**
 * The published PRC schedule (holidays.md). The demo keeps its own copy so that it can
 * write a district before the app's calendar module ships; years outside it fall back
 * to Monday–Friday, as the app does.
 */
const HOLIDAYS: HolidaySpan[] = [
  { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeUpWorkdays: [] },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06', makeUpWorkdays: [] },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02', makeUpWorkdays: [] },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
];

const HOLIDAY_BY_DATE = new Map<string, string>();
const MAKE_UP_WORKDAYS = new Set<string>();
for (const span of HOLIDAYS) {
  for (let day = span.from; day <= span.to; day = nextDay(day)) HOLIDAY_BY_DATE.set(day, span.name);
  for (const day of span.makeUpWorkdays) MAKE_UP_WORKDAYS.add(day);
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function calendarDay(date: string): CalendarDay {
  const holiday = HOLIDAY_BY_DATE.get(date);
  if (holiday !== undefined) return { date, workday: false, note: holiday };
  if (MAKE_UP_WORKDAYS.has(date)) return { date, workday: true, note: '调休上班' };
  const weekday = weekdayOf(date);
  return { date, workday: weekday !== 0 && weekday !== 6, note: '' };
}

export function buildWorkCalendar(months: readonly string[]): CalendarDay[] {
  return months.flatMap((month) => daysOfMonth(month).map(calendarDay));
}

export function workdaysOf(month: string): string[] {
  return daysOfMonth(month).filter((date) => calendarDay(date).workday);
}

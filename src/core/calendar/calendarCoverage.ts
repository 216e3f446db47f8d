import { shippedYear } from './shippedHolidays';

/** Whether the shipped calendar knows a year's holidays, and a sentence saying so for the UI. */
export function calendarCoverage(year: number): { shipped: boolean; note: string } {
  const notice = shippedYear(year);
  if (notice) {
    return { shipped: true, note: `${year} 年节假日已内置（${notice.source}，${notice.published} 发布）` };
  }
  return { shipped: false, note: `${year} 年节假日尚未内置，按周一至周五计算` };
}

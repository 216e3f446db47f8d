import { daysOfMonth, shiftMonth } from '../calendar/dates';

/** The due day of the following month, moved back to its last day when that month is shorter. */
export function reportDueOn(month: string, dueDay: number): string {
  const nextMonthDays = daysOfMonth(shiftMonth(month, 1));
  const index = Math.min(Math.max(1, Math.floor(dueDay)), nextMonthDays.length) - 1;
  return nextMonthDays[index] ?? `${shiftMonth(month, 1)}-01`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month whose evaluation an entry belongs to: a journal's visit month; a report's period
 * when it names a month (月报), else the month it was handed in (a weekly report's 2026-W40).
 */
export function entryMonth(entry: { kind: 'journals' | 'reports'; date: string | null; month: string | null }): string | null {
  if (entry.kind === 'reports' && entry.month && MONTH.test(entry.month)) return entry.month;
  return entry.date ? entry.date.slice(0, 7) : null;
}

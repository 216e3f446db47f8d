import type { MonthContext } from './monthContext';

/**
 * Visits per retailer in the month: distinct days on which the manager punched at the
 * retailer or wrote a journal entry about it. Counting days, not rows, keeps a card swiped
 * twice, or a punch plus its journal entry, from counting as two visits.
 */
export function collectVisits(ctx: MonthContext, managerCode: string): Map<number, number> {
  const seen = new Set<number>();
  const visits = new Map<number, number>();
  const add = (retailerId: number | null, date: string): void => {
    if (retailerId === null || !ctx.inMonth(date)) return;
    // Retailer and day of the month in one number: a cheaper set key than a string.
    const key = retailerId * 32 + Number(date.slice(8, 10));
    if (seen.has(key)) return;
    seen.add(key);
    visits.set(retailerId, (visits.get(retailerId) ?? 0) + 1);
  };
  for (const punch of ctx.punchesByManager.get(managerCode) ?? []) add(punch.retailerId, punch.date);
  for (const entry of ctx.journalsByManager.get(managerCode) ?? []) add(entry.retailerId, entry.date);
  return visits;
}

import type { MonthContext } from './monthContext';

/**
 * Visits per retailer in the month, from collectVisitDays: distinct days on which the manager
 * punched at the retailer or wrote a journal entry about it. Counting days, not rows, keeps a card swiped
 * twice, or a punch plus its journal entry, from counting as two visits.
 */
export function countVisits(visitDays: ReadonlyMap<number, ReadonlySet<string>>): Map<number, number> {
  const visits = new Map<number, number>();
  for (const [retailerId, days] of visitDays) visits.set(retailerId, days.size);
  return visits;
}

/** The days of the month on which the manager visited each retailer (a punch at it or a journal entry about it). */
export function collectVisitDays(ctx: MonthContext, managerCode: string): Map<number, Set<string>> {
  const days = new Map<number, Set<string>>();
  const add = (retailerId: number | null, date: string): void => {
    if (retailerId === null || !ctx.inMonth(date)) return;
    const seen = days.get(retailerId);
    if (seen) seen.add(date);
    else days.set(retailerId, new Set([date]));
  };
  for (const punch of ctx.punchesByManager.get(managerCode) ?? []) add(punch.retailerId, punch.date);
  for (const entry of ctx.journalsByManager.get(managerCode) ?? []) add(entry.retailerId, entry.date);
  return days;
}

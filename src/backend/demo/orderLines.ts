import type { DemoBrand } from './brandCatalogue';
import { addDays, addMonths, daysOfMonth, utcDate, weekdayOf } from './calendarDates';
import type { DemoRetailer, DemoRoute } from './districtModel';
import type { SeededRandom } from './seededRandom';
import { calendarDay } from './workCalendar';

export interface OrderLine {
  date: string;
  brand: DemoBrand;
  demand: number;
  quantity: number;
}

/** Sales swell before the Spring Festival and in the autumn holidays. */
const SEASON = [1.22, 1.12, 0.9, 0.95, 1.0, 0.96, 0.98, 1.0, 1.05, 1.08, 0.97, 1.04];

/**
 * One retailer's order lines over `months`, oldest first: an order on the route's order
 * day each week (every other week for the smallest shops), a few of the shop's brands per
 * order, and new brands once the shop has taken them up.
 */
export function retailerOrderLines(
  rng: SeededRandom,
  retailer: DemoRetailer,
  route: DemoRoute,
  months: readonly string[],
  newBrands: readonly DemoBrand[],
): OrderLine[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const stopMonth = retailer.status === '暂停' ? addMonths(last, -1) : retailer.status === '注销' ? addMonths(last, -4) : null;
  const biweekly = retailer.tier <= 6;
  const adoption = new Map<DemoBrand, string>();
  for (const brand of newBrands) {
    if (!rng.chance(retailer.tier >= 10 ? 0.8 : 0.45)) continue;
    const lag = Math.round(rng.int(0, 110) * (retailer.tier < 10 ? 1.6 : 1));
    adoption.set(brand, addDays(brand.launchedOn, lag));
  }

  const lines: OrderLine[] = [];
  const monthDays = daysOfMonth(first);
  let weekStart = addDays(monthDays[0] as string, -((weekdayOf(monthDays[0] as string) + 6) % 7));
  const endDate = daysOfMonth(last).at(-1) as string;
  for (let week = 0; weekStart <= endDate; week++, weekStart = addDays(weekStart, 7)) {
    if (biweekly && (week + retailer.index) % 2 === 1) continue;
    const date = orderDayInWeek(weekStart, route.orderWeekday);
    if (date === null || date < `${first}-01` || date > endDate) continue;
    if (stopMonth !== null && date.slice(0, 7) >= stopMonth) break;
    const monthOffset = monthsBetween(first, date.slice(0, 7));
    const factor = SEASON[utcDate(date).getUTCMonth()]! * (1 + 0.045 * (monthOffset / 12));
    const count = Math.min(retailer.preferredBrands.length, rng.int(3, 6));
    const picked: DemoRetailer['preferredBrands'] = [];
    const pool = retailer.preferredBrands.slice();
    while (picked.length < count && pool.length > 0) {
      const choice = rng.pickWeighted(pool, (p) => p.share);
      pool.splice(pool.indexOf(choice), 1);
      picked.push(choice);
    }
    for (const { brand } of picked) {
      const quantity = Math.max(1, Math.round((1 + retailer.tier * 0.5) * rng.float(0.6, 1.5) * factor));
      lines.push({ date, brand, quantity, demand: quantity + demandGap(rng, brand) });
    }
    for (const [brand, from] of adoption) {
      if (date < from || !rng.chance(0.6)) continue;
      const quantity = Math.max(1, Math.round((1 + retailer.tier * 0.2) * rng.float(0.5, 1.3)));
      lines.push({ date, brand, quantity, demand: quantity + demandGap(rng, brand) });
    }
  }
  return lines;
}

function demandGap(rng: SeededRandom, brand: DemoBrand): number {
  if (brand.scarce) return rng.int(1, 6);
  return rng.chance(0.08) ? rng.int(1, 2) : 0;
}

/** The route's order weekday, or the next workday of the same week when that day is a holiday. */
function orderDayInWeek(monday: string, weekday: number): string | null {
  for (let offset = weekday - 1; offset <= 5; offset++) {
    const date = addDays(monday, offset);
    if (calendarDay(date).workday) return date;
  }
  return null;
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

import type { DemoBrand } from './brandCatalogue';
import { addDays, daysOfMonth, shiftMonth } from '../../core/calendar/dates';
import { weekdayOf } from './calendarDates';
import type { DemoRetailer } from './districtModel';
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

/** A day on which one route's retailers order, with the season-and-growth factor of its month. */
export interface OrderDay {
  date: string;
  week: number;
  factor: number;
}

/**
 * The order days of a route ordering on `weekday` (1 = Monday): that weekday of every week,
 * or the next workday of the same week when it is a holiday. Shared by all the route's retailers.
 */
export function routeOrderDays(weekday: number, months: readonly string[]): OrderDay[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const firstDay = `${first}-01`;
  const endDate = daysOfMonth(last).at(-1) as string;
  const days: OrderDay[] = [];
  let monday = addDays(firstDay, -((weekdayOf(firstDay) + 6) % 7));
  for (let week = 0; monday <= endDate; week++, monday = addDays(monday, 7)) {
    const date = orderDayInWeek(monday, weekday);
    if (date === null || date < firstDay || date > endDate) continue;
    const monthOffset = monthsBetween(first, date.slice(0, 7));
    days.push({ date, week, factor: (SEASON[Number(date.slice(5, 7)) - 1] ?? 1) * (1 + 0.045 * (monthOffset / 12)) });
  }
  return days;
}

/**
 * One retailer's order lines, oldest first: an order on each of the route's order days
 * (every other week for the smallest shops), a few of the shop's brands per order, and
 * new brands once the shop has taken them up.
 */
export function retailerOrderLines(
  rng: SeededRandom,
  retailer: DemoRetailer,
  orderDays: readonly OrderDay[],
  lastMonth: string,
  newBrands: readonly DemoBrand[],
): OrderLine[] {
  const stopMonth = retailer.status === '暂停' ? shiftMonth(lastMonth, -1) : retailer.status === '注销' ? shiftMonth(lastMonth, -4) : null;
  const biweekly = retailer.tier <= 6;
  const adoption = new Map<DemoBrand, string>();
  for (const brand of newBrands) {
    if (!rng.chance(retailer.tier >= 10 ? 0.8 : 0.45)) continue;
    const lag = Math.round(rng.int(0, 110) * (retailer.tier < 10 ? 1.6 : 1));
    adoption.set(brand, addDays(brand.launchedOn, lag));
  }

  const lines: OrderLine[] = [];
  for (const { date, week, factor } of orderDays) {
    if (biweekly && (week + retailer.index) % 2 === 1) continue;
    if (stopMonth !== null && date.slice(0, 7) >= stopMonth) break;
    const count = Math.min(retailer.preferredBrands.length, rng.int(3, 6));
    const pool = retailer.preferredBrands.slice();
    for (let k = 0; k < count && pool.length > 0; k++) {
      const choice = rng.pickWeighted(pool, (p) => p.share);
      pool.splice(pool.indexOf(choice), 1);
      const quantity = Math.max(1, Math.round((1 + retailer.tier * 0.5) * rng.float(0.6, 1.5) * factor));
      lines.push({ date, brand: choice.brand, quantity, demand: quantity + demandGap(rng, choice.brand) });
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

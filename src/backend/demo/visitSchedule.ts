import { distanceKm, isActive, type DemoRetailer, type District } from './districtModel';
import type { PlantPlan, PlantedProblem } from './plantPlan';
import type { SeededRandom } from './seededRandom';
import { clockTime } from './calendarDates';
import { workdaysOf } from './workCalendar';

export interface Visit {
  retailer: DemoRetailer;
  /** Minutes after midnight. */
  arrive: number;
  leave: number;
}

export interface Punch {
  retailer: DemoRetailer;
  /** Seconds after midnight. DingTalk shows minutes only; the card terminal shows seconds. */
  second: number;
  source: 'dingtalk' | 'card';
  anomaly: string;
}

export interface ManagerDay {
  managerCode: string;
  date: string;
  /** Visits the manager really made: each gets a journal entry. */
  visits: Visit[];
  punches: Punch[];
  /** A retailer called by phone that day (a journal entry without a punch). */
  phoneCall: DemoRetailer | null;
}

/** Minimum workdays between visits by tier band: 21–30 about weekly, 11–20 fortnightly, 1–10 monthly (with margin). */
function visitInterval(tier: number): number {
  return tier >= 21 ? 4 : tier >= 11 ? 8 : 16;
}

/** A market day: six to eight shops, as in the samples, more when more fall due. */
const MIN_DAILY_VISITS = 6;
const MAX_DAILY_VISITS = 8;
const DAY_START = 8 * 60;
const LAST_ARRIVAL = 17 * 60 + 30;
/** Urban-and-township driving with parking: honest consecutive punches stay far below 30 km/h. */
const TRAVEL_KMH = 18;

/**
 * Plans every manager's market days over `months`: which of his retailers he visits
 * (the most overdue ones, so high tiers come round more often and no shop is forgotten),
 * in which order (nearest next) and at what times. Planted attendance problems of the
 * evaluated month are applied here and logged to `planted`.
 */
export function buildVisitSchedule(
  rng: SeededRandom,
  district: District,
  plan: PlantPlan,
  months: readonly string[],
  planted: PlantedProblem[],
): Map<string, ManagerDay[]> {
  const schedule = new Map<string, ManagerDay[]>();
  const workdays = months.flatMap((month) => workdaysOf(month));
  for (const manager of district.managers) {
    const own = (district.retailersByManager.get(manager.code) ?? []).filter(isActive);
    const days: ManagerDay[] = [];
    schedule.set(manager.code, days);
    if (own.length === 0) continue;
    const mrng = rng.fork(`schedule:${manager.code}`);
    const lastVisit = new Map<DemoRetailer, number>(own.map((r) => [r, -mrng.int(0, visitInterval(r.tier))]));
    const dailyRate = dueVisitsPerDay(own);
    const isCard = plan.cardManagerCodes.has(manager.code);
    const favourites =
      plan.concentration?.managerCode === manager.code ? own.slice().sort((a, b) => b.tier - a.tier || a.index - b.index).slice(0, 3) : [];

    workdays.forEach((date, dayIndex) => {
      const inEndMonth = date.startsWith(plan.endMonth);
      if (inEndMonth && plan.absent?.managerCode === manager.code && plan.absent.days.includes(date)) return;
      const wanted = Math.min(own.length, Math.max(mrng.int(MIN_DAILY_VISITS, MAX_DAILY_VISITS), Math.min(MAX_DAILY_VISITS, Math.round(dailyRate))));
      const dueOrder = own
        .map((r) => ({ r, due: (dayIndex - (lastVisit.get(r) ?? 0)) / visitInterval(r.tier) + mrng.float(0, 0.35) }))
        .sort((a, b) => b.due - a.due || a.r.index - b.r.index)
        .map((x) => x.r);
      let chosen: DemoRetailer[];
      if (inEndMonth && favourites.length > 0) {
        const others = dueOrder.filter((r) => !favourites.includes(r)).slice(0, mrng.int(1, 2));
        chosen = [...favourites, ...others];
      } else {
        chosen = dueOrder.slice(0, wanted);
      }
      let route = orderByNearest(chosen);

      let foreign: DemoRetailer | null = null;
      if (inEndMonth && plan.outOfArea?.managerCode === manager.code && plan.outOfArea.day === date && route.length >= 3) {
        const before = route[1] as DemoRetailer;
        foreign = nearestForeignRetailer(district, manager.code, before);
        if (foreign) route = [...route.slice(0, 2), foreign, ...route.slice(3)];
      }

      const visits = timeVisits(mrng, route);
      for (const visit of visits) if (visit.retailer.managerCode === manager.code) lastVisit.set(visit.retailer, dayIndex);
      const punches: Punch[] = visits.map((v) => ({
        retailer: v.retailer,
        second: v.arrive * 60 + (isCard ? mrng.int(0, 59) : 0),
        source: isCard ? 'card' : 'dingtalk',
        anomaly: '',
      }));

      if (inEndMonth) {
        if (foreign) {
          const visit = visits.find((v) => v.retailer === foreign);
          if (visit) {
            planted.push({
              flag: 'attendance.out_of_area',
              managerCode: manager.code,
              date,
              detail: `${clockTime(visit.arrive)} 在${foreign.managerCode}的零售户${foreign.name}（${foreign.licence}）打卡`,
            });
          }
        }
        plantFakerPunches(mrng, plan, manager.code, date, own, visits, punches, planted);
      }

      const notVisited = own.filter((r) => !chosen.includes(r));
      const phoneCall = notVisited.length > 0 && mrng.chance(0.2) ? mrng.pick(notVisited) : null;
      days.push({ managerCode: manager.code, date, visits, punches, phoneCall });
    });

    if (favourites.length > 0) {
      planted.push({
        flag: 'attendance.concentration',
        managerCode: manager.code,
        detail: `本月每个出勤日都拜访 ${favourites.map((r) => r.name).join('、')}，其余零售户很少走访`,
      });
    }
    if (plan.absent?.managerCode === manager.code) {
      for (const day of plan.absent.days) {
        planted.push({ flag: 'attendance.absent', managerCode: manager.code, date: day, detail: `${day} 为工作日，全天无打卡记录` });
      }
    }
  }
  return schedule;
}

/** How many of these retailers fall due on an average workday. */
function dueVisitsPerDay(own: readonly DemoRetailer[]): number {
  return own.reduce((sum, r) => sum + 1 / visitInterval(r.tier), 0);
}

/** Visits a manager makes on an average market day. */
export function typicalDailyVisits(own: readonly DemoRetailer[]): number {
  return Math.min(own.length, Math.max((MIN_DAILY_VISITS + MAX_DAILY_VISITS) / 2, Math.min(MAX_DAILY_VISITS, dueVisitsPerDay(own))));
}

/** Nearest-neighbour order starting from the retailer nearest to the group's centre. */
function orderByNearest(retailers: DemoRetailer[]): DemoRetailer[] {
  if (retailers.length <= 1) return retailers.slice();
  const centre = {
    longitude: retailers.reduce((s, r) => s + r.longitude, 0) / retailers.length,
    latitude: retailers.reduce((s, r) => s + r.latitude, 0) / retailers.length,
  };
  const left = retailers.slice();
  let current = left.reduce((best, r) => (distanceKm(r, centre) > distanceKm(best, centre) ? r : best));
  const ordered: DemoRetailer[] = [];
  while (left.length > 0) {
    ordered.push(current);
    left.splice(left.indexOf(current), 1);
    if (left.length === 0) break;
    const from = current;
    current = left.reduce((best, r) => (distanceKm(from, r) < distanceKm(from, best) ? r : best));
  }
  return ordered;
}

function timeVisits(rng: SeededRandom, route: DemoRetailer[]): Visit[] {
  const visits: Visit[] = [];
  let clock = DAY_START + rng.int(0, 40);
  let hadLunch = false;
  route.forEach((retailer, i) => {
    if (i > 0) {
      const previous = route[i - 1] as DemoRetailer;
      const travel = Math.max(6, Math.ceil((distanceKm(previous, retailer) / TRAVEL_KMH) * 60)) + rng.int(5, 18);
      clock += travel;
      if (!hadLunch && clock >= 12 * 60) {
        clock += rng.int(35, 60);
        hadLunch = true;
      }
    }
    if (clock > LAST_ARRIVAL) return;
    const stay = rng.int(20, 45);
    visits.push({ retailer, arrive: clock, leave: clock + stay });
    clock += stay;
  });
  return visits;
}

function nearestForeignRetailer(district: District, managerCode: string, from: DemoRetailer): DemoRetailer | null {
  let best: DemoRetailer | null = null;
  for (const r of district.retailers) {
    if (r.managerCode === managerCode || !isActive(r)) continue;
    if (!best || distanceKm(from, r) < distanceKm(from, best)) best = r;
  }
  return best;
}

/** The faker's punches: a hop no car can make, a mocked location, a double swipe, a late-night punch. */
function plantFakerPunches(
  rng: SeededRandom,
  plan: PlantPlan,
  managerCode: string,
  date: string,
  own: DemoRetailer[],
  visits: Visit[],
  punches: Punch[],
  planted: PlantedProblem[],
): void {
  const middle = Math.min(punches.length - 1, Math.floor(punches.length / 2));
  const anchor = punches[middle];
  if (!anchor) return;

  if (plan.impossibleTravel?.managerCode === managerCode && plan.impossibleTravel.day === date) {
    const far = own.reduce((best, r) => (distanceKm(anchor.retailer, r) > distanceKm(anchor.retailer, best) ? r : best));
    const km = distanceKm(anchor.retailer, far);
    const gapMinutes = Math.max(1, Math.min(3, Math.floor((km / 100) * 60)));
    punches.splice(middle + 1, 0, { retailer: far, second: anchor.second + gapMinutes * 60, source: 'dingtalk', anomaly: '' });
    planted.push({
      flag: 'attendance.impossible_travel',
      managerCode,
      date,
      detail: `${clockTime(anchor.second / 60)} 在${anchor.retailer.name}打卡，${gapMinutes} 分钟后在相距 ${km.toFixed(1)} 公里的${far.name}打卡（约 ${Math.round((km / gapMinutes) * 60)} 公里/小时）`,
    });
  }
  if (plan.mockLocation?.managerCode === managerCode && plan.mockLocation.day === date) {
    anchor.anomaly = '模拟定位';
    planted.push({
      flag: 'attendance.mock_location',
      managerCode,
      date,
      detail: `${clockTime(anchor.second / 60)} 在${anchor.retailer.name}的打卡被标记为模拟定位`,
    });
  }
  if (plan.duplicate?.managerCode === managerCode && plan.duplicate.day === date) {
    punches.splice(middle + 1, 0, { retailer: anchor.retailer, second: anchor.second + rng.int(12, 50), source: 'card', anomaly: '' });
    planted.push({
      flag: 'attendance.duplicate',
      managerCode,
      date,
      detail: `${clockTime(anchor.second / 60)} 在${anchor.retailer.name}钉钉打卡，同一分钟又在该户终端刷卡`,
    });
  }
  if (plan.offHours?.managerCode === managerCode && plan.offHours.day === date) {
    const last = visits[visits.length - 1];
    if (last) {
      const minute = 21 * 60 + rng.int(12, 50);
      punches.push({ retailer: last.retailer, second: minute * 60, source: 'dingtalk', anomaly: '' });
      planted.push({
        flag: 'attendance.off_hours',
        managerCode,
        date,
        detail: `${clockTime(minute)} 在${last.retailer.name}打卡（晚于 21:00）`,
      });
    }
  }
}

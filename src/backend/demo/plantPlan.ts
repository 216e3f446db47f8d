import type { FlagType } from '../../core/measures/dimensions';
import type { DemoManager } from './districtModel';
import type { SeededRandom } from './seededRandom';
import { workdaysOf } from './workCalendar';

/**
 * Which manager does what wrong, and on which workdays of the evaluated month. Everything
 * here happens in the last month only; the generators that realise a plant record it in
 * the manifest with the concrete evidence (retailer, time, entry).
 */
export interface PlantPlan {
  endMonth: string;
  honestCodes: Set<string>;
  /** Honest managers whose visits are recorded by the retailers' card terminals instead of DingTalk. */
  cardManagerCodes: Set<string>;
  absent: { managerCode: string; days: string[] } | null;
  concentration: { managerCode: string } | null;
  outOfArea: { managerCode: string; day: string } | null;
  impossibleTravel: { managerCode: string; day: string } | null;
  offHours: { managerCode: string; day: string } | null;
  duplicate: { managerCode: string; day: string } | null;
  mockLocation: { managerCode: string; day: string } | null;
  shortEntries: { managerCode: string; count: number } | null;
  selfCopy: { managerCode: string; pairs: { sourceDay: string; copyDay: string }[] } | null;
  crossCopy: { managerCode: string; sourceManagerCode: string; sourceDay: string; copyDay: string } | null;
  reportMissing: { managerCode: string } | null;
  reportCopy: { managerCode: string } | null;
  orderMissed: { managerCode: string; day: string } | null;
  /** Violations an honest manager wrote down before the monopoly inspection found them. */
  reportedViolations: { managerCode: string; violation: string; reportDay: string; inspectionDay: string }[];
  disliked: { managerCode: string } | null;
}

export interface PlantedProblem {
  flag: FlagType;
  managerCode: string;
  detail: string;
  date?: string;
  /** For copies: whose text was copied, from which day (journals) or month (reports). */
  source?: { managerCode: string; date?: string; period?: string };
}

export function planProblems(rng: SeededRandom, managers: DemoManager[], endMonth: string): PlantPlan {
  const count = managers.length;
  const dishonestCount = count >= 8 ? 4 : count >= 6 ? 3 : count >= 4 ? 2 : count >= 2 ? 1 : 0;
  const dishonest: DemoManager[] = [];
  for (let j = 0; j < dishonestCount; j++) {
    const manager = managers[Math.floor(((j + 0.5) * count) / dishonestCount)];
    if (manager) dishonest.push(manager);
  }
  const dishonestCodes = new Set(dishonest.map((m) => m.code));
  const honest = managers.filter((m) => !dishonestCodes.has(m.code));
  const cardManagers = honest.length >= 4 ? [honest[1], honest[3]] : honest.length >= 3 ? [honest[1]] : [];

  const workdays = workdaysOf(endMonth);
  const usedDays = new Map<string, Set<string>>();
  /** A workday of the month in [from, to) (fractions of the month's workdays) not yet used for this manager. */
  const takeDay = (managerCode: string, from: number, to: number): string => {
    const used = usedDays.get(managerCode) ?? new Set<string>();
    usedDays.set(managerCode, used);
    const inner = workdays.slice(1, Math.max(2, workdays.length - 1));
    const lo = Math.floor(from * inner.length);
    const hi = Math.max(lo + 1, Math.floor(to * inner.length));
    const candidates = inner.slice(lo, hi).filter((d) => !used.has(d));
    const fallback = inner.filter((d) => !used.has(d));
    const day = rng.pick(candidates.length > 0 ? candidates : fallback.length > 0 ? fallback : workdays);
    used.add(day);
    return day;
  };

  const plan: PlantPlan = {
    endMonth,
    honestCodes: new Set(honest.map((m) => m.code)),
    cardManagerCodes: new Set(cardManagers.filter((m): m is DemoManager => m !== undefined).map((m) => m.code)),
    absent: null,
    concentration: null,
    outOfArea: null,
    impossibleTravel: null,
    offHours: null,
    duplicate: null,
    mockLocation: null,
    shortEntries: null,
    selfCopy: null,
    crossCopy: null,
    reportMissing: null,
    reportCopy: null,
    orderMissed: null,
    reportedViolations: [],
    disliked: null,
  };
  if (dishonest.length === 0 || workdays.length < 6) return plan;

  // Roles in this order so that, folded onto fewer managers, the one who skips the monthly
  // report is not also the one who copies it.
  const roleHolder = (role: number): DemoManager => dishonest[role % dishonest.length] as DemoManager;
  const lazy = roleHolder(0);
  const copier = roleHolder(1);
  const faker = roleHolder(2);
  const disliked = roleHolder(3);

  plan.absent = { managerCode: lazy.code, days: [takeDay(lazy.code, 0.15, 0.4), takeDay(lazy.code, 0.4, 0.65), takeDay(lazy.code, 0.65, 0.95)].sort() };
  plan.concentration = { managerCode: lazy.code };
  plan.shortEntries = { managerCode: lazy.code, count: 6 };
  plan.reportMissing = { managerCode: lazy.code };
  plan.orderMissed = { managerCode: lazy.code, day: takeDay(lazy.code, 0.5, 1) };

  const crossSource = honest[0];
  if (crossSource) {
    plan.crossCopy = {
      managerCode: copier.code,
      sourceManagerCode: crossSource.code,
      sourceDay: takeDay(crossSource.code, 0, 0.35),
      copyDay: takeDay(copier.code, 0.5, 1),
    };
  }
  if (copier.code !== lazy.code) plan.reportCopy = { managerCode: copier.code };
  plan.outOfArea = { managerCode: copier.code, day: takeDay(copier.code, 0.2, 0.8) };

  plan.impossibleTravel = { managerCode: faker.code, day: takeDay(faker.code, 0.1, 0.9) };
  plan.mockLocation = { managerCode: faker.code, day: takeDay(faker.code, 0.1, 0.9) };
  plan.duplicate = { managerCode: faker.code, day: takeDay(faker.code, 0.1, 0.9) };
  plan.offHours = { managerCode: faker.code, day: takeDay(faker.code, 0.1, 0.9) };
  plan.selfCopy = {
    managerCode: faker.code,
    pairs: [
      { sourceDay: takeDay(faker.code, 0, 0.3), copyDay: takeDay(faker.code, 0.6, 1) },
      { sourceDay: takeDay(faker.code, 0, 0.4), copyDay: takeDay(faker.code, 0.5, 1) },
    ],
  };

  plan.disliked = { managerCode: disliked.code };

  const reporters = [honest[0], honest[2] ?? honest[1]].filter((m): m is DemoManager => m !== undefined);
  const violations = ['假烟', '私烟/非法渠道'];
  reporters.forEach((manager, i) => {
    const reportDay = takeDay(manager.code, 0, 0.45);
    const later = workdays.filter((d) => d > reportDay);
    const inspectionDay = later[Math.min(later.length - 1, rng.int(2, 6))] ?? reportDay;
    plan.reportedViolations.push({ managerCode: manager.code, violation: violations[i % violations.length] as string, reportDay, inspectionDay });
  });
  return plan;
}

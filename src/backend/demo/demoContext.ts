import type { District } from './districtModel';
import type { PlantPlan, PlantedProblem } from './plantPlan';
import type { SeededRandom } from './seededRandom';
import type { ManagerDay } from './visitSchedule';

export type DemoDataKind =
  | 'roster'
  | 'retailers'
  | 'brands'
  | 'calendar'
  | 'journals'
  | 'attendance'
  | 'reports'
  | 'surveys'
  | 'orders'
  | 'agreements'
  | 'inspections'
  | 'spotchecks';

export interface WrittenFile {
  path: string;
  kind: DemoDataKind;
  /** Data rows, without title, header and totals rows. */
  rows: number;
}

/** Everything the per-kind writers share for one generated district. */
export interface DemoContext {
  outDir: string;
  rng: SeededRandom;
  district: District;
  plan: PlantPlan;
  planted: PlantedProblem[];
  endMonth: string;
  /** Months with orders and monthly reports (the `months` option), oldest first. */
  orderMonths: string[];
  /** The evaluated month and the one before: surveys, agreements, inspections, spot checks. */
  recentMonths: string[];
  attendanceMonths: string[];
  journalMonths: string[];
  schedule: Map<string, ManagerDay[]>;
  /** When the exports were pulled: early in the month after the evaluated one. */
  exportedOn: string;
}

/** 'YYYY-MM' … 'YYYY-MM' → '202509-202610' for file names; one month → '202610'. */
export function monthSpanLabel(months: readonly string[]): string {
  const first = (months[0] ?? '').replace('-', '');
  const last = (months[months.length - 1] ?? '').replace('-', '');
  return first === last ? last : `${first}-${last}`;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildBrandCatalogue } from './brandCatalogue';
import { buildDistrict } from './buildDistrict';
import { daysOfMonth, monthsEndingAt, parseMonth, shiftMonth } from '../../core/calendar/dates';
import type { DemoContext, WrittenFile } from './demoContext';
import type { DemoManifest } from './demoManifest';
import { isActive, type District } from './districtModel';
import { planProblems, type PlantPlan, type PlantedProblem } from './plantPlan';
import { SeededRandom } from './seededRandom';
import { buildVisitSchedule, typicalDailyVisits, type ManagerDay } from './visitSchedule';
import { calendarDay } from './workCalendar';
import { writeAgreements } from './writeAgreements';
import { writeAttendance } from './writeAttendance';
import { writeBrands } from './writeBrands';
import { writeCalendar } from './writeCalendar';
import { writeInspections } from './writeInspections';
import { writeJournals } from './writeJournals';
import { writeOrders } from './writeOrders';
import { writeReports } from './writeReports';
import { writeRetailers } from './writeRetailers';
import { writeRoster } from './writeRoster';
import { writeSpotchecks } from './writeSpotchecks';
import { writeSurveys } from './writeSurveys';

export type { DemoManifest } from './demoManifest';

export interface DemoOptions {
  outDir: string;
  /** Default 1. */
  seed?: number;
  /** Default 10. */
  managers?: number;
  /** Default 300. */
  retailers?: number;
  /** Months of orders and monthly reports, ending at endMonth. Default 13 (so the evaluated month has last year's). */
  months?: number;
  /** The evaluated month, 'YYYY-MM'. Default '2026-10'. */
  endMonth?: string;
  /** Default 'csv' (GB18030). */
  ordersFormat?: 'csv' | 'xlsx';
  /** Pad the DingTalk sheet to about this many punches by covering more months (benchmarks). */
  attendanceRowsTarget?: number;
  /** Pad the work journals to about this many entries by covering more months (benchmarks). */
  journalsTarget?: number;
}

export interface DemoResult {
  files: string[];
  manifest: DemoManifest;
  manifestPath: string;
}

/** Workdays in an average month, for sizing padded periods. */
const WORKDAYS_PER_MONTH = 21;
/** Attendance and journals cover the evaluated month and the one before by default. */
export const DEFAULT_ACTIVITY_MONTHS = 2;

/**
 * Writes a demo district's spreadsheets (all twelve data kinds, in the shapes real exports
 * have) into `outDir`, plus .demo-manifest.json (a dotfile, so that `import d/*` does not pick it up) naming the planted problems. The same seed
 * gives the same rows.
 */
export async function writeDemoDistrict(opts: DemoOptions): Promise<DemoResult> {
  const seed = opts.seed ?? 1;
  const managerCount = opts.managers ?? 10;
  const retailerCount = opts.retailers ?? 300;
  const monthCount = opts.months ?? 13;
  const endMonth = opts.endMonth ?? '2026-10';
  parseMonth(endMonth);
  if (!Number.isInteger(managerCount) || managerCount < 1) throw new Error('managers must be a positive integer');
  if (!Number.isInteger(retailerCount) || retailerCount < managerCount) throw new Error('retailers must be an integer of at least the number of managers');
  if (!Number.isInteger(monthCount) || monthCount < DEFAULT_ACTIVITY_MONTHS) throw new Error(`months must be an integer of at least ${DEFAULT_ACTIVITY_MONTHS}`);

  await mkdir(opts.outDir, { recursive: true });
  const rng = new SeededRandom(seed);
  const brands = buildBrandCatalogue(rng.fork('brands'), endMonth);
  const district = buildDistrict(rng.fork('district'), managerCount, retailerCount, brands);
  const plan = planProblems(rng.fork('plan'), district.managers, endMonth);
  const activity = planActivity(rng, district, plan, endMonth, opts.attendanceRowsTarget, opts.journalsTarget);
  const { schedule, planted, attendanceMonthCount, journalMonthCount } = activity;

  const orderMonths = monthsEndingAt(endMonth, monthCount);
  const ctx: DemoContext = {
    outDir: opts.outDir,
    rng,
    district,
    plan,
    planted,
    endMonth,
    orderMonths,
    recentMonths: monthsEndingAt(endMonth, DEFAULT_ACTIVITY_MONTHS),
    attendanceMonths: monthsEndingAt(endMonth, attendanceMonthCount),
    journalMonths: monthsEndingAt(endMonth, journalMonthCount),
    schedule,
    exportedOn: firstWorkdayAfter(endMonth),
  };
  const calendarMonths = monthsEndingAt(endMonth, Math.max(monthCount, attendanceMonthCount, journalMonthCount));

  const written: WrittenFile[] = [];
  written.push(await writeRoster(ctx));
  written.push(await writeRetailers(ctx));
  written.push(await writeBrands(ctx));
  written.push(await writeCalendar(ctx, calendarMonths));
  const orders = await writeOrders(ctx, opts.ordersFormat ?? 'csv');
  written.push(orders.file);
  written.push(...(await writeAttendance(ctx)));
  const journals = await writeJournals(ctx, orders.ledger);
  written.push(journals.file);
  written.push(await writeReports(ctx, orders.ledger));
  written.push(await writeSurveys(ctx));
  written.push(await writeAgreements(ctx, orders.ledger));
  written.push(await writeInspections(ctx, journals.violationReports));
  written.push(await writeSpotchecks(ctx, orders.ledger));

  const manifest: DemoManifest = {
    seed,
    endMonth,
    managers: district.managers.map((m) => ({ code: m.code, name: m.name, honest: plan.honestCodes.has(m.code) })),
    planted: sortPlanted(planted),
    files: written.map((f) => ({ name: basename(f.path), kind: f.kind, rows: f.rows })),
  };
  const manifestPath = join(opts.outDir, '.demo-manifest.json');
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return { files: written.map((f) => f.path), manifest, manifestPath };
}

interface Activity {
  schedule: Map<string, ManagerDay[]>;
  planted: PlantedProblem[];
  attendanceMonthCount: number;
  journalMonthCount: number;
}

/**
 * Plans the market days. By default attendance and journals cover the evaluated month and
 * the one before; a benchmark's row targets stretch them back over as many months as the
 * schedule turns out to need (sized once from an estimate, then corrected by what a
 * planned month really holds).
 */
function planActivity(
  rng: SeededRandom,
  district: District,
  plan: PlantPlan,
  endMonth: string,
  attendanceTarget: number | undefined,
  journalsTarget: number | undefined,
): Activity {
  const build = (attendanceMonthCount: number, journalMonthCount: number): Activity => {
    const planted: PlantedProblem[] = [];
    // One month more than is written, so that surveys can quote last month's visits.
    const months = monthsEndingAt(endMonth, Math.max(attendanceMonthCount, journalMonthCount) + 1);
    const schedule = buildVisitSchedule(rng.fork('schedule'), district, plan, months, planted);
    return { schedule, planted, attendanceMonthCount, journalMonthCount };
  };
  const estimate = estimatedVisitsPerMonth(district, plan);
  let activity = build(monthsFor(attendanceTarget, estimate.dingTalk), monthsFor(journalsTarget, estimate.entries));
  const measured = measuredPerMonth(activity);
  const attendanceMonthCount = Math.max(activity.attendanceMonthCount, monthsFor(attendanceTarget, measured.dingTalk));
  const journalMonthCount = Math.max(activity.journalMonthCount, monthsFor(journalsTarget, measured.entries));
  if (attendanceMonthCount !== activity.attendanceMonthCount || journalMonthCount !== activity.journalMonthCount) {
    activity = build(attendanceMonthCount, journalMonthCount);
  }
  return activity;
}

/** DingTalk punches and journal entries a month across the district, by the schedule's daily rate. */
function estimatedVisitsPerMonth(district: District, plan: PlantPlan): { dingTalk: number; entries: number } {
  let all = 0;
  let dingTalk = 0;
  for (const manager of district.managers) {
    const perDay = typicalDailyVisits((district.retailersByManager.get(manager.code) ?? []).filter(isActive));
    all += perDay;
    if (!plan.cardManagerCodes.has(manager.code)) dingTalk += perDay;
  }
  return { dingTalk: Math.max(1, dingTalk * WORKDAYS_PER_MONTH), entries: Math.max(1, all * WORKDAYS_PER_MONTH * 1.1) };
}

/** The same, counted in the months the schedule actually holds. */
function measuredPerMonth(activity: Activity): { dingTalk: number; entries: number } {
  let dingTalk = 0;
  let entries = 0;
  const months = new Set<string>();
  for (const days of activity.schedule.values()) {
    for (const day of days) {
      months.add(day.date.slice(0, 7));
      dingTalk += day.punches.filter((p) => p.source === 'dingtalk').length;
      entries += day.visits.length + (day.phoneCall ? 1 : 0);
    }
  }
  const count = Math.max(1, months.size);
  return { dingTalk: Math.max(1, dingTalk / count), entries: Math.max(1, entries / count) };
}

function monthsFor(target: number | undefined, perMonth: number): number {
  if (target === undefined || target <= 0) return DEFAULT_ACTIVITY_MONTHS;
  return Math.max(DEFAULT_ACTIVITY_MONTHS, Math.ceil(target / perMonth));
}

function firstWorkdayAfter(month: string): string {
  const next = daysOfMonth(shiftMonth(month, 1));
  return next.find((d) => calendarDay(d).workday) ?? (next[0] as string);
}

function sortPlanted(planted: PlantedProblem[]): PlantedProblem[] {
  return planted.slice().sort((a, b) => a.managerCode.localeCompare(b.managerCode) || a.flag.localeCompare(b.flag) || (a.date ?? '').localeCompare(b.date ?? ''));
}

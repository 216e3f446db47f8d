import type { SchemeThresholds } from '../scoring/scheme';
import { buildAssignmentIndex, type AssignmentIndex } from './assignmentIndex';
import { employmentWindow, type EmploymentWindow } from './employmentWindow';
import type {
  AbsenceRow,
  AgreementRow,
  BrandRow,
  EvaluationInput,
  InspectionRow,
  JournalRow,
  ManagerRow,
  RetailerMonthOrders,
  PunchRow,
  ReportRow,
  RetailerRow,
  SpotcheckRow,
  SurveyRow,
} from './evaluationInput';
import { groupBy } from './groupBy';
import { daysOfMonth, shiftMonth } from '../calendar/dates';
import { sumOrderTotals } from './sumOrderTotals';

/**
 * The month's input, indexed once by manager and retailer so that each measure is a lookup.
 * Groups are sorted (by time, date, id) so that flags come out in the same order whatever
 * order the backend loaded the rows in.
 */
export interface MonthContext {
  input: EvaluationInput;
  thresholds: SchemeThresholds;
  month: string;
  previousMonth: string;
  lastYearMonth: string;
  monthDays: readonly string[];
  firstDay: string;
  lastDay: string;
  assignments: AssignmentIndex;
  retailerById: ReadonlyMap<number, RetailerRow>;
  managerByCode: ReadonlyMap<string, ManagerRow>;
  brandByCode: ReadonlyMap<string, BrandRow>;
  /** month → retailer id → that retailer's per-brand totals. */
  orders: ReadonlyMap<string, ReadonlyMap<number, RetailerMonthOrders>>;
  /** The month's punches, each manager's sorted by time. */
  punchesByManager: ReadonlyMap<string, PunchRow[]>;
  absencesByManager: ReadonlyMap<string, AbsenceRow[]>;
  /** All journal entries given (the month and the days before it), sorted by date then id. */
  journalsByManager: ReadonlyMap<string, JournalRow[]>;
  reportsByManager: ReadonlyMap<string, ReportRow[]>;
  /** The month's surveys and inspections, attributed to the manager assigned to the retailer on that day. */
  surveysByManager: ReadonlyMap<string, SurveyRow[]>;
  inspectionsByManager: ReadonlyMap<string, InspectionRow[]>;
  spotchecksByManager: ReadonlyMap<string, SpotcheckRow[]>;
  agreementsByRetailer: ReadonlyMap<number, AgreementRow[]>;
  /** Whether the district imported this kind for the month at all: without it a dimension has no data. */
  has: { orders: boolean; lastYearOrders: boolean; punches: boolean; journals: boolean; monthlyReports: boolean; inspections: boolean };
  inMonth(date: string): boolean;
  /** The month's workdays on which the manager was employed (from hiredOn to the leaving day). */
  workdaysOf(managerCode: string): string[];
  /** The days of the month the manager was employed in; null: not judged in the month at all. */
  employmentOf(managerCode: string): EmploymentWindow | null;
  retailerName(retailerId: number): string;
  managerName(managerCode: string): string;
}

export function buildMonthContext(input: EvaluationInput, thresholds: SchemeThresholds): MonthContext {
  const monthDays = daysOfMonth(input.month);
  const firstDay = monthDays[0] ?? `${input.month}-01`;
  const lastDay = monthDays[monthDays.length - 1] ?? firstDay;
  const inMonth = (date: string): boolean => date >= firstDay && date <= lastDay;
  const assignments = buildAssignmentIndex(input.assignments, monthDays);
  const retailerById = new Map(input.retailers.map((row) => [row.id, row]));
  const managerByCode = new Map(input.managers.map((row) => [row.code, row]));
  const previousMonth = shiftMonth(input.month, -1);
  const lastYearMonth = shiftMonth(input.month, -12);
  const orders = indexOrders(input.retailerOrders ?? sumOrderTotals(input.orderTotals ?? [], input.brands, input.agreements, input.month));
  const monthPunches = input.punches.filter((row) => inMonth(row.date));
  const monthReports = input.reports.filter((row) => row.kind === '月报' && row.period === input.month);
  const managerOn = (retailerId: number | null, date: string): string | null =>
    retailerId === null ? null : (assignments.assignmentOn(retailerId, date)?.managerCode ?? null);
  const byAttributedManager = <T extends { id: number; retailerId: number | null; date: string }>(rows: readonly T[]): Map<string, T[]> => {
    const attributed = rows.filter((row) => inMonth(row.date) && managerOn(row.retailerId, row.date) !== null);
    return sortEach(
      groupBy(attributed, (row) => managerOn(row.retailerId, row.date) ?? ''),
      byDateThenId,
    );
  };

  // The last day of the month each manager punched or wrote a journal entry: a manager whose
  // status says gone (without a leaving date) is judged up to that day.
  const lastActive = new Map<string, string>();
  const noteActive = (code: string, date: string): void => {
    if (!inMonth(date)) return;
    const seen = lastActive.get(code);
    if (seen === undefined || date > seen) lastActive.set(code, date);
  };
  for (const punch of monthPunches) noteActive(punch.managerCode, punch.date);
  for (const entry of input.journals) noteActive(entry.managerCode, entry.date);
  const employment = new Map(
    input.managers.map((m) => [m.code, employmentWindow(m, firstDay, lastDay, lastActive.get(m.code) ?? null)] as const),
  );

  return {
    input,
    thresholds,
    month: input.month,
    previousMonth,
    lastYearMonth,
    monthDays,
    firstDay,
    lastDay,
    assignments,
    retailerById,
    managerByCode,
    brandByCode: new Map(input.brands.map((row) => [row.code, row])),
    orders,
    punchesByManager: sortEach(
      groupBy(monthPunches, (row) => row.managerCode),
      (a, b) => compare(a.at, b.at) || a.id - b.id,
    ),
    absencesByManager: sortEach(
      groupBy(
        input.absences.filter((row) => inMonth(row.date)),
        (row) => row.managerCode,
      ),
      byDateThenId,
    ),
    journalsByManager: sortEach(
      groupBy(input.journals, (row) => row.managerCode),
      byDateThenId,
    ),
    reportsByManager: sortEach(
      groupBy(input.reports, (row) => row.managerCode),
      (a, b) => a.id - b.id,
    ),
    surveysByManager: byAttributedManager(input.surveys),
    inspectionsByManager: byAttributedManager(input.inspections),
    spotchecksByManager: sortEach(
      groupBy(
        input.spotchecks.filter((row) => inMonth(row.date)),
        (row) => row.managerCode,
      ),
      byDateThenId,
    ),
    agreementsByRetailer: groupBy(
      input.agreements.filter((row) => row.month === input.month),
      (row) => row.retailerId,
    ),
    has: {
      orders: orders.has(input.month),
      lastYearOrders: orders.has(lastYearMonth),
      punches: monthPunches.length > 0 || input.absences.some((row) => inMonth(row.date)),
      journals: input.journals.some((row) => inMonth(row.date)),
      monthlyReports: monthReports.length > 0,
      inspections: input.inspections.some((row) => inMonth(row.date)),
    },
    inMonth,
    workdaysOf: (managerCode) => {
      const window = employment.get(managerCode) ?? null;
      return window === null ? [] : input.workdays.filter((day) => day >= window.from && day <= window.to);
    },
    employmentOf: (managerCode) => employment.get(managerCode) ?? null,
    retailerName: (retailerId) => retailerById.get(retailerId)?.name ?? `零售户#${retailerId}`,
    managerName: (managerCode) => managerByCode.get(managerCode)?.name ?? managerCode,
  };
}

function indexOrders(rows: readonly RetailerMonthOrders[]): Map<string, Map<number, RetailerMonthOrders>> {
  const byMonth = new Map<string, Map<number, RetailerMonthOrders>>();
  for (const row of rows) {
    let byRetailer = byMonth.get(row.month);
    if (!byRetailer) {
      byRetailer = new Map();
      byMonth.set(row.month, byRetailer);
    }
    byRetailer.set(row.retailerId, row);
  }
  return byMonth;
}

function sortEach<K, T>(groups: Map<K, T[]>, order: (a: T, b: T) => number): Map<K, T[]> {
  for (const rows of groups.values()) rows.sort(order);
  return groups;
}

function byDateThenId(a: { date: string; id: number }, b: { date: string; id: number }): number {
  return compare(a.date, b.date) || a.id - b.id;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

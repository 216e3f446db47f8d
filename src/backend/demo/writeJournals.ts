import { join } from 'node:path';
import { clockTime } from './calendarDates';
import { monthSpanLabel, type DemoContext, type WrittenFile } from './demoContext';
import type { DemoRetailer } from './districtModel';
import { composeJournalEntry, SHORT_ENTRIES, type JournalEntry, type ReportedViolation } from './journalText';
import { lightlyEdited } from './lightlyEdited';
import type { SalesLedger } from './salesLedger';
import type { ManagerDay } from './visitSchedule';
import { XlsxSheetWriter } from './xlsxSheetWriter';

export interface ViolationReport {
  managerCode: string;
  retailer: DemoRetailer;
  date: string;
  violation: ReportedViolation;
  inspectionDay: string;
}

const HEADER = [
  '拜访日期', '客户经理工号', '客户经理', '许可证号', '客户名称', '到店时间', '离店时间', '拜访方式',
  '拜访内容', '发现问题', '处理情况', '明码标价', '陈列规范', '违规情况',
];

/**
 * 工作日志: one entry per visit (and per phone call), dates as Excel date cells, yes/no
 * columns in two styles (是/否 and Y/N). The evaluated month carries the planted short
 * entries and near-copies; honest violation reports are returned for the inspections.
 */
export async function writeJournals(ctx: DemoContext, ledger: SalesLedger): Promise<{ file: WrittenFile; violationReports: ViolationReport[] }> {
  const path = join(ctx.outDir, `工作日志_${monthSpanLabel(ctx.journalMonths)}.xlsx`);
  const sheet = XlsxSheetWriter.open(path, '工作日志', [11, 12, 10, 14, 22, 8, 8, 8, 80, 14, 14, 8, 8, 12]);
  sheet.header(HEADER);

  const journalMonths = new Set(ctx.journalMonths);
  const dayOf = new Map<string, ManagerDay>();
  for (const days of ctx.schedule.values()) for (const day of days) dayOf.set(`${day.managerCode}|${day.date}`, day);
  const namesByRoute = new Map<string, string[]>();
  for (const r of ctx.district.retailers) {
    const names = namesByRoute.get(r.route) ?? [];
    names.push(r.name);
    namesByRoute.set(r.route, names);
  }
  const newBrands = ctx.district.brands.filter((b) => b.newBrand);
  const violationReports: ViolationReport[] = [];

  /** About a week's share of what the shop ordered that month; from its tier where the order file does not reach. */
  const weeklyOrderOf = (retailer: DemoRetailer, date: string): number => {
    const monthly = ledger.retailerVolume(retailer, date.slice(0, 7));
    return monthly > 0 ? monthly / 4.3 : (1 + retailer.tier * 0.5) * 4.5;
  };

  const entryFor = (day: ManagerDay, index: number): JournalEntry => {
    const rng = ctx.rng.fork(`journal:${day.managerCode}:${day.date}:${index}`);
    const visit = day.visits[index];
    const retailer = visit?.retailer ?? day.phoneCall;
    if (!retailer) throw new Error('journal entry without a retailer');
    const routeNames = (namesByRoute.get(retailer.route) ?? []).filter((n) => n !== retailer.name);
    const planned = ctx.plan.reportedViolations.find((v) => v.managerCode === day.managerCode && v.reportDay === day.date);
    const violation = planned && index === 0 ? (planned.violation as ReportedViolation) : null;
    return composeJournalEntry(
      rng,
      {
        retailer,
        brands: retailer.preferredBrands.map((p) => p.brand),
        newBrands: newBrands.filter((b) => b.launchedOn <= day.date),
        neighbours: rng.sample(routeNames, 3),
        arrive: visit?.arrive ?? null,
        stayMinutes: visit ? visit.leave - visit.arrive : null,
        weeklyOrder: weeklyOrderOf(retailer, day.date) * rng.float(0.8, 1.2),
        method: methodOf(day, index),
      },
      violation,
    );
  };

  const copies = plannedCopies(ctx, dayOf, entryFor);
  const shortDays = plannedShortDays(ctx);
  const shortTexts: string[] = [];
  const perfunctoryDays = plannedPerfunctoryDays(ctx, shortDays);
  const perfunctoryDates: string[] = [];

  for (const manager of ctx.district.managers) {
    for (const day of ctx.schedule.get(manager.code) ?? []) {
      if (!journalMonths.has(day.date.slice(0, 7))) continue;
      const count = day.visits.length + (day.phoneCall ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const visit = day.visits[i];
        const retailer = visit?.retailer ?? day.phoneCall;
        if (!retailer) continue;
        const entry = entryFor(day, i);
        const key = `${manager.code}|${day.date}|${i}`;
        let content = copies.get(key) ?? entry.content;
        if (i === 0 && shortDays.has(`${manager.code}|${day.date}`)) {
          content = SHORT_ENTRIES[shortTexts.length % SHORT_ENTRIES.length] as string;
          shortTexts.push(`${day.date}「${content}」`);
        } else if (i === 0 && perfunctoryDays.has(`${manager.code}|${day.date}`)) {
          content = PERFUNCTORY_ENTRY;
          perfunctoryDates.push(day.date);
        }
        if (entry.violation !== '无') {
          const planned = ctx.plan.reportedViolations.find((v) => v.managerCode === manager.code && v.reportDay === day.date);
          if (planned) {
            violationReports.push({ managerCode: manager.code, retailer, date: day.date, violation: entry.violation as ReportedViolation, inspectionDay: planned.inspectionDay });
          }
        }
        sheet.row([
          { date: day.date },
          manager.code,
          manager.name,
          retailer.licence,
          retailer.name,
          visit ? clockTime(visit.arrive) : null,
          visit ? clockTime(visit.leave) : null,
          methodOf(day, i),
          content,
          entry.problems || null,
          entry.actions || null,
          visit ? (entry.priceMarked ? '是' : '否') : null,
          visit ? (entry.displayOk ? 'Y' : 'N') : null,
          entry.violation,
        ]);
      }
    }
  }
  await sheet.close();

  if (ctx.plan.shortEntries && shortTexts.length > 0) {
    ctx.planted.push({
      flag: 'records.short_entries',
      managerCode: ctx.plan.shortEntries.managerCode,
      detail: `${shortTexts.length} 条日志不足 20 字：${shortTexts.join('，')}`,
    });
  }
  if (ctx.plan.shortEntries && perfunctoryDates.length > 0) {
    ctx.planted.push({
      flag: 'records.perfunctory',
      managerCode: ctx.plan.shortEntries.managerCode,
      detail: `${perfunctoryDates.length} 条日志只有全区通用的套话（${perfunctoryDates.join('、')}）：「${PERFUNCTORY_ENTRY}」`,
    });
  }
  return { file: { path, kind: 'journals', rows: sheet.rowsWritten }, violationReports };
}

/**
 * The lazy manager's 应付差事 entry: phrases every manager's journal has (journalText's clauses in
 * their usual order), with no shop, person, number or finding of the day.
 */
const PERFUNCTORY_ENTRY = '店里没有无标识卷烟，经营规范。店主对服务表示满意。';

/** Three visit days of the short-entry manager in the evaluated month, other than the short ones. */
function plannedPerfunctoryDays(ctx: DemoContext, shortDays: ReadonlySet<string>): Set<string> {
  const plan = ctx.plan.shortEntries;
  if (!plan) return new Set();
  const days = (ctx.schedule.get(plan.managerCode) ?? [])
    .filter((d) => d.date.startsWith(ctx.endMonth) && d.visits.length > 0)
    .map((d) => `${plan.managerCode}|${d.date}`)
    .filter((key) => !shortDays.has(key));
  const step = Math.max(1, Math.floor(days.length / 4));
  return new Set([days[step], days[2 * step], days[3 * step]].filter((key): key is string => key !== undefined));
}

function methodOf(day: ManagerDay, index: number): '走访' | '电话' | '微信' {
  if (day.visits[index]) return '走访';
  return Number(day.date.slice(8, 10)) % 3 === 0 ? '微信' : '电话';
}

/** Texts of the planted near-copies by `manager|date|entry index`, logged to the manifest. */
function plannedCopies(
  ctx: DemoContext,
  dayOf: Map<string, ManagerDay>,
  entryFor: (day: ManagerDay, index: number) => JournalEntry,
): Map<string, string> {
  const copies = new Map<string, string>();
  const rng = ctx.rng.fork('journal-copies');
  const plant = (copierCode: string, copyDay: string, sourceCode: string, sourceDay: string): boolean => {
    const source = dayOf.get(`${sourceCode}|${sourceDay}`);
    const target = dayOf.get(`${copierCode}|${copyDay}`);
    if (!source || !target || source.visits.length === 0 || target.visits.length === 0) return false;
    copies.set(`${copierCode}|${copyDay}|0`, lightlyEdited(rng, entryFor(source, 0).content));
    return true;
  };
  for (const pair of ctx.plan.selfCopy?.pairs ?? []) {
    const code = ctx.plan.selfCopy?.managerCode as string;
    if (plant(code, pair.copyDay, code, pair.sourceDay)) {
      ctx.planted.push({
        flag: 'records.self_copy',
        managerCode: code,
        date: pair.copyDay,
        detail: `${pair.copyDay} 的日志照抄本人 ${pair.sourceDay} 的日志，仅改动一个数字`,
        source: { managerCode: code, date: pair.sourceDay },
      });
    }
  }
  const cross = ctx.plan.crossCopy;
  if (cross && plant(cross.managerCode, cross.copyDay, cross.sourceManagerCode, cross.sourceDay)) {
    ctx.planted.push({
      flag: 'records.cross_copy',
      managerCode: cross.managerCode,
      date: cross.copyDay,
      detail: `${cross.copyDay} 的日志照抄 ${cross.sourceManagerCode} 在 ${cross.sourceDay} 的日志，仅改动一个数字`,
      source: { managerCode: cross.sourceManagerCode, date: cross.sourceDay },
    });
  }
  return copies;
}

/** Days of the evaluated month whose first entry the lazy manager keeps to a few words. */
function plannedShortDays(ctx: DemoContext): Set<string> {
  const plan = ctx.plan.shortEntries;
  if (!plan) return new Set();
  const days = (ctx.schedule.get(plan.managerCode) ?? []).filter((d) => d.date.startsWith(ctx.endMonth) && d.visits.length > 0);
  const step = Math.max(1, Math.floor(days.length / plan.count));
  const chosen = new Set<string>();
  for (let i = 0; i < days.length && chosen.size < plan.count; i += step) chosen.add(`${plan.managerCode}|${(days[i] as ManagerDay).date}`);
  return chosen;
}

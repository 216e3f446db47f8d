import type { AsOfMonthSource } from '../../../shared/importReport';
import type { Store } from '../../db/openStore';
import { monthFromFileName } from './monthFromFileName';

export interface AsOfMonth {
  month: string;
  source: AsOfMonthSource;
}

/** The month before `now`'s month, 'YYYY-MM' (local calendar, as the supervisor sees it). */
function previousMonth(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The latest month any activity data (orders, journals, punches) falls in, or null for an empty store. */
async function latestActivityMonth(store: Store): Promise<string | null> {
  let latest: string | null = null;
  for (const table of ['orders', 'journals', 'attendance'] as const) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.max('date').as('last')).executeTakeFirst();
    const last = typeof row?.last === 'string' ? row.last.slice(0, 7) : null;
    if (last !== null && /^\d{4}-\d{2}$/.test(last) && (latest === null || last > latest)) latest = last;
  }
  return latest;
}

/**
 * The month a master file (retailers: their route assignments) speaks for when nobody said:
 * the month in the file name, else the latest month with activity data in the store, else the
 * month before the current one. Never the clock's month: files arrive after their month ends.
 */
export async function defaultAsOfMonth(store: Store, fileName: string, now: Date, given?: string): Promise<AsOfMonth> {
  if (given !== undefined) return { month: given, source: 'given' };
  const named = monthFromFileName(fileName);
  if (named !== null) return { month: named, source: 'fileName' };
  const latest = await latestActivityMonth(store);
  if (latest !== null) return { month: latest, source: 'latestActivity' };
  return { month: previousMonth(now), source: 'previousMonth' };
}

/** The month and its origin in words, for the import report. */
export function describeAsOfMonth(m: AsOfMonth): string {
  const origin: Record<AsOfMonthSource, string> = {
    given: '按指定的月份',
    fileName: '取自文件名',
    latestActivity: '取自库中最近有业务数据的月份',
    previousMonth: '库中没有业务数据，取上个月',
  };
  return `线路分配自 ${m.month} 起生效（${origin[m.source]}）`;
}

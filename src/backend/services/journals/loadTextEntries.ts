import type { TextEntryDto, TextKind } from '../../../shared/api/journalsApi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { selectJournalEntries, selectReportEntries } from '../../repositories/textEntryQueries';
import { commentsByEntry } from '../../repositories/entryCommentRepository';
import { monthRange } from '../../../core/calendar/dates';
import { entryMonth } from './entryMonth';

export type EntryFilter =
  | { ids: readonly number[] }
  /** A manager's entries of a month, or of one day of it (journals only). */
  | { managerCode: string; month: string; date?: string };

/** Reports that are weekly notes, not the monthly report the compare screen shows. */
export const WEEKLY_KIND = '周记';

/**
 * Journals (by date and time) or monthly reports, with the supervisor's comment and whether
 * the entry's month is finalized. Entries are returned in date/time order, then by id.
 */
export async function loadTextEntries(db: Kysely<Database>, kind: TextKind, filter: EntryFilter): Promise<TextEntryDto[]> {
  const entries = kind === 'journals' ? await loadJournals(db, filter) : await loadReports(db, filter);
  if (entries.length === 0) return [];
  const [comments, locked] = await Promise.all([
    commentsByEntry(
      db,
      kind,
      entries.map((e) => e.id),
    ),
    finalizedMonthsByDistrict(db, entries),
  ]);
  return entries
    .map((e): TextEntryDto => {
      const comment = comments.get(e.id);
      const month = entryMonth(e);
      return {
        ...e,
        comment: comment?.text ?? null,
        commentBy: comment?.updated_by ?? null,
        commentAt: comment?.updated_at ?? null,
        locked: month !== null && locked(e.managerCode, month),
      };
    })
    .sort(byDateTime);
}

type BareEntry = Omit<TextEntryDto, 'comment' | 'commentBy' | 'commentAt' | 'locked'>;

/** Whether an entry's month is finalized in its manager's district (districts finalize independently, migration 0014). */
async function finalizedMonthsByDistrict(db: Kysely<Database>, entries: readonly BareEntry[]): Promise<(managerCode: string, month: string) => boolean> {
  const finals = await db.selectFrom('evaluations').select(['month', 'district_id']).where('status', '=', 'final').execute();
  if (finals.length === 0) return () => false;
  const codes = [...new Set(entries.map((e) => e.managerCode))];
  const districtOf = new Map((await db.selectFrom('managers').select(['code', 'district_id']).where('code', 'in', codes).execute()).map((m) => [m.code, m.district_id] as const));
  const locked = new Set(finals.map((f) => `${f.district_id}|${f.month}`));
  return (code, month) => locked.has(`${districtOf.get(code) ?? ''}|${month}`);
}

/** By day, then time; an entry without a time comes last in its day (its place in the day is unknown). */
function byDateTime(a: BareEntry, b: BareEntry): number {
  return compare(a.date ?? '', b.date ?? '') || compare(a.time ?? '~', b.time ?? '~') || a.id - b.id;
}

/** Code-unit order: ISO dates and times sort right, and '~' after every digit (localeCompare would not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function loadJournals(db: Kysely<Database>, filter: EntryFilter): Promise<BareEntry[]> {
  let query = selectJournalEntries(db);
  if ('ids' in filter) {
    query = query.where('j.id', 'in', [...filter.ids]);
  } else {
    query = query.where('m.code', '=', filter.managerCode);
    if (filter.date) {
      query = query.where('j.date', '=', filter.date);
    } else {
      const { from, to } = monthRange(filter.month);
      query = query.where('j.date', '>=', from).where('j.date', '<', to);
    }
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    kind: 'journals',
    id: row.id,
    managerCode: row.managerCode,
    managerName: row.managerName,
    date: row.date,
    time: row.arrived_at ? row.arrived_at.slice(0, 5) : null,
    month: row.date.slice(0, 7),
    title: null,
    retailerName: row.retailerName ?? row.retailer_name,
    retailerLicence: row.retailerLicence ?? row.retailer_ref,
    text: row.content,
  }));
}

async function loadReports(db: Kysely<Database>, filter: EntryFilter): Promise<BareEntry[]> {
  let query = selectReportEntries(db);
  if ('ids' in filter) {
    query = query.where('p.id', 'in', [...filter.ids]);
  } else {
    query = query.where('m.code', '=', filter.managerCode).where('p.period', '=', filter.month).where('p.kind', '!=', WEEKLY_KIND);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    kind: 'reports',
    id: row.id,
    managerCode: row.managerCode,
    managerName: row.managerName,
    date: row.submitted_on,
    time: null,
    month: row.period,
    title: row.title,
    retailerName: null,
    retailerLicence: null,
    text: row.body,
  }));
}

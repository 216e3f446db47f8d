import { textOf, type RecordData } from '../../../core/import/records';
import type { KindKey } from '../../../shared/kindKeys';
import type { SqlValue } from '../../db/rowUpserter';
import type { ImportedTableName } from '../../db/schema';
import type { UpsertOutcome } from '../../db/rowUpserter';
import { forgetOrderMonths } from '../../repositories/orderMonthCache';
import { carriesAny } from './carriedColumns';
import { compactKey } from './compactKey';
import { JournalCorrections } from './journalCorrections';
import type { KindWriterContext } from './makeKindWriter';
import type { WriteOutcome } from './kindWriter';
import type { ManagerRef } from './linkIndex';

export type Upsert = (
  table: ImportedTableName,
  nk: string,
  values: Record<string, SqlValue>,
  label?: string,
) => { outcome: UpsertOutcome; id: number };

/** One row as its kind's declaration writes it to the kind's table. */
export interface RowWrite {
  table: ImportedTableName;
  nk: string;
  values: Record<string, SqlValue>;
  /** How the change list names the row (undefined: by its key). */
  title: string | undefined;
  data: RecordData;
  manager: ManagerRef | undefined;
}

export interface RowWriteEnv {
  ctx: KindWriterContext;
  upsert: Upsert;
  /** The value an upsert left in a column: the file's, or the stored one where the file has no such column. */
  stored: (table: ImportedTableName, column: string) => SqlValue;
  counts: { assignmentsAdded: number };
}

/** Writes a row where its kind does more than upsert it into its table. */
export type RowWriter = ((row: RowWrite, unlinked: boolean) => WriteOutcome) & { finish?: () => Promise<void> };

const text = (v: SqlValue): string | null => (v === null ? null : String(v));
const num = (v: SqlValue): number | null => (typeof v === 'number' ? v : null);
const done = (out: { outcome: UpsertOutcome }, unlinked = false): WriteOutcome => ({ status: out.outcome, unlinked });

/**
 * What a kind's rows do beyond their own table: the roster, retailers and brands are linked to as
 * they are written and keep what held in the month (versions, route assignments); a corrected
 * journal entry replaces the one it corrects; a punch repeated in one file stays a second punch;
 * new order lines make their months' cached totals stale. Undefined: the row is only upserted.
 */
export function makeRowWrites(kind: KindKey, env: RowWriteEnv): RowWriter | undefined {
  const { ctx, upsert, stored } = env;
  switch (kind) {
    case 'roster':
      return ({ table, nk, values, title, data }) => {
        const out = upsert(table, nk, values, title);
        const code = textOf(data, 'code') ?? '';
        const name = text(stored('managers', 'name')) ?? textOf(data, 'name') ?? '';
        ctx.links.addManager(out.id, code, name, text(stored('managers', 'dingtalk_id')), text(stored('managers', 'routes')) ?? '');
        // What the roster said for this month (a month reads what held in it); columns the file
        // lacks keep what is stored.
        upsert('manager_versions', `${code}|${ctx.asOfMonth}`, {
          manager_id: out.id,
          month: ctx.asOfMonth,
          name,
          department: text(stored('managers', 'department')),
          status: text(stored('managers', 'status')),
        });
        return done(out);
      };
    case 'retailers':
      return ({ table, nk, values, title, data, manager }) => {
        const out = upsert(table, nk, values, title);
        const licence = textOf(data, 'licence') ?? '';
        const name = text(stored('retailers', 'name')) ?? textOf(data, 'name') ?? '';
        ctx.links.addRetailer({
          id: out.id,
          licence,
          customerCode: text(stored('retailers', 'customer_code')),
          name,
          longitude: num(stored('retailers', 'longitude')),
          latitude: num(stored('retailers', 'latitude')),
          managerCode: text(stored('retailers', 'manager_code')),
        });
        upsert('retailer_versions', `${licence}|${ctx.asOfMonth}`, {
          retailer_id: out.id,
          month: ctx.asOfMonth,
          name,
          status: text(stored('retailers', 'status')),
        });
        // A file without route or manager columns says nothing about who serves the retailer.
        if (!carriesAny(ctx.carried, ['route', 'managerCode', 'managerName'])) return done(out);
        // A 生效日期 starts the assignment on that day (a mid-month transfer), in its own month.
        const assignedFrom = textOf(data, 'assignedFrom');
        const assignedMonth = assignedFrom ? assignedFrom.slice(0, 7) : ctx.asOfMonth;
        const assignment = upsert(
          'assignments',
          `${licence}|${assignedMonth}`,
          {
            retailer_id: out.id,
            month: assignedMonth,
            route: textOf(data, 'route'),
            manager_id: manager?.id ?? null,
            valid_from: assignedFrom && !assignedFrom.endsWith('-01') ? assignedFrom : null,
          },
          `${licence} ${textOf(data, 'name') ?? ''} ${assignedMonth}`,
        );
        // A route assignment for a month that had none is counted on its own line, not as 更新;
        // a changed assignment of the same month is a change of the retailer row.
        if (assignment.outcome === 'inserted' && out.outcome !== 'inserted') env.counts.assignmentsAdded += 1;
        return done(out.outcome === 'unchanged' && assignment.outcome === 'updated' ? { outcome: 'updated' } : out);
      };
    case 'brands':
      return ({ table, nk, values, title, data }) => {
        const out = upsert(table, nk, values, title);
        // The marks as this month's list gives them (a month reads what held in it).
        upsert('brand_versions', `${textOf(data, 'code') ?? ''}|${ctx.asOfMonth}`, {
          brand_id: out.id,
          month: ctx.asOfMonth,
          key_brand: stored('brands', 'key_brand'),
          new_brand: stored('brands', 'new_brand'),
          launched_on: text(stored('brands', 'launched_on')),
        });
        return done(out);
      };
    case 'journals': {
      let corrections: JournalCorrections | undefined;
      return ({ table, nk, values }, unlinked) => {
        // A corrected entry replaces the one it corrects instead of being added beside it.
        corrections ??= new JournalCorrections(ctx.upserters.journalRows());
        const corrected = corrections.correct(compactKey(nk), values);
        const out = corrected === undefined ? upsert(table, nk, values) : { outcome: 'updated' as const, id: corrected };
        corrections.claim(out.id);
        return done(out, unlinked);
      };
    }
    case 'attendance': {
      // A punch at the same minute twice is evidence (attendance.duplicate), not a re-import:
      // the k-th repeat of a key within one file gets its own stable key.
      const seenPunchKeys = new Map<string, number>();
      return ({ table, nk, values }, unlinked) => {
        const seen = (seenPunchKeys.get(nk) ?? 0) + 1;
        seenPunchKeys.set(nk, seen);
        return done(upsert(table, seen === 1 ? nk : `${nk}#${seen}`, values), unlinked);
      };
    }
    case 'orders': {
      // Months of order lines inserted: their cached totals go stale (backend/repositories/orderMonthCache;
      // updates and deletes are caught by triggers).
      const orderMonths = new Set<string>();
      const write: RowWriter = ({ table, nk, values, data }, unlinked) => {
        const out = upsert(table, nk, values);
        if (out.outcome === 'inserted') orderMonths.add((textOf(data, 'date') ?? '').slice(0, 7));
        return done(out, unlinked);
      };
      write.finish = async () => {
        if (orderMonths.size > 0) await forgetOrderMonths(ctx.store.db, [...orderMonths]);
      };
      return write;
    }
    default:
      return undefined;
  }
}

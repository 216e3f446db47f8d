import { KIND_SPECS, type KindName } from '../../../core/import/kinds';
import type { KindRecord } from '../../../core/import/records';
import type { Store } from '../../db/openStore';
import type { SqlValue } from '../../db/sqlite/preparedQuery';
import type { ImportedTableName } from '../../db/schema';
import type { ColumnChange, RowUpserter, SuspendedIndexes, Upserters } from '../../db/rowUpserter';
import { carriesAny, keptColumns, sourceFieldsOf } from './carriedColumns';
import { forgetOrderMonths } from '../../repositories/orderMonthCache';
import { compactKey } from './compactKey';
import { JournalCorrections } from './journalCorrections';
import { relinkRows } from './relinkRows';
import type { KindWriter, LinkError, RowChange, WriteOutcome } from './kindWriter';
import type { LinkIndex, ManagerRef, RetailerLinkMethod, RetailerRef } from './linkIndex';

export interface KindWriterContext {
  store: Store;
  /** The batch's table writers, for the store's dialect (db/makeUpserters). */
  upserters: Upserters;
  links: LinkIndex;
  batchId: number;
  /** The month a retailer file's route assignments hold from. */
  asOfMonth: string;
  /** Punches within this distance of a retailer are linked to it. */
  linkRadiusMeters?: number;
  /** Overrides BULK_MIN_ROWS (Infinity: never suspend indexes). */
  bulkMinRows?: number;
  /**
   * The field keys the file has columns for: an existing row keeps its stored value in every
   * column the file does not carry. Undefined: whole rows are written.
   */
  carried?: ReadonlySet<string>;
}

/** How many updated rows the change list shows in full. */
const CHANGE_SAMPLE_ROWS = 20;

const bool = (b: boolean | null | undefined): number | null => (b === null || b === undefined ? null : b ? 1 : 0);

/** Counts of rows kept with a reference that points nowhere, reported once per file. */
class UnlinkedTally {
  private readonly counts = new Map<string, number>();
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }
  private readonly notes: string[] = [];
  note(message: string): void {
    this.notes.push(message);
  }
  warnings(): string[] {
    return [...[...this.counts].map(([message, n]) => `${n} 行${message}`), ...this.notes];
  }
}

/**
 * A table's secondary indexes are dropped for the rest of an import (and rebuilt at its end) once
 * it has inserted this many rows and at least half as many as the table held before: from there
 * on, rebuilding the indexes over the whole table by sorting costs less than inserting each new
 * row into each of them at a random place.
 */
const BULK_MIN_ROWS = 20_000;

/** Indexes a bulk load keeps: corrected journal entries are looked up by manager and day (JournalCorrections). */
const KEPT_INDEXES: Partial<Record<ImportedTableName, readonly string[]>> = { journals: ['journals_manager_date'] };

function worthSuspending(u: RowUpserter, minRows: number): boolean {
  if (u.insertedRows < minRows || u.firstInsertedId === null) return false;
  // Ids grow and are never reused, so the ids below the first new one bound the rows there were.
  const before = u.firstInsertedId - 1;
  return u.insertedRows * 2 >= before;
}

type Write<K extends KindName> = (data: Extract<KindRecord, { kind: K }>['data']) => WriteOutcome;

/**
 * The writer for one kind: links each record to the roster, retailers and brands, builds its
 * natural key from the linked identities (so a punch keyed by UserId in one export and by 工号
 * in another is the same punch) and upserts it.
 */
export function makeKindWriter(kind: KindName, ctx: KindWriterContext): KindWriter {
  const tally = new UnlinkedTally();
  const upserters = new Map<ImportedTableName, RowUpserter>();
  const changeSamples: RowChange[] = [];
  let assignmentsAdded = 0;
  let linked = 0;
  const labelOf = (table: ImportedTableName, column: string): string => {
    const key = sourceFieldsOf(kind, table, column)?.[0];
    return KIND_SPECS[kind].fields.find((f) => f.key === key)?.labelZh ?? column;
  };
  const noteChanges = (table: ImportedTableName, key: string, changes: readonly ColumnChange[]) => {
    if (changes.length === 0 || changeSamples.length >= CHANGE_SAMPLE_ROWS) return;
    changeSamples.push({
      table,
      key,
      fields: changes
        .filter((c) => !c.column.endsWith('_id') || table === 'assignments')
        .map((c) => ({ column: c.column, label: labelOf(table, c.column), old: c.old, new: c.new })),
    });
  };
  const upserterOf = (table: ImportedTableName, values: Record<string, SqlValue>): RowUpserter => {
    let u = upserters.get(table);
    if (!u) {
      const columns = Object.keys(values);
      u = ctx.upserters.upserter(table, columns, keptColumns(kind, table, columns, ctx.carried));
      upserters.set(table, u);
    }
    return u;
  };
  const upsert = (table: ImportedTableName, nk: string, values: Record<string, SqlValue>, label = nk) => {
    const u = upserterOf(table, values);
    const out = u.upsert(compactKey(nk), values);
    if (out.outcome === 'updated') noteChanges(table, label, u.lastChanges);
    return out;
  };
  /** The value an upsert left in a column: the file's, or the stored one where the file has no such column. */
  const stored = (table: ImportedTableName, column: string): SqlValue => upserters.get(table)?.valueOf(column) ?? null;
  const text = (v: SqlValue): string | null => (v === null ? null : String(v));
  const done = (outcome: { outcome: 'inserted' | 'updated' | 'unchanged' }, unlinked = false): WriteOutcome => ({
    status: outcome.outcome,
    unlinked,
  });
  const invalid = (...errors: LinkError[]): WriteOutcome => ({ status: 'invalid', errors });

  const manager = (r: { managerCode?: string | null; managerUserId?: string | null; managerName?: string | null }):
    | ManagerRef
    | LinkError => {
    const found = ctx.links.findManager({ code: r.managerCode, userId: r.managerUserId, name: r.managerName });
    if ('manager' in found) return found.manager;
    const field = r.managerCode ? 'managerCode' : r.managerUserId ? 'managerUserId' : 'managerName';
    return { field, value: r.managerCode ?? r.managerUserId ?? r.managerName ?? '', reason: found.error };
  };
  const isError = (x: unknown): x is LinkError => typeof x === 'object' && x !== null && 'reason' in x;

  /** A retailer named by licence or customer code; unknown ones are kept and counted. */
  const retailer = (r: { licence: string | null; customerCode: string | null }) => {
    const ref = r.licence ?? r.customerCode;
    const found = ctx.links.retailerByCode(r.licence, r.customerCode);
    if (ref && !found) tally.add(`找不到零售户（许可证号/客户编码不在零售客户档案中），已保留但未关联`);
    return { ref, found };
  };

  // Months of order lines inserted: their cached totals go stale (backend/repositories/orderMonthCache;
  // updates and deletes are caught by triggers).
  const orderMonths = new Set<string>();

  // A punch at the same minute twice is evidence (attendance.duplicate), not a re-import:
  // the k-th repeat of a key within one file gets its own stable key.
  const seenPunchKeys = new Map<string, number>();
  let corrections: JournalCorrections | undefined;

  const writers: { [K in KindName]: Write<K> } = {
    roster: (d) => {
      const out = upsert('managers', d.code, {
        code: d.code,
        name: d.name,
        department: d.department,
        area: d.area,
        routes: d.routes.length > 0 ? d.routes.join('、') : null,
        phone: d.phone,
        dingtalk_id: d.dingtalkId,
        hired_on: d.hiredOn,
        status: d.status,
        left_on: d.leftOn,
      }, `${d.code} ${d.name}`);
      ctx.links.addManager(
        out.id,
        d.code,
        text(stored('managers', 'name')) ?? d.name,
        text(stored('managers', 'dingtalk_id')),
        text(stored('managers', 'routes')) ?? '',
      );
      // What the roster said for this month (a month reads what held in it); columns the file
      // lacks keep what is stored.
      upsert('manager_versions', `${d.code}|${ctx.asOfMonth}`, {
        manager_id: out.id,
        month: ctx.asOfMonth,
        name: text(stored('managers', 'name')) ?? d.name,
        department: text(stored('managers', 'department')),
        status: text(stored('managers', 'status')),
      });
      return done(out);
    },
    retailers: (d) => {
      let m: ManagerRef | undefined;
      if (d.managerCode || d.managerName) {
        const found = manager({ managerCode: d.managerCode, managerName: d.managerName });
        if (isError(found)) return invalid(found);
        m = found;
      } else if (d.route) {
        m = ctx.links.managerForRoute(d.route);
        if (!m) tally.add(`的线路在花名册中没有对应的客户经理`);
      }
      const out = upsert('retailers', d.licence, {
        licence: d.licence,
        customer_code: d.customerCode,
        name: d.name,
        owner: d.owner,
        phone: d.phone,
        address: d.address,
        longitude: d.longitude,
        latitude: d.latitude,
        format: d.format,
        market: d.market,
        tier: d.tier,
        route: d.route,
        manager_code: m?.code ?? d.managerCode,
        manager_name: m?.name ?? d.managerName,
        status: d.status,
      }, `${d.licence} ${d.name}`);
      const num = (v: SqlValue): number | null => (typeof v === 'number' ? v : null);
      ctx.links.addRetailer({
        id: out.id,
        licence: d.licence,
        customerCode: text(stored('retailers', 'customer_code')),
        name: text(stored('retailers', 'name')) ?? d.name,
        longitude: num(stored('retailers', 'longitude')),
        latitude: num(stored('retailers', 'latitude')),
        managerCode: text(stored('retailers', 'manager_code')),
      });
      upsert('retailer_versions', `${d.licence}|${ctx.asOfMonth}`, {
        retailer_id: out.id,
        month: ctx.asOfMonth,
        name: text(stored('retailers', 'name')) ?? d.name,
        status: text(stored('retailers', 'status')),
      });
      // A file without route or manager columns says nothing about who serves the retailer.
      if (!carriesAny(ctx.carried, ['route', 'managerCode', 'managerName'])) return done(out);
      // A 生效日期 starts the assignment on that day (a mid-month transfer), in its own month.
      const assignedMonth = d.assignedFrom ? d.assignedFrom.slice(0, 7) : ctx.asOfMonth;
      const assignment = upsert('assignments', `${d.licence}|${assignedMonth}`, {
        retailer_id: out.id,
        month: assignedMonth,
        route: d.route,
        manager_id: m?.id ?? null,
        valid_from: d.assignedFrom && !d.assignedFrom.endsWith('-01') ? d.assignedFrom : null,
      }, `${d.licence} ${d.name} ${assignedMonth}`);
      // A route assignment for a month that had none is counted on its own line, not as 更新;
      // a changed assignment of the same month is a change of the retailer row.
      if (assignment.outcome === 'inserted' && out.outcome !== 'inserted') assignmentsAdded += 1;
      return done(out.outcome === 'unchanged' && assignment.outcome === 'updated' ? { outcome: 'updated' } : out);
    },
    brands: (d) => {
      const out = upsert('brands', d.code, {
        code: d.code,
        name: d.name,
        brand: d.brand,
        price_class: d.priceClass,
        wholesale_price: d.wholesalePrice,
        retail_price: d.retailPrice,
        key_brand: bool(d.keyBrand),
        new_brand: bool(d.newBrand),
        launched_on: d.launchedOn,
      }, `${d.code} ${d.name}`);
      // The marks as this month's list gives them (a month reads what held in it).
      upsert('brand_versions', `${d.code}|${ctx.asOfMonth}`, {
        brand_id: out.id,
        month: ctx.asOfMonth,
        key_brand: stored('brands', 'key_brand'),
        new_brand: stored('brands', 'new_brand'),
        launched_on: text(stored('brands', 'launched_on')),
      });
      return done(out);
    },
    calendar: (d) => done(upsert('calendar_days', d.date, { date: d.date, workday: d.workday ? 1 : 0, note: d.note })),
    journals: (d) => {
      const m = manager(d);
      if (isError(m)) return invalid(m);
      const r = retailer(d);
      const byName = !r.found && !r.ref && d.retailerName ? ctx.links.retailerInText(d.retailerName, m.code) : undefined;
      const linked = r.found ?? byName;
      const nk = `${d.date}|${m.code}|${linked?.licence ?? r.ref ?? d.retailerName ?? ''}|${d.content}`;
      const values = {
        date: d.date,
        manager_id: m.id,
        retailer_id: linked?.id ?? null,
        retailer_ref: r.ref,
        retailer_name: d.retailerName,
        arrived_at: d.arrivedAt,
        left_at: d.leftAt,
        method: d.method,
        content: d.content,
        problems: d.problems,
        actions: d.actions,
        price_marked: bool(d.priceMarked),
        display_ok: bool(d.displayOk),
        violation: d.violation,
      };
      // A corrected entry replaces the one it corrects instead of being added beside it.
      corrections ??= new JournalCorrections(ctx.upserters.journalRows());
      const corrected = corrections.correct(compactKey(nk), values);
      const out = corrected === undefined ? upsert('journals', nk, values) : { outcome: 'updated' as const, id: corrected };
      corrections.claim(out.id);
      return done(out, Boolean(r.ref) && !r.found);
    },
    attendance: (d) => {
      const m = manager(d);
      if (isError(m)) return invalid(m);
      const { found: byCode, ref } = retailer(d);
      let linked: RetailerRef | undefined = byCode;
      let method: RetailerLinkMethod | null = byCode ? 'code' : null;
      if (!linked && !ref && d.visited) {
        linked = ctx.links.retailerInText(d.visited, m.code);
        if (linked) method = 'text';
      }
      if (!linked && !ref && d.latitude !== null && d.longitude !== null) {
        linked = ctx.links.retailerNear(d.latitude, d.longitude, ctx.linkRadiusMeters ?? 150);
        if (linked) method = 'coords';
      }
      const baseKey = `${m.code}|${d.at ?? `${d.date}|absence|${d.kind ?? ''}`}|${linked?.licence ?? ref ?? ''}`;
      const seen = (seenPunchKeys.get(baseKey) ?? 0) + 1;
      seenPunchKeys.set(baseKey, seen);
      const out = upsert('attendance', seen === 1 ? baseKey : `${baseKey}#${seen}`, {
        manager_id: m.id,
        date: d.date,
        at: d.at,
        is_absence: d.isAbsence ? 1 : 0,
        kind: d.kind,
        result: d.result,
        anomaly: d.anomaly,
        mock_location: d.mockLocation ? 1 : 0,
        address: d.address,
        longitude: d.longitude,
        latitude: d.latitude,
        retailer_id: linked?.id ?? null,
        retailer_ref: ref,
        link_method: method,
        visited: d.visited,
        device: d.device,
        source: d.source,
      });
      return done(out, Boolean(ref) && !byCode);
    },
    reports: (d) => {
      const m = manager(d);
      if (isError(m)) return invalid(m);
      return done(
        upsert('reports', `${m.code}|${d.kind}|${d.period}`, {
          manager_id: m.id,
          kind: d.kind,
          period: d.period,
          title: d.title,
          body: d.body,
          submitted_on: d.submittedOn,
        }),
      );
    },
    surveys: (d) => {
      const r = retailer(d);
      const refText = r.found?.licence ?? r.ref ?? '';
      return done(
        upsert('surveys', d.surveyId ? `id|${d.surveyId}` : `${d.date}|${refText}`, {
          survey_id: d.surveyId,
          date: d.date,
          retailer_id: r.found?.id ?? null,
          retailer_ref: refText,
          method: d.method,
          knows_manager: d.knowsManager ? 1 : 0,
          names_manager: bool(d.namesManager),
          visits_last_month: d.visitsLastMonth,
          items_json: JSON.stringify(d.items),
          overall: d.overall,
          comments: d.comments,
        }),
        !r.found,
      );
    },
    orders: (d) => {
      const r = retailer(d);
      const brand = ctx.links.brand(d.brandCode, d.brandName);
      if (!brand) tally.add(`的卷烟不在品规目录中，已保留但未关联`);
      const refText = r.found?.licence ?? r.ref ?? '';
      const out = upsert('orders', `${d.date}|${refText}|${brand?.code ?? d.brandCode ?? d.brandName ?? ''}`, {
        date: d.date,
        retailer_id: r.found?.id ?? null,
        retailer_ref: refText,
        brand_id: brand?.id ?? null,
        brand_code: brand?.code ?? d.brandCode,
        brand_name: d.brandName,
        demand: d.demand,
        quantity: d.quantity,
        supplied: d.supplied,
        wholesale_price: d.wholesalePrice,
        amount: d.amount,
        retail_price: d.retailPrice,
        order_no: d.orderNo,
      });
      if (out.outcome === 'inserted') orderMonths.add(d.date.slice(0, 7));
      return done(out, !r.found || !brand);
    },
    agreements: (d) => {
      const r = retailer(d);
      const refText = r.found?.licence ?? r.ref ?? '';
      return done(
        upsert('agreements', `${d.month}|${refText}|${d.brandCode ?? ''}`, {
          month: d.month,
          retailer_id: r.found?.id ?? null,
          retailer_ref: refText,
          brand_code: d.brandCode,
          agreed: d.agreed,
        }),
        !r.found,
      );
    },
    inspections: (d) => {
      const r = retailer(d);
      const refText = r.found?.licence ?? r.ref ?? '';
      return done(
        upsert('inspections', `${d.date}|${refText}|${d.violation}`, {
          date: d.date,
          retailer_id: r.found?.id ?? null,
          retailer_ref: refText,
          violation: d.violation,
          inspector: d.inspector,
          notes: d.notes,
        }),
        !r.found,
      );
    },
    spotchecks: (d) => {
      const m = manager(d);
      if (isError(m)) return invalid(m);
      return done(
        upsert('spotchecks', `${d.date}|${m.code}|${d.item}|${d.subject ?? ''}`, {
          date: d.date,
          manager_id: m.id,
          item: d.item,
          subject: d.subject,
          answer: d.answer,
        }),
      );
    },
  };

  const write = writers[kind] as (data: KindRecord['data']) => WriteOutcome;
  const suspended = new Map<ImportedTableName, SuspendedIndexes>();
  return {
    write: (record) => write(record.data),
    warnings: () => tally.warnings(),
    changeSamples: () => changeSamples,
    assignmentsAdded: () => assignmentsAdded,
    linked: () => linked,
    checkpoint: async () => {
      for (const [table, u] of upserters) {
        if (!suspended.has(table) && worthSuspending(u, ctx.bulkMinRows ?? BULK_MIN_ROWS)) {
          suspended.set(table, await ctx.upserters.suspendIndexes(table, KEPT_INDEXES[table] ?? []));
        }
      }
    },
    finish: async () => {
      for (const indexes of suspended.values()) await indexes.restore();
      if (orderMonths.size > 0) await forgetOrderMonths(ctx.store.db, [...orderMonths]);
      // Rows that waited for this retailer or brand file are linked now, and the report says so.
      if (kind === 'retailers' || kind === 'brands') {
        const relinked = await relinkRows(ctx.store, ctx.batchId, kind);
        linked = relinked.total;
        if (relinked.total > 0) tally.note(`此前未关联的 ${relinked.total} 行已关联（${relinked.parts.join('、')}）`);
        if (relinked.frozen) {
          tally.note(
            `另有 ${relinked.frozen} 行属于已定稿的月份（${(relinked.frozenMonths ?? []).join('、')}），未关联：重新打开这些月份后再导入本文件即可关联`,
          );
        }
      }
    },
  };
}

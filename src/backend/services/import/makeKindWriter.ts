import { naturalKeyParts } from '../../../core/import/naturalKey';
import { numberOf, textOf, type RecordData, type RecordValue } from '../../../core/import/records';
import type { LinkValue } from '../../../core/kinds/kindDeclaration';
import { KIND_DECLARATIONS } from '../../../core/kinds/kindRegistry';
import type { KindKey } from '../../../shared/kindKeys';
import type { Store } from '../../db/openStore';
import type { SqlValue } from '../../db/sqlite/preparedQuery';
import type { ImportedTableName } from '../../db/schema';
import type { ColumnChange, RowUpserter, SuspendedIndexes, Upserters } from '../../db/rowUpserter';
import { keptColumns, sourceFieldsOf } from './carriedColumns';
import { compactKey } from './compactKey';
import { relinkRows } from './relinkRows';
import type { KindWriter, LinkError, RowChange, WriteOutcome } from './kindWriter';
import type { LinkIndex, ManagerRef, RetailerLinkMethod, RetailerRef } from './linkIndex';
import { makeRowWrites, type RowWrite, type Upsert } from './rowWrites';

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

/** A record value as stored: booleans as 0/1, a list joined by 、 (null when empty), named scores as JSON. */
function toSql(v: RecordValue): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.length > 0 ? v.join('、') : null;
  return JSON.stringify(v);
}

/** What one row's references were linked to. */
interface RowLinks {
  manager?: ManagerRef;
  /** The licence or customer code as written (null without one). */
  retailerRef: string | null;
  retailer?: RetailerRef;
  linkMethod: RetailerLinkMethod | null;
  brand?: { id: number; code: string };
  /** A reference was given but points nowhere yet: the row is kept and counted as unlinked. */
  unlinked: boolean;
}

/**
 * The writer for one kind: links each record to the roster, retailers and brands as its kind
 * declares (src/core/kinds/<kind>.ts), writes the declared columns under the declared natural key
 * built from the linked identities (so a punch keyed by UserId in one export and by 工号 in another
 * is the same punch), and does what a kind does beyond its own table (writeRow).
 */
export function makeKindWriter(kind: KindKey, ctx: KindWriterContext): KindWriter {
  const declaration = KIND_DECLARATIONS[kind];
  const table = declaration.table as ImportedTableName;
  const columns = Object.entries(declaration.columns);
  const references = declaration.references;
  const tally = new UnlinkedTally();
  const upserters = new Map<ImportedTableName, RowUpserter>();
  const changeSamples: RowChange[] = [];
  const counts = { assignmentsAdded: 0, linked: 0 };
  const labelOf = (t: ImportedTableName, column: string): string => {
    const key = sourceFieldsOf(kind, t, column)?.[0];
    return declaration.fields.find((f) => f.key === key)?.labelZh ?? column;
  };
  const noteChanges = (t: ImportedTableName, key: string, changes: readonly ColumnChange[]) => {
    if (changes.length === 0 || changeSamples.length >= CHANGE_SAMPLE_ROWS) return;
    changeSamples.push({
      table: t,
      key,
      fields: changes
        .filter((c) => !c.column.endsWith('_id') || t === 'assignments')
        .map((c) => ({ column: c.column, label: labelOf(t, c.column), old: c.old, new: c.new })),
    });
  };
  const upserterOf = (t: ImportedTableName, values: Record<string, SqlValue>): RowUpserter => {
    let u = upserters.get(t);
    if (!u) {
      const names = Object.keys(values);
      u = ctx.upserters.upserter(t, names, keptColumns(kind, t, names, ctx.carried));
      upserters.set(t, u);
    }
    return u;
  };
  const upsert: Upsert = (t, nk, values, label = nk) => {
    const u = upserterOf(t, values);
    const out = u.upsert(compactKey(nk), values);
    if (out.outcome === 'updated') noteChanges(t, label, u.lastChanges);
    return out;
  };
  /** The value an upsert left in a column: the file's, or the stored one where the file has no such column. */
  const stored = (t: ImportedTableName, column: string): SqlValue => upserters.get(t)?.valueOf(column) ?? null;
  const invalid = (...errors: LinkError[]): WriteOutcome => ({ status: 'invalid', errors });

  const manager = (d: RecordData): ManagerRef | LinkError => {
    const code = textOf(d, 'managerCode');
    const userId = textOf(d, 'managerUserId');
    const name = textOf(d, 'managerName');
    const found = ctx.links.findManager({ code, userId, name });
    if ('manager' in found) return found.manager;
    const field = code ? 'managerCode' : userId ? 'managerUserId' : 'managerName';
    return { field, value: code ?? userId ?? name ?? '', reason: found.error };
  };
  const isError = (x: unknown): x is LinkError => typeof x === 'object' && x !== null && 'reason' in x;

  /** Links a row's references in the order the import reports them: manager, retailer, brand. `unlinked` counts what points nowhere. */
  const link = (d: RecordData, unlinked: (message: string) => void = (message) => tally.add(message)): RowLinks | LinkError => {
    const links: RowLinks = { retailerRef: null, linkMethod: null, unlinked: false };
    if (references.manager === 'required') {
      const m = manager(d);
      if (isError(m)) return m;
      links.manager = m;
    } else if (references.manager === 'assigns') {
      // A retailer's manager: named in the file, else the one whose route it is.
      const route = textOf(d, 'route');
      if (textOf(d, 'managerCode') || textOf(d, 'managerName')) {
        const m = manager(d);
        if (isError(m)) return m;
        links.manager = m;
      } else if (route) {
        links.manager = ctx.links.managerForRoute(route);
        if (!links.manager) unlinked(`的线路在花名册中没有对应的客户经理`);
      }
    }
    if (references.retailer !== undefined) {
      // A retailer named by licence or customer code; unknown ones are kept and counted.
      const licence = textOf(d, 'licence');
      const customerCode = textOf(d, 'customerCode');
      const ref = licence ?? customerCode;
      const found = ctx.links.retailerByCode(licence, customerCode);
      if (ref && !found) unlinked(`找不到零售户（许可证号/客户编码不在零售客户档案中），已保留但未关联`);
      links.retailerRef = ref;
      links.retailer = found;
      links.linkMethod = found ? 'code' : null;
      links.unlinked = Boolean(ref) && !found;
      const { byText, byCoords } = references.retailer;
      const named = byText === undefined ? null : textOf(d, byText);
      if (!links.retailer && !ref && named) {
        links.retailer = ctx.links.retailerInText(named, links.manager?.code ?? null);
        if (links.retailer) links.linkMethod = 'text';
      }
      const latitude = numberOf(d, 'latitude');
      const longitude = numberOf(d, 'longitude');
      if (byCoords === true && !links.retailer && !ref && latitude !== null && longitude !== null) {
        links.retailer = ctx.links.retailerNear(latitude, longitude, ctx.linkRadiusMeters ?? 150);
        if (links.retailer) links.linkMethod = 'coords';
      }
    }
    if (references.brand === true) {
      links.brand = ctx.links.brand(textOf(d, 'brandCode'), textOf(d, 'brandName'));
      if (!links.brand) {
        unlinked(`的卷烟不在品规目录中，已保留但未关联`);
        links.unlinked = true;
      }
    }
    return links;
  };

  const linkValue = (d: RecordData, links: RowLinks, value: LinkValue): SqlValue => {
    switch (value) {
      case 'managerId':
        return links.manager?.id ?? null;
      case 'managerCode':
        return links.manager?.code ?? textOf(d, 'managerCode');
      case 'managerName':
        return links.manager?.name ?? textOf(d, 'managerName');
      case 'retailerId':
        return links.retailer?.id ?? null;
      case 'retailerRef':
        return links.retailerRef;
      case 'retailerKey':
        return links.retailer?.licence ?? links.retailerRef ?? '';
      case 'linkMethod':
        return links.linkMethod;
      case 'brandId':
        return links.brand?.id ?? null;
      case 'brandCode':
        return links.brand?.code ?? textOf(d, 'brandCode');
    }
  };

  const writeRow = makeRowWrites(kind, { ctx, upsert, stored, counts });

  const naturalKeyOf = (d: RecordData, links: RowLinks): string =>
    naturalKeyParts(declaration, d, {
      manager: () => links.manager?.code ?? '',
      retailer: (orField) => links.retailer?.licence ?? links.retailerRef ?? (orField === undefined ? null : textOf(d, orField)) ?? '',
      brand: () => links.brand?.code ?? textOf(d, 'brandCode') ?? textOf(d, 'brandName') ?? '',
    }).join('|');

  const write = (d: RecordData): WriteOutcome => {
    const links = link(d);
    if (isError(links)) return invalid(links);
    const values: Record<string, SqlValue> = {};
    for (const [column, c] of columns) values[column] = 'link' in c.value ? linkValue(d, links, c.value.link) : toSql(d[c.value.record]);
    const nk = naturalKeyOf(d, links);
    const title = declaration.rowTitle?.map((key) => textOf(d, key) ?? '').join(' ');
    const row: RowWrite = { table, nk, values, title, data: d, manager: links.manager };
    if (writeRow !== undefined) return writeRow(row, links.unlinked);
    return { status: upsert(table, nk, values, title).outcome, unlinked: links.unlinked };
  };

  const suspended = new Map<ImportedTableName, SuspendedIndexes>();
  /** The key a record is upserted under, told ahead (linked again by write(); nothing is counted here). */
  const keyOf = (data: RecordData): string | null => {
    const links = link(data, () => {});
    return isError(links) ? null : compactKey(naturalKeyOf(data, links));
  };
  return {
    write: (record) => write(record.data),
    // Kinds whose row hook writes other tables, or keys rows by what came before (attendance's
    // repeats, journals' corrections), cannot tell their keys ahead; orders only note months.
    keyOf: writeRow === undefined || kind === 'orders' ? (record) => keyOf(record.data) : undefined,
    warnings: () => tally.warnings(),
    changeSamples: () => changeSamples,
    assignmentsAdded: () => counts.assignmentsAdded,
    linked: () => counts.linked,
    checkpoint: async () => {
      for (const [table, u] of upserters) {
        if (!suspended.has(table) && worthSuspending(u, ctx.bulkMinRows ?? BULK_MIN_ROWS)) {
          suspended.set(table, await ctx.upserters.suspendIndexes(table, KEPT_INDEXES[table] ?? []));
        }
      }
    },
    finish: async () => {
      for (const indexes of suspended.values()) await indexes.restore();
      await writeRow?.finish?.();
      // Rows that waited for this retailer or brand file are linked now, and the report says so.
      if (kind === 'retailers' || kind === 'brands') {
        const relinked = await relinkRows(ctx.store.db, ctx.batchId, kind);
        counts.linked = relinked.total;
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

import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { ApiParsedArg } from '../../../shared/api/kaopingApi';
import type { ColumnFilter, RowsCount, RowsPage } from '../../../shared/api/dataApi';
import type { Store } from '../../db/openStore';
import { isPostgres } from '../../db/isPostgres';
import type { Database } from '../../db/schema';
import {
  columnEquals,
  columnIn,
  columnInRange,
  DATE_FILTER_TYPES,
  filterCondition,
  filterJoins,
  NUMBER_FILTER_TYPES,
  numberOf,
  quickFilterCondition,
  TEXT_FILTER_TYPES,
  type SimpleFilter,
} from '../../repositories/gridFilterSql';
import { dataVersion } from '../../db/dataVersion';
import { countGridRows, queryGridPage, type GridCountCache, type GridQuery, type GridView } from '../../repositories/gridRowsRepository';
import { GRID_TABLES, type GridColumnSpec, type GridTableSpec } from '../../repositories/gridTables';
import { gridDistrictCondition } from '../../repositories/gridDistrictCondition';
import { RequestError } from '../requestError';
import { isoWeeksOfMonth, monthRange } from '../../../core/calendar/dates';

/** The most rows one page may ask for (AG Grid's infinite model asks for 100 at a time). */
const MAX_PAGE_ROWS = 1000;

/** AG Grid sends 'YYYY-MM-DD HH:mm:ss'; the day is what is compared. */
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

export function columnOf(spec: GridTableSpec, field: string, use: string): GridColumnSpec {
  const column = spec.columns.find((c) => c.field === field);
  if (!column) throw new RequestError('invalid_argument', `没有名为「${field}」的列，不能${use}`, { field });
  return column;
}

function invalidFilter(column: GridColumnSpec, reason: string): RequestError {
  return new RequestError('invalid_argument', `「${column.label}」的筛选条件有误：${reason}`, { field: column.field });
}

function checkSimpleFilter(column: GridColumnSpec, f: SimpleFilter): void {
  const needsValue = !['blank', 'notBlank', 'empty'].includes(f.type);
  if (f.filterType === 'text') {
    if (!(TEXT_FILTER_TYPES as readonly string[]).includes(f.type)) throw invalidFilter(column, `不支持「${f.type}」`);
    if (needsValue && (f.filter === null || f.filter === undefined)) throw invalidFilter(column, '缺少筛选值');
    return;
  }
  if (f.filterType === 'number') {
    if (column.type !== 'number') throw invalidFilter(column, '这一列不是数字');
    if (!(NUMBER_FILTER_TYPES as readonly string[]).includes(f.type)) throw invalidFilter(column, `不支持「${f.type}」`);
    if (needsValue && numberOf(f.filter) === null) throw invalidFilter(column, '筛选值应为数字');
    if (f.type === 'inRange' && (f.filterTo === null || f.filterTo === undefined)) throw invalidFilter(column, '范围缺少终点');
    return;
  }
  if (column.type !== 'date') throw invalidFilter(column, '这一列不是日期');
  if (!(DATE_FILTER_TYPES as readonly string[]).includes(f.type)) throw invalidFilter(column, `不支持「${f.type}」`);
  const isDate = (v: string | null | undefined): boolean => typeof v === 'string' && DATE_TEXT.test(v);
  if (needsValue && !isDate(f.dateFrom)) throw invalidFilter(column, '日期应为 YYYY-MM-DD');
  if (f.type === 'inRange' && !isDate(f.dateTo)) throw invalidFilter(column, '范围缺少终点日期');
}

function checkFilter(column: GridColumnSpec, filter: ColumnFilter): void {
  if ('conditions' in filter) for (const c of filter.conditions) checkSimpleFilter(column, c);
  else checkSimpleFilter(column, filter);
}

function monthCondition(spec: GridTableSpec, month: string): RawBuilder<SqlBool> | null {
  if (!spec.month) return null;
  switch (spec.month.kind) {
    case 'date': {
      const { from, to } = monthRange(month);
      return columnInRange(spec.month.column, from, to);
    }
    case 'month':
      return columnEquals(spec.month.column, month);
    case 'period':
      return columnIn(spec.month.column, [month, ...isoWeeksOfMonth(month)]);
  }
}

/**
 * The conditions of a view (month, column filters, quick filter), checked against the table's
 * columns; with `districtId` (a supervisor on a city server) only that district's rows.
 */
export function viewOf(arg: ApiParsedArg<'data.count'>, db: Kysely<Database>, districtId?: number): GridView {
  const spec = GRID_TABLES[arg.kind];
  const dialect = { postgres: isPostgres(db) };
  const conditions: GridQuery['conditions'] = [];
  const inDistrict = districtId === undefined ? null : gridDistrictCondition(arg.kind, districtId);
  if (inDistrict) conditions.push({ condition: inDistrict, joins: [] });
  if (arg.month) {
    const condition = monthCondition(spec, arg.month);
    if (condition) conditions.push({ condition, joins: [] });
  }
  for (const [field, filter] of Object.entries(arg.filters)) {
    const column = columnOf(spec, field, '筛选');
    checkFilter(column, filter);
    conditions.push({ condition: filterCondition(column, filter, dialect), joins: filterJoins(column) });
  }
  if (arg.quickFilter) {
    const searched = spec.columns.filter((c) => c.quick);
    const condition = quickFilterCondition(searched, arg.quickFilter, dialect);
    if (condition) conditions.push({ condition, joins: searched.flatMap(filterJoins) });
  }
  return { spec, conditions };
}

/**
 * One page of a data grid (AG Grid's infinite row model): only whitelisted columns, sorted and
 * filtered in SQL, with the number of matching rows unless `count: false` (then only when it is
 * known without counting). Values are plain strings and numbers.
 */
export async function gridRows(store: Store, arg: ApiParsedArg<'data.rows'>, districtId?: number): Promise<RowsPage> {
  const spec = GRID_TABLES[arg.kind];
  if (arg.endRow <= arg.startRow) throw new RequestError('invalid_argument', 'endRow 应大于 startRow');
  if (arg.endRow - arg.startRow > MAX_PAGE_ROWS) throw new RequestError('invalid_argument', `一页最多 ${MAX_PAGE_ROWS} 行`);

  const view = viewOf(arg, store.db, districtId);
  const sort = sortOf(spec, arg.sort);
  rememberSort(store, viewKey(arg), arg.sort);
  return queryGridPage(store.db, { ...view, sort, offset: arg.startRow, limit: arg.endRow - arg.startRow }, await countCache(store), { count: arg.count });
}

/** The view's order: the grid's sort model, else the table's default order. */
export function sortOf(spec: GridTableSpec, sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[]): GridQuery['sort'] {
  const model = sortModel.length > 0 ? sortModel : spec.defaultSort ? [{ colId: spec.defaultSort.field, sort: spec.defaultSort.sort }] : [];
  return model.map((s) => ({ column: columnOf(spec, s.colId, '排序'), sort: s.sort }));
}

/**
 * The exact number of rows a grid view matches ('data.count'), from the same cache as the pages'.
 * The grid asks for it after its first block, so the count lists the view's ids in the order that
 * block was asked in (else the table's default order), and the view's deep blocks are slices of
 * that list (blocks asked in another order afterwards are read with an OFFSET, as before).
 */
export async function gridCount(store: Store, arg: ApiParsedArg<'data.count'>, districtId?: number): Promise<RowsCount> {
  const spec = GRID_TABLES[arg.kind];
  const view = viewOf(arg, store.db, districtId);
  const sort = sortOf(spec, lastSorts.get(store)?.get(viewKey(arg)) ?? []);
  return { total: await countGridRows(store.db, view, await countCache(store), { sort }) };
}

/** What names a view (the table, month and filters), whatever order it is paged in. */
function viewKey(arg: ApiParsedArg<'data.count'>): string {
  return JSON.stringify([arg.kind, arg.month ?? null, arg.filters, arg.quickFilter ?? null]);
}

/** Counts per store, kept while the data stays as it was (the grid asks again for every block). */
const COUNT_CACHE_SIZE = 32;
/** Id lists per store: a million ids take about 8 MB, so only the last few views' are kept. */
const ID_LISTS_SIZE = 4;
/** Views this long are counted, not listed. */
const ID_LIST_MAX = 2_000_000;
const countCaches = new WeakMap<Store, { version: string; counts: Map<string, number>; idLists: Map<string, readonly number[]> }>();
/** Per store, the order each view's blocks were last asked in (the grid's sort model). */
const lastSorts = new WeakMap<Store, Map<string, ApiParsedArg<'data.rows'>['sort']>>();

function rememberSort(store: Store, key: string, sort: ApiParsedArg<'data.rows'>['sort']): void {
  let sorts = lastSorts.get(store);
  if (!sorts) lastSorts.set(store, (sorts = new Map()));
  sorts.delete(key);
  if (sorts.size >= COUNT_CACHE_SIZE) sorts.delete(sorts.keys().next().value ?? '');
  sorts.set(key, sort);
}

async function countCache(store: Store): Promise<GridCountCache> {
  const version = await dataVersion(store);
  let cache = countCaches.get(store);
  if (!cache || cache.version !== version) {
    cache = { version, counts: new Map(), idLists: new Map() };
    countCaches.set(store, cache);
  }
  const { counts, idLists } = cache;
  return {
    get: (key) => counts.get(key),
    set: (key, total) => {
      if (counts.size >= COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value ?? '');
      counts.set(key, total);
    },
    getIds: (key) => idLists.get(key),
    setIds: (key, ids) => {
      if (ids.length > ID_LIST_MAX) return;
      if (idLists.size >= ID_LISTS_SIZE) idLists.delete(idLists.keys().next().value ?? '');
      idLists.set(key, ids);
    },
  };
}

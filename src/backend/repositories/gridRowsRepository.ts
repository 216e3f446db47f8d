import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { GridRow } from '../../shared/api/dataApi';
import type { SqlValue } from '../db/sqlite/preparedQuery';
import type { Database } from '../db/schema';
import { isPostgres } from '../db/isPostgres';
import { readIds } from '../db/readRows';
import { JOINS, type GridColumnSpec, type GridTableSpec, type JoinAlias } from './gridTables';

/** The grids name their tables at run time, from a whitelist (GRID_TABLES). */
type DynamicDatabase = Record<string, Record<string, SqlValue>>;

export interface GridQuery {
  spec: GridTableSpec;
  conditions: { condition: RawBuilder<SqlBool>; joins: JoinAlias[] }[];
  sort: { column: GridColumnSpec; sort: 'asc' | 'desc' }[];
  offset: number;
  limit: number;
}

function dynamic(db: Kysely<Database>): Kysely<DynamicDatabase> {
  return db as unknown as Kysely<DynamicDatabase>;
}

function baseQuery(db: Kysely<Database>, spec: GridTableSpec, joins: Iterable<JoinAlias>) {
  let q = dynamic(db).selectFrom(`${spec.table} as t`);
  for (const alias of new Set(joins)) {
    const join = JOINS[alias];
    q = q.leftJoin(`${join.table} as ${alias}`, (on) => on.on(sql<SqlBool>`${sql.ref(`${alias}.id`)} = ${sql.ref(`t.${join.foreignKey}`)}`));
  }
  return q;
}

function rowOf(raw: Record<string, unknown>): GridRow {
  const row: GridRow = {};
  for (const [key, value] of Object.entries(raw)) {
    row[key] = typeof value === 'number' || typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
  }
  return row;
}

/** Every column of the rows with these ids, in the order of the ids. */
export async function gridRowsByIds(db: Kysely<Database>, spec: GridTableSpec, ids: readonly number[]): Promise<GridRow[]> {
  if (ids.length === 0) return [];
  const rows = await baseQuery(
    db,
    spec,
    spec.columns.flatMap((c) => c.joins),
  )
    .select(sql<number>`${sql.ref('t.id')}`.as('id'))
    .select(spec.columns.map((c) => c.expr.as(c.field)))
    .where(sql<SqlBool>`${sql.ref('t.id')} in (${sql.join([...ids])})`)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), rowOf(r)] as const));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/**
 * Counts of matching rows already taken, by the count query's SQL and parameters; and, where
 * the count listed them, the ids of a view's rows in one order, by the SQL and parameters of the
 * query that listed them (the page query without its LIMIT and OFFSET).
 */
export interface GridCountCache {
  get(key: string): number | undefined;
  set(key: string, total: number): void;
  getIds?(key: string): readonly number[] | undefined;
  setIds?(key: string, ids: readonly number[]): void;
}

/** The rows a grid's filters leave, without paging or sort. */
export type GridView = Pick<GridQuery, 'spec' | 'conditions'>;

function filtered<Q extends { where: (e: RawBuilder<SqlBool>) => Q }>(view: GridView, q: Q): Q {
  return view.conditions.reduce((acc, c) => acc.where(c.condition), q);
}

/** The count query of a view and its cache key (the SQL and its parameters). */
function countQueryOf(db: Kysely<Database>, view: GridView) {
  const query = filtered(view, baseQuery(db, view.spec, view.conditions.flatMap((c) => c.joins))).select(sql<number>`count(*)`.as('n'));
  return { query, key: keyOf(query.compile()) };
}

function keyOf(compiled: { sql: string; parameters: readonly unknown[] }): string {
  return `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
}

/**
 * The ids of a view's rows in its order: the id keeps pages stable, in the direction of the last
 * key, so an index on (key) serves both. `sorted`: the keys as +key, the same values in the same
 * collation, which SQLite sorts instead of walking an index on them: for listing every row of a
 * filtered view, one pass over the table and a sort beat a row look-up per index entry.
 */
function orderedIdsQuery(db: Kysely<Database>, query: Omit<GridQuery, 'offset' | 'limit'>, sorted = false) {
  const filterJoins = query.conditions.flatMap((c) => c.joins);
  let ids = filtered(query, baseQuery(db, query.spec, [...filterJoins, ...query.sort.flatMap((s) => s.column.joins)])).select(
    sql<number>`${sql.ref('t.id')}`.as('id'),
  );
  // PostgreSQL has no unary + on text, and its planner chooses between the index and a sort itself.
  const unindexed = sorted && !isPostgres(db);
  for (const s of query.sort) ids = ids.orderBy(unindexed ? sql`+${s.column.expr}` : s.column.expr, s.sort);
  return ids.orderBy(sql.ref('t.id'), query.sort.at(-1)?.sort ?? 'asc');
}

/**
 * The number of rows a view matches, exact. For a text filter this is a scan of every row, so
 * `counts` keeps it while the data stays as it was. With `listing` (the order the grid pages the
 * view in) the count lists the matching ids in that order instead of counting them, and `counts`
 * keeps the list: a deep page of the view is then a slice of it, not an OFFSET that filters every
 * row before it again.
 */
export async function countGridRows(
  db: Kysely<Database>,
  view: GridView,
  counts?: GridCountCache,
  listing?: { sort: GridQuery['sort'] },
): Promise<number> {
  const { query, key } = countQueryOf(db, view);
  let total = counts?.get(key);
  if (total !== undefined) return total;
  if (listing && counts?.setIds) {
    // Kept under the page query's key; listed by a scan and a sort where filters leave rows scattered.
    const pageKey = keyOf(orderedIdsQuery(db, { ...view, sort: listing.sort }).compile());
    const ids = await readIds(db, orderedIdsQuery(db, { ...view, sort: listing.sort }, view.conditions.length > 0));
    counts.setIds(pageKey, ids);
    total = ids.length;
  } else {
    total = Number((await query.executeTakeFirstOrThrow()).n);
  }
  counts?.set(key, total);
  return total;
}

/**
 * One page of a grid and the number of matching rows. The page's ids are found first on the
 * base table with only the joins the filters and sort need (an index walk for the common
 * "by date" order), then their full rows are read: a deep OFFSET skips index entries, not joins.
 * The count is the costly part of a text filter (a scan of every row): a page that ends short of
 * `limit` gives it for free, and `counts` keeps it for the view's next blocks. With
 * `count: false` it is not taken: the total is then what is known for free, else null.
 * Where the view's count listed its ids in this order (countGridRows with `listing`), the page
 * is a slice of that list: the same ids as the OFFSET would give, without filtering every row
 * before them again.
 */
export async function queryGridPage(
  db: Kysely<Database>,
  query: GridQuery,
  counts?: GridCountCache,
  options: { count: boolean } = { count: true },
): Promise<{ rows: GridRow[]; total: number | null }> {
  const idsQuery = orderedIdsQuery(db, query);
  const listed = counts?.getIds?.(keyOf(idsQuery.compile()));
  const ids = listed
    ? listed.slice(query.offset, query.offset + query.limit)
    : (await idsQuery.limit(query.limit).offset(query.offset).execute()).map((r) => Number(r.id));

  const { query: countQuery, key } = countQueryOf(db, query);
  let total: number | null = counts?.get(key) ?? null;
  if (total === null) {
    if (ids.length < query.limit && (ids.length > 0 || query.offset === 0)) total = query.offset + ids.length;
    else if (options.count) total = Number((await countQuery.executeTakeFirstOrThrow()).n);
    if (total !== null) counts?.set(key, total);
  }
  return { rows: await gridRowsByIds(db, query.spec, ids), total };
}

/**
 * The ids of every row a view matches, in the view's order (the same order as queryGridPage's
 * pages), for an export that then reads the rows in batches with gridRowsByIds. The query is
 * built by kysely and its ids read as one plain array: a million rows cost a few megabytes, and
 * the connection is free again between the batches (a long-lived cursor would block the grid's
 * own paging on the same connection).
 */
export async function gridViewIds(db: Kysely<Database>, query: Omit<GridQuery, 'offset' | 'limit'>): Promise<number[]> {
  return readIds(db, orderedIdsQuery(db, query));
}

/** The retailer and manager a row points at, for the tables that have those columns. */
export async function gridRowLinks(
  db: Kysely<Database>,
  spec: GridTableSpec,
  id: number,
): Promise<{ retailerId: number | null; managerId: number | null }> {
  const joins = new Set(spec.columns.flatMap((c) => c.joins));
  const link = (alias: JoinAlias) => (joins.has(alias) ? sql<number | null>`${sql.ref(`t.${JOINS[alias].foreignKey}`)}` : sql<null>`null`);
  const row = await dynamic(db)
    .selectFrom(`${spec.table} as t`)
    .select([link('r').as('retailerId'), link('m').as('managerId')])
    .where(sql<SqlBool>`${sql.ref('t.id')} = ${id}`)
    .executeTakeFirst();
  return { retailerId: row?.retailerId ?? null, managerId: row?.managerId ?? null };
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ColumnFilter } from '../../shared/api/dataApi';
import { JOINS, type GridColumnSpec } from './gridTables';

/** One condition of an AG Grid filter model (the combined model's conditions have this shape too). */
export type SimpleFilter = Exclude<ColumnFilter, { conditions: unknown }>;

export const TEXT_FILTER_TYPES = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank', 'empty'] as const;
export const NUMBER_FILTER_TYPES = [
  'equals',
  'notEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
  'empty',
] as const;
/** AG Grid's date filter offers equals/notEqual/lessThan/greaterThan/inRange/blank/notBlank; the rest come free. */
export const DATE_FILTER_TYPES = NUMBER_FILTER_TYPES;

const TRUE = sql<SqlBool>`1 = 1`;

/** A LIKE pattern matching `text` literally, for use with ESCAPE '\'. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Which SQL the filters are written in. SQLite's LIKE ignores ASCII case; PostgreSQL's does not,
 * its ILIKE does (on the C collation the server runs with, ASCII letters only, as SQLite).
 */
export interface FilterDialect {
  postgres: boolean;
}

const SQLITE: FilterDialect = { postgres: false };

function like(expr: RawBuilder<unknown>, pattern: string, dialect: FilterDialect): RawBuilder<SqlBool> {
  return dialect.postgres ? sql<SqlBool>`${expr} ilike ${pattern} escape '\\'` : sql<SqlBool>`${expr} like ${pattern} escape '\\'`;
}

/**
 * A number as the user sees it, for a text filter on a number column: SQLite's text of it. On
 * PostgreSQL a whole float prints without SQLite's ".0" (2 for 2.0), so it is added there.
 */
function numberText(expr: RawBuilder<unknown>, dialect: FilterDialect): RawBuilder<unknown> {
  if (!dialect.postgres) return sql`cast(${expr} as text)`;
  return sql`(case when pg_typeof(${expr}) = 'double precision'::regtype and ${expr} = trunc(${expr}) and abs(${expr}) < 1e15 then cast(cast(trunc(${expr}) as bigint) as text) || '.0' else cast(${expr} as text) end)`;
}

function textCondition(expr: RawBuilder<unknown>, f: SimpleFilter, dialect: FilterDialect): RawBuilder<SqlBool> {
  const v = f.filter === null || f.filter === undefined ? '' : String(f.filter);
  switch (f.type) {
    case 'contains':
      return like(expr, `%${likeLiteral(v)}%`, dialect);
    case 'notContains':
      return sql<SqlBool>`(${expr} is null or not (${like(expr, `%${likeLiteral(v)}%`, dialect)}))`;
    case 'equals':
      return sql<SqlBool>`${expr} = ${v}`;
    case 'notEqual':
      return sql<SqlBool>`(${expr} is null or ${expr} <> ${v})`;
    case 'startsWith':
      return like(expr, `${likeLiteral(v)}%`, dialect);
    case 'endsWith':
      return like(expr, `%${likeLiteral(v)}`, dialect);
    case 'blank':
      return sql<SqlBool>`(${expr} is null or ${expr} = '')`;
    case 'notBlank':
      return sql<SqlBool>`(${expr} is not null and ${expr} <> '')`;
    default:
      return TRUE;
  }
}

/** Values are validated by the caller: numbers for number filters, 'YYYY-MM-DD' for dates. */
function rangeCondition(expr: RawBuilder<unknown>, type: string, from: string | number | null, to: string | number | null): RawBuilder<SqlBool> {
  switch (type) {
    case 'equals':
      return sql<SqlBool>`${expr} = ${from}`;
    case 'notEqual':
      return sql<SqlBool>`(${expr} is null or ${expr} <> ${from})`;
    case 'greaterThan':
      return sql<SqlBool>`${expr} > ${from}`;
    case 'greaterThanOrEqual':
      return sql<SqlBool>`${expr} >= ${from}`;
    case 'lessThan':
      return sql<SqlBool>`${expr} < ${from}`;
    case 'lessThanOrEqual':
      return sql<SqlBool>`${expr} <= ${from}`;
    // Exclusive at both ends, as AG Grid's own inRange (inRangeInclusive: false).
    case 'inRange':
      return sql<SqlBool>`(${expr} > ${from} and ${expr} < ${to})`;
    case 'blank':
      return sql<SqlBool>`${expr} is null`;
    case 'notBlank':
      return sql<SqlBool>`${expr} is not null`;
    default:
      return TRUE;
  }
}

/** 'YYYY-MM-DD' from AG Grid's 'YYYY-MM-DD HH:mm:ss'. */
function dateOf(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : value.slice(0, 10);
}

export function numberOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * A condition on a column's value. For a joined table's column (spec.semi) it is asked of the
 * joined table and matched by foreign key, so no row of the big table needs the join:
 * cond(coalesce(r.x, t.y)) ≡ t.fk in (select id from r where cond(x)) or (t.fk is null and cond(t.y)),
 * since a linked row always has its retailer (foreign keys) and r.x is never null for the
 * columns used this way. Without a fallback, unlinked rows are asked about a null value.
 */
function columnCondition(column: GridColumnSpec, build: (expr: RawBuilder<unknown>) => RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const semi = column.semi;
  if (!semi) return build(column.expr);
  const join = JOINS[semi.alias];
  const fk = sql.ref(`t.${join.foreignKey}`);
  const linked = sql<SqlBool>`${fk} in (select ${sql.ref('s.id')} from ${sql.table(join.table)} as s where ${build(sql`${sql.ref(`s.${semi.column}`)}`)})`;
  // Every table's manager_id is NOT NULL: no unlinked rows to ask about.
  if (semi.alias === 'm') return linked;
  const unlinked = build(semi.fallback ? sql`${sql.ref(`t.${semi.fallback}`)}` : sql`null`);
  return sql<SqlBool>`(${linked} or (${fk} is null and ${unlinked}))`;
}

function simpleCondition(column: GridColumnSpec, f: SimpleFilter, dialect: FilterDialect): RawBuilder<SqlBool> {
  if (f.filterType === 'number') return columnCondition(column, (e) => rangeCondition(e, f.type, numberOf(f.filter), f.filterTo ?? null));
  if (f.filterType === 'date') return columnCondition(column, (e) => rangeCondition(e, f.type, dateOf(f.dateFrom), dateOf(f.dateTo)));
  // A text filter on a number column compares its text, as the user sees it.
  if (column.type === 'number') return textCondition(numberText(column.expr, dialect), f, dialect);
  return columnCondition(column, (e) => textCondition(e, f, dialect));
}

/** The WHERE condition of one column's filter model (simple, or combined with AND/OR). */
export function filterCondition(column: GridColumnSpec, filter: ColumnFilter, dialect: FilterDialect = SQLITE): RawBuilder<SqlBool> {
  if ('conditions' in filter) {
    const parts = filter.conditions.map((c) => simpleCondition(column, c, dialect));
    if (parts.length === 0) return TRUE;
    return sql<SqlBool>`(${sql.join(parts, sql` ${sql.raw(filter.operator === 'OR' ? 'or' : 'and')} `)})`;
  }
  return simpleCondition(column, filter, dialect);
}

/** The joins a column's filter needs: none when it is matched by foreign key. */
export function filterJoins(column: GridColumnSpec): GridColumnSpec['joins'] {
  return column.semi ? [] : column.joins;
}

/**
 * AG Grid's quick filter: every whitespace-separated word must appear in at least one of the
 * searchable columns.
 */
export function quickFilterCondition(columns: readonly GridColumnSpec[], text: string, dialect: FilterDialect = SQLITE): RawBuilder<SqlBool> | null {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || columns.length === 0) return null;
  const perWord = words.map((w) => {
    const pattern = `%${likeLiteral(w)}%`;
    return sql<SqlBool>`(${sql.join(
      columns.map((c) => columnCondition(c, (e) => like(e, pattern, dialect))),
      sql` or `,
    )})`;
  });
  return sql<SqlBool>`(${sql.join(perWord, sql` and `)})`;
}

/** t.<column> = value. */
export function columnEquals(column: string, value: string | number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`t.${column}`)} = ${value}`;
}

/** from <= t.<column> < to, which an index on the column serves. */
export function columnInRange(column: string, from: string, to: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`t.${column}`)} >= ${from} and ${sql.ref(`t.${column}`)} < ${to})`;
}

export function columnIn(column: string, values: readonly string[]): RawBuilder<SqlBool> {
  return values.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(`t.${column}`)} in (${sql.join([...values])})`;
}

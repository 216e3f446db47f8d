import { sql, type RawBuilder } from 'kysely';
import type { NumberKind } from '../../core/format/numberFormat';
import { GRID_KINDS, type ColumnType, type GridKind } from '../../shared/api/dataApi';
import type { GridColumnDeclaration, GridColumnSource, JoinAlias } from '../../core/kinds/kindDeclaration';
import { GRIDS } from '../../core/kinds/kindRegistry';

export type { JoinAlias };

/** The tables a grid's base table (alias t) is joined to, by alias, and t's column pointing at each. */
export const JOINS: Record<JoinAlias, { table: string; foreignKey: string }> = {
  m: { table: 'managers', foreignKey: 'manager_id' },
  r: { table: 'retailers', foreignKey: 'retailer_id' },
  b: { table: 'brands', foreignKey: 'brand_id' },
};

export interface GridColumnSpec {
  field: string;
  /** The column's name in Chinese (for filters' messages and exported workbooks) and in English. */
  label: string;
  labelEn: string;
  type: ColumnType;
  visible: boolean;
  /** For a number column: how it reads on screen and in an exported workbook. */
  format?: NumberKind;
  /** The column's value: an expression over t and the joins it names. */
  expr: RawBuilder<unknown>;
  joins: JoinAlias[];
  /** Searched by the quick filter (text columns are, unless said otherwise). */
  quick: boolean;
  /**
   * A column of a joined table (or that column, else one of t's for unlinked rows): filters on it
   * become "t.fk in (select id from the joined table where …)", which uses the foreign-key index
   * instead of joining every row of a million-row table.
   */
  semi?: { alias: JoinAlias; column: string; fallback?: string };
}

export type MonthFilter = { column: string; kind: 'date' | 'month' | 'period' };

export interface GridTableSpec {
  table: string;
  columns: GridColumnSpec[];
  /** How a month narrows the table; master data has none. */
  month: MonthFilter | null;
  /** Default order: newest first by this column (then id). */
  defaultSort: { field: string; sort: 'asc' | 'desc' } | null;
}

const ref = (column: string) => sql`${sql.ref(column)}`;

/** A declared column's value as SQL over t (the kind's table) and the joined tables. */
function expressionOf(source: GridColumnSource): { expr: RawBuilder<unknown>; joins: JoinAlias[]; semi?: GridColumnSpec['semi'] } {
  if ('join' in source) {
    const { join: alias, column, fallback } = source;
    const expr = fallback
      ? sql`coalesce(${sql.ref(`${alias}.${column}`)}, ${sql.ref(`t.${fallback}`)})`
      : sql`${sql.ref(`${alias}.${column}`)}`;
    return { expr, joins: [alias], semi: { alias, column, fallback } };
  }
  if ('yesNo' in source) {
    const column = sql.ref(`t.${source.yesNo}`);
    return { expr: sql`case when ${column} = 1 then '是' when ${column} = 0 then '否' end`, joins: [] };
  }
  if ('timeOf' in source) return { expr: sql`substr(${sql.ref(`t.${source.timeOf}`)}, 12, 8)`, joins: [] };
  if ('codes' in source) {
    const column = sql.ref(`t.${source.codes}`);
    const cases = Object.entries(source.labels).map(([code, text]) => sql`when ${sql.lit(code)} then ${sql.lit(text)}`);
    const otherwise = source.otherwise === undefined ? column : sql.lit(source.otherwise);
    return { expr: sql`case ${column} ${sql.join(cases, sql` `)} else ${otherwise} end`, joins: [] };
  }
  return { expr: ref(`t.${source.column}`), joins: [] };
}

function columnSpec(c: GridColumnDeclaration): GridColumnSpec {
  const { expr, joins, semi } = expressionOf(c.source);
  const textual = c.type === 'text' || c.type === 'longtext';
  return {
    field: c.field,
    label: c.label.zh,
    labelEn: c.label.en,
    type: c.type,
    expr,
    visible: c.visible ?? true,
    quick: c.quick ?? textual,
    joins,
    ...(c.format ? { format: c.format } : {}),
    ...(semi ? { semi } : {}),
  };
}

/** The grids' tables and columns, derived from the kinds' declarations (src/core/kinds). */
export const GRID_TABLES: Record<GridKind, GridTableSpec> = Object.fromEntries(
  GRID_KINDS.map((kind) => {
    const grid = GRIDS[kind];
    return [kind, { table: grid.table, month: grid.month, defaultSort: grid.defaultSort, columns: grid.columns.map(columnSpec) }];
  }),
) as Record<GridKind, GridTableSpec>;

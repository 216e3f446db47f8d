import type { ColumnType, GridKind } from '../../shared/api/dataApi';
import type { KindKey } from '../../shared/kindKeys';
import type { NumberKind } from '../format/numberFormat';
import type { FieldSpec } from './fieldSpec';

/** A name shown to the user, in both languages of the UI. */
export interface Label {
  zh: string;
  en: string;
}

/** Tables joined to a grid's base table (alias t), by alias: the manager, the retailer, the brand a row refers to. */
export type JoinAlias = 'm' | 'r' | 'b';

/**
 * Where a grid column's value comes from, as data (the repository turns it into SQL):
 * a column of the kind's table; a column of a joined table (with the row's own column for
 * unlinked rows); a 0/1 column shown 是/否; the time of a date-time column; or a coded
 * column shown by the labels of its codes.
 */
export type GridColumnSource =
  | { column: string }
  | { join: JoinAlias; column: string; fallback?: string }
  | { yesNo: string }
  | { timeOf: string }
  | { codes: string; labels: Readonly<Record<string, string>>; otherwise?: string };

export interface GridColumnDeclaration {
  field: string;
  label: Label;
  type: ColumnType;
  source: GridColumnSource;
  /** Shown by default (default true). */
  visible?: boolean;
  format?: NumberKind;
  /** Searched by the quick filter (default: text and long text columns from the table itself or joined). */
  quick?: boolean;
}

export interface GridDeclaration {
  /** The grid (and the data page's tab) that shows the kind's table. */
  kind: GridKind;
  /** The table's rows as the grids and detail panels name them. */
  label: Label;
  /** How a month narrows the table; master data has none. */
  month: { column: string; kind: 'date' | 'month' | 'period' } | null;
  /** Newest first by this column (then id). */
  defaultSort: { field: string; sort: 'asc' | 'desc' } | null;
  columns: readonly GridColumnDeclaration[];
}

/** One kind of spreadsheet data, declared once: what the parser, the grids and the UI labels are derived from. */
export interface KindDeclaration {
  kind: KindKey;
  label: Label;
  /** The table its rows are stored in. */
  table: string;
  /** The spreadsheet's fields: types, Chinese labels, header synonyms, required and checks. */
  fields: readonly FieldSpec[];
  /** How its table is shown; null for a kind without a grid (the calendar is edited in its own page). */
  grid: GridDeclaration | null;
}

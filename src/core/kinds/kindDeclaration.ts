import type { ColumnType, GridKind } from '../../shared/api/dataApi';
import type { KindKey } from '../../shared/kindKeys';
import type { NumberKind } from '../format/numberFormat';
import type { FieldSpec } from './fieldSpec';
import type { RecordCompletion } from './recordCompletion';

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

/**
 * A value the importer finds by following a row's references: the manager's id (and, for a
 * retailer's manager, the code and name found, else as written), the retailer's id, the reference
 * as written (retailerRef; null without one) or the linked licence else the reference
 * (retailerKey; '' without one), how a punch was linked, the brand's id and code.
 */
export type LinkValue =
  | 'managerId'
  | 'managerCode'
  | 'managerName'
  | 'retailerId'
  | 'retailerRef'
  | 'retailerKey'
  | 'linkMethod'
  | 'brandId'
  | 'brandCode';

/** What a stored column is written from: a value of the row's record (by key) or a linked value. */
export type StoredValue = { record: string } | { link: LinkValue };

export interface StoredColumn {
  value: StoredValue;
  /**
   * The fields whose columns in a file make a re-import write this column (a file without any of
   * them leaves the stored value alone); null: always written (keys, links worked out from the key).
   */
  carriedBy: readonly string[] | null;
}

/**
 * What a row refers to. manager 'required': the row's 工号/UserId/姓名 must name a manager of the
 * roster (else the row is refused); 'assigns': a retailer's manager, named or found by its route.
 * retailer: by licence or customer code, kept unlinked when unknown; byText also finds it named in a
 * text field, byCoords by a punch's coordinates. brand: by code or name, kept unlinked when unknown.
 */
export interface KindReferences {
  manager?: 'required' | 'assigns';
  retailer?: { byText?: string; byCoords?: boolean };
  brand?: boolean;
}

/**
 * A part of a natural key: a record value by key, the row's manager, retailer (orField: a text
 * field that names it when there is no reference) or brand, or a fixed word.
 */
export type KeyPart = string | { ref: 'manager' } | { ref: 'retailer'; orField?: string } | { ref: 'brand' } | { literal: string };

/** One way of keying a row, taken when its `when` value is present (the first that applies wins). */
export interface KeyAlternative {
  when?: string;
  parts: readonly KeyPart[];
}

/** One kind of spreadsheet data, declared once: what the parser, the writer, the grids and the UI labels are derived from. */
export interface KindDeclaration {
  kind: KindKey;
  label: Label;
  /** The table its rows are stored in. */
  table: string;
  /** The spreadsheet's fields: types, Chinese labels, header synonyms, required and checks. */
  fields: readonly FieldSpec[];
  /** Values of a row's record worked out from several fields, and checks across fields. */
  completeRecord?: RecordCompletion;
  /** The table's imported columns (besides id, nk and the batch columns), in order, with what each is written from. */
  columns: Readonly<Record<string, StoredColumn>>;
  references: KindReferences;
  /** What makes a row the same row when a file is imported again (data-kinds.md). */
  naturalKey: readonly KeyAlternative[];
  /** The record values that name an updated row in the change list (default: its natural key). */
  rowTitle?: readonly string[];
  /** How its table is shown; null for a kind without a grid (the calendar is edited in its own page). */
  grid: GridDeclaration | null;
}

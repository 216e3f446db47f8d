import { z } from 'zod';
import { jobIdSchema, monthSchema } from './schemas';

/** The tables the data grids show. */
export const GRID_KINDS = [
  'managers',
  'retailers',
  'brands',
  'journals',
  'attendance',
  'reports',
  'surveys',
  'orders',
  'agreements',
  'inspections',
  'spotchecks',
] as const;
export type GridKind = (typeof GRID_KINDS)[number];
const gridKindSchema = z.enum(GRID_KINDS);

/** AG Grid's filter models (text, number, date, set-less community filters), validated loosely per column. */
const simpleFilterSchema = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  type: z.string().max(40),
  filter: z.union([z.string().max(500), z.number()]).nullable().optional(),
  filterTo: z.number().nullable().optional(),
  dateFrom: z.string().max(40).nullable().optional(),
  dateTo: z.string().max(40).nullable().optional(),
});
const combinedFilterSchema = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(simpleFilterSchema).max(4),
});
const columnFilterSchema = z.union([combinedFilterSchema, simpleFilterSchema]);
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

/** Which rows of a table a grid shows: the month, the column filters and the quick filter. */
const gridViewArgs = {
  kind: gridKindSchema,
  month: monthSchema.optional(),
  filters: z.record(z.string().max(100), columnFilterSchema).default({}),
  quickFilter: z.string().max(200).optional(),
};

export const dataArgs = {
  'data.columns': z.object({ kind: gridKindSchema }),
  /**
   * One page of a table, sorted and filtered in SQL (AG Grid's infinite row model). With
   * `count: false` the matching rows are not counted (a text filter's count scans the whole
   * table): the total is then given only when it is known for free, else null; ask 'data.count'.
   */
  'data.rows': z.object({
    ...gridViewArgs,
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
    sort: z.array(z.object({ colId: z.string().max(100), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
    count: z.boolean().default(true),
  }),
  /** The number of rows a view of 'data.rows' matches (the same filters), exact. */
  'data.count': z.object(gridViewArgs),
  'data.detail': z.object({ kind: gridKindSchema, id: z.number().int().positive(), month: monthSchema.optional() }),
  /** What the 总览 screen shows for a month. */
  'data.overview': z.object({ month: monthSchema }),
  /** 市公司: every district's stored month compared (kaoping city); reads only. */
  'data.city': z.object({ month: monthSchema }),
  /**
   * The rows a grid shows (its filters and sort) with its visible columns in their order, as an
   * .xlsx workbook ('job.progress' events, step 'rows'); `title` names the sheet and the file.
   */
  'data.export': z.object({
    ...gridViewArgs,
    sort: z.array(z.object({ colId: z.string().max(100), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
    columns: z.array(z.string().max(100)).max(100),
    title: z.string().min(1).max(60),
    subtitle: z.string().max(200).optional(),
    jobId: jobIdSchema,
  }),
  /**
   * The rows of a grid the page holds itself (the ranking, import history …) as an .xlsx
   * workbook: its visible columns in their order, with their number kinds.
   */
  'data.exportRows': z.object({
    title: z.string().min(1).max(60),
    subtitle: z.string().max(200).optional(),
    columns: z
      .array(
        z.object({
          field: z.string().max(100),
          label: z.string().max(200),
          type: z.enum(['text', 'number', 'date', 'datetime', 'bool', 'longtext']),
          format: z.enum(['money', 'quantity', 'count', 'percent', 'score', 'hours', 'coordinate', 'plain']).optional(),
        }),
      )
      .min(1)
      .max(100),
    rows: z.array(z.record(z.string().max(100), z.union([z.string().max(40000), z.number(), z.null()]))).max(50_000),
  }),
} as const;

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'bool' | 'longtext';

export interface ColumnInfo {
  field: string;
  label: string;
  /** The column's name in the English UI (label is the Chinese one). */
  labelEn?: string;
  type: ColumnType;
  /** Filterable and sortable in SQL. */
  sortable: boolean;
  /** Whether the column is shown by default. */
  visible: boolean;
  /** For a number column: how it reads (core/format/numberFormat's NumberKind); plain when absent. */
  format?: 'money' | 'quantity' | 'count' | 'percent' | 'score' | 'hours' | 'coordinate' | 'plain';
}

export type GridRow = Record<string, string | number | null>;

export interface RowsPage {
  rows: GridRow[];
  /**
   * Total rows matching the filters (AG Grid's lastRow); null when the caller asked for no count
   * and it was not known anyway (from a page that ends short, or counted before for this data).
   */
  total: number | null;
}

export interface RowsCount {
  /** Rows matching the filters, exactly. */
  total: number;
}

export interface RowDetail {
  kind: GridKind;
  row: GridRow;
  columns: ColumnInfo[];
  /** For a retailer or a manager: the month's related rows, by kind. */
  related: { kind: GridKind; label: string; labelEn?: string; columns: ColumnInfo[]; rows: GridRow[] }[];
}

export interface MonthOverview {
  month: string;
  counts: Record<string, number>;
  /** Absence rows of the attendance export: the attendance grid lists them beside the punches that `counts` counts. */
  absences: number;
  /** Managers × days: punches per day. */
  heatmap: { managers: { code: string; name: string }[]; days: string[]; cells: [day: number, manager: number, punches: number][] };
  workdays: string[];
  flagsByType: { type: string; label: string; count: number }[];
  /** What to import next, e.g. "2026-10 还没有导入满意度调查". */
  missing: string[];
  evaluated: boolean;
  /** The month's inputs changed after its (draft) evaluation: 需重新考评, with what and when. */
  stale: { kind: string; what: string; at: string }[];
}

/** One district's month beside the others' (backend/services/city/cityMonth, core/city/districtMonthSummary). */
export interface CityDistrictDto {
  district: string;
  status: 'final' | 'draft' | 'not_evaluated';
  stale: boolean;
  managers: number;
  graded: number;
  grades: Record<string, number>;
  vetoes: number;
  averageTotal: number | null;
  dimensions: Record<string, number | null>;
  flags: Record<string, number>;
  flagTotal: number;
  flagsPerManager: number | null;
  rank: number | null;
}

export interface CityMonthDto {
  month: string;
  /** Grade labels, highest band first. */
  grades: string[];
  /** Ranked by mean total; the unevaluated last. */
  districts: CityDistrictDto[];
}

export interface DataReturns {
  'data.columns': ColumnInfo[];
  'data.rows': RowsPage;
  'data.count': RowsCount;
  'data.detail': RowDetail;
  'data.overview': MonthOverview;
  'data.city': CityMonthDto;
  'data.export': { fileName: string; bytes: Uint8Array; rows: number };
  'data.exportRows': { fileName: string; bytes: Uint8Array; rows: number };
}

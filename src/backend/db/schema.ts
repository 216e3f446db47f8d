import type { Generated, Insertable, Selectable } from 'kysely';

/** Columns every imported row has: who inserted it, who last changed it, its natural key. */
interface ImportedRow {
  id: Generated<number>;
  nk: string;
  created_batch_id: number;
  batch_id: number;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  kind: string;
  sheet: string | null;
  header_row: number | null;
  encoding: string | null;
  mapping_json: Generated<string>;
  rows_total: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  skipped: Generated<number>;
  unlinked: Generated<number>;
  warnings_json: Generated<string>;
  rejects_json: Generated<string>;
  as_of_month: string | null;
  status: Generated<'committed' | 'undone'>;
  imported_at: string;
  imported_by: string | null;
  undone_at: string | null;
  /** The district imported into (migration 0014; null only in a store that had none). */
  district_id: number | null;
}

export interface ManagersTable extends ImportedRow {
  code: string;
  name: string;
  department: string | null;
  area: string | null;
  routes: string | null;
  phone: string | null;
  dingtalk_id: string | null;
  hired_on: string | null;
  status: string | null;
  /** 离职日期/调离日期 (migration 0008). */
  left_on: Generated<string | null>;
  /** The manager's district (migration 0014). */
  district_id: number | null;
}

export interface RetailersTable extends ImportedRow {
  licence: string;
  customer_code: string | null;
  name: string;
  owner: string | null;
  phone: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  format: string | null;
  market: string | null;
  tier: number | null;
  route: string | null;
  manager_code: string | null;
  manager_name: string | null;
  status: string | null;
  /** The retailer's own district (migration 0014). */
  district_id: number | null;
}

export interface AssignmentsTable extends ImportedRow {
  retailer_id: number;
  month: string;
  route: string | null;
  manager_id: number | null;
  /** The day the assignment starts when not the 1st of its month (migration 0009). */
  valid_from: string | null;
}

export interface BrandsTable extends ImportedRow {
  code: string;
  name: string;
  brand: string | null;
  price_class: string | null;
  wholesale_price: number | null;
  retail_price: number | null;
  key_brand: number | null;
  new_brand: number | null;
  launched_on: string | null;
}

export interface CalendarDaysTable extends ImportedRow {
  date: string;
  workday: number;
  note: string | null;
}

export interface JournalsTable extends ImportedRow {
  date: string;
  manager_id: number;
  retailer_id: number | null;
  retailer_ref: string | null;
  retailer_name: string | null;
  arrived_at: string | null;
  left_at: string | null;
  method: string | null;
  content: string;
  problems: string | null;
  actions: string | null;
  price_marked: number | null;
  display_ok: number | null;
  violation: string | null;
}

export interface AttendanceTable extends ImportedRow {
  manager_id: number;
  date: string;
  at: string | null;
  is_absence: number;
  kind: string | null;
  result: string | null;
  anomaly: string | null;
  mock_location: number;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  retailer_id: number | null;
  retailer_ref: string | null;
  link_method: string | null;
  visited: string | null;
  device: string | null;
  /** DingTalk's 数据来源 (补打卡 marks a punch filled in afterwards); migration 0010. */
  source: string | null;
}

export interface ReportsTable extends ImportedRow {
  manager_id: number;
  kind: string;
  period: string;
  title: string | null;
  body: string;
  submitted_on: string | null;
}

export interface SurveysTable extends ImportedRow {
  survey_id: string | null;
  date: string;
  retailer_id: number | null;
  retailer_ref: string;
  method: string | null;
  knows_manager: number;
  names_manager: number | null;
  visits_last_month: number | null;
  items_json: string;
  overall: string | null;
  comments: string | null;
}

export interface OrdersTable extends ImportedRow {
  date: string;
  retailer_id: number | null;
  retailer_ref: string;
  brand_id: number | null;
  brand_code: string | null;
  brand_name: string | null;
  demand: number | null;
  quantity: number;
  supplied: number | null;
  wholesale_price: number | null;
  amount: number | null;
  retail_price: number | null;
  /** The marketing system's 订单编号; migration 0010. */
  order_no: string | null;
}

export interface AgreementsTable extends ImportedRow {
  month: string;
  retailer_id: number | null;
  retailer_ref: string;
  brand_code: string | null;
  agreed: number;
}

export interface InspectionsTable extends ImportedRow {
  date: string;
  retailer_id: number | null;
  retailer_ref: string;
  violation: string;
  inspector: string | null;
  notes: string | null;
}

export interface SpotchecksTable extends ImportedRow {
  date: string;
  manager_id: number;
  item: string;
  subject: string | null;
  answer: number;
}

export interface RowHistoryTable {
  id: Generated<number>;
  batch_id: number;
  table_name: string;
  row_id: number;
  old_json: string;
}

export interface SchemesTable {
  id: Generated<number>;
  name: string;
  version: number;
  definition_json: string;
  created_at: string;
  created_by: string | null;
}

export interface EvaluationsTable {
  id: Generated<number>;
  month: string;
  scheme_id: number;
  status: Generated<'draft' | 'final'>;
  evaluated_at: string;
  finalized_at: string | null;
  finalized_by: string | null;
  input_batches_json: string;
  result_json: string;
  /** What the evaluation was computed from (migration 0008; null before it). */
  inputs_json: Generated<string | null>;
  /** One evaluation per district × month (migration 0014). */
  district_id: number;
}

export interface AdjustmentsTable {
  id: Generated<number>;
  month: string;
  manager_code: string;
  dimension: string;
  score: number;
  reason: string;
  created_by: string;
  created_at: string;
  /** Migration 0014. */
  district_id: number | null;
}

/** Append-only: the database refuses UPDATE and DELETE on it. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  who: string;
  entity: string;
  entity_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  /** SHA-256 over the previous row's hash and this row (migration 0007, db/auditRowHash.ts). */
  hash: string | null;
}

/** A month whose cached order facts are current (migration 0005; kept by triggers on orders and brands). */
export interface OrderMonthCacheTable {
  month: string;
  /** The import batches that the month's order lines carry, ascending. */
  batch_ids_json: string;
  /** 1 when order_month_retailer_totals holds the month's sums (order_month_totals is no longer written). */
  totals_ready: number;
}

/** order_month_totals summed per month × retailer, as the evaluation reads them (0006). */
export interface OrderMonthRetailerTotalsTable {
  month: string;
  /** The key and new brand codes the sums count (JSON). */
  brand_marks: string;
  /** The retailers' sums packed by backend/repositories/retailerTotalsBlob.ts. */
  totals: Uint8Array;
}

/** What copy detection found among a district's journal entries of a month, for the question keyed by input_key (migrations 0016, 0026). */
export interface JournalCopyCacheTable {
  district_id: number;
  month: string;
  /** SHA-256 of the entries compared, the rule's settings and version (journalCopyCache.ts). */
  input_key: string;
  /** core/measures' JournalCopyFindings as JSON. */
  findings_json: string;
}

/** Order lines summed per month × retailer × brand code (lines without a retailer left out). */
export interface OrderMonthTotalsTable {
  month: string;
  retailer_id: number;
  brand_code: string | null;
  quantity: number;
  retail_value: number | null;
  wholesale_value: number | null;
}

/** A hand mapping kept by name; applied to later files whose header row has the same texts. */
export interface SavedMappingsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  /** The header row's texts, trimmed, trailing empty cells dropped. */
  headers_json: string;
  /** Field key → 0-based column index. */
  mapping_json: string;
  saved_at: string;
  /** The district whose supervisor saved it (migration 0022); null: every district's. */
  district_id: number | null;
}

/** A supervisor's comment on a journal entry or report; its history is in audit_log. */
export interface EntryCommentsTable {
  id: Generated<number>;
  kind: 'journals' | 'reports';
  entry_id: number;
  text: string;
  updated_by: string;
  updated_at: string;
}

/** Master data as history (migration 0009): what a file said for a month. */
export interface RetailerVersionsTable extends ImportedRow {
  retailer_id: number;
  month: string;
  name: string;
  status: string | null;
}

export interface BrandVersionsTable extends ImportedRow {
  brand_id: number;
  month: string;
  key_brand: number | null;
  new_brand: number | null;
  launched_on: string | null;
}

export interface ManagerVersionsTable extends ImportedRow {
  manager_id: number;
  month: string;
  name: string;
  department: string | null;
  status: string | null;
}

/** A finalized month's report inputs beyond its snapshot (migration 0009). */
export interface ReportFreezesTable {
  month: string;
  frozen_at: string;
  inputs_json: string;
  /** Migration 0014: one per district × month. */
  district_id: number;
}

/** Small named settings (migration 0008): 'supervisor' → { name, unit }. */
export interface AppSettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

/** A supervisor's score of a 手工评分 metric (migration 0008); the latest per month × manager × metric applies. */
export interface ManualScoresTable {
  id: Generated<number>;
  month: string;
  manager_code: string;
  metric: string;
  score: number;
  reason: string;
  created_by: string;
  created_at: string;
  /** Migration 0014. */
  district_id: number | null;
}

/** A district (营销部) of the city company (migration 0014). */
export interface DistrictsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

/** The people of a city server (migration 0015; services/accounts). */
export interface AccountsTable {
  id: Generated<number>;
  name: string;
  /** 'admin' | 'supervisor' | 'reviewer' (services/accounts/accountRole.ts). */
  role: string;
  /** The district a supervisor judges, by name; null for admins and reviewers. */
  district: string | null;
  /** scrypt$N$r$p$salt$hash (services/accounts/passwordHash.ts). */
  password_hash: string;
  /** 1 when the account may no longer log in. */
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface Database {
  districts: DistrictsTable;
  import_batches: ImportBatchesTable;
  managers: ManagersTable;
  retailers: RetailersTable;
  assignments: AssignmentsTable;
  brands: BrandsTable;
  calendar_days: CalendarDaysTable;
  journals: JournalsTable;
  attendance: AttendanceTable;
  reports: ReportsTable;
  surveys: SurveysTable;
  orders: OrdersTable;
  agreements: AgreementsTable;
  inspections: InspectionsTable;
  spotchecks: SpotchecksTable;
  row_history: RowHistoryTable;
  schemes: SchemesTable;
  evaluations: EvaluationsTable;
  adjustments: AdjustmentsTable;
  audit_log: AuditLogTable;
  saved_mappings: SavedMappingsTable;
  entry_comments: EntryCommentsTable;
  app_settings: AppSettingsTable;
  manual_scores: ManualScoresTable;
  order_month_cache: OrderMonthCacheTable;
  order_month_totals: OrderMonthTotalsTable;
  order_month_retailer_totals: OrderMonthRetailerTotalsTable;
  retailer_versions: RetailerVersionsTable;
  brand_versions: BrandVersionsTable;
  manager_versions: ManagerVersionsTable;
  report_freezes: ReportFreezesTable;
  journal_copy_cache: JournalCopyCacheTable;
  accounts: AccountsTable;
}

/** Tables that hold imported rows (and so carry batch ids and a natural key). */
export type ImportedTableName = Exclude<
  keyof Database,
  | 'import_batches'
  | 'row_history'
  | 'schemes'
  | 'evaluations'
  | 'adjustments'
  | 'audit_log'
  | 'saved_mappings'
  | 'entry_comments'
  | 'app_settings'
  | 'manual_scores'
  | 'order_month_cache'
  | 'order_month_totals'
  | 'order_month_retailer_totals'
  | 'report_freezes'
  | 'journal_copy_cache'
  | 'accounts'
  | 'districts'
>;

export type ImportBatchRow = Selectable<ImportBatchesTable>;
export type NewImportBatch = Insertable<ImportBatchesTable>;
export type SavedMappingRow = Selectable<SavedMappingsTable>;

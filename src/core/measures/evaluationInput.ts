/**
 * Everything the backend loads for evaluating ONE month, as plain arrays.
 * Every `id` is the database row id of that data kind and is used as flag evidence.
 * Dates are ISO 'YYYY-MM-DD', months 'YYYY-MM', times local wall clock 'YYYY-MM-DDTHH:mm:ss'.
 */
export interface EvaluationInput {
  month: string;
  /** The month's workdays (ISO dates), from the district's work calendar. */
  workdays: string[];
  /**
   * The day the evaluation is made ('YYYY-MM-DD'): a monthly report that is not due yet is
   * not missing. Absent: the month is judged as if every deadline had passed.
   */
  asOf?: string | null;
  managers: ManagerRow[];
  retailers: RetailerRow[];
  /** Assignment history covering at least the month and the 30 days before it. */
  assignments: AssignmentRow[];
  brands: BrandRow[];
  /**
   * Orders of the month, the previous month and the same month last year, summed per retailer ×
   * month (the backend reads them so: a city has a million retailer × brand × month totals).
   */
  retailerOrders?: RetailerMonthOrders[];
  /**
   * The same orders per retailer × brand × month; the core sums them into `retailerOrders`
   * (sumOrderTotals) when that is absent. Tests and small inputs use this form.
   */
  orderTotals?: OrderTotalRow[];
  punches: PunchRow[];
  absences: AbsenceRow[];
  /** All managers' entries of the month and of the scheme's report window before it (at least 30 days). */
  journals: JournalRow[];
  /** Weekly notes and monthly reports of the month and the previous month. */
  reports: ReportRow[];
  surveys: SurveyRow[];
  inspections: InspectionRow[];
  spotchecks: SpotcheckRow[];
  agreements: AgreementRow[];
}

export interface ManagerRow {
  code: string;
  name: string;
  hiredOn: string | null;
  /** 离职日期/调离日期: the last day of employment (inclusive); absent or null when none is known. */
  leftOn?: string | null;
  status: string | null;
}

export interface RetailerRow {
  id: number;
  licence: string;
  name: string;
  tier: number | null;
  route: string | null;
  longitude: number | null;
  latitude: number | null;
  /** 正常 / 暂停 / 注销; null is taken as 正常. */
  status: string | null;
}

export interface AssignmentRow {
  retailerId: number;
  managerCode: string;
  route: string | null;
  from: string;
  /** Last day of the assignment (inclusive); null while it lasts. */
  to: string | null;
}

export interface BrandRow {
  code: string;
  name: string;
  keyBrand: boolean;
  newBrand: boolean;
}

export interface OrderTotalRow {
  retailerId: number;
  brandCode: string;
  month: string;
  /** 条 */
  quantity: number;
  /** Σ suggested retail price × quantity. */
  retailValue: number | null;
  /** Σ wholesale price × quantity. */
  wholesaleValue: number | null;
}

/**
 * One retailer's orders of one month, summed over its brands as core/measures needs them. Sums
 * of REAL values are compensated (Kahan–Babuška–Neumaier) over the brands in code order, as
 * SQLite's sum() does, so that the backend's SQL and sumOrderTotals agree to the last bit.
 */
export interface RetailerMonthOrders {
  retailerId: number;
  month: string;
  /** 条, all brands. */
  quantity: number;
  /** 条 of the brands the brand list marks 重点 (keyBrand). */
  keyBrandQuantity: number;
  /** 条 of the brands the brand list marks 新品 (newBrand). */
  newBrandQuantity: number;
  /** Whether some new brand's total of the month is positive. */
  orderedNewBrand: boolean;
  /** Σ (retail − wholesale) over the brands that carry both values. */
  marginValue: number;
  /** Σ retail over the same brands. */
  marginRetailValue: number;
  /**
   * Quantities of single brands, only for the brands an agreement of the evaluated month names
   * for this retailer (履约率 holds such an agreement against that brand alone).
   */
  brandQuantities?: Readonly<Record<string, number>>;
}

export interface PunchRow {
  id: number;
  managerCode: string;
  at: string;
  date: string;
  retailerId: number | null;
  longitude: number | null;
  latitude: number | null;
  mockLocation: boolean;
  /** 异常打卡原因 as exported (定位异常, 模拟定位, 设备异常, 不在打卡范围 …). */
  anomaly: string | null;
  kind: string | null;
}

/** An exported 未打卡 row: the manager was expected to punch and did not. */
export interface AbsenceRow {
  id: number;
  managerCode: string;
  date: string;
}

export interface JournalRow {
  id: number;
  managerCode: string;
  date: string;
  retailerId: number | null;
  content: string;
  problems: string | null;
  /** 无, 假烟, 私烟/非法渠道, 违禁品, 无证经营, 其他 */
  violation: string | null;
  priceMarked: boolean | null;
  displayOk: boolean | null;
}

export interface ReportRow {
  id: number;
  managerCode: string;
  kind: '周记' | '月报';
  /** 'YYYY-MM' for 月报, 'YYYY-Www' for 周记. */
  period: string;
  body: string;
  submittedOn: string | null;
}

export interface SurveyRow {
  id: number;
  date: string;
  retailerId: number | null;
  knowsManager: boolean;
  namesManager: boolean | null;
  /** Item name → score on a 1–5 scale. */
  items: Record<string, number>;
  /** 非常满意, 满意, 一般, 不满意, 非常不满意 */
  overall: string | null;
}

export interface InspectionRow {
  id: number;
  date: string;
  retailerId: number | null;
  violation: string;
}

export type SpotcheckItem = 'retailer_count' | 'route_volume' | 'tier_count';

export interface SpotcheckRow {
  id: number;
  date: string;
  managerCode: string;
  item: SpotcheckItem;
  /** The route code (route_volume) or tier band like "21-30" or "25" (tier_count). */
  subject: string | null;
  answer: number;
}

export interface AgreementRow {
  id: number;
  month: string;
  retailerId: number;
  agreed: number;
  /** null: the agreement is for all brands. */
  brandCode: string | null;
}

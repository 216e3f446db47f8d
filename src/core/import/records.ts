import type {
  MarketType,
  PriceClass,
  PunchKind,
  ReportKind,
  RetailerFormat,
  RetailerStatus,
  RosterStatus,
  SatisfactionLevel,
  SpotcheckItem,
  SurveyMethod,
  ViolationType,
  VisitMethod,
} from './enums';

/**
 * One imported row per kind. Dates are 'YYYY-MM-DD', date-times 'YYYY-MM-DDTHH:mm:ss'
 * (wall clock as written), times 'HH:mm:ss', months 'YYYY-MM'; volumes in 条.
 * An absent optional value is null.
 */
export interface RosterRecord {
  code: string;
  name: string;
  department: string | null;
  area: string | null;
  /** Route codes, split on , ， 、 ; ； */
  routes: string[];
  phone: string | null;
  dingtalkId: string | null;
  hiredOn: string | null;
  status: RosterStatus | null;
  /** 离职日期/调离日期: the last day of employment. */
  leftOn: string | null;
}

export interface RetailerRecord {
  /** 12 digits */
  licence: string;
  customerCode: string | null;
  name: string;
  owner: string | null;
  phone: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  format: RetailerFormat | null;
  market: MarketType | null;
  /** 1–30 */
  tier: number | null;
  route: string | null;
  managerCode: string | null;
  managerName: string | null;
  status: RetailerStatus | null;
  /** The day the row's manager takes over, when a transfer starts mid-month. */
  assignedFrom?: string | null;
}

export interface BrandRecord {
  code: string;
  name: string;
  brand: string | null;
  priceClass: PriceClass | null;
  wholesalePrice: number | null;
  retailPrice: number | null;
  keyBrand: boolean | null;
  newBrand: boolean | null;
  launchedOn: string | null;
}

export interface CalendarRecord {
  date: string;
  workday: boolean;
  note: string | null;
}

/** managerCode or managerName is always present; licence or customerCode identifies the retailer. */
export interface JournalRecord {
  date: string;
  managerCode: string | null;
  managerName: string | null;
  licence: string | null;
  customerCode: string | null;
  retailerName: string | null;
  arrivedAt: string | null;
  leftAt: string | null;
  method: VisitMethod | null;
  content: string;
  problems: string | null;
  actions: string | null;
  priceMarked: boolean | null;
  displayOk: boolean | null;
  violation: ViolationType | null;
}

/** At least one of managerCode, managerUserId, managerName is present. */
export interface AttendanceRecord {
  managerCode: string | null;
  managerUserId: string | null;
  managerName: string | null;
  /** The punch; null for an absence (未打卡/缺卡 without a time). */
  at: string | null;
  /** The punch's date, or the absence's date. */
  date: string;
  isAbsence: boolean;
  kind: PunchKind | null;
  result: string | null;
  anomaly: string | null;
  /** The export marks the punch 模拟定位, 虚拟定位 or 定位异常. */
  mockLocation: boolean;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  licence: string | null;
  customerCode: string | null;
  visited: string | null;
  device: string | null;
  /** 数据来源: 补打卡 marks a punch filled in afterwards. */
  source: string | null;
}

export interface ReportRecord {
  managerCode: string | null;
  managerName: string | null;
  /** 'YYYY-MM' for 月报, 'YYYY-Www' for 周记 */
  period: string;
  kind: ReportKind;
  title: string | null;
  body: string;
  submittedOn: string | null;
}

export interface SurveyRecord {
  surveyId: string | null;
  date: string;
  licence: string | null;
  customerCode: string | null;
  method: SurveyMethod | null;
  knowsManager: boolean;
  namesManager: boolean | null;
  visitsLastMonth: number | null;
  /** Known item name (拜访及时性 …) → score 1–5; only the items the file has. */
  items: Record<string, number>;
  overall: SatisfactionLevel | null;
  comments: string | null;
}

export interface OrderRecord {
  date: string;
  licence: string | null;
  customerCode: string | null;
  brandCode: string | null;
  brandName: string | null;
  /** 条 */
  demand: number | null;
  /** 条; negative for returns */
  quantity: number;
  /** 条 */
  supplied: number | null;
  wholesalePrice: number | null;
  amount: number | null;
  retailPrice: number | null;
  orderNo: string | null;
}

export interface AgreementRecord {
  month: string;
  licence: string | null;
  customerCode: string | null;
  /** 条 */
  agreed: number;
  /** null: the agreement covers all brands */
  brandCode: string | null;
}

export interface InspectionRecord {
  date: string;
  licence: string | null;
  customerCode: string | null;
  violation: ViolationType;
  inspector: string | null;
  notes: string | null;
}

export interface SpotcheckRecord {
  date: string;
  managerCode: string | null;
  managerName: string | null;
  item: SpotcheckItem;
  /** The route code or tier band the question was about */
  subject: string | null;
  answer: number;
}

export type KindRecord =
  | { kind: 'roster'; data: RosterRecord }
  | { kind: 'retailers'; data: RetailerRecord }
  | { kind: 'brands'; data: BrandRecord }
  | { kind: 'calendar'; data: CalendarRecord }
  | { kind: 'journals'; data: JournalRecord }
  | { kind: 'attendance'; data: AttendanceRecord }
  | { kind: 'reports'; data: ReportRecord }
  | { kind: 'surveys'; data: SurveyRecord }
  | { kind: 'orders'; data: OrderRecord }
  | { kind: 'agreements'; data: AgreementRecord }
  | { kind: 'inspections'; data: InspectionRecord }
  | { kind: 'spotchecks'; data: SpotcheckRecord };

/** The record type of one kind: RecordOf<'orders'> is OrderRecord. */
export type RecordOf<K extends KindRecord['kind']> = Extract<KindRecord, { kind: K }>['data'];

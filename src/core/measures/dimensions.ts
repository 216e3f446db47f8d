import type { MessageText } from '../messages/messageText';
/** The eight things a supervisor judges (measures.md), in the courseware's order. */
export const DIMENSION_KEYS = [
  'sales',
  'attendance',
  'records',
  'knowledge',
  'brand',
  'order',
  'fulfilment',
  'evaluation',
] as const;

export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export const DIMENSION_LABELS_ZH: Record<DimensionKey, string> = {
  sales: '硬性指标',
  attendance: '出勤情况',
  records: '文字记录',
  knowledge: '了解市场',
  brand: '品牌销量',
  order: '市场规范',
  fulfilment: '履约率',
  evaluation: '市场评价',
};

/** Every metric of measures.md, grouped by the dimension it belongs to. */
export const METRICS_BY_DIMENSION = {
  sales: ['volume', 'volume_yoy', 'key_brand_share', 'margin_rate', 'margin_vs_market'],
  attendance: ['present_days', 'attendance_rate', 'market_hours', 'coverage', 'plan_compliance', 'top3_share', 'punch_anomalies'],
  records: [
    'journal_rate',
    'journal_chars',
    'short_entries',
    'self_copy',
    'cross_copy',
    'perfunctory_entries',
    'report_submitted',
    'report_copy',
    'problems_reported',
    'counter_ok_rate',
  ],
  knowledge: ['knowledge_score'],
  brand: ['new_brand_reach', 'new_brand_growth'],
  order: ['reported', 'missed', 'order_score'],
  fulfilment: ['fulfilment_rate'],
  evaluation: ['satisfaction', 'know_rate', 'complaints'],
} as const satisfies Record<DimensionKey, readonly string[]>;

export type MetricKey = (typeof METRICS_BY_DIMENSION)[DimensionKey][number];

export const FLAG_TYPES = [
  'attendance.absent',
  'attendance.concentration',
  'attendance.out_of_area',
  'attendance.impossible_travel',
  'attendance.off_hours',
  'attendance.duplicate',
  'attendance.mock_location',
  'records.self_copy',
  'records.cross_copy',
  'records.report_missing',
  'records.report_copy',
  'records.short_entries',
  'records.perfunctory',
  'order.missed',
  'evaluation.unknown_manager',
  'evaluation.low_satisfaction',
  'evaluation.veto',
  'area.no_retailers',
  'attendance.no_punches',
  'records.no_journals',
] as const;

export type FlagType = (typeof FLAG_TYPES)[number];

/**
 * The metric a flag is about, where there is one: the scorecard counts a flag on that metric
 * only. Flags about single punches (off hours, duplicates, travel …) concern no metric's value.
 */
export const FLAG_METRIC: Partial<Record<FlagType, MetricKey>> = {
  'attendance.absent': 'attendance_rate',
  'attendance.no_punches': 'present_days',
  'attendance.concentration': 'top3_share',
  'attendance.out_of_area': 'coverage',
  'records.self_copy': 'self_copy',
  'records.cross_copy': 'cross_copy',
  'records.report_missing': 'report_submitted',
  'records.report_copy': 'report_copy',
  'records.short_entries': 'short_entries',
  'records.no_journals': 'journal_rate',
  'order.missed': 'missed',
  'evaluation.unknown_manager': 'know_rate',
  'evaluation.low_satisfaction': 'satisfaction',
};

/** What a flag's evidence points at: a row id in the table of that data kind. */
export type EvidenceKind = 'attendance' | 'journals' | 'reports' | 'surveys' | 'inspections' | 'orders' | 'retailers' | 'calendar';

/** A day of the work calendar as evidence: its id is the date as the number YYYYMMDD. */
export function calendarEvidenceId(date: string): number {
  return Number(date.replace(/-/g, ''));
}

export interface EvidenceRef {
  kind: EvidenceKind;
  id: number;
}

export interface Flag {
  type: FlagType;
  managerCode: string;
  /** One line in Chinese a supervisor can read in the report. */
  message: string;
  /** The same sentence as a code and parameters, for the UI's language (flags stored before it have none). */
  text?: MessageText;
  evidence: EvidenceRef[];
  /** For near-copy flags: the pairs, so both texts can be shown side by side. */
  pairs?: { aId: number; bId: number; similarity: number }[];
  date?: string;
}

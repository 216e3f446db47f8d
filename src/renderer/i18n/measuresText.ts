import { DIMENSION_LABELS_ZH, type DimensionKey, type MetricKey } from '../../core/measures/dimensions';
import { METRIC_PRESENTATION } from '../../core/report/metricPresentation';
import type { Shape } from './shape';

const metricsZh = Object.fromEntries(Object.entries(METRIC_PRESENTATION).map(([k, p]) => [k, p.label])) as Record<MetricKey, string>;
const dimensionsZh = DIMENSION_LABELS_ZH as Record<DimensionKey, string>;

/**
 * The names of the eight dimensions and of the metrics, shared by every screen (ranking, scorecard,
 * schemes); the Chinese comes from the core, where the report takes it too. Merged under 'measures'.
 */
export const measuresTextZh = {
  dimensions: dimensionsZh,
  /** Grid column headers; in Chinese the names are short already. */
  dimensionsShort: dimensionsZh,
  /** The header tooltips: what each dimension is made of. */
  dimensionsLong: {
    sales: '硬性指标（销量、重点品牌、毛利）',
    attendance: '出勤情况（在岗、覆盖、拜访计划）',
    records: '文字记录（日志、月报、雷同）',
    knowledge: '了解市场（抽查答题）',
    brand: '品牌销量（新品布点与增长）',
    order: '市场规范（违规上报）',
    fulfilment: '履约率（协议量）',
    evaluation: '市场评价（零售户满意度）',
  } as Record<DimensionKey, string>,
  metrics: metricsZh,
};

export const measuresTextEn: Shape<typeof measuresTextZh> = {
  dimensions: {
    sales: 'Hard targets',
    attendance: 'Attendance',
    records: 'Written records',
    knowledge: 'Market knowledge',
    brand: 'Brand sales',
    order: 'Market order',
    fulfilment: 'Fulfilment',
    evaluation: 'Market evaluation',
  },
  dimensionsShort: {
    sales: 'Sales',
    attendance: 'Attend.',
    records: 'Records',
    knowledge: 'Market',
    brand: 'Brands',
    order: 'Order',
    fulfilment: 'Fulfil.',
    evaluation: 'Rating',
  },
  dimensionsLong: {
    sales: 'Sales (volume, key brands, margin)',
    attendance: 'Attendance (presence, coverage, visit plan)',
    records: 'Written records (journals, reports, copying)',
    knowledge: 'Market knowledge (spot checks)',
    brand: 'Brand sales (new brands placed and growing)',
    order: 'Market order (violations reported)',
    fulfilment: 'Fulfilment (agreed volumes)',
    evaluation: 'Retailer rating (satisfaction)',
  },
  metrics: {
    volume: 'Volume (cartons)',
    volume_yoy: 'Volume year on year',
    key_brand_share: 'Key-brand share',
    margin_rate: 'Retailer gross margin',
    margin_vs_market: 'Margin vs district',
    present_days: 'Days in market',
    attendance_rate: 'Attendance rate',
    market_hours: 'Hours in market (median)',
    coverage: 'Retailer coverage',
    plan_compliance: 'Visit plan compliance',
    top3_share: 'Top-3 visit share',
    punch_anomalies: 'Punch anomalies',
    journal_rate: 'Journal rate',
    journal_chars: 'Journal length (median)',
    short_entries: 'Short entries',
    perfunctory_entries: 'Boilerplate-only entries',
    self_copy: 'Self-copied entries',
    cross_copy: 'Entries copied from others',
    report_submitted: 'Monthly report on time',
    report_copy: 'Report copied from last month',
    problems_reported: 'Problems reported',
    counter_ok_rate: 'Tidy counters with marked prices',
    knowledge_score: 'Spot-check score',
    new_brand_reach: 'New-brand reach',
    new_brand_growth: 'New-brand growth',
    reported: 'Violations reported',
    missed: 'Violations missed',
    order_score: 'Market order score',
    fulfilment_rate: 'Agreement fulfilment',
    satisfaction: 'Retailer satisfaction',
    know_rate: 'Retailers knowing the manager',
    complaints: 'Dissatisfied surveys',  },
};

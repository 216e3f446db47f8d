import type { MetricKey } from '../measures/dimensions';
import { METRIC_PRESENTATION } from './metricPresentation';
import type { ReportValue } from './reportModel';

export const NO_DATA = '无数据';

/** A metric's value as the report shows it; null or missing values read 无数据. */
export function metricValue(metric: MetricKey, value: number | null | undefined): ReportValue {
  if (value === null || value === undefined || !Number.isFinite(value)) return { kind: 'text', text: NO_DATA };
  const { format } = METRIC_PRESENTATION[metric];
  if (format === 'yesno') return { kind: 'text', text: value >= 0.5 ? '是' : '否' };
  return { kind: 'number', value, format };
}

/** The district's value of a metric: for a yes/no metric the mean is the share of managers with 是. */
export function districtMetricValue(metric: MetricKey, value: number | null | undefined): ReportValue {
  if (METRIC_PRESENTATION[metric].format === 'yesno' && value !== null && value !== undefined && Number.isFinite(value)) {
    return { kind: 'number', value, format: 'percent' };
  }
  return metricValue(metric, value);
}

/** A score with one decimal, or 无数据. */
export function formatScore(score: number | null): string {
  return score === null ? NO_DATA : score.toFixed(1);
}

import { formatNumber } from '../../../core/format/numberFormat';
import type { MetricRowDto } from '../../../shared/api/evaluationApi';

type Translate = (key: string) => string;

/** A metric's value as the report prints it: 85.0%, 1,234, 5,835.6, 7.5, 是/否; null reads 无数据. */
export function formatMetricValue(value: number | null, format: MetricRowDto['format'], t: Translate): string {
  if (value === null || !Number.isFinite(value)) return t('scorecard.noData');
  // The label names the unit of hours (…（小时，中位数）).
  if (format === 'yesno') return value >= 0.5 ? t('scorecard.yes') : t('scorecard.no');
  return formatNumber(value, format);
}

/** The district's value: for a yes/no metric it is the share of managers with 是. */
export function formatDistrictValue(value: number | null, format: MetricRowDto['format'], t: Translate): string {
  return formatMetricValue(value, format === 'yesno' ? 'percent' : format, t);
}

/** A 0–100 score with one decimal, or 无数据. */
export function formatScore(score: number | null | undefined, t: Translate): string {
  return score === null || score === undefined ? t('scorecard.noData') : formatNumber(score, 'score');
}

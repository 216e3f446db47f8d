import type { MetricRowDto } from '../../../shared/api/evaluationApi';

type Translate = (key: string) => string;

/** A metric's value as the report prints it: 85.0%, 12, 7.5, 是/否; null reads 无数据. */
export function formatMetricValue(value: number | null, format: MetricRowDto['format'], t: Translate): string {
  if (value === null || !Number.isFinite(value)) return t('scorecard.noData');
  switch (format) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'score':
    case 'hours':
      // The label names the unit (…（小时，中位数）).
      return value.toFixed(1);
    case 'yesno':
      return value >= 0.5 ? t('scorecard.yes') : t('scorecard.no');
  }
}

/** The district's value: for a yes/no metric it is the share of managers with 是. */
export function formatDistrictValue(value: number | null, format: MetricRowDto['format'], t: Translate): string {
  return formatMetricValue(value, format === 'yesno' ? 'percent' : format, t);
}

/** A 0–100 score with one decimal, or 无数据. */
export function formatScore(score: number | null | undefined, t: Translate): string {
  return score === null || score === undefined ? t('scorecard.noData') : score.toFixed(1);
}

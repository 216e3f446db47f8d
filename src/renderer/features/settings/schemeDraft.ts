import { DIMENSION_KEYS, type DimensionKey } from '../../../core/measures/dimensions';
import type { MetricRuleDto, SchemeDto } from '../../../shared/api/settingsApi';

export type ScoredMetricDto = SchemeDto['metrics'][string][number];
export type ThresholdKey = Exclude<keyof SchemeDto['thresholds'], 'visitsPerMonthByTier'>;

/** Sum of the eight dimension weights, rounded away from float noise (0.1 + 0.2 ≠ 0.3). */
export function weightSum(weights: SchemeDto['weights']): number {
  const sum = DIMENSION_KEYS.reduce((s, k) => s + (weights[k] ?? 0), 0);
  return Math.round(sum * 1e6) / 1e6;
}

export function withWeight(s: SchemeDto, key: DimensionKey, weight: number): SchemeDto {
  return { ...s, weights: { ...s.weights, [key]: weight } };
}

export function withMetrics(s: SchemeDto, key: DimensionKey, metrics: ScoredMetricDto[]): SchemeDto {
  return { ...s, metrics: { ...s.metrics, [key]: metrics } };
}

export function withThreshold(s: SchemeDto, key: ThresholdKey, value: number): SchemeDto {
  return { ...s, thresholds: { ...s.thresholds, [key]: value } };
}

/** A rule of another type with sensible starting numbers, keeping what carries over. */
export function ruleOfType(type: MetricRuleDto['type'], previous: MetricRuleDto): MetricRuleDto {
  const lowerIsBetter = 'lowerIsBetter' in previous ? previous.lowerIsBetter : undefined;
  switch (type) {
    case 'linear':
      return previous.type === 'linear' ? previous : { type, floor: 0, target: 1 };
    case 'district':
      return { type, ...(lowerIsBetter ? { lowerIsBetter } : {}) };
    case 'rank':
      return { type, ...(lowerIsBetter ? { lowerIsBetter } : {}) };
    case 'manual':
      return { type };
  }
}

/** A metric's share of its dimension's weight in percent (the scorecard's 33.33 %), two decimals. */
export function metricSharePercent(items: readonly ScoredMetricDto[], index: number): number {
  const sum = items.reduce((s, m) => s + (m.weight > 0 ? m.weight : 0), 0);
  const weight = items[index]?.weight ?? 0;
  return sum > 0 && weight > 0 ? Math.round((weight / sum) * 1e4) / 100 : 0;
}

/**
 * Gives one metric `percent` of its dimension and the others the rest in their present
 * proportions; the weights are stored as those percentages (the scorer only uses their ratios).
 */
export function withMetricShare(items: readonly ScoredMetricDto[], index: number, percent: number): ScoredMetricDto[] {
  const p = Math.min(100, Math.max(0, percent));
  const othersSum = items.reduce((s, m, i) => (i === index ? s : s + (m.weight > 0 ? m.weight : 0)), 0);
  return items.map((m, i) => {
    if (i === index) return { ...m, weight: p };
    const share = othersSum > 0 ? (m.weight > 0 ? m.weight : 0) / othersSum : 1 / Math.max(1, items.length - 1);
    return { ...m, weight: Math.round(share * (100 - p) * 1e4) / 1e4 };
  });
}

/** The weight a newly added metric starts with: an equal share beside the ones already there. */
export function newMetricWeight(items: readonly ScoredMetricDto[]): number {
  const sum = items.reduce((s, m) => s + (m.weight > 0 ? m.weight : 0), 0);
  return items.length === 0 || sum <= 0 ? 1 : sum / items.length;
}

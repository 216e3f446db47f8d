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

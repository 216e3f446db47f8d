import type { MetricKey } from '../measures/dimensions';
import { round1 } from './round1';
import type { ScoredMetric } from './scheme';
import { scoreMetric, type MetricContext } from './scoreMetric';

/**
 * A dimension's score: the weighted mean of the sub-scores that exist, one decimal.
 * Metrics without a sub-score drop out with their weight; null ("无数据") when none has one,
 * never a silent 0 or 100 (measures.md).
 */
export function scoreDimension(
  scored: readonly ScoredMetric[],
  metrics: Partial<Record<MetricKey, number | null>>,
  ctxFor: (metric: MetricKey) => MetricContext,
  manual: Partial<Record<MetricKey, number>> = {},
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { metric, weight, rule } of scored) {
    const score = rule.type === 'manual' ? (manual[metric] ?? null) : scoreMetric(rule, metrics[metric] ?? null, ctxFor(metric));
    if (score === null || !Number.isFinite(score) || !(weight > 0)) continue;
    weighted += weight * score;
    weights += weight;
  }
  return weights > 0 ? round1(weighted / weights) : null;
}

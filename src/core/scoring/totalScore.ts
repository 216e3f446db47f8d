import type { DimensionKey } from '../measures/dimensions';
import { round1 } from './round1';

/**
 * Σ weight × score / Σ weight over the dimensions with data, one decimal: a dimension with no
 * data leaves the total with its weight (measures.md). Null when no dimension has data.
 */
export function totalScore(
  dimScores: Record<DimensionKey, number | null>,
  weights: Record<DimensionKey, number>,
): number | null {
  let weighted = 0;
  let weightSum = 0;
  for (const key of Object.keys(weights) as DimensionKey[]) {
    const score = dimScores[key];
    const weight = weights[key];
    if (score === null || score === undefined || !(weight > 0)) continue;
    weighted += weight * score;
    weightSum += weight;
  }
  return weightSum > 0 ? round1(weighted / weightSum) : null;
}

import { gradeFor } from '../scoring/gradeFor';
import { rankManagers } from '../scoring/rankManagers';
import type { Scheme } from '../scoring/scheme';
import { totalScore } from '../scoring/totalScore';
import { DIMENSION_KEYS, type DimensionKey } from './dimensions';
import { VETO_GRADE, type ManagerEvaluation } from './monthEvaluation';

/**
 * The dimensions without data when those with data weigh less than half of all weights
 * (measures.md: "数据不足，不评等级"); null when enough of the weight is covered.
 */
function missingDimensions(
  scores: Record<DimensionKey, number | null>,
  weights: Record<DimensionKey, number>,
): DimensionKey[] | null {
  let total = 0;
  let covered = 0;
  for (const key of DIMENSION_KEYS) {
    const weight = weights[key] > 0 ? weights[key] : 0;
    total += weight;
    if (scores[key] !== null && scores[key] !== undefined) covered += weight;
  }
  if (total === 0 || covered * 2 >= total) return null;
  return DIMENSION_KEYS.filter((key) => weights[key] > 0 && (scores[key] === null || scores[key] === undefined));
}

/**
 * A manager without enough data (missingDimensions) gets no total, grade or rank.
 * Totals, grades and ranks from the dimension scores as they stand. A veto makes the grade
 * 不合格 whatever the total; the rank still follows the total, so the report shows both.
 */
export function gradeAndRank(managers: readonly ManagerEvaluation[], scheme: Scheme): ManagerEvaluation[] {
  const withTotals = managers.map((manager) => {
    const scores = Object.fromEntries(DIMENSION_KEYS.map((key) => [key, manager.dimensions[key].score])) as Record<DimensionKey, number | null>;
    const insufficient = missingDimensions(scores, scheme.weights);
    if (insufficient) return { ...manager, total: null, grade: null, insufficient };
    const total = totalScore(scores, scheme.weights);
    return { ...manager, total, grade: manager.veto ? VETO_GRADE : gradeFor(total, scheme.grades), insufficient: null };
  });
  const ranks = rankManagers(withTotals.map((manager) => manager.total));
  return withTotals.map((manager, index) => ({ ...manager, rank: ranks[index] ?? null }));
}

import { gradeFor } from '../scoring/gradeFor';
import { rankManagers } from '../scoring/rankManagers';
import type { Scheme } from '../scoring/scheme';
import { totalScore } from '../scoring/totalScore';
import { DIMENSION_KEYS, type DimensionKey } from './dimensions';
import { VETO_GRADE, type ManagerEvaluation } from './monthEvaluation';

/**
 * Totals, grades and ranks from the dimension scores as they stand. A veto makes the grade
 * 不合格 whatever the total; the rank still follows the total, so the report shows both.
 */
export function gradeAndRank(managers: readonly ManagerEvaluation[], scheme: Scheme): ManagerEvaluation[] {
  const withTotals = managers.map((manager) => {
    const scores = Object.fromEntries(DIMENSION_KEYS.map((key) => [key, manager.dimensions[key].score])) as Record<DimensionKey, number | null>;
    const total = totalScore(scores, scheme.weights);
    return { ...manager, total, grade: manager.veto ? VETO_GRADE : gradeFor(total, scheme.grades) };
  });
  const ranks = rankManagers(withTotals.map((manager) => manager.total));
  return withTotals.map((manager, index) => ({ ...manager, rank: ranks[index] ?? null }));
}

import type { Scheme } from '../scoring/scheme';
import type { DimensionKey } from './dimensions';
import { gradeAndRank } from './gradeAndRank';
import type { MonthEvaluation } from './monthEvaluation';

export interface ScoreAdjustment {
  managerCode: string;
  dimension: DimensionKey;
  /** The supervisor's score, 0–100; it also brings a 无数据 dimension into the total. */
  score: number;
}

/**
 * The evaluation with supervisors' dimension scores in place of the computed ones, and
 * totals, grades and ranks recomputed. The computed score stays visible as `computedScore`.
 * When several adjustments name the same dimension the last one wins. Does not modify `evaluation`.
 */
export function applyAdjustments(evaluation: MonthEvaluation, adjustments: readonly ScoreAdjustment[], scheme: Scheme): MonthEvaluation {
  const managers = evaluation.managers.map((manager) => {
    const dimensions = { ...manager.dimensions };
    for (const key of Object.keys(dimensions) as DimensionKey[]) {
      dimensions[key] = { ...dimensions[key], weight: scheme.weights[key] };
    }
    for (const adjustment of adjustments) {
      if (adjustment.managerCode !== manager.code) continue;
      const current = dimensions[adjustment.dimension];
      const computedScore = 'computedScore' in current ? (current.computedScore ?? null) : current.score;
      dimensions[adjustment.dimension] = { ...current, score: adjustment.score, computedScore };
    }
    return { ...manager, dimensions };
  });
  return { ...evaluation, managers: gradeAndRank(managers, scheme) };
}

import { answerAccuracy } from './answerAccuracy';
import type { DimensionMeasures } from './dimensionMeasures';
import type { MonthContext } from './monthContext';
import { mean } from './numberStats';
import { spotcheckTruth } from './spotcheckTruth';

/** 了解市场: the supervisor's spot checks of the month; no data for a manager nobody checked. */
export function measureKnowledge(ctx: MonthContext, managerCode: string, volumesByRoute: () => ReadonlyMap<string, number>): DimensionMeasures {
  const accuracies: number[] = [];
  for (const check of ctx.spotchecksByManager.get(managerCode) ?? []) {
    const truth = spotcheckTruth(ctx, check, volumesByRoute);
    if (truth !== null) accuracies.push(answerAccuracy(check.answer, truth));
  }
  const accuracy = mean(accuracies);
  return { hasData: accuracy !== null, metrics: { knowledge_score: accuracy === null ? null : accuracy * 100 }, flags: [] };
}

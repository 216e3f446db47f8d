import type { DimensionMeasures } from './dimensionMeasures';
import type { Flag } from './dimensions';
import type { SurveyRow } from './evaluationInput';
import type { MonthContext } from './monthContext';
import { mean, ratio } from './numberStats';
import { surveyFacts } from './surveyFacts';
import { zhMessage } from '../messages/messageText';

/**
 * 市场评价 from the month's surveys of the manager's retailers (the manager assigned on the
 * survey day). Satisfaction pools every item score of every survey; scores outside 1–5 are
 * mapping mistakes and are left out.
 */
export function measureEvaluation(ctx: MonthContext, managerCode: string): DimensionMeasures {
  const surveys = ctx.surveysByManager.get(managerCode) ?? [];
  const facts = surveyFacts(surveys);
  const satisfaction = mean(surveys.flatMap(scaledItemScores));
  return {
    hasData: surveys.length > 0,
    metrics: {
      satisfaction,
      know_rate: ratio(surveys.length - facts.unknownManagerSurveyIds.length, surveys.length),
      complaints: surveys.length === 0 ? null : facts.dissatisfiedSurveyIds.length,
    },
    flags: [...unknownManagerFlags(ctx, managerCode, surveys), ...lowSatisfactionFlags(ctx, managerCode, satisfaction, surveys.length)],
  };
}

/** Item scores on 1–5 as 0–100: (x − 1) / 4 × 100. */
function scaledItemScores(survey: SurveyRow): number[] {
  return Object.values(survey.items)
    .filter((score) => Number.isFinite(score) && score >= 1 && score <= 5)
    .map((score) => ((score - 1) / 4) * 100);
}

function unknownManagerFlags(ctx: MonthContext, managerCode: string, surveys: readonly SurveyRow[]): Flag[] {
  const unknown = surveys.filter((survey) => !survey.knowsManager);
  if (unknown.length === 0) return [];
  const named = unknown.map((survey) => [survey.retailerId === null ? '' : ctx.retailerName(survey.retailerId), survey.date] as const);
  return [
    {
      type: 'evaluation.unknown_manager',
      managerCode,
      ...zhMessage('flag.evaluation.unknownManager', { n: unknown.length, surveys: named }),
      evidence: unknown.map((survey) => ({ kind: 'surveys', id: survey.id })),
    },
  ];
}

function lowSatisfactionFlags(ctx: MonthContext, managerCode: string, satisfaction: number | null, surveyCount: number): Flag[] {
  const threshold = ctx.thresholds.lowSatisfaction;
  if (satisfaction === null || satisfaction >= threshold) return [];
  return [
    {
      type: 'evaluation.low_satisfaction',
      managerCode,
      ...zhMessage('flag.evaluation.lowSatisfaction', { score: satisfaction.toFixed(1), threshold, surveys: surveyCount }),
      evidence: (ctx.surveysByManager.get(managerCode) ?? []).map((survey) => ({ kind: 'surveys', id: survey.id })),
    },
  ];
}

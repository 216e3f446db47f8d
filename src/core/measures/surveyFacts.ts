import type { SurveyRow } from './evaluationInput';

const DISSATISFIED = new Set(['不满意', '非常不满意']);

export interface SurveyFacts {
  unknownManagerSurveyIds: number[];
  dissatisfiedSurveyIds: number[];
  totalSurveys: number;
}

/** What the veto and the evaluation flags are decided on. */
export function surveyFacts(surveys: readonly SurveyRow[]): SurveyFacts {
  return {
    unknownManagerSurveyIds: surveys.filter((survey) => !survey.knowsManager).map((survey) => survey.id),
    dissatisfiedSurveyIds: surveys.filter((survey) => isDissatisfied(survey.overall)).map((survey) => survey.id),
    totalSurveys: surveys.length,
  };
}

function isDissatisfied(overall: string | null): boolean {
  return overall !== null && DISSATISFIED.has(overall.trim());
}

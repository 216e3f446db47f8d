import { describe, expect, it } from 'vitest';
import { surveyFacts } from '../../../../src/core/measures/surveyFacts';

const survey = (id: number, knowsManager: boolean, overall: string | null) => ({
  id,
  date: '2026-10-09',
  retailerId: id,
  knowsManager,
  namesManager: null,
  items: {},
  overall,
});

describe('surveyFacts', () => {
  it('lists the surveys the veto is decided on', () => {
    const facts = surveyFacts([survey(1, true, '满意'), survey(2, false, ' 不满意 '), survey(3, true, '非常不满意'), survey(4, true, '一般'), survey(5, true, null)]);
    expect(facts).toEqual({ unknownManagerSurveyIds: [2], dissatisfiedSurveyIds: [2, 3], totalSurveys: 5 });
  });
});

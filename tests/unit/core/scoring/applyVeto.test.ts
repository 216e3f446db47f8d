import { describe, expect, it } from 'vitest';
import { applyVeto } from '../../../../src/core/scoring/applyVeto';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';

const settings = DEFAULT_SCHEME.veto;

describe('applyVeto', () => {
  it('vetoes when one surveyed retailer does not know the manager', () => {
    expect(applyVeto(settings, { unknownManagerSurveyIds: [11], dissatisfiedSurveyIds: [], totalSurveys: 10 })).toEqual({
      reason: '一票否决：1 户受访零售户不认识客户经理（达到 1 户即否决）',
      text: { code: 'flag.veto.unknown', params: expect.objectContaining({ unknown: 1, unknownMin: 1 }) },
      evidence: [{ kind: 'surveys', id: 11 }],
    });
  });

  it('vetoes when half of the surveys are dissatisfied, not when fewer are', () => {
    expect(applyVeto(settings, { unknownManagerSurveyIds: [], dissatisfiedSurveyIds: [1, 2, 3, 4, 5], totalSurveys: 10 })).toEqual({
      reason: '一票否决：10 份问卷中有 5 份总体评价为不满意或非常不满意（占 50%，达到 50% 即否决）',
      text: { code: 'flag.veto.dissatisfied', params: expect.objectContaining({ total: 10, dissatisfied: 5, share: '50%', shareMin: '50%' }) },
      evidence: [1, 2, 3, 4, 5].map((id) => ({ kind: 'surveys', id })),
    });
    expect(applyVeto(settings, { unknownManagerSurveyIds: [], dissatisfiedSurveyIds: [1, 2, 3, 4], totalSurveys: 10 })).toBeNull();
  });

  it('names both reasons and lists each survey once', () => {
    const veto = applyVeto(
      { enabled: true, unknownManagerMin: 2, dissatisfiedShare: 0.3 },
      { unknownManagerSurveyIds: [7, 8], dissatisfiedSurveyIds: [8], totalSurveys: 3 },
    );
    expect(veto).toEqual({
      reason:
        '一票否决：2 户受访零售户不认识客户经理（达到 2 户即否决）；' +
        '3 份问卷中有 1 份总体评价为不满意或非常不满意（占 33.3%，达到 30% 即否决）',
      text: { code: 'flag.veto.both', params: expect.objectContaining({ unknown: 2, total: 3, dissatisfied: 1 }) },
      evidence: [
        { kind: 'surveys', id: 7 },
        { kind: 'surveys', id: 8 },
      ],
    });
  });

  it('respects the count threshold', () => {
    expect(
      applyVeto({ ...settings, unknownManagerMin: 2 }, { unknownManagerSurveyIds: [7], dissatisfiedSurveyIds: [], totalSurveys: 5 }),
    ).toBeNull();
  });

  it('does nothing when switched off, or without surveys', () => {
    expect(applyVeto({ ...settings, enabled: false }, { unknownManagerSurveyIds: [1], dissatisfiedSurveyIds: [1], totalSurveys: 1 })).toBeNull();
    expect(applyVeto(settings, { unknownManagerSurveyIds: [], dissatisfiedSurveyIds: [], totalSurveys: 0 })).toBeNull();
  });
});

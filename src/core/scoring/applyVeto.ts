import type { EvidenceRef } from '../measures/dimensions';
import type { VetoSettings } from './scheme';

export interface VetoInput {
  /** Surveys in which the retailer did not know the manager. */
  unknownManagerSurveyIds: readonly number[];
  /** Surveys rating the manager overall 不满意 or 非常不满意. */
  dissatisfiedSurveyIds: readonly number[];
  /** All of the manager's surveys in the month. */
  totalSurveys: number;
}

export interface Veto {
  reason: string;
  evidence: EvidenceRef[];
}

/**
 * The courseware's 一票否决: a manager is 不合格 whatever the total when retailers do not
 * know them or many are dissatisfied. Null when the veto does not apply.
 */
export function applyVeto(settings: VetoSettings, input: VetoInput): Veto | null {
  if (!settings.enabled) return null;
  const reasons: string[] = [];
  const surveyIds: number[] = [];

  const unknown = unique(input.unknownManagerSurveyIds);
  if (unknown.length > 0 && unknown.length >= settings.unknownManagerMin) {
    reasons.push(`${unknown.length} 户受访零售户不认识客户经理（达到 ${settings.unknownManagerMin} 户即否决）`);
    surveyIds.push(...unknown);
  }

  const dissatisfied = unique(input.dissatisfiedSurveyIds);
  if (input.totalSurveys > 0 && dissatisfied.length > 0 && dissatisfied.length / input.totalSurveys >= settings.dissatisfiedShare) {
    reasons.push(
      `${input.totalSurveys} 份问卷中有 ${dissatisfied.length} 份总体评价为不满意或非常不满意` +
        `（占 ${percent(dissatisfied.length / input.totalSurveys)}，达到 ${percent(settings.dissatisfiedShare)} 即否决）`,
    );
    surveyIds.push(...dissatisfied);
  }

  if (reasons.length === 0) return null;
  return {
    reason: `一票否决：${reasons.join('；')}`,
    evidence: unique(surveyIds).map((id) => ({ kind: 'surveys', id })),
  };
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

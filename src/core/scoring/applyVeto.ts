import { zhMessage, type MessageText } from '../messages/messageText';
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
  /** The reason as a code and parameters, for the UI's language (vetoes stored before it have none). */
  text?: MessageText;
  evidence: EvidenceRef[];
}

/**
 * The courseware's 一票否决: a manager is 不合格 whatever the total when retailers do not
 * know them or many are dissatisfied. Null when the veto does not apply.
 */
export function applyVeto(settings: VetoSettings, input: VetoInput): Veto | null {
  if (!settings.enabled) return null;
  const surveyIds: number[] = [];

  const unknown = unique(input.unknownManagerSurveyIds);
  const byUnknown = unknown.length > 0 && unknown.length >= settings.unknownManagerMin;
  if (byUnknown) surveyIds.push(...unknown);

  const dissatisfied = unique(input.dissatisfiedSurveyIds);
  const byDissatisfied = input.totalSurveys > 0 && dissatisfied.length > 0 && dissatisfied.length / input.totalSurveys >= settings.dissatisfiedShare;
  if (byDissatisfied) surveyIds.push(...dissatisfied);

  if (!byUnknown && !byDissatisfied) return null;
  const params = {
    unknown: unknown.length,
    unknownMin: settings.unknownManagerMin,
    total: input.totalSurveys,
    dissatisfied: dissatisfied.length,
    share: input.totalSurveys > 0 ? percent(dissatisfied.length / input.totalSurveys) : '',
    shareMin: percent(settings.dissatisfiedShare),
  };
  const { message, text } = zhMessage(byUnknown && byDissatisfied ? 'flag.veto.both' : byUnknown ? 'flag.veto.unknown' : 'flag.veto.dissatisfied', params);
  return { reason: message, text, evidence: unique(surveyIds).map((id) => ({ kind: 'surveys', id })) };
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

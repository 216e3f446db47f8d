import { scorecardMetricRows } from '../../../core/scorecard/scorecardMetricRows';
import type { ScorecardDto } from '../../../shared/api/evaluationApi';
import type { Store } from '../../db/openStore';
import { EvaluationError } from '../evaluation/evaluationError';
import { districtAverages, toFlagDto, toManagerRowDto } from '../evaluation/monthEvaluationDto';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';
import { RequestError } from '../requestError';
import { managerAuditTrail, monthStatusHistory } from './managerAuditTrail';

/** One manager's month as the 考评卡 shows it: scores, metrics with sub-scores, flags and audit trail. */
export async function managerScorecard(store: Store, month: string, managerCode: string, districtId?: number): Promise<ScorecardDto> {
  const snapshot = await readMonthSnapshot(store.db, month, districtId);
  if (!snapshot) throw new EvaluationError('not_evaluated', `${month} 还没有考评结果，请先在「考评」页考评本月`);
  const manager = snapshot.evaluation.managers.find((m) => m.code === managerCode);
  if (!manager) throw new RequestError('not_found', `${month} 的考评中没有工号为「${managerCode}」的客户经理`);
  const flags = manager.flags.map(toFlagDto);
  return {
    month,
    status: snapshot.status,
    stale: snapshot.status === 'final' ? [] : snapshot.stale,
    manager: toManagerRowDto(manager),
    managerCount: snapshot.evaluation.managers.length,
    districtAverages: districtAverages(snapshot.evaluation.managers),
    metrics: scorecardMetricRows(snapshot.evaluation, snapshot.scheme, manager, flags.map((f) => f.type)),
    flags,
    audit: await managerAuditTrail(store, snapshot, managerCode),
    monthHistory: await monthStatusHistory(store, month),
  };
}

import { DIMENSION_LABELS_ZH, type DimensionKey } from '../../../core/measures/dimensions';
import type { Store } from '../../db/openStore';
import { transact } from '../../db/transact';
import { writeInDistrict } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import type { Actor } from './changeMonth';
import { EvaluationError } from './evaluationError';
import { readMonthSnapshot, type MonthSnapshot } from './monthSnapshot';

/** What the audit log says an undo was, before the supervisor's reason. */
const UNDO_REASON_PREFIX = '撤销上一次调整：';

/**
 * Takes back the manager's last score adjustment of a draft month: the adjustment row goes and
 * the dimension reads what it read before it (an earlier adjustment, else the computed score).
 * The reason is mandatory and the undo is audited like an adjustment, from the adjusted score
 * to the score it returns to; the audit log keeps the original adjustment too.
 */
export async function undoLastAdjustment(store: Store, req: { month: string; managerCode: string; reason: string; districtId?: number }, actor: Actor): Promise<MonthSnapshot> {
  const reason = req.reason.trim();
  if (!reason) throw new EvaluationError('invalid_adjustment', '必须填写原因');
  return writeInDistrict(store, req.districtId, { action: 'adjust', who: actor.who }, (inTrx) => undoIn(inTrx, req, reason, actor));
}

/** The undo's checks and write, inside its claimed transaction. */
async function undoIn(store: Store, req: { month: string; managerCode: string; districtId?: number }, reason: string, actor: Actor): Promise<MonthSnapshot> {
  const before = await readMonthSnapshot(store.db, req.month, req.districtId);
  if (!before) throw new EvaluationError('not_evaluated', `${req.month} 还没有考评结果，请先考评`);
  if (before.status === 'final') {
    throw new EvaluationError('finalized', `${req.month} 已定稿（${before.finalizedAt ?? ''}），不能修改；如需修改请先重新打开并说明原因`);
  }
  const last = await store.db
    .selectFrom('adjustments')
    .select(['id', 'dimension'])
    .where('month', '=', req.month)
    .where('manager_code', '=', req.managerCode)
    .where('district_id', '=', before.districtId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) throw new EvaluationError('invalid_adjustment', `${req.month} 没有对工号「${req.managerCode}」的调整可以撤销`);
  const dimension = last.dimension as DimensionKey;
  const oldScore = before.evaluation.managers.find((m) => m.code === req.managerCode)?.dimensions[dimension]?.score ?? null;

  // The delete and its audit entry commit together, or neither does.
  const after = await transact(store.db, async (trx) => {
    await trx.deleteFrom('adjustments').where('id', '=', last.id).execute();
    const snapshot = (await readMonthSnapshot(trx, req.month, before.districtId)) as MonthSnapshot;
    const newScore = snapshot.evaluation.managers.find((m) => m.code === req.managerCode)?.dimensions[dimension]?.score ?? null;
    await appendAudit(trx, {
      at: actor.now.toISOString(),
      who: actor.who,
      entity: 'evaluation',
      entityId: `${req.month}/${req.managerCode}`,
      field: `dimension.${dimension}（${DIMENSION_LABELS_ZH[dimension] ?? dimension}）`,
      oldValue: oldScore === null ? null : String(oldScore),
      newValue: newScore === null ? null : String(newScore),
      reason: `${UNDO_REASON_PREFIX}${reason}`,
    });
    return snapshot;
  });
  return after;
}

import { DIMENSION_KEYS, DIMENSION_LABELS_ZH, type DimensionKey } from '../../../core/measures/dimensions';
import { METRIC_PRESENTATION } from '../../../core/report/metricPresentation';
import type { Store } from '../../db/openStore';
import { writeInDistrict } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import { MonthTouches } from '../freeze/monthTouches';
import { refuseFinalizedMonths } from '../freeze/refuseFinalizedMonths';
import { freezeReportInputs, thawReportInputs } from '../report/monthReportInputs';
import { EvaluationError } from './evaluationError';
import { readMonthSnapshot, type MonthSnapshot } from './monthSnapshot';
import { resolveDistrict } from '../districts/resolveDistrict';

export interface Actor {
  who: string;
  now: Date;
}

async function draftSnapshot(store: Store, month: string, districtId?: number): Promise<MonthSnapshot> {
  const snapshot = await readMonthSnapshot(store.db, month, districtId);
  if (!snapshot) throw new EvaluationError('not_evaluated', `${month} 还没有考评结果，请先考评`);
  if (snapshot.status === 'final') {
    throw new EvaluationError('finalized', `${month} 已定稿（${snapshot.finalizedAt ?? ''}），不能修改；如需修改请先重新打开并说明原因`);
  }
  return snapshot;
}

function requireReason(reason: string | undefined): string {
  const r = (reason ?? '').trim();
  if (!r) throw new EvaluationError('invalid_adjustment', '必须填写原因');
  return r;
}

export interface AdjustmentRequest {
  month: string;
  managerCode: string;
  dimension: string;
  score: number;
  reason: string;
  /** The district whose month it is (migration 0014); undefined: the store's only district. */
  districtId?: number;
}

/** Sets a dimension score by hand; the reason is mandatory and the change is audited. */
export async function adjustDimension(store: Store, req: AdjustmentRequest, actor: Actor): Promise<MonthSnapshot> {
  const reason = requireReason(req.reason);
  if (!(DIMENSION_KEYS as readonly string[]).includes(req.dimension)) {
    throw new EvaluationError('invalid_adjustment', `没有「${req.dimension}」这个考核维度；可选：${DIMENSION_KEYS.join(', ')}`);
  }
  const dimension = req.dimension as DimensionKey;
  if (!Number.isFinite(req.score) || req.score < 0 || req.score > 100) {
    throw new EvaluationError('invalid_adjustment', `分数必须在 0 到 100 之间，收到 ${req.score}`);
  }
  const districtId = req.districtId ?? (await resolveDistrict(store.db)) ?? undefined;
  const snapshot = await writeInDistrict(store, districtId, { action: 'adjust', who: actor.who }, async (inTrx) => {
    const trx = inTrx.db;
    await refuseFinalizedMonths(trx, new MonthTouches().add(req.month, `${req.managerCode} 的${DIMENSION_LABELS_ZH[dimension]}`), '修改考评分数', districtId);
    const snapshot = await draftSnapshot(inTrx, req.month, districtId);
    const manager = snapshot.evaluation.managers.find((m) => m.code === req.managerCode);
    if (!manager) throw new EvaluationError('unknown_manager', `${req.month} 的考评中没有工号为「${req.managerCode}」的客户经理`);
    const old = manager.dimensions[dimension].score;
    await trx
      .insertInto('adjustments')
      .values({
        month: req.month,
        manager_code: req.managerCode,
        dimension,
        score: req.score,
        reason,
        created_by: actor.who,
        created_at: actor.now.toISOString(),
        district_id: snapshot.districtId,
      })
      .execute();
    await appendAudit(trx, {
      at: actor.now.toISOString(),
      who: actor.who,
      entity: 'evaluation',
      entityId: `${req.month}/${req.managerCode}`,
      field: `dimension.${dimension}（${DIMENSION_LABELS_ZH[dimension]}）`,
      oldValue: old === null ? null : String(old),
      newValue: String(req.score),
      reason,
    });
    return snapshot;
  });
  return (await readMonthSnapshot(store.db, req.month, snapshot.districtId)) as MonthSnapshot;
}

/** 定稿: the month's scores and adjustments no longer change until it is reopened. */
export async function finalizeMonth(store: Store, month: string, actor: Actor, districtId?: number): Promise<MonthSnapshot> {
  const finalized = await writeInDistrict(store, districtId, { action: 'finalize', who: actor.who }, async (inTrx) => {
    const trx = inTrx.db;
    const snapshot = await draftSnapshot(inTrx, month, districtId);
    if (snapshot.stale.length > 0) {
      // A verdict signed on inputs that have changed since would not hold up.
      const changes = snapshot.stale.map((r) => `${r.what}（${r.at.slice(0, 16).replace('T', ' ')}）`).join('；');
      throw new EvaluationError('stale', `${month} 的考评结果已过时，需重新考评后才能定稿：${changes}`);
    }
    const pending = snapshot.evaluation.managers.filter((m) => (m.pendingManual ?? []).length > 0);
    if (pending.length > 0) {
      const list = pending.map((m) => `${m.name}（${m.code}）：${(m.pendingManual ?? []).map((k) => METRIC_PRESENTATION[k].label).join('、')}`).join('；');
      throw new EvaluationError('unscored', `${month} 还有手工评分的指标待评分，录入后重新考评才能定稿：${list}`);
    }
    const draft = snapshot;
    // The report's shop names, texts and departments are frozen with the month (reproducible reports).
    await freezeReportInputs(trx, month, draft.evaluation, actor.now, draft.districtId);
    await trx
      .updateTable('evaluations')
      .set({ status: 'final', finalized_at: actor.now.toISOString(), finalized_by: actor.who })
      .where('month', '=', month)
      .where('district_id', '=', draft.districtId)
      .execute();
    await appendAudit(trx, {
      at: actor.now.toISOString(),
      who: actor.who,
      entity: 'evaluation',
      entityId: month,
      field: 'status',
      oldValue: 'draft',
      newValue: 'final',
      reason: null,
    });
    return draft.districtId;
  });
  return (await readMonthSnapshot(store.db, month, finalized)) as MonthSnapshot;
}

export async function reopenMonth(store: Store, month: string, reasonText: string, actor: Actor, districtId?: number): Promise<MonthSnapshot> {
  const reason = requireReason(reasonText);
  const reopened = await writeInDistrict(store, districtId, { action: 'reopen', who: actor.who }, async (inTrx) => {
    const trx = inTrx.db;
    const snapshot = await readMonthSnapshot(trx, month, districtId);
    if (!snapshot) throw new EvaluationError('not_evaluated', `${month} 还没有考评结果`);
    if (snapshot.status !== 'final') throw new EvaluationError('not_finalized', `${month} 没有定稿，无需重新打开`);
    await trx
      .updateTable('evaluations')
      .set({ status: 'draft', finalized_at: null, finalized_by: null })
      .where('month', '=', month)
      .where('district_id', '=', snapshot.districtId)
      .execute();
    await thawReportInputs(trx, month, snapshot.districtId);
    await appendAudit(trx, {
      at: actor.now.toISOString(),
      who: actor.who,
      entity: 'evaluation',
      entityId: month,
      field: 'status',
      oldValue: 'final',
      newValue: 'draft',
      reason,
    });
    return snapshot.districtId;
  });
  return (await readMonthSnapshot(store.db, month, reopened)) as MonthSnapshot;
}

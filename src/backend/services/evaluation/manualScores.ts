import { DIMENSION_KEYS, METRICS_BY_DIMENSION, type MetricKey } from '../../../core/measures/dimensions';
import { METRIC_PRESENTATION } from '../../../core/report/metricPresentation';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { transact } from '../../db/transact';
import { transactInDistrict } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import type { Actor } from './changeMonth';
import { EvaluationError } from './evaluationError';
import { readMonthSnapshot } from './monthSnapshot';
import { resolveDistrict } from '../districts/resolveDistrict';

const ALL_METRICS = new Set<string>(DIMENSION_KEYS.flatMap((key) => METRICS_BY_DIMENSION[key] as readonly string[]));

export interface ManualScoreRequest {
  month: string;
  managerCode: string;
  metric: string;
  value: number;
  reason: string;
  /** The district whose month it is (migration 0014); undefined: the store's only district. */
  districtId?: number;
}

export interface ManualScoreView {
  managerCode: string;
  metric: MetricKey;
  score: number;
  reason: string;
  who: string;
  at: string;
}

/** The latest manual score per manager × metric of a month, oldest entry first. */
export async function readManualScores(db: Kysely<Database>, month: string, district?: number | null): Promise<ManualScoreView[]> {
  const districtId = district ?? (await resolveDistrict(db));
  const rows = await db
    .selectFrom('manual_scores')
    .selectAll()
    .where('month', '=', month)
    .where('district_id', '=', districtId ?? 0)
    .orderBy('id')
    .execute();
  const latest = new Map<string, ManualScoreView>();
  for (const r of rows) {
    if (!ALL_METRICS.has(r.metric)) continue;
    latest.set(`${r.manager_code}|${r.metric}`, {
      managerCode: r.manager_code,
      metric: r.metric as MetricKey,
      score: r.score,
      reason: r.reason,
      who: r.created_by,
      at: r.created_at,
    });
  }
  return [...latest.values()];
}

/** For evaluateMonth: manager code → metric → score. */
export function manualScoresByManager(scores: readonly ManualScoreView[]): Record<string, Partial<Record<MetricKey, number>>> {
  const out: Record<string, Partial<Record<MetricKey, number>>> = {};
  for (const s of scores) (out[s.managerCode] ??= {})[s.metric] = s.score;
  return out;
}

/**
 * The supervisor's score of a 手工评分 metric (0–100, reason required, audited). The month's
 * evaluation is then stale until 重新考评 takes the score in.
 */
export async function setManualScore(db: Kysely<Database>, req: ManualScoreRequest, actor: Actor): Promise<ManualScoreView> {
  const reason = (req.reason ?? '').trim();
  if (!reason) throw new EvaluationError('invalid_adjustment', '必须填写原因');
  if (!ALL_METRICS.has(req.metric)) throw new EvaluationError('invalid_adjustment', `没有「${req.metric}」这个指标`);
  if (!Number.isFinite(req.value) || req.value < 0 || req.value > 100) {
    throw new EvaluationError('invalid_adjustment', `分数必须在 0 到 100 之间，收到 ${req.value}`);
  }
  return transactInDistrict(db, req.districtId, { action: 'manualScore', who: actor.who }, (trx) => saveManualScore(trx, req, actor, reason));
}

/** setManualScore's checks and write, inside its claimed transaction. */
async function saveManualScore(db: Kysely<Database>, req: ManualScoreRequest, actor: Actor, reason: string): Promise<ManualScoreView> {
  const snapshot = await readMonthSnapshot(db, req.month, req.districtId);
  if (!snapshot) throw new EvaluationError('not_evaluated', `${req.month} 还没有考评结果，请先考评`);
  if (snapshot.status === 'final') throw new EvaluationError('finalized', `${req.month} 已定稿，不能录入评分；如需修改请先重新打开并说明原因`);
  if (!snapshot.evaluation.managers.some((m) => m.code === req.managerCode)) {
    throw new EvaluationError('unknown_manager', `${req.month} 的考评中没有工号为「${req.managerCode}」的客户经理`);
  }
  const metric = req.metric as MetricKey;
  const previous = (await readManualScores(db, req.month, snapshot.districtId)).find((s) => s.managerCode === req.managerCode && s.metric === metric);
  const at = actor.now.toISOString();
  await transact(db, async (trx) => {
    await trx
      .insertInto('manual_scores')
      .values({ month: req.month, manager_code: req.managerCode, metric, score: req.value, reason, created_by: actor.who, created_at: at, district_id: snapshot.districtId })
      .execute();
    await appendAudit(trx, {
      at,
      who: actor.who,
      entity: 'evaluation',
      entityId: `${req.month}/${req.managerCode}`,
      field: `manual.${metric}（${METRIC_PRESENTATION[metric].label}）`,
      oldValue: previous ? String(previous.score) : null,
      newValue: String(req.value),
      reason,
    });
  });
  return { managerCode: req.managerCode, metric, score: req.value, reason, who: actor.who, at };
}

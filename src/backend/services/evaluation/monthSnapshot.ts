import { DIMENSION_KEYS, type DimensionKey } from '../../../core/measures/dimensions';
import { applyAdjustments } from '../../../core/measures/evaluateMonth';
import type { MonthEvaluation } from '../../../core/measures/monthEvaluation';
import type { Scheme } from '../../../core/scoring/scheme';
import type { Store } from '../../db/openStore';
import { getSchemeById } from '../../repositories/schemeRepository';

export interface AdjustmentView {
  managerCode: string;
  dimension: DimensionKey;
  score: number;
  reason: string;
  who: string;
  at: string;
}

/** A month as stored: the computed evaluation with the supervisor's adjustments applied on top. */
export interface MonthSnapshot {
  month: string;
  status: 'draft' | 'final';
  evaluatedAt: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
  scheme: Scheme;
  inputBatchIds: number[];
  evaluation: MonthEvaluation;
  /** Every adjustment ever made for the month, oldest first; the latest per manager × dimension applies. */
  adjustments: AdjustmentView[];
}

export async function readMonthSnapshot(store: Store, month: string): Promise<MonthSnapshot | undefined> {
  const row = await store.db.selectFrom('evaluations').selectAll().where('month', '=', month).executeTakeFirst();
  if (!row) return undefined;
  const stored = await getSchemeById(store.db, row.scheme_id);
  if (!stored) return undefined;
  const adjustments = (
    await store.db.selectFrom('adjustments').selectAll().where('month', '=', month).orderBy('id').execute()
  )
    .filter((a): a is typeof a & { dimension: DimensionKey } => (DIMENSION_KEYS as readonly string[]).includes(a.dimension))
    .map((a) => ({
      managerCode: a.manager_code,
      dimension: a.dimension,
      score: a.score,
      reason: a.reason,
      who: a.created_by,
      at: a.created_at,
    }));
  const latest = new Map<string, AdjustmentView>();
  for (const a of adjustments) latest.set(`${a.managerCode}|${a.dimension}`, a);
  const computed = JSON.parse(row.result_json) as MonthEvaluation;
  return {
    month,
    status: row.status,
    evaluatedAt: row.evaluated_at,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
    scheme: stored.scheme,
    inputBatchIds: JSON.parse(row.input_batches_json) as number[],
    evaluation: applyAdjustments(computed, [...latest.values()], stored.scheme),
    adjustments,
  };
}

/** Replaces a draft month's snapshot (the caller has checked it is not finalized). */
export async function writeMonthSnapshot(
  store: Store,
  month: string,
  schemeId: number,
  evaluation: MonthEvaluation,
  inputBatchIds: number[],
  now: Date,
): Promise<void> {
  await store.db
    .insertInto('evaluations')
    .values({
      month,
      scheme_id: schemeId,
      status: 'draft',
      evaluated_at: now.toISOString(),
      finalized_at: null,
      finalized_by: null,
      input_batches_json: JSON.stringify(inputBatchIds),
      result_json: JSON.stringify(evaluation),
    })
    .onConflict((oc) =>
      oc.column('month').doUpdateSet({
        scheme_id: schemeId,
        evaluated_at: now.toISOString(),
        input_batches_json: JSON.stringify(inputBatchIds),
        result_json: JSON.stringify(evaluation),
      }),
    )
    .execute();
}

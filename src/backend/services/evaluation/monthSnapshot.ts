import { DIMENSION_KEYS, type DimensionKey } from '../../../core/measures/dimensions';
import { applyAdjustments } from '../../../core/measures/evaluateMonth';
import type { MonthEvaluation } from '../../../core/measures/monthEvaluation';
import type { Scheme } from '../../../core/scoring/scheme';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findScheme, getSchemeById } from '../../repositories/schemeRepository';
import type { EvaluationInputs } from './evaluationInputs';
import { monthStaleness, type StaleReason } from './monthStaleness';
import { resolveDistrict } from '../districts/resolveDistrict';

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
  /** The district (营销部) whose month it is (migration 0014). */
  districtId: number;
  status: 'draft' | 'final';
  evaluatedAt: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
  scheme: Scheme;
  inputBatchIds: number[];
  evaluation: MonthEvaluation;
  /** Every adjustment ever made for the month, oldest first; the latest per manager × dimension applies. */
  adjustments: AdjustmentView[];
  /** Changes to the month's inputs since it was evaluated (需重新考评); empty when current. */
  stale: StaleReason[];
  /** The scheme a new run uses: the month's scheme in its newest version. */
  nextScheme: { name: string; version: number };
}

/** district: the district's month; undefined: the store's only district (services/districts/resolveDistrict). */
export async function readMonthSnapshot(db: Kysely<Database>, month: string, district?: number | null): Promise<MonthSnapshot | undefined> {
  const districtId = district ?? (await resolveDistrict(db));
  if (districtId === null) return undefined;
  const row = await db.selectFrom('evaluations').selectAll().where('month', '=', month).where('district_id', '=', districtId).executeTakeFirst();
  if (!row) return undefined;
  const stored = await getSchemeById(db, row.scheme_id);
  if (!stored) return undefined;
  const adjustments = (
    await db.selectFrom('adjustments').selectAll().where('month', '=', month).where('district_id', '=', districtId).orderBy('id').execute()
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
  const inputBatchIds = JSON.parse(row.input_batches_json) as number[];
  const inputs = row.inputs_json === null ? null : (JSON.parse(row.inputs_json) as EvaluationInputs);
  return {
    month,
    districtId,
    status: row.status,
    evaluatedAt: row.evaluated_at,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
    scheme: stored.scheme,
    inputBatchIds,
    evaluation: applyAdjustments(computed, [...latest.values()], stored.scheme),
    adjustments,
    stale: await monthStaleness(db, { month, inputBatchIds, inputs, districtId }),
    nextScheme: { name: stored.scheme.name, version: (await findScheme(db, stored.scheme.name))?.scheme.version ?? stored.scheme.version },
  };
}

/** Replaces a draft month's snapshot (the caller has checked it is not finalized). */
export async function writeMonthSnapshot(
  db: Kysely<Database>,
  month: string,
  schemeId: number,
  evaluation: MonthEvaluation,
  inputBatchIds: number[],
  now: Date,
  /** What it was computed from; null (the bench) leaves staleness to the batches read. */
  inputs: EvaluationInputs | null = null,
  /** The district whose month it is; undefined: the store's only district. */
  district?: number,
): Promise<void> {
  const districtId = district ?? (await resolveDistrict(db));
  if (districtId === null) throw new Error('a month snapshot needs a district: the store has none');
  await db
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
      inputs_json: inputs === null ? null : JSON.stringify(inputs),
      district_id: districtId,
    })
    .onConflict((oc) =>
      oc.columns(['district_id', 'month']).doUpdateSet({
        scheme_id: schemeId,
        evaluated_at: now.toISOString(),
        input_batches_json: JSON.stringify(inputBatchIds),
        result_json: JSON.stringify(evaluation),
        inputs_json: inputs === null ? null : JSON.stringify(inputs),
      }),
    )
    .execute();
}

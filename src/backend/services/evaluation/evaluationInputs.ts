import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * What an evaluation was computed from, as far as later writes can change it (stored as
 * evaluations.inputs_json, migration 0008). Read BEFORE the month's rows are loaded, so that a
 * write landing while the evaluation runs makes it stale rather than slipping through.
 */
export interface EvaluationInputs {
  /** The newest import batch (of any kind) at the time; later batches may touch the month. */
  lastBatchId: number;
  /** The newest audit row: later calendar edits (including 恢复内置日历, which writes no batch) are found by it. */
  lastAuditId: number;
  /** The newest manual score of the month (0: none). */
  lastManualScoreId: number;
  /** The scheme the evaluation used. */
  scheme: { id: number; name: string; version: number };
  /** The first day of the journal entries it read (the look-back before the month). */
  journalsFrom: string;
}

export async function readEvaluationInputs(
  db: Kysely<Database>,
  month: string,
  scheme: { id: number; name: string; version: number },
  journalsFrom: string,
): Promise<EvaluationInputs> {
  const batch = await db.selectFrom('import_batches').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const manual = await db
    .selectFrom('manual_scores')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('month', '=', month)
    .executeTakeFirst();
  return {
    lastBatchId: Number(batch?.id ?? 0),
    lastAuditId: Number(audit?.id ?? 0),
    lastManualScoreId: Number(manual?.id ?? 0),
    scheme,
    journalsFrom,
  };
}

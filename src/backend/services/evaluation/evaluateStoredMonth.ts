import { setImmediate } from 'node:timers/promises';
import { workdaysInMonth } from '../../../core/calendar';
import { evaluateMonth } from '../../../core/measures/evaluateMonth';
import { validateScheme } from '../../../core/scoring/validateScheme';
import type { Store } from '../../db/openStore';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { storeOn } from '../../db/storeOn';
import { transact } from '../../db/transact';
import { transactClaimed } from '../districts/districtWriteLock';
import { ensureDefaultScheme, findScheme, getSchemeById, type StoredScheme } from '../../repositories/schemeRepository';
import { EVALUATION_STEPS, type EvaluationStep } from '../../../shared/api/evaluationApi';
import { refuseFinalizedMonths } from '../freeze/refuseFinalizedMonths';
import { EvaluationError } from './evaluationError';
import { readEvaluationInputs } from './evaluationInputs';
import { readJournalCopyCache } from './journalCopyCache';
import { manualScoresByManager, readManualScores } from './manualScores';
import { loadEvaluationInput } from './loadEvaluationInput';
import { addDays, localDate } from '../../../core/calendar/dates';
import { readMonthSnapshot, writeMonthSnapshot, type MonthSnapshot } from './monthSnapshot';
import { resolveDistrict } from '../districts/resolveDistrict';

export interface EvaluateOptions {
  /** A scheme name (its latest version); default: the month's current scheme, else 默认方案. */
  schemeName?: string;
  now: Date;
  /** Called as each step starts (done = steps finished before it) and once more when all are done. */
  onStep?: (progress: { step: EvaluationStep; done: number; total: number }) => void;
  /** The district whose month it is (migration 0014); undefined: the store's only district. */
  districtId?: number;
}

/** The work calendar's days for a month, with the imported or edited days winning. */
export async function monthWorkdays(store: Store, month: string): Promise<string[]> {
  const overrides = await store.db
    .selectFrom('calendar_days')
    .select(['date', 'workday', 'note'])
    .where('date', 'like', `${month}-%`)
    .execute();
  return workdaysInMonth(
    month,
    overrides.map((o) => ({ date: o.date, workday: o.workday === 1, note: o.note })),
  );
}

async function pickScheme(store: Store, month: string, opts: EvaluateOptions, districtId: number | null): Promise<StoredScheme> {
  const fallback = await ensureDefaultScheme(store.db, opts.now);
  if (opts.schemeName) {
    const named = await findScheme(store.db, opts.schemeName);
    if (!named) throw new EvaluationError('unknown_scheme', `没有名为「${opts.schemeName}」的考核方案`);
    return named;
  }
  // The month's scheme in its newest version: a scheme saved since the last run is what 重新考评 uses.
  const current = await store.db
    .selectFrom('evaluations')
    .select('scheme_id')
    .where('month', '=', month)
    .where('district_id', '=', districtId ?? 0)
    .executeTakeFirst();
  const used = current && (await getSchemeById(store.db, current.scheme_id));
  return (used && (await findScheme(store.db, used.scheme.name))) || fallback;
}

/**
 * Tells the caller a step starts, then yields once: the computing step blocks the event loop,
 * and without the yield the host would send the step's event only after it has finished.
 */
async function reportStep(opts: EvaluateOptions, step: EvaluationStep): Promise<void> {
  if (!opts.onStep) return;
  opts.onStep({ step, done: EVALUATION_STEPS.indexOf(step), total: EVALUATION_STEPS.length });
  await setImmediate();
}

/**
 * Evaluates a month from the stored data and keeps the result as the month's snapshot.
 * A finalized (定稿) month is never recomputed: its snapshot is returned as it is.
 * The whole run is one transaction with the district claimed first (districtWriteLock): a
 * finalize, an import or another run of the district from any client waits for it or is told
 * who runs it, and one that came first is seen whole (a month finalized meanwhile is not recomputed).
 */
export async function evaluateStoredMonth(store: Store, month: string, opts: EvaluateOptions): Promise<MonthSnapshot> {
  const districtId = opts.districtId ?? (await resolveDistrict(store.db));
  const run = (trx: Kysely<Database>) => evaluateInTransaction(storeOn(store, trx), month, opts, districtId);
  const existing = districtId === null ? await transact(store.db, run) : await transactClaimed(store.db, { scope: districtId, action: 'evaluate' }, run);
  if (existing !== undefined) return existing;
  const snapshot = await readMonthSnapshot(store.db, month, districtId);
  if (!snapshot) throw new Error(`snapshot of ${month} vanished after writing it`);
  opts.onStep?.({ step: 'save', done: EVALUATION_STEPS.length, total: EVALUATION_STEPS.length });
  return snapshot;
}

/** The run inside its transaction (`store` seen from it): the finalized month's snapshot, or undefined once the new one is written. */
async function evaluateInTransaction(store: Store, month: string, opts: EvaluateOptions, districtId: number | null): Promise<MonthSnapshot | undefined> {
  // Only a finalized month's snapshot is needed here: a draft's (its whole result parsed, its
  // staleness checked) would be read for nothing.
  const current =
    districtId === null
      ? undefined
      : await store.db.selectFrom('evaluations').select('status').where('month', '=', month).where('district_id', '=', districtId).executeTakeFirst();
  const existing = current?.status === 'final' ? await readMonthSnapshot(store.db, month, districtId) : undefined;
  if (existing?.status === 'final') {
    if (opts.schemeName && opts.schemeName !== existing.scheme.name) await refuseFinalizedMonths(store.db, [month], '换用其他考核方案重新考评', districtId);
    return existing;
  }
  const stored = await pickScheme(store, month, opts, districtId);
  const valid = validateScheme(stored.scheme);
  if (!valid.ok) throw new EvaluationError('invalid_scheme', `考核方案有误：${valid.errors.join('；')}`);
  await reportStep(opts, 'load');
  const lookbackDays = Math.max(30, stored.scheme.thresholds.reportWindowDays);
  // Read before the rows: a write landing while the evaluation runs leaves it stale, never silently current.
  const inputs = await readEvaluationInputs(
    store.db,
    month,
    { id: stored.id, name: stored.scheme.name, version: stored.scheme.version },
    addDays(`${month}-01`, -lookbackDays),
  );
  const workdays = await monthWorkdays(store, month);
  const { input, batchIds } = await loadEvaluationInput(store, month, workdays, localDate(opts.now), lookbackDays, districtId);
  if (input.managers.length === 0 || districtId === null) {
    throw new EvaluationError('no_managers', '还没有客户经理：请先导入客户经理花名册');
  }
  await reportStep(opts, 'compute');
  const manualScores = manualScoresByManager(await readManualScores(store.db, month, districtId));
  const journalCopyCache = await readJournalCopyCache(store.db, month, districtId);
  const evaluation = evaluateMonth(input, stored.scheme, { manualScores, journalCopyCache });
  await reportStep(opts, 'save');
  await writeMonthSnapshot(store.db, month, stored.id, evaluation, batchIds, opts.now, inputs, districtId ?? undefined);
  await journalCopyCache.save(store.db);
  return undefined;
}

import type { Kysely } from 'kysely';
import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import type { KindKey } from '../../../shared/kindKeys';
import type { MetricKey } from '../../../core/measures/dimensions';
import { addDays, shiftMonth } from '../../../core/calendar/dates';
import { METRIC_PRESENTATION } from '../../../core/report/metricPresentation';
import type { Database } from '../../db/schema';
import { countRelinkedInMonth, type RelinkWindows } from '../import/relinkRows';
import { HAND_EDIT_BATCH_NAME } from '../settings/setCalendarDay';
import type { EvaluationInputs } from './evaluationInputs';

/** One change to a month's inputs made after its evaluation: what changed and when (ISO). */
export interface StaleReason {
  kind: 'import' | 'undo' | 'calendar' | 'scheme' | 'manual_score';
  what: string;
  at: string;
}

interface StoredEvaluation {
  month: string;
  inputBatchIds: readonly number[];
  inputs: EvaluationInputs | null;
  /** The district whose month it is: other districts' imports leave it current (migration 0014). */
  districtId?: number;
}

/** Kinds the whole city shares (one brand list, one work calendar): any district's import of them counts. */
const CITY_KINDS = ['brands', 'calendar'];

/** Kinds whose rows hold for every month (the roster, the retailers and their routes, the brand list). */
const MASTER_KINDS = new Set(['roster', 'retailers', 'brands']);

/**
 * Why a month's stored evaluation no longer matches the store, decided now by comparing what it
 * was computed from with what the store holds: import batches committed later that touch the
 * month (any write path that makes a batch counts, without hooks), batches it read that were
 * undone since (it was committed when read), calendar edits, a newer version of its scheme, manual scores entered later.
 * Adjustments are not here: they are applied on top of the stored result when it is read.
 * Empty: the evaluation is current.
 */
export async function monthStaleness(db: Kysely<Database>, stored: StoredEvaluation): Promise<StaleReason[]> {
  const { month } = stored;
  const inputs = stored.inputs ?? {
    // Evaluated before migration 0008: the batches it read are all that is known.
    lastBatchId: Math.max(0, ...stored.inputBatchIds),
    lastAuditId: Number.MAX_SAFE_INTEGER,
    lastManualScoreId: Number.MAX_SAFE_INTEGER,
    scheme: null,
    journalsFrom: addDays(`${month}-01`, -30),
  };
  const reasons: StaleReason[] = [];

  const later = await db
    .selectFrom('import_batches')
    .select(['id', 'kind', 'file_name', 'imported_at'])
    .where('id', '>', inputs.lastBatchId)
    .where('status', '=', 'committed')
    .$if(stored.districtId !== undefined, (q) =>
      q.where((eb) => eb.or([eb('district_id', '=', stored.districtId ?? 0), eb('district_id', 'is', null), eb('kind', 'in', CITY_KINDS)])),
    )
    .orderBy('id')
    .execute();
  for (const batch of later) {
    const label = KIND_LABELS_ZH[batch.kind as KindKey] ?? batch.kind;
    // A retailer or brand file that linked rows the month reads (late master data) changed its
    // figures: said as such, and decided from the linked rows themselves.
    if (MASTER_KINDS.has(batch.kind)) {
      const relinked = await countRelinkedInMonth(db, batch.id, relinkWindows(month, inputs.journalsFrom));
      if (relinked.total > 0) {
        reasons.push({
          kind: 'import',
          what: `导入了${label}「${batch.file_name}」，本月用到的 ${relinked.total} 行此前未关联的数据已关联（${relinked.parts.join('、')}）`,
          at: batch.imported_at,
        });
        continue;
      }
    }
    if (!(await batchTouchesMonth(db, batch.id, batch.kind, month, inputs.journalsFrom))) continue;
    if (batch.kind === 'calendar' && batch.file_name === HAND_EDIT_BATCH_NAME) {
      const days = await db.selectFrom('calendar_days').select('date').where('batch_id', '=', batch.id).orderBy('date').execute();
      reasons.push({ kind: 'calendar', what: `修改了工作日历 ${days.map((d) => d.date).join('、')}`, at: batch.imported_at });
    } else {
      reasons.push({ kind: batch.kind === 'calendar' ? 'calendar' : 'import', what: `导入了${label}「${batch.file_name}」`, at: batch.imported_at });
    }
  }

  if (stored.inputBatchIds.length > 0) {
    const undone = await db
      .selectFrom('import_batches')
      .select(['id', 'kind', 'file_name', 'undone_at'])
      .where('status', '=', 'undone')
      .where('id', 'in', [...stored.inputBatchIds])
      .execute();
    for (const batch of undone) {
      const label = KIND_LABELS_ZH[batch.kind as KindKey] ?? batch.kind;
      reasons.push({ kind: 'undo', what: `撤销了${label}「${batch.file_name}」的导入`, at: batch.undone_at ?? '' });
    }
  }

  // A day put back to the shipped calendar deletes its row and writes no batch: only the audit row tells.
  const calendarEdits = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'at'])
    .where('id', '>', inputs.lastAuditId)
    .where('entity', '=', 'calendar')
    .where('entity_id', 'like', `${month}-%`)
    .orderBy('id')
    .execute();
  const calendarFromBatches = new Set(reasons.filter((r) => r.kind === 'calendar').map((r) => r.at));
  for (const edit of calendarEdits) {
    if (calendarFromBatches.has(edit.at)) continue;
    reasons.push({ kind: 'calendar', what: `修改了工作日历 ${edit.entity_id}`, at: edit.at });
  }

  if (inputs.scheme) {
    const newer = await db
      .selectFrom('schemes')
      .select(['version', 'created_at'])
      .where('name', '=', inputs.scheme.name)
      .where('version', '>', inputs.scheme.version)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (newer) {
      reasons.push({
        kind: 'scheme',
        what: `考核方案「${inputs.scheme.name}」已保存新版本 v${newer.version}（本次考评用的是 v${inputs.scheme.version}）`,
        at: newer.created_at,
      });
    }
  }

  const manual = await db
    .selectFrom('manual_scores')
    .select(['manager_code', 'metric', 'created_at'])
    .where('month', '=', month)
    .where('id', '>', inputs.lastManualScoreId)
    .$if(stored.districtId !== undefined, (q) => q.where('district_id', '=', stored.districtId ?? 0))
    .orderBy('id')
    .execute();
  for (const score of manual) {
    const label = METRIC_PRESENTATION[score.metric as MetricKey]?.label ?? score.metric;
    reasons.push({ kind: 'manual_score', what: `录入了 ${score.manager_code} 的手工评分（${label}）`, at: score.created_at });
  }
  return reasons.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function relinkWindows(month: string, journalsFrom: string): RelinkWindows {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  return { orders: { from: `${shiftMonth(month, -12)}-01`, to: last }, journals: { from: journalsFrom, to: last }, days: { from: first, to: last }, month };
}

/** Whether a batch wrote rows that the month's evaluation reads (loadEvaluationInput's windows). */
async function batchTouchesMonth(db: Kysely<Database>, batchId: number, kind: string, month: string, journalsFrom: string): Promise<boolean> {
  if (MASTER_KINDS.has(kind)) return true;
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const hit = async (query: { executeTakeFirst(): Promise<unknown> }): Promise<boolean> => (await query.executeTakeFirst()) !== undefined;
  switch (kind) {
    case 'calendar':
      return hit(db.selectFrom('calendar_days').select('id').where('batch_id', '=', batchId).where('date', '>=', first).where('date', '<=', last).limit(1));
    case 'journals':
      // Entries before the month count too: near-copies and unreported violations look back.
      return hit(db.selectFrom('journals').select('id').where('batch_id', '=', batchId).where('date', '>=', journalsFrom).where('date', '<=', last).limit(1));
    case 'attendance':
      return hit(db.selectFrom('attendance').select('id').where('batch_id', '=', batchId).where('date', '>=', first).where('date', '<=', last).limit(1));
    case 'orders':
      // Last year's month and the previous month are compared with this one.
      return hit(
        db.selectFrom('orders').select('id').where('batch_id', '=', batchId).where('date', '>=', `${shiftMonth(month, -12)}-01`).where('date', '<=', last).limit(1),
      );
    case 'surveys':
    case 'inspections':
    case 'spotchecks':
      return hit(db.selectFrom(kind).select('id').where('batch_id', '=', batchId).where('date', '>=', first).where('date', '<=', last).limit(1));
    case 'agreements':
      return hit(db.selectFrom('agreements').select('id').where('batch_id', '=', batchId).where('month', '=', month).limit(1));
    case 'reports':
      return hit(
        db
          .selectFrom('reports')
          .select('id')
          .where('batch_id', '=', batchId)
          .where((eb) => eb.or([eb('period', 'in', [month, shiftMonth(month, -1)]), eb('period', 'like', `${month.slice(0, 4)}-W%`)]))
          .limit(1),
      );
    default:
      return true;
  }
}

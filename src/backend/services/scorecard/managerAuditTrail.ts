import { DIMENSION_KEYS, DIMENSION_LABELS_ZH, type DimensionKey } from '../../../core/measures/dimensions';
import type { AuditEntryDto } from '../../../shared/api/evaluationApi';
import type { Store } from '../../db/openStore';
import { listAudit, type AuditEntry } from '../../repositories/auditLogRepository';
import type { MonthSnapshot } from '../evaluation/monthSnapshot';

/**
 * The manager's adjustments of the month, oldest first, from the append-only audit log
 * (changeMonth.ts writes entity 'evaluation', entity id 'YYYY-MM/CODE' and field
 * 'dimension.KEY（标签）' for an adjustment). The month's 定稿/重新打开 are not adjustments of
 * anyone: they are the month's own history (monthStatusHistory).
 */
export async function managerAuditTrail(store: Store, snapshot: Pick<MonthSnapshot, 'month'>, managerCode: string): Promise<AuditEntryDto[]> {
  const { month } = snapshot;
  const entries = await listAudit(store.db, 'evaluation', `${month}/${managerCode}`);
  return entries.flatMap((e): AuditEntryDto[] => {
    if (e.entityId !== `${month}/${managerCode}`) return [];
    const adjusted = e.field.startsWith('manual.') ? manualScore(e) : adjustment(e);
    return adjusted ? [adjusted] : [];
  });
}

/** The month's 定稿 and 重新打开 (entity id 'YYYY-MM', field 'status'), oldest first. */
export async function monthStatusHistory(store: Store, month: string): Promise<AuditEntryDto[]> {
  const entries = await listAudit(store.db, 'evaluation', month);
  return entries.filter((e) => e.entityId === month && e.field === 'status').map(statusChange);
}

function adjustment(e: AuditEntry): AuditEntryDto | null {
  const key = /^dimension\.([a-z_]+)/.exec(e.field)?.[1];
  if (!key || !(DIMENSION_KEYS as readonly string[]).includes(key)) return null;
  const dimension = key as DimensionKey;
  const oldScore = toScore(e.oldValue);
  const newScore = toScore(e.newValue);
  const from = oldScore === null ? '无数据' : String(oldScore);
  return {
    at: e.at,
    who: e.who,
    action: 'adjust',
    summary: `调整「${DIMENSION_LABELS_ZH[dimension]}」：${from} → ${newScore ?? '无数据'}${e.reason ? `，原因：${e.reason}` : ''}`,
    reason: e.reason,
    dimension,
    oldScore,
    newScore,
  };
}

/** A 手工评分 entry: field 'manual.METRIC（标签）'. */
function manualScore(e: AuditEntry): AuditEntryDto {
  const label = /（(.+)）$/.exec(e.field)?.[1] ?? e.field.slice('manual.'.length);
  const newScore = toScore(e.newValue);
  return {
    at: e.at,
    who: e.who,
    action: 'manual',
    summary: `手工评分「${label}」：${e.oldValue ?? '待评分'} → ${newScore ?? '—'}${e.reason ? `，原因：${e.reason}` : ''}`,
    reason: e.reason,
    dimension: null,
    oldScore: toScore(e.oldValue),
    newScore,
  };
}

function statusChange(e: AuditEntry): AuditEntryDto {
  const finalize = e.newValue === 'final';
  return {
    at: e.at,
    who: e.who,
    action: finalize ? 'finalize' : 'reopen',
    summary: finalize ? '本月定稿' : `本月重新打开${e.reason ? `，原因：${e.reason}` : ''}`,
    reason: e.reason,
    dimension: null,
    oldScore: null,
    newScore: null,
  };
}

function toScore(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

import type { ApiName, HandlerContext } from '../../shared/api/kaopingApi';
import { fail, type Result } from '../../shared/api/result';
import type { Store } from '../db/openStore';
import { verifiedBackup } from '../db/verifiedBackup';
import { DISK_FULL_MESSAGE } from './import/diskFullMessage';

/** One call of the contract by name, as the hosts make it (validation happens inside). */
export type ContractInvoke = (name: ApiName, rawArg: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

/** The calls that write imported data: each is preceded by an online backup in the desktop app. */
export const BACKUP_BEFORE: readonly ApiName[] = ['import.run', 'import.undo', 'app.loadDemo'];

export interface BackupBeforeImportOptions {
  /** The store in use now (the desktop app swaps it after a restore). */
  store: () => Store;
  now: () => Date;
  /** Told about every backup taken (for the log). */
  onBackup?: (file: string) => void;
}

const DISK_FULL = /database or disk is full|SQLITE_FULL|ENOSPC|no space left/i;

export { DISK_FULL_MESSAGE };

/**
 * Wraps the contract so that every import-like call first takes an online backup through
 * SQLite's backup API, checked afterwards (verifiedBackup; rotated: the newest 10 are kept). A database with no
 * import batch yet is not backed up (there is nothing to lose, and empty backups would rotate
 * real ones out). When the backup fails the import does not start. Reports of files that failed
 * because the disk (or the page limit) was full get a message that says so.
 */
export function withBackupBeforeImport(invoke: ContractInvoke, opts: BackupBeforeImportOptions): ContractInvoke {
  return async (name, rawArg, ctx) => {
    if (!BACKUP_BEFORE.includes(name)) return invoke(name, rawArg, ctx);
    const store = opts.store();
    if (hasImportedData(store)) {
      try {
        const file = await verifiedBackup(store.sqlite, store.path, `before-${name.replace(/[^a-z]/gi, '-')}`, opts.now());
        opts.onBackup?.(file);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        const full = DISK_FULL.test(why) ? '磁盘空间不足。' : '';
        return fail('backup_failed', `导入前的自动备份没有成功（${full}${why}），为保护现有数据，本次没有导入。`);
      }
    }
    const result = await invoke(name, rawArg, ctx);
    return result.ok ? { ok: true, data: explainDiskFull(result.data) } : result;
  };
}

function hasImportedData(store: Store): boolean {
  const row = store.sqlite.prepare('SELECT EXISTS (SELECT 1 FROM import_batches) AS any').get() as { any: number } | undefined;
  return row?.any === 1;
}

interface ReportLike {
  status?: unknown;
  message?: unknown;
}

function isReportLike(v: unknown): v is ReportLike {
  return typeof v === 'object' && v !== null && 'status' in v && 'message' in v;
}

/** Rewrites a file report's message when SQLite ran out of room; leaves everything else as it is. */
export function explainDiskFull<T>(data: T): T {
  if (!Array.isArray(data)) return data;
  return data.map((item: unknown) =>
    isReportLike(item) && item.status !== 'imported' && typeof item.message === 'string' && DISK_FULL.test(item.message)
      ? { ...item, message: `${DISK_FULL_MESSAGE}（${DISK_FULL.exec(item.message)?.[0] ?? ''}）` }
      : item,
  ) as T;
}

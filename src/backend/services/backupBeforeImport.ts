import type { ApiName, HandlerContext } from '../../shared/api/kaopingApi';
import { fail, type Result } from '../../shared/api/result';
import type { Store } from '../db/openStore';
import { verifiedBackup } from '../db/verifiedBackup';
import { isDiskFull } from './import/diskFullMessage';

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

/**
 * Wraps the contract so that every import-like call first takes an online backup through
 * SQLite's backup API, checked afterwards (verifiedBackup; rotated: the newest 10 are kept). A database with no
 * import batch yet is not backed up (there is nothing to lose, and empty backups would rotate
 * real ones out). When the backup fails the import does not start. (A file that failed
 * because the disk was full says so itself: importFile words it.)
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
        const full = isDiskFull(err) ? '磁盘空间不足。' : '';
        return fail('backup_failed', `导入前的自动备份没有成功（${full}${why}），为保护现有数据，本次没有导入。`);
      }
    }
    return invoke(name, rawArg, ctx);
  };
}

function hasImportedData(store: Store): boolean {
  const row = store.sqlite.prepare('SELECT EXISTS (SELECT 1 FROM import_batches) AS any').get() as { any: number } | undefined;
  return row?.any === 1;
}

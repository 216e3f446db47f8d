import type { ApiName } from '../../shared/api/kaopingApi';
import { isPostgres } from '../db/isPostgres';
import type { Store } from '../db/openStore';
import { verifiedBackup } from '../db/sqlite/verifiedBackup';
import { isDiskFull } from './import/diskFullMessage';
import { RequestError } from './requestError';

/**
 * The online backup taken before a write that the methods declare `backupFirst` (import, undo,
 * demo load): SQLite's backup API, checked afterwards (verifiedBackup; rotated: the newest 10 are
 * kept). A database with no import batch yet is not backed up (there is nothing to lose, and empty
 * backups would rotate real ones out), nor is an in-memory one: null then. When the backup fails this throws a
 * RequestError 'backup_failed' and the write does not start.
 */
export async function backupBeforeWrite(store: Store, name: ApiName, now: Date): Promise<string | null> {
  // An in-memory database has no file to protect (and no folder beside it for backups).
  // A server's database is backed up by its administrator (pg_dump, archiving), not as a file here.
  if (isPostgres(store.db) || store.path === ':memory:' || store.path === '' || !(await hasImportedData(store))) return null;
  try {
    return await verifiedBackup(store.sqlite, store.path, `before-${name.replace(/[^a-z]/gi, '-')}`, now);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const full = isDiskFull(err) ? '磁盘空间不足。' : '';
    throw new RequestError('backup_failed', `导入前的自动备份没有成功（${full}${why}），为保护现有数据，本次没有导入。`);
  }
}

async function hasImportedData(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('import_batches').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

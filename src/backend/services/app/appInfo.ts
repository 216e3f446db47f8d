import type { AppInfo } from '../../../shared/api/appApi';
import type { Store } from '../../db/openStore';
import { countAll, monthsOf } from '../../repositories/monthDataRepository';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { appVersion } from './findProjectRoot';
import { readSupervisor } from './supervisor';

let cachedVersion: string | null = null;

export async function appInfo(store: Store): Promise<AppInfo> {
  cachedVersion ??= appVersion();
  const months = new Set<string>();
  for (const table of ['journals', 'attendance', 'orders'] as const) for (const m of await monthsOf(store.db, table)) months.add(m);
  return {
    version: cachedVersion,
    databasePath: store.path,
    empty: (await countAll(store.db, 'managers')) === 0,
    months: [...months].sort().reverse(),
    audit: await verifyAuditChain(store.db),
    supervisor: await readSupervisor(store.db),
    districts: (await store.db.selectFrom('districts').select('id').execute()).length,
  };
}

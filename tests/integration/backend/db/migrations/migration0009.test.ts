import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../src/backend/db/openStore';
import * as m0001 from '../../../../../src/backend/db/migrations/0001_initial';
import * as m0002 from '../../../../../src/backend/db/migrations/0002_evaluations';
import * as m0003 from '../../../../../src/backend/db/migrations/0003_workbench';
import * as m0004 from '../../../../../src/backend/db/migrations/0004_entry_comments';
import * as m0005 from '../../../../../src/backend/db/migrations/0005_order_month_cache';
import * as m0006 from '../../../../../src/backend/db/migrations/0006_retailer_month_orders';
import { loadEvaluationInput } from '../../../../../src/backend/services/evaluation/loadEvaluationInput';
import { monthWorkdays } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { tempDir } from '../../../../helpers/tempDir';

const dir = tempDir();

describe('migration 0009 on a store kept before master data had history', () => {
  it("records today's master data as the version of the month its last batch spoke for", async () => {
    const file = path.join(dir, 'old.sqlite');
    const before: Record<string, Migration> = { '0001_initial': m0001, '0002_evaluations': m0002, '0003_workbench': m0003, '0004_entry_comments': m0004, '0005_order_month_cache': m0005, '0006_retailer_month_orders': m0006 };
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    const result = await new Migrator({ db: old, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(result.error).toBeUndefined();
    const batch = (id: number, kind: string, asOf: string | null, at: string) =>
      old.insertInto('import_batches').values({ id, file_name: `${kind}.csv`, sha256: 'x', kind, as_of_month: asOf, imported_at: at }).execute();
    await batch(1, 'roster', null, '2026-08-03T09:00:00Z');
    await batch(2, 'retailers', '2026-07', '2026-08-03T09:05:00Z');
    await batch(3, 'retailers', '2026-09', '2026-10-03T09:05:00Z');
    await batch(4, 'brands', null, '2026-08-03T09:10:00Z');
    await old.insertInto('managers').values({ id: 1, nk: 'LH001', code: 'LH001', name: '张伟', department: '临河营销部', status: '在岗', created_batch_id: 1, batch_id: 1 }).execute();
    await old
      .insertInto('retailers')
      .values([
        { id: 1, nk: '370902110001', licence: '370902110001', name: '福顺便利店', status: '正常', manager_code: 'LH001', created_batch_id: 2, batch_id: 2 },
        { id: 2, nk: '370902110002', licence: '370902110002', name: '老王烟酒店(新)', status: '注销', manager_code: 'LH001', created_batch_id: 2, batch_id: 3 },
      ])
      .execute();
    await old.insertInto('brands').values({ id: 1, nk: '6901028000001', code: '6901028000001', name: '好猫(长乐)', key_brand: 0, new_brand: 1, launched_on: '2025-12-01', created_batch_id: 4, batch_id: 4 }).execute();
    await old.destroy();

    const store = await openStore(file, { backupBeforeMigrate: false });
    try {
      expect(await store.db.selectFrom('manager_versions').select(['manager_id', 'month', 'name', 'department', 'status', 'batch_id']).execute()).toEqual([
        // No month on the roster's batch: the month it was imported in.
        { manager_id: 1, month: '2026-08', name: '张伟', department: '临河营销部', status: '在岗', batch_id: 1 },
      ]);
      expect(await store.db.selectFrom('retailer_versions').select(['nk', 'retailer_id', 'month', 'name', 'status']).orderBy('retailer_id').execute()).toEqual([
        { nk: '370902110001|2026-07', retailer_id: 1, month: '2026-07', name: '福顺便利店', status: '正常' },
        { nk: '370902110002|2026-09', retailer_id: 2, month: '2026-09', name: '老王烟酒店(新)', status: '注销' },
      ]);
      expect(await store.db.selectFrom('brand_versions').select(['nk', 'month', 'key_brand', 'new_brand', 'launched_on']).execute()).toEqual([
        { nk: '6901028000001|2026-08', month: '2026-08', key_brand: 0, new_brand: 1, launched_on: '2025-12-01' },
      ]);
      // Months before a version read it (what was known before history was kept holds for them).
      const { input } = await loadEvaluationInput(store, '2026-06', await monthWorkdays(store, '2026-06'));
      expect(input.retailers.map((r) => [r.name, r.status])).toEqual([
        ['福顺便利店', '正常'],
        ['老王烟酒店(新)', '注销'],
      ]);
    } finally {
      store.close();
    }
  });
});

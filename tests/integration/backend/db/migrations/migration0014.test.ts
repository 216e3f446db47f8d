import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../src/backend/db/openStore';
import { migrationProvider } from '../../../../../src/backend/db/migrations/migrationList';
import { tempDir } from '../../../../helpers/tempDir';

const dir = tempDir();

/** Every migration before 0014, as a store kept by an earlier build has run them. */
async function migrationsBefore0014(): Promise<Record<string, Migration>> {
  const all = await migrationProvider.getMigrations();
  return Object.fromEntries(Object.entries(all).filter(([name]) => name < '0014'));
}

async function oldStore(file: string, fill: (db: Kysely<any>) => Promise<void>): Promise<void> {
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
  const result = await new Migrator({ db: old, provider: { getMigrations: migrationsBefore0014 } }).migrateToLatest();
  expect(result.error).toBeUndefined();
  await fill(old);
  await old.destroy();
}

describe('migration 0014 on a store kept before districts', () => {
  it('puts everything into one district named after the roster’s most common 营销部, month state included', async () => {
    const file = path.join(dir, 'old.sqlite');
    await oldStore(file, async (db) => {
      await db.insertInto('import_batches').values({ id: 1, file_name: 'roster.csv', sha256: 'x', kind: 'roster', imported_at: '2026-11-01T08:00:00Z' }).execute();
      await db
        .insertInto('managers')
        .values([
          { nk: 'LH001', code: 'LH001', name: '张伟', department: '临河营销部', created_batch_id: 1, batch_id: 1 },
          { nk: 'LH002', code: 'LH002', name: '李娜', department: '临河营销部', created_batch_id: 1, batch_id: 1 },
          { nk: 'LH003', code: 'LH003', name: '王芳', department: '城区营销部', created_batch_id: 1, batch_id: 1 },
        ])
        .execute();
      await db.insertInto('app_settings').values({ key: 'supervisor', value_json: JSON.stringify({ name: '主管甲', unit: '某单位' }), updated_at: 'x' }).execute();
      await db.insertInto('schemes').values({ id: 1, name: '默认方案', version: 1, definition_json: '{}', created_at: 'x' }).execute();
      for (const [month, status] of [['2026-09', 'final'], ['2026-10', 'draft']] as const) {
        await db
          .insertInto('evaluations')
          .values({ month, scheme_id: 1, status, evaluated_at: `${month}-28T00:00:00Z`, input_batches_json: '[1]', result_json: `{"m":"${month}"}`, inputs_json: null })
          .execute();
      }
      await db.insertInto('report_freezes').values({ month: '2026-09', frozen_at: 'x', inputs_json: '{"frozen":true}' }).execute();
      await db.insertInto('adjustments').values({ month: '2026-10', manager_code: 'LH001', dimension: 'records', score: 60, reason: 'r', created_by: '主管甲', created_at: 'x' }).execute();
    });

    const store = await openStore(file, { backupBeforeMigrate: false });
    try {
      const districts = await store.db.selectFrom('districts').select(['id', 'name']).execute();
      expect(districts.map((d) => d.name)).toEqual(['临河营销部']);
      const id = districts[0]?.id;
      expect(await store.db.selectFrom('managers').select('district_id').distinct().execute()).toEqual([{ district_id: id }]);
      expect(await store.db.selectFrom('import_batches').select('district_id').distinct().execute()).toEqual([{ district_id: id }]);
      expect(await store.db.selectFrom('adjustments').select('district_id').execute()).toEqual([{ district_id: id }]);
      expect(await store.db.selectFrom('evaluations').select(['month', 'status', 'result_json', 'district_id']).orderBy('month').execute()).toEqual([
        { month: '2026-09', status: 'final', result_json: '{"m":"2026-09"}', district_id: id },
        { month: '2026-10', status: 'draft', result_json: '{"m":"2026-10"}', district_id: id },
      ]);
      expect(await store.db.selectFrom('report_freezes').selectAll().execute()).toEqual([{ month: '2026-09', frozen_at: 'x', inputs_json: '{"frozen":true}', district_id: id }]);
      // Another district's same month is a row of its own now.
      const other = await store.db.insertInto('districts').values({ name: '城区营销部', created_at: 'x' }).returning('id').executeTakeFirstOrThrow();
      await store.db
        .insertInto('evaluations')
        .values({ month: '2026-09', scheme_id: 1, evaluated_at: 'x', input_batches_json: '[]', result_json: '{}', district_id: other.id })
        .execute();
      expect(await store.db.selectFrom('evaluations').select('id').where('month', '=', '2026-09').execute()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('names the district after the supervisor’s unit when the roster has no 营销部, and makes none in an empty store', async () => {
    const file = path.join(dir, 'unit.sqlite');
    await oldStore(file, async (db) => {
      await db.insertInto('import_batches').values({ id: 1, file_name: 'brands.csv', sha256: 'x', kind: 'brands', imported_at: 'x' }).execute();
      await db.insertInto('app_settings').values({ key: 'supervisor', value_json: JSON.stringify({ name: '主管甲', unit: '开发区营销部' }), updated_at: 'x' }).execute();
    });
    const store = await openStore(file, { backupBeforeMigrate: false });
    expect((await store.db.selectFrom('districts').select('name').execute()).map((d) => d.name)).toEqual(['开发区营销部']);
    await store.close();

    const empty = await openStore(path.join(dir, 'empty.sqlite'), { backupBeforeMigrate: false });
    expect(await empty.db.selectFrom('districts').select('name').execute()).toEqual([]);
    await empty.close();
  });
});

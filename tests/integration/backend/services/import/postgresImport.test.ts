import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../../src/backend/db/openStoreAt';
import { writeDemoDistrict, type DemoResult } from '../../../../../src/backend/demo/writeDemoDistrict';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { runImportJob } from '../../../../../src/backend/services/import/runImportJob';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const pgUrl = postgresTestUrl();

/** What an import said, without what differs by store on purpose (none: the file's sha256 and times are the same). */
function said(reports: FileImportReport[]) {
  return reports.map((r) => ({ file: r.file, status: r.status, message: r.message, counts: r.counts, warnings: r.warnings, changes: r.changes, batchId: r.batchId }));
}

/** Every row of every table of a store, in a total order (all columns left to right). */
async function everyRow(store: Store, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const columns = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(lite.db)).rows.length;
    const order = sql.raw(Array.from({ length: columns }, (_, i) => String(i + 1)).join(', '));
    out[table] = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(store.db)).rows;
  }
  return out;
}

let lite: Store;

/**
 * The import on PostgreSQL: the demo district imported straight into PostgreSQL through the same
 * import code (every file, in the same order) and into SQLite; the two stores equal row for row,
 * the reports alike; then a re-import (未变), a corrected file (更新, row_history byte for byte),
 * an undo, and a dry run, each on both.
 */
describe.skipIf(!pgUrl)(`imports into PostgreSQL as into SQLite${postgresSkipReason()}`, () => {
  let demo: DemoResult;
  let pg: Store;
  let dir: string;
  let tables: string[];
  const now = new Date('2026-11-03T08:00:00Z');
  const importBoth = async (files: string[], at: Date) => {
    const onLite = await importFiles(lite, files, { now: at });
    const onPg = await importFiles(pg, files, { now: at });
    return { onLite, onPg };
  };

  beforeAll(async () => {
    dir = tempDir('kaoping-pgimport-');
    demo = await writeDemoDistrict({ outDir: path.join(dir, 'demo'), seed: 1, months: 2 });
    lite = await openStore(path.join(dir, 'kaoping.sqlite'));
    pg = await openStoreAt(await freshPostgresDatabase(pgUrl as string));
    tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(lite.db)).rows.map(
      (r) => r.name,
    );
  }, 240_000);
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
  });

  it('imports the demo district: every table equal row for row, every report alike', async () => {
    const { onLite, onPg } = await importBoth(demo.files, now);
    expect(onLite.every((r) => r.status === 'imported')).toBe(true);
    expect(said(onPg)).toEqual(said(onLite));
    const [a, b] = [await everyRow(lite, tables), await everyRow(pg, tables)];
    expect(b.orders?.length).toBeGreaterThan(1000);
    for (const table of tables) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
  }, 240_000);

  it('a second import of the same files changes nothing on either (未变)', async () => {
    const { onLite, onPg } = await importBoth(demo.files, new Date('2026-11-04T08:00:00Z'));
    expect(said(onPg)).toEqual(said(onLite));
    for (const r of onPg) expect(r.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: r.counts.rows - r.counts.skipped });
    expect(await everyRow(pg, tables)).toEqual(await everyRow(lite, tables));
  }, 240_000);

  it('corrected files give the same 更新 and the same row_history, byte for byte; undo puts both back', async () => {
    const before = await everyRow(pg, tables);
    // Orders: five lines with another 需求量.
    const ordersFile = demo.files.find((f) => path.basename(f).startsWith('订单明细')) as string;
    const lines = iconv.decode(fs.readFileSync(ordersFile), 'gb18030').split('\n');
    for (let i = 1; i <= 5; i++) {
      const cells = (lines[i] as string).split(',');
      cells[4] = String(Number(cells[4]) + 3);
      lines[i] = cells.join(',');
    }
    const correctedOrders = path.join(dir, '订单明细_更正.csv');
    fs.writeFileSync(correctedOrders, iconv.encode(lines.join('\n'), 'gb18030'));
    // Journals: three stored entries whose text was corrected (JournalCorrections), in a file of four columns.
    const entries = await sql<{ date: string; code: string; licence: string | null; content: string }>`select j.date, m.code, r.licence, j.content
      from journals j join managers m on m.id = j.manager_id left join retailers r on r.id = j.retailer_id
      where j.retailer_id is not null order by j.id limit 3`.execute(lite.db);
    const journalCsv = ['日期,工号,许可证号,日志内容', ...entries.rows.map((e) => `${e.date},${e.code},${e.licence ?? ''},${e.content.replace(/,/g, '，')}（已更正）`)].join('\n');
    const correctedJournals = path.join(dir, '工作日志_更正.csv');
    fs.writeFileSync(correctedJournals, journalCsv);

    const { onLite, onPg } = await importBoth([correctedOrders, correctedJournals], new Date('2026-11-05T08:00:00Z'));
    expect(said(onPg)).toEqual(said(onLite));
    // In dependency order: the journals before the orders.
    expect(onPg.map((r) => r.file)).toEqual(['工作日志_更正.csv', '订单明细_更正.csv']);
    expect(onPg[0]?.counts).toMatchObject({ inserted: 0, updated: 3 });
    expect(onPg[1]?.counts).toMatchObject({ inserted: 0, updated: 5 });
    const [a, b] = [await everyRow(lite, tables), await everyRow(pg, tables)];
    expect(b.row_history).toHaveLength(8);
    for (const table of tables) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });

    // Newest first, as the import centre undoes.
    for (const report of [...onPg].reverse()) {
      const [undoneLite, undonePg] = [await undoBatch(lite, report.batchId as number, now), await undoBatch(pg, report.batchId as number, now)];
      expect(undonePg).toEqual(undoneLite);
      expect(undonePg).toMatchObject({ ok: true });
    }
    const undone = await everyRow(pg, tables);
    expect(undone).toEqual(await everyRow(lite, tables));
    for (const table of tables.filter((t) => t !== 'import_batches')) expect({ table, rows: undone[table] }).toEqual({ table, rows: before[table] });
  }, 240_000);

  it('a dry run checks the files in one transaction and writes nothing', async () => {
    const before = await everyRow(pg, tables);
    const lines = iconv.decode(fs.readFileSync(demo.files.find((f) => path.basename(f).startsWith('订单明细')) as string), 'gb18030').split('\n');
    lines[1] = (lines[1] as string).replace(/^[^,]+,[^,]+,/, '2026/10/31,370902119999,');
    const file = path.join(dir, '订单明细_试导入.csv');
    fs.writeFileSync(file, iconv.encode(lines.slice(0, 20).join('\n'), 'gb18030'));
    const [onLite, onPg] = [await runImportJob(lite, [{ input: file }], { now, dryRun: true }), await runImportJob(pg, [{ input: file }], { now, dryRun: true })];
    expect(said(onPg)).toEqual(said(onLite));
    expect(onPg[0]).toMatchObject({ status: 'imported', dryRun: true });
    expect(onPg[0]?.counts.inserted).toBe(1);
    expect(await everyRow(pg, tables)).toEqual(before);
  }, 240_000);
});

/**
 * Late master data and the freeze on PostgreSQL: orders imported before their retailers and
 * brands are linked by the master files (relinkRows' row_history as SQLite writes it), undoing the
 * retailer file unlinks them again, and a finalized month refuses an import the same way.
 */
describe.skipIf(!pgUrl)(`late master data and finalized months on PostgreSQL as on SQLite${postgresSkipReason()}`, () => {
  let demo: DemoResult;
  let pg: Store;
  let dir: string;
  let tables: string[];
  const now = new Date('2026-11-03T08:00:00Z');
  const fileOf = (prefix: string) => demo.files.find((f) => path.basename(f).startsWith(prefix)) as string;
  const both = async (files: string[]) => {
    const onLite = await importFiles(lite, files, { now });
    const onPg = await importFiles(pg, files, { now });
    expect(said(onPg)).toEqual(said(onLite));
    return onPg;
  };

  beforeAll(async () => {
    dir = tempDir('kaoping-pglate-');
    demo = await writeDemoDistrict({ outDir: path.join(dir, 'demo'), seed: 2, months: 2 });
    lite = await openStore(path.join(dir, 'kaoping.sqlite'));
    pg = await openStoreAt(await freshPostgresDatabase(pgUrl as string));
    tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(lite.db)).rows.map(
      (r) => r.name,
    );
  }, 240_000);
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
  });

  it('links orders that waited for their retailers and brands, and undo unlinks them', async () => {
    // 300 order lines (undo reads a batch's row_history row by row: the whole file would take long).
    const lines = iconv.decode(fs.readFileSync(fileOf('订单明细')), 'gb18030').split('\n');
    const ordersFile = path.join(dir, '订单明细_部分.csv');
    fs.writeFileSync(ordersFile, iconv.encode(lines.slice(0, 301).join('\n'), 'gb18030'));
    const [orders] = await both([ordersFile]);
    expect(orders?.counts.unlinked).toBe(300);
    await both([fileOf('客户经理花名册')]);
    const [retailers] = await both([fileOf('零售客户档案')]);
    const [brands] = await both([fileOf('品规目录')]);
    expect(retailers?.counts.linked).toBe(300);
    expect(brands?.counts.linked).toBe(300);
    const linked = await everyRow(pg, tables);
    expect(linked).toEqual(await everyRow(lite, tables));
    expect(linked.row_history).toHaveLength(600);

    const undoneLite = await undoBatch(lite, brands?.batchId as number, now);
    expect(await undoBatch(pg, brands?.batchId as number, now)).toEqual(undoneLite);
    expect(undoneLite).toMatchObject({ ok: true });
    expect(await everyRow(pg, tables)).toEqual(await everyRow(lite, tables));
  }, 240_000);

  it('refuses a file with rows in a finalized month, and an undo that would change it, alike', async () => {
    for (const store of [lite, pg]) {
      const scheme = await store.db
        .insertInto('schemes')
        .values({ name: '默认方案', version: 1, definition_json: '{}', created_at: now.toISOString(), created_by: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The month is finalized in the district the earlier imports went into (migration 0014).
      const district = await store.db.selectFrom('districts').select('id').orderBy('id').executeTakeFirstOrThrow();
      await store.db
        .insertInto('evaluations')
        .values({ district_id: district.id, month: '2026-10', scheme_id: scheme.id, status: 'final', evaluated_at: now.toISOString(), finalized_at: now.toISOString(), finalized_by: '张主任', input_batches_json: '[]', result_json: '{}' })
        .execute();
    }
    const before = await everyRow(pg, tables);
    const [refused] = await both([fileOf('钉钉考勤')]);
    expect(refused?.status).toBe('refused');
    expect(refused?.message).toContain('2026-10');
    expect(await everyRow(pg, tables)).toEqual(before);
    const firstOrders = (await pg.db.selectFrom('import_batches').select('id').where('kind', '=', 'orders').orderBy('id').executeTakeFirstOrThrow()).id;
    const [a, b] = [await undoBatch(lite, firstOrders, now).catch((e: Error) => e.message), await undoBatch(pg, firstOrders, now).catch((e: Error) => e.message)];
    expect(b).toEqual(a);
    expect(String(b)).toContain('2026-10');
    expect(await everyRow(pg, tables)).toEqual(before);
  }, 240_000);
});

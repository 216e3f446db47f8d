import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../../src/backend/db/openStoreAt';
import { writeDemoDistrict } from '../../../../../src/backend/demo/writeDemoDistrict';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const pgUrl = postgresTestUrl();

function said(reports: FileImportReport[]) {
  return reports.map((r) => ({ status: r.status, message: r.message, counts: r.counts, warnings: r.warnings, changes: r.changes, batchId: r.batchId }));
}

async function rows(store: Store, query: string): Promise<unknown[]> {
  return (await sql.raw(query).execute(store.db)).rows;
}

/**
 * Order files are read ahead on PostgreSQL: only the stored rows of the next few thousand keys are
 * held (postgresUpserters' keyed tables), and what was written before is looked up in the table.
 * A file whose lines come back thousands of rows later (unchanged, changed, twice within a block)
 * must give the same outcomes, ids and row_history as SQLite, which looks up every row itself;
 * and the same ids after (SQLite burns an AUTOINCREMENT id trying a row already there as an insert).
 */
describe.skipIf(!pgUrl)(`orders read ahead on PostgreSQL${postgresSkipReason()}`, () => {
  let dir: string;
  let lite: Store;
  let pg: Store;
  let ordersLines: string[];
  const now = new Date('2026-11-03T08:00:00Z');

  beforeAll(async () => {
    dir = tempDir('kaoping-pgahead-');
    const demo = await writeDemoDistrict({ outDir: path.join(dir, 'demo'), seed: 3, months: 2 });
    const master = demo.files.filter((f) => /花名册|零售客户档案|品规目录/.test(path.basename(f)));
    lite = await openStore(path.join(dir, 'kaoping.sqlite'));
    pg = await openStoreAt(await freshPostgresDatabase(pgUrl as string));
    for (const store of [lite, pg]) expect((await importFiles(store, master, { now })).every((r) => r.status === 'imported')).toBe(true);
    const ordersFile = demo.files.find((f) => path.basename(f).startsWith('订单明细')) as string;
    ordersLines = iconv.decode(fs.readFileSync(ordersFile), 'gb18030').split('\n').filter((l) => l.trim() !== '');
  }, 240_000);
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
  });

  /** The same line with its last numeric field changed (a corrected amount or price). */
  const changed = (line: string): string => {
    const fields = line.split(',');
    for (let i = fields.length - 1; i >= 0; i--) {
      if (/^\d+(\.\d+)?$/.test(fields[i] ?? '')) {
        fields[i] = String(Number(fields[i]) + 1);
        return fields.join(',');
      }
    }
    throw new Error(`no number in ${line}`);
  };

  const importBoth = async (name: string, lines: string[], at: Date) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, iconv.encode(`${lines.join('\n')}\n`, 'gb18030'));
    const onLite = await importFiles(lite, [file], { now: at });
    const onPg = await importFiles(pg, [file], { now: at });
    return { onLite, onPg };
  };

  const sameTables = async () => {
    for (const query of ['select * from orders order by id', 'select * from row_history order by id', 'select * from import_batches order by id']) {
      expect({ query, rows: await rows(pg, query) }).toEqual({ query, rows: await rows(lite, query) });
    }
  };

  it('lines repeated blocks later (unchanged, changed, twice) give the outcomes, ids and row_history SQLite gives', async () => {
    const [header, ...data] = ordersLines as [string, ...string[]];
    expect(data.length).toBeGreaterThan(12_000);
    const body = data.slice(0, 12_000);
    // Back after one and two blocks of 5,000 rows: unchanged, changed, changed again; and a line changed twice within a block.
    const lines = [header, ...body.slice(0, 6_000), body[10] as string, changed(body[11] as string), changed(body[7_000] as string), changed(body[7_001] as string), changed(changed(body[7_001] as string)), ...body.slice(6_000), changed(changed(body[11] as string))];
    const { onLite, onPg } = await importBoth('订单明细_重复.csv', lines, now);
    expect(onLite[0]?.status).toBe('imported');
    expect(onLite[0]?.counts).toMatchObject({ inserted: 12_000, updated: 5, unchanged: 1 });
    expect(said(onPg)).toEqual(said(onLite));
    await sameTables();
  }, 240_000);

  it('a corrected re-import finds rows stored before it in every block (更新, 未变) as SQLite does', async () => {
    const [header, ...data] = ordersLines as [string, ...string[]];
    const body = data.slice(0, 12_000).map((line, i) => (i % 997 === 0 ? changed(line) : line));
    const { onLite, onPg } = await importBoth('订单明细_更正.csv', [header, ...body, ...data.slice(12_000, 12_100)], new Date('2026-11-04T08:00:00Z'));
    expect(onLite[0]?.counts.updated).toBeGreaterThan(10);
    expect(onLite[0]?.counts.inserted).toBe(100);
    expect(said(onPg)).toEqual(said(onLite));
    await sameTables();
  }, 240_000);
});

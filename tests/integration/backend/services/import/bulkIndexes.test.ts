// SQLite only (not in vitest.config.mts's postgres project): SQLite's index suspension for bulk loads (a no-op on PostgreSQL).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { readRetailerMonthOrders, refreshOrderMonthCache } from '../../../../../src/backend/repositories/orderMonthCache';
import { DISK_FULL_MESSAGE } from '../../../../../src/backend/services/import/diskFullMessage';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv, type SheetCell } from '../../../../helpers/writeSheets';
import { writeMiniDistrict } from './miniDistrict';

/**
 * A large import drops the table's secondary indexes part way and rebuilds them before commit
 * (makeKindWriter, suspendIndexes). These tests run the same real files into two stores, one
 * with the switch point lowered to 2,000 rows and one that never switches, and demand the very
 * same database and report from both.
 */
const now = new Date('2026-11-02T09:00:00Z');
const dir = tempDir();
const BULK = 2000;
const NEVER = Number.POSITIVE_INFINITY;
const HEADER = ['订单日期', '许可证号', '卷烟编码', '卷烟名称', '需求量(条)', '订购量（条）', '批发价', '金额', '建议零售价'];
// Three retailers and two brands of the mini district, plus one of each the masters do not know.
const LICENCES = ['370902110001', '370902110002', '370902110003', '370902119999'];
const BRANDS: [string, string, string][] = [
  ['6901028001687', '中华(硬)', '375.00'],
  ['6901028075022', '云烟(紫)', '95.40'],
  ['6901028999999', '不在目录', '50.00'],
];

function day(n: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

/** Twelve order lines a day for days [from, to); `bump` changes the quantity of every line (a correction). */
function orderRows(from: number, to: number, bump = 0): SheetCell[][] {
  const rows: SheetCell[][] = [HEADER];
  for (let n = from; n < to; n++) {
    for (const licence of LICENCES) {
      for (const [code, name, price] of BRANDS) {
        const quantity = 1 + ((n * 7 + Number(licence.slice(-2)) + code.length) % 30) + bump;
        rows.push([day(n), licence, code, name, quantity + 2, quantity, price, (quantity * Number(price)).toFixed(2), '450.00']);
      }
    }
  }
  return rows;
}

// One set of master files for every store: an .xlsx written twice differs in its timestamps,
// and so in the sha256 its batch records.
let masters: Promise<Awaited<ReturnType<typeof writeMiniDistrict>>> | undefined;

async function openDistrict(name: string): Promise<Store> {
  const caseDir = path.join(dir, name);
  fs.mkdirSync(caseDir, { recursive: true });
  masters ??= (async () => {
    const mastersDir = path.join(dir, 'masters');
    fs.mkdirSync(mastersDir, { recursive: true });
    return writeMiniDistrict(mastersDir);
  })();
  const files = await masters;
  const store = await openStore(path.join(caseDir, 'kaoping.sqlite'));
  const reports = await importFiles(store, [files.brands, files.retailers, files.roster], { now });
  expect(reports.every((r) => r.status === 'imported')).toBe(true);
  return store;
}

/** Everything an import writes or a later step reads, in a stable order. */
async function snapshot(store: Store) {
  const all = (q: string) => store.sqlite.prepare(q).all();
  return {
    orders: all('SELECT * FROM orders ORDER BY id'),
    history: all('SELECT * FROM row_history ORDER BY id'),
    batches: all('SELECT * FROM import_batches ORDER BY id'),
    monthCache: all('SELECT * FROM order_month_cache ORDER BY month'),
    sequence: all('SELECT * FROM sqlite_sequence ORDER BY name'),
    schema: all("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"),
    integrity: all('PRAGMA integrity_check'),
  };
}

function orderIndexes(store: Store): string[] {
  return (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name").all() as {
    name: string;
  }[]).map((r) => r.name);
}

/** Imports a file, noting whether the orders indexes were ever missing while it ran. */
async function importWatching(store: Store, file: string, bulkMinRows: number, signal?: AbortSignal, onRows?: (n: number) => void) {
  const full = orderIndexes(store);
  let suspended = false;
  const report = await importFile(store, file, {
    now,
    bulkMinRows,
    signal,
    onProgress: ({ rowsDone }) => {
      if (orderIndexes(store).length < full.length) suspended = true;
      onRows?.(rowsDone);
    },
  });
  expect(orderIndexes(store)).toEqual(full);
  return { report, suspended };
}

const comparable = (r: FileImportReport) => ({ ...r, file: path.basename(r.file) });

describe('bulk import with suspended indexes', () => {
  it('gives the same rows, report and schema as the row-by-row path into an empty table', async () => {
    const file = writeCsv(path.join(dir, '订单明细_empty.csv'), orderRows(0, 500), 'gb18030');
    const bulk = await openDistrict('empty-bulk');
    const plain = await openDistrict('empty-plain');
    try {
      const a = await importWatching(bulk, file, BULK);
      const b = await importWatching(plain, file, NEVER);
      expect(a.suspended).toBe(true);
      expect(b.suspended).toBe(false);
      expect(a.report.status).toBe('imported');
      expect(a.report.counts).toMatchObject({ rows: 6000, inserted: 6000, unlinked: 3000 });
      expect(comparable(a.report)).toEqual(comparable(b.report));
      expect(await snapshot(bulk)).toEqual(await snapshot(plain));
    } finally {
      await bulk.close();
      await plain.close();
    }
  });

  it('gives the same corrections, duplicates, month cache and undo over existing rows', async () => {
    const first = writeCsv(path.join(dir, '订单明细_first.csv'), orderRows(0, 100), 'gb18030');
    // Overlaps the first file's last 50 days with other quantities, repeats some lines within
    // the file (same values: unchanged; other values: a second correction) and adds new days.
    const rows = orderRows(50, 450, 1);
    rows.push(...orderRows(60, 70, 1).slice(1), ...orderRows(200, 210, 2).slice(1));
    const second = writeCsv(path.join(dir, '订单明细_second.csv'), rows, 'gb18030');

    const bulk = await openDistrict('overlap-bulk');
    const plain = await openDistrict('overlap-plain');
    try {
      for (const store of [bulk, plain]) {
        expect((await importFile(store, first, { now })).status).toBe('imported');
        await refreshOrderMonthCache(store.db, ['2024-01', '2024-02', '2024-03', '2024-04']);
        await readRetailerMonthOrders(store.db, ['2024-01', '2024-02'], { keyBrandCodes: [], newBrandCodes: [] }, '2024-02');
      }
      const a = await importWatching(bulk, second, BULK);
      const b = await importWatching(plain, second, NEVER);
      expect(a.suspended).toBe(true);
      expect(b.suspended).toBe(false);
      expect(a.report.counts).toMatchObject({ inserted: 350 * 12, updated: 50 * 12 + 10 * 12, unchanged: 10 * 12 });
      expect(comparable(a.report)).toEqual(comparable(b.report));
      expect(await snapshot(bulk)).toEqual(await snapshot(plain));

      const batchId = a.report.batchId as number;
      expect((await undoBatch(bulk, batchId, now)).ok).toBe(true);
      expect((await undoBatch(plain, batchId, now)).ok).toBe(true);
      expect(await snapshot(bulk)).toEqual(await snapshot(plain));
      expect(bulk.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 1200 });
    } finally {
      await bulk.close();
      await plain.close();
    }
  });

  it('leaves the database untouched, indexes included, when cancelled after the switch', async () => {
    const file = writeCsv(path.join(dir, '订单明细_cancel.csv'), orderRows(0, 700), 'gb18030');
    const store = await openDistrict('cancel');
    try {
      const before = await snapshot(store);
      const controller = new AbortController();
      let sawSuspended = false;
      const full = orderIndexes(store);
      const { report } = await importWatching(store, file, BULK, controller.signal, (n) => {
        if (orderIndexes(store).length < full.length) sawSuspended = true;
        if (n >= 6000) controller.abort();
      });
      expect(sawSuspended).toBe(true);
      expect(report.status).toBe('cancelled');
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });
  it('leaves the database untouched, indexes included, when the disk fills up after the switch', async () => {
    const file = writeCsv(path.join(dir, '订单明细_full.csv'), orderRows(0, 700), 'gb18030');
    const store = await openDistrict('full');
    try {
      const before = await snapshot(store);
      // Room for a few thousand order lines: the disk fills up after the indexes were dropped.
      const pages = Number(store.sqlite.pragma('page_count', { simple: true }));
      store.sqlite.pragma(`max_page_count = ${pages + 300}`);
      const { report, suspended } = await importWatching(store, file, BULK);
      store.sqlite.pragma('max_page_count = 1073741823');
      expect(suspended).toBe(true);
      expect(report.status).toBe('refused');
      expect(report.message).toContain(DISK_FULL_MESSAGE);
      expect(store.sqlite.inTransaction).toBe(false);
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });
});

/**
 * Grid paging on a million rows (run by hand: npx tsx tests/integration/backend/handlers/measureGridSpeed.ts [DIR]).
 * Fills 1,000,000 orders and 1,000,000 journals straight through SQLite (the import path has its
 * own benchmark), then times data.rows as the grid calls it. Prints milliseconds, median of 5.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../../src/backend/db/openStore';
import { createHandlers } from '../../../../src/backend/handlers';
import type { ApiArg } from '../../../../src/shared/api/kaopingApi';
import { data } from '../../../helpers/invoke';

const ROWS = 1_000_000;
const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-gridspeed-'));
const file = path.join(dir, 'grid-1m.sqlite');
const fresh = !fs.existsSync(file);
const store = await openStore(file);

if (fresh) {
  const t0 = performance.now();
  const s = store.sqlite;
  s.exec('BEGIN');
  s.prepare(`insert into import_batches (file_name, sha256, kind, imported_at) values ('bench', 'x', 'orders', '2026-11-01T00:00:00Z')`).run();
  const insertManager = s.prepare('insert into managers (nk, code, name, created_batch_id, batch_id) values (?, ?, ?, 1, 1)');
  for (let m = 1; m <= 30; m++) insertManager.run(`LH${m}`, `LH${String(m).padStart(3, '0')}`, `经理${m}`);
  const insertRetailer = s.prepare('insert into retailers (nk, licence, name, manager_code, created_batch_id, batch_id) values (?, ?, ?, ?, 1, 1)');
  for (let r = 1; r <= 3000; r++) {
    const licence = `3709021${String(r).padStart(5, '0')}`;
    insertRetailer.run(licence, licence, `零售户${r}号店`, `LH${String(1 + (r % 30)).padStart(3, '0')}`);
  }
  const insertBrand = s.prepare('insert into brands (nk, code, name, created_batch_id, batch_id) values (?, ?, ?, 1, 1)');
  for (let b = 1; b <= 60; b++) insertBrand.run(`69010${b}`, `69010${b}`, `品规${b}`);
  const insertOrder = s.prepare(
    'insert into orders (nk, date, retailer_id, retailer_ref, brand_id, brand_code, brand_name, quantity, wholesale_price, amount, created_batch_id, batch_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)',
  );
  const insertJournal = s.prepare('insert into journals (nk, date, manager_id, retailer_id, retailer_ref, method, content, created_batch_id, batch_id) values (?, ?, ?, ?, ?, ?, ?, 1, 1)');
  const day0 = Date.UTC(2025, 9, 1);
  for (let i = 0; i < ROWS; i++) {
    const date = new Date(day0 + Math.floor((i / ROWS) * 396) * 86_400_000).toISOString().slice(0, 10);
    const r = 1 + ((i * 7919) % 3000);
    const b = 1 + ((i * 31) % 60);
    const licence = `3709021${String(r).padStart(5, '0')}`;
    const q = 1 + (i % 37);
    insertOrder.run(`${date}|${licence}|${b}|${i}`, date, r, licence, b, `69010${b}`, `品规${b}`, q, 100 + b, q * (100 + b));
    insertJournal.run(`${i}`, date, 1 + (i % 30), r, licence, '走访', `${date} 走访零售户${r}号店，检查陈列、价签和货源情况，记录第${i}条。`);
  }
  s.exec('COMMIT');
  s.exec('ANALYZE');
  console.log(`filled ${ROWS} orders and ${ROWS} journals in ${Math.round(performance.now() - t0)} ms`);
}

const handlers = createHandlers({ store, now: () => new Date('2026-11-01T00:00:00Z'), workDir: dir });

async function time(label: string, arg: ApiArg<'data.rows'>): Promise<void> {
  const ms: number[] = [];
  let total: number | null = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const page = await data(handlers, 'data.rows', arg);
    ms.push(performance.now() - t);
    total = page.total;
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${String(Math.round((ms[2] ?? 0) * 10) / 10).padStart(7)} ms  (total ${total})`);
}

for (const kind of ['orders', 'journals'] as const) {
  await time(`${kind}: first page, by date desc (default)`, { kind, startRow: 0, endRow: 100 });
  await time(`${kind}: first page, by date asc`, { kind, startRow: 0, endRow: 100, sort: [{ colId: 'date', sort: 'asc' }] });
  await time(`${kind}: page at row 500,000, by date desc`, { kind, startRow: 500_000, endRow: 500_100 });
  await time(`${kind}: page at row 999,900, by date asc`, { kind, startRow: 999_900, endRow: 1_000_000, sort: [{ colId: 'date', sort: 'asc' }] });
  await time(`${kind}: month 2026-06, first page`, { kind, month: '2026-06', startRow: 0, endRow: 100 });
  await time(`${kind}: month 2026-06, page at row 50,000`, { kind, month: '2026-06', startRow: 50_000, endRow: 50_100 });
  await time(`${kind}: date inRange filter, first page`, {
    kind,
    startRow: 0,
    endRow: 100,
    filters: { date: { filterType: 'date', type: 'inRange', dateFrom: '2026-03-01 00:00:00', dateTo: '2026-03-10 00:00:00' } },
  });
  await time(`${kind}: licence equals, first page`, {
    kind,
    startRow: 0,
    endRow: 100,
    filters: { licence: { filterType: 'text', type: 'equals', filter: '370902100042' } },
  });
  await time(`${kind}: retailer name contains, first page`, {
    kind,
    startRow: 0,
    endRow: 100,
    filters: { retailerName: { filterType: 'text', type: 'contains', filter: '42号' } },
  });
  await time(`${kind}: quick filter, first page`, { kind, startRow: 0, endRow: 100, quickFilter: '1234号' });
  await time(`${kind}: quick filter within month 2026-06, first page`, { kind, month: '2026-06', startRow: 0, endRow: 100, quickFilter: '1234号' });
}
await time('orders: sorted by amount desc, first page', { kind: 'orders', startRow: 0, endRow: 100, sort: [{ colId: 'amount', sort: 'desc' }] });
await time('orders: month 2026-06 sorted by amount, first page', { kind: 'orders', month: '2026-06', startRow: 0, endRow: 100, sort: [{ colId: 'amount', sort: 'desc' }] });
await store.close();

import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/backend/db/openStore';
import { tempDir } from '../../../helpers/tempDir';
import { buildImportChild } from './buildImportChild';
import { writeCsv, type SheetCell } from '../../../helpers/writeSheets';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const KILLS = 8;
const DAYS_PER_FILE = 400;
const ROWS_PER_FILE = DAYS_PER_FILE * 20;

/** Order lines of 20 unknown retailers (kept unlinked) for the days [from, from + DAYS_PER_FILE). */
function writeOrders(file: string, from: number): string {
  const rows: SheetCell[][] = [['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量（条）', '批发价', '金额']];
  for (let n = from; n < from + DAYS_PER_FILE; n++) {
    const d = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000);
    const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    for (let r = 0; r < 20; r++) rows.push([date, `3709021100${String(r).padStart(2, '0')}`, '6901028001687', '中华(硬)', 1 + ((n + r) % 9), '375.00', '375.00']);
  }
  return writeCsv(file, rows, 'gb18030');
}

function facts(file: string) {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const one = (q: string) => Number((db.prepare(q).get() as { n: number }).n);
    return {
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
      orders: one('SELECT count(*) AS n FROM orders'),
      committedBatches: one("SELECT count(*) AS n FROM import_batches WHERE status = 'committed'"),
      indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The bulk path drops the orders indexes inside the import's transaction: a process killed
 * anywhere in it must leave the indexes, and no line of the batch, behind.
 */
describe('an import killed while its indexes are dropped', () => {
  const dir = tempDir('kaoping-bulkkill-');
  const databasePath = path.join(dir, 'kaoping.sqlite');
  let childScript = '';

  beforeAll(async () => {
    const child = await buildImportChild('durability-bulk-child');
    childScript = child.script;
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    await store.close();
    return child.remove;
  });

  async function run(file: string, killAfterMs: number | null): Promise<{ finished: boolean }> {
    const proc = spawn(process.execPath, [childScript, databasePath], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, KAOPING_BULK_MIN_ROWS: '2000' },
    });
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    const lines = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('ready');
    proc.stdin.write(`${file}\n`);
    expect((await lines.next()).value).toBe('go');
    let finished = false;
    const done = lines.next().then((line) => {
      if (line.done !== true && line.value.startsWith('done imported')) finished = true;
    });
    if (killAfterMs === null) {
      await done;
      proc.stdin.end();
    } else {
      await sleep(killAfterMs);
      proc.kill('SIGKILL');
    }
    await exited;
    return { finished };
  }

  it(`keeps the indexes and every batch all-or-nothing (${KILLS} kills)`, async () => {
    const full = facts(databasePath).indexes;
    const started = Date.now();
    expect((await run(writeOrders(path.join(dir, '订单明细_0.csv'), 0), null)).finished).toBe(true);
    const importMs = Date.now() - started;
    let before = facts(databasePath);
    expect(before.orders).toBe(ROWS_PER_FILE);
    let killedMidway = 0;
    for (let i = 1; i <= KILLS; i++) {
      const file = writeOrders(path.join(dir, `订单明细_${i}.csv`), i * DAYS_PER_FILE);
      // Spread over the import, the part with the indexes dropped included.
      const { finished } = await run(file, (importMs * i) / (KILLS + 1));
      if (!finished) killedMidway += 1;
      const after = facts(databasePath);
      expect(after.integrity, `integrity after kill ${i}`).toEqual(['ok']);
      expect(after.indexes, `orders indexes after kill ${i}`).toEqual(full);
      const grew = after.orders - before.orders;
      expect([0, ROWS_PER_FILE], `orders change after kill ${i}`).toContain(grew);
      expect(after.committedBatches - before.committedBatches).toBe(grew === 0 ? 0 : 1);
      before = after;
    }
    // The kill times are spread over the first import's duration, which a loaded machine stretches
    // or shrinks unevenly: ask only that some kill landed inside an import (the checks above are the
    // point), not how many.
    expect(killedMidway, `${killedMidway} of ${KILLS} kills landed before the import finished`).toBeGreaterThanOrEqual(1);
  }, 180_000);
});

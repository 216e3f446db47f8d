import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase, listBackups } from '../../../../src/backend/db/sqlite/backupDatabase';
import { openStore, StoreError } from '../../../../src/backend/db/openStore';
import { backupToFile, verifiedBackup } from '../../../../src/backend/db/sqlite/verifiedBackup';
import { importFile } from '../../../../src/backend/services/import/importFile';
import { tempDir } from '../../../helpers/tempDir';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');

describe('online backups', () => {
  const root = tempDir('kaoping-backups-');
  /** Each test its own folder, so each has its own backups/ folder. */
  const folder = (name: string): string => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };

  it('a backup taken while another connection writes passes integrity_check and holds whole transactions only', async () => {
    const databasePath = path.join(folder('other-writer'), 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const writer = new BetterSqlite3(databasePath);
    writer.pragma('busy_timeout = 10000');
    const insert = writer.prepare(
      "INSERT INTO import_batches (file_name, sha256, kind, imported_at) VALUES ('w.csv', 'x', 'brands', '2026-11-03T08:00:00Z')",
    );
    const chunk = writer.transaction(() => {
      for (let i = 0; i < 200; i += 1) insert.run();
    });
    let writing = true;
    let chunks = 0;
    const writes = (async () => {
      while (writing) {
        chunk();
        chunks += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (chunks < 5) await new Promise((resolve) => setImmediate(resolve));
    const file = await verifiedBackup(store.sqlite, databasePath, 'during-writes', now);
    writing = false;
    await writes;
    writer.close();
    await store.close();

    const copy = new BetterSqlite3(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = Number(copy.prepare('SELECT count(*) FROM import_batches').pluck().get());
    copy.close();
    expect(rows % 200).toBe(0);
    expect(rows).toBeGreaterThanOrEqual(5 * 200);
  });

  it('a backup asked for during an import on the same connection waits for it and holds no partial batch', async () => {
    const dir = folder('same-connection');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const big = writeBrandsCsv(path.join(dir, '品规目录_big.csv'), 0, 6000);
    // The backup is asked for from inside the import's transaction (its first progress report).
    let backup: Promise<string> | null = null;
    let askedInTransaction = false;
    const report = await importFile(store, big, {
      now,
      onProgress: () => {
        if (backup) return;
        askedInTransaction = store.sqlite.inTransaction;
        backup = verifiedBackup(store.sqlite, databasePath, 'during-import', now);
      },
    });
    expect(askedInTransaction).toBe(true);
    if (!backup) throw new Error('the import reported no progress');
    const file: string = await backup;
    await store.close();
    expect(report.status).toBe('imported');
    const facts = databaseFacts(file);
    expect(facts.integrity).toEqual(['ok']);
    expect(facts.batchesWithoutTheirRows).toBe(0);
    expect(facts.rowsWithoutBatch).toBe(0);
    expect(facts.brands).toBe(6000);
  });

  it('backupDatabase run inside a write transaction writes nothing; verifiedBackup waits and does', async () => {
    // Why verifiedBackup exists: SQLite's backup API on a connection that is inside a write
    // transaction ends at once, and better-sqlite3 reports success with 0 pages.
    const databasePath = path.join(folder('in-transaction'), 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    store.sqlite.exec('BEGIN IMMEDIATE');
    const silent = await backupDatabase(store.sqlite, databasePath, 'inside', now);
    expect(fs.existsSync(silent)).toBe(false);
    const waiting = verifiedBackup(store.sqlite, databasePath, 'waits', now);
    await new Promise((resolve) => setTimeout(resolve, 60));
    store.sqlite.exec('COMMIT');
    const file = await waiting;
    expect(databaseFacts(file).integrity).toEqual(['ok']);
    await expect(verifiedBackup(store.sqlite, databasePath, 'x', now, { idleTimeoutMs: 0 })).resolves.toBeTruthy();
    store.sqlite.exec('BEGIN IMMEDIATE');
    await expect(verifiedBackup(store.sqlite, databasePath, 'busy', now, { idleTimeoutMs: 50 })).rejects.toMatchObject({ code: 'busy' });
    store.sqlite.exec('ROLLBACK');
    await store.close();
  });

  it('a backup to a chosen file is checked, never left half-written, and never replaces the database', async () => {
    const dir = folder('chosen');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const target = path.join(dir, '我的备份.sqlite');
    expect(await backupToFile(store.sqlite, databasePath, target)).toBe(target);
    expect(databaseFacts(target).integrity).toEqual(['ok']);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);
    await expect(backupToFile(store.sqlite, databasePath, databasePath)).rejects.toMatchObject({ code: 'target_is_database' });
    await expect(backupToFile(store.sqlite, databasePath, `${databasePath}-wal`)).rejects.toMatchObject({ code: 'target_is_database' });
    await store.close();
  });

  it('keeps the newest 10 backups', async () => {
    const databasePath = path.join(folder('rotation'), 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    for (let i = 0; i < 12; i += 1) await verifiedBackup(store.sqlite, databasePath, `r${i}`, new Date(now.getTime() + i * 1000));
    await store.close();
    const kept = listBackups(databasePath).map((f) => path.basename(f));
    expect(kept).toHaveLength(10);
    expect(kept[0]).toContain('-r2.sqlite');
    expect(kept[9]).toContain('-r11.sqlite');
    // The read-only checks left no -wal/-shm files behind in the backups folder.
    expect(fs.readdirSync(path.dirname(listBackups(databasePath)[0] ?? '')).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });
});

describe('a database on a network share', () => {
  it('is refused with an explanation, before anything is created', async () => {
    for (const unc of ['\\\\server\\share\\考评\\kaoping.sqlite', '//nas/share/kaoping.sqlite']) {
      const refused = openStore(unc);
      await expect(refused).rejects.toBeInstanceOf(StoreError);
      await expect(refused).rejects.toMatchObject({ code: 'network_path' });
      await expect(refused).rejects.toThrow(/网络共享目录.*本机磁盘/);
    }
  });
});

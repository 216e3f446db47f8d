import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsFolder, listBackups } from '../../../../src/backend/db/sqlite/backupDatabase';
import { checkDatabase } from '../../../../src/backend/db/sqlite/checkDatabase';
import { openStore } from '../../../../src/backend/db/openStore';
import { finishInterruptedRestore, latestHealthyBackup, restoreBackup } from '../../../../src/backend/db/sqlite/restoreBackup';
import { verifiedBackup } from '../../../../src/backend/db/sqlite/verifiedBackup';
import { importFile } from '../../../../src/backend/services/import/importFile';
import { tempDir } from '../../../helpers/tempDir';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');

/** A database with `rows` brands, closed, and a backup of it; returns the paths. */
async function databaseWithBackup(dir: string, rows: number): Promise<{ databasePath: string; backup: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, 'kaoping.sqlite');
  const store = await openStore(databasePath, { backupBeforeMigrate: false });
  expect((await importFile(store, writeBrandsCsv(path.join(dir, 'a.csv'), 0, rows), { now })).status).toBe('imported');
  const backup = await verifiedBackup(store.sqlite, databasePath, 'test', now);
  await store.close();
  return { databasePath, backup };
}

/** Overwrites a run of pages in the middle of the file, as a failing disk or a bad copy would. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, 4096 * 3, Math.min(bytes.length, 4096 * 6));
  fs.writeFileSync(file, bytes);
}

describe('the start-up check', () => {
  const root = tempDir('kaoping-check-');

  it('finds a healthy file ok, a missing one missing, and damaged ones corrupt with the reason', async () => {
    const { databasePath } = await databaseWithBackup(path.join(root, 'a'), 2000);
    expect(checkDatabase(databasePath)).toEqual({ status: 'ok' });
    expect(checkDatabase(path.join(root, 'none.sqlite'))).toEqual({ status: 'missing' });

    damage(databasePath);
    const health = checkDatabase(databasePath);
    expect(health.status).toBe('corrupt');
    if (health.status === 'corrupt') {
      expect(health.problems.length).toBeGreaterThan(0);
      expect(health.message).toContain('损坏');
    }

    const notADatabase = path.join(root, 'text.sqlite');
    fs.writeFileSync(notADatabase, 'this is a spreadsheet, not a database '.repeat(200));
    expect(checkDatabase(notADatabase).status).toBe('corrupt');
  });

  it('writes nothing to the file it checks', async () => {
    const { databasePath } = await databaseWithBackup(path.join(root, 'b'), 100);
    damage(databasePath);
    const bytes = fs.readFileSync(databasePath);
    checkDatabase(databasePath);
    checkDatabase(databasePath, { full: true });
    expect(fs.readFileSync(databasePath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(databasePath)).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });
});

describe('restoring a backup', () => {
  const root = tempDir('kaoping-restore-');

  it('puts the latest healthy backup in place and keeps the damaged file, byte for byte, beside it', async () => {
    const { databasePath, backup } = await databaseWithBackup(path.join(root, 'a'), 1500);
    // A later backup cut short (a crash while it was written) is not offered.
    const cutShort = path.join(backupsFolder(databasePath), 'kaoping-20991231-235959-999-cut.sqlite');
    fs.writeFileSync(cutShort, fs.readFileSync(backup).subarray(0, 4096 * 2));
    expect(listBackups(databasePath).at(-1)).toBe(cutShort);
    expect(latestHealthyBackup(databasePath)).toBe(backup);

    damage(databasePath);
    const damaged = fs.readFileSync(databasePath);
    const result = await restoreBackup(backup, databasePath, { now, reason: 'damaged' });

    expect(result.setAside).toMatch(/kaoping-damaged-20261103-080000\.sqlite$/);
    expect(fs.readFileSync(result.setAside ?? '').equals(damaged)).toBe(true);
    expect(checkDatabase(databasePath)).toEqual({ status: 'ok' });
    expect(databaseFacts(databasePath).brands).toBe(1500);
    expect(fs.readdirSync(path.dirname(databasePath)).filter((f) => f.includes('.restoring-'))).toEqual([]);

    // The restored file opens as the app opens it; a second restore sets the first aside under a new name.
    const store = await openStore(databasePath);
    await store.close();
    const second = await restoreBackup(backup, databasePath, { now, reason: 'replaced' });
    expect(second.setAside).toMatch(/kaoping-replaced-20261103-080000\.sqlite$/);
    const third = await restoreBackup(backup, databasePath, { now, reason: 'replaced' });
    expect(third.setAside).toMatch(/kaoping-replaced-20261103-080000-2\.sqlite$/);
  });

  it('refuses a damaged backup and leaves the database untouched', async () => {
    const { databasePath, backup } = await databaseWithBackup(path.join(root, 'b'), 800);
    damage(backup);
    const bytes = fs.readFileSync(databasePath);
    await expect(restoreBackup(backup, databasePath, { now, reason: 'replaced' })).rejects.toMatchObject({ code: 'backup_damaged' });
    await expect(restoreBackup(path.join(root, 'gone.sqlite'), databasePath, { now, reason: 'replaced' })).rejects.toMatchObject({
      code: 'backup_missing',
    });
    expect(fs.readFileSync(databasePath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(databasePath)).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('finishes a restore cut off between moving the old file aside and renaming the copy', async () => {
    const { databasePath, backup } = await databaseWithBackup(path.join(root, 'c'), 600);
    const dir = path.dirname(databasePath);
    // The state a crash at that moment leaves: the old file aside, the checked copy under its temporary name.
    fs.renameSync(databasePath, path.join(dir, 'kaoping-replaced-20261103-080000.sqlite'));
    fs.copyFileSync(backup, path.join(dir, 'kaoping.restoring-20261103-080000.sqlite'));
    fs.writeFileSync(path.join(dir, 'kaoping.restoring-20261103-070000.sqlite'), 'half a copy');

    expect(finishInterruptedRestore(databasePath)).toMatch(/kaoping\.restoring-20261103-080000\.sqlite$/);
    expect(databaseFacts(databasePath).brands).toBe(600);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restoring-'))).toEqual([]);
    expect(finishInterruptedRestore(databasePath)).toBeNull();
  });
});

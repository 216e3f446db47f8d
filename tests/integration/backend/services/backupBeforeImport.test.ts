// SQLite only (not in vitest.config.mts's postgres project): online backups of the database file (a server is backed up by pg_dump / PITR).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../../src/backend/db/sqlite/backupDatabase';
import { openStore } from '../../../../src/backend/db/openStore';
import { createHandlers } from '../../../../src/backend/handlers';
import { diskFullMessage, isDiskFull } from '../../../../src/backend/services/import/diskFullMessage';
import { importFile } from '../../../../src/backend/services/import/importFile';
import type { UploadedFile } from '../../../../src/shared/api/schemas';
import { tempDir } from '../../../helpers/tempDir';
import { call, data } from '../../../helpers/invoke';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');

function upload(file: string): UploadedFile {
  return { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
}

describe('backups before every import (the backupFirst policy, every host)', () => {
  const root = tempDir('kaoping-before-');

  it('backs up before import-like calls once there is data, and the backup holds the state before the import', async () => {
    const dir = path.join(root, 'a');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const taken: string[] = [];
    const handlers = createHandlers({ store, now: () => now, workDir: dir, onBackup: (file) => taken.push(file) });

    // Nothing imported yet: nothing to lose, no backup (it would rotate real ones out).
    await data(handlers, 'import.run', { jobId: 'a', files: [upload(writeBrandsCsv(path.join(dir, 'b1.csv'), 1000, 400))] });
    expect(listBackups(databasePath)).toHaveLength(0);

    await data(handlers, 'import.run', { jobId: 'b', files: [upload(writeBrandsCsv(path.join(dir, 'b2.csv'), 2000, 400))] });
    expect(listBackups(databasePath)).toHaveLength(1);
    await data(handlers, 'import.batches', {});
    expect(listBackups(databasePath)).toHaveLength(1);
    await data(handlers, 'import.undo', { batchId: 1 });
    expect(listBackups(databasePath)).toHaveLength(2);
    expect(taken).toHaveLength(2);

    const [firstBackup] = listBackups(databasePath).sort();
    expect(databaseFacts(firstBackup ?? '').brands).toBe(400);
    expect(databaseFacts(databasePath).brands).toBe(400);
    await handlers.close();
    await store.close();
  });

  it('does not import when the backup fails, and says why', async () => {
    const dir = path.join(root, 'b');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    await importFile(store, writeBrandsCsv(path.join(dir, 'b.csv'), 0, 50), { now });
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    const handlers = createHandlers({ store, now: () => now, workDir: dir });
    const result = await call(handlers, 'import.run', { jobId: 'c', files: [upload(writeBrandsCsv(path.join(dir, 'c.csv'), 100, 50))] });
    await handlers.close();
    await store.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'backup_failed' } });
    if (!result.ok) expect(result.error.message).toContain('没有导入');
    expect(databaseFacts(databasePath).brands).toBe(50);
  });

  it('knows a full disk by SQLite\'s and the file system\'s words, and words it once', () => {
    const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(isDiskFull(sqliteFull)).toBe(true);
    expect(isDiskFull(noSpace)).toBe(true);
    expect(isDiskFull(new Error('SQLITE_BUSY: database is locked'))).toBe(false);
    expect(diskFullMessage(sqliteFull)).toMatch(/^磁盘空间不足.*（database or disk is full）$/);
  });
});

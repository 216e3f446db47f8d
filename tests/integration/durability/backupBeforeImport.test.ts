import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/backend/db/backupDatabase';
import { openStore } from '../../../src/backend/db/openStore';
import { BACKUP_BEFORE, withBackupBeforeImport, type ContractInvoke } from '../../../src/backend/services/backupBeforeImport';
import { diskFullMessage, isDiskFull } from '../../../src/backend/services/import/diskFullMessage';
import { importFile } from '../../../src/backend/services/import/importFile';
import type { ApiName } from '../../../src/shared/api/kaopingApi';
import { ok } from '../../../src/shared/api/result';
import { tempDir } from '../../helpers/tempDir';
import { writeBrandsCsv } from './brandsCsv';
import { databaseFacts } from './databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');
const ctx = { emit: () => undefined };

describe('backups before every import (desktop app)', () => {
  const root = tempDir('kaoping-before-');

  it('backs up before import-like calls once there is data, and the backup holds the state before the import', async () => {
    const dir = path.join(root, 'a');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const calls: { name: ApiName; backupsSeen: number }[] = [];
    let file = 0;
    const inner: ContractInvoke = async (name) => {
      calls.push({ name, backupsSeen: listBackups(databasePath).length });
      if (name !== 'import.run') return ok({});
      file += 1;
      return ok([await importFile(store, writeBrandsCsv(path.join(dir, `b${file}.csv`), file * 1000, 400), { now })]);
    };
    const invoke = withBackupBeforeImport(inner, { store: () => store, now: () => now });

    // Nothing imported yet: nothing to lose, no backup (it would rotate real ones out).
    expect((await invoke('import.run', {}, ctx)).ok).toBe(true);
    expect(listBackups(databasePath)).toHaveLength(0);

    await invoke('import.run', {}, ctx);
    await invoke('import.batches', {}, ctx);
    await invoke('import.undo', { batchId: 1 }, ctx);
    expect(calls.map((c) => [c.name, c.backupsSeen])).toEqual([
      ['import.run', 0],
      ['import.run', 1],
      ['import.batches', 1],
      ['import.undo', 2],
    ]);
    const [firstBackup] = listBackups(databasePath);
    expect(databaseFacts(firstBackup ?? '').brands).toBe(400);
    expect(databaseFacts(databasePath).brands).toBe(800);
    expect(BACKUP_BEFORE).toEqual(expect.arrayContaining(['import.run', 'import.undo', 'app.loadDemo']));
    await store.close();
  });

  it('does not import when the backup fails, and says why', async () => {
    const dir = path.join(root, 'b');
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    await importFile(store, writeBrandsCsv(path.join(dir, 'b.csv'), 0, 50), { now });
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    let called = false;
    const invoke = withBackupBeforeImport(
      async () => {
        called = true;
        return ok([]);
      },
      { store: () => store, now: () => now },
    );
    const result = await invoke('import.run', {}, ctx);
    await store.close();
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'backup_failed' } });
    if (!result.ok) expect(result.error.message).toContain('没有导入');
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

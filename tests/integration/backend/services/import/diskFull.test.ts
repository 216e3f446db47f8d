// SQLite only (not in vitest.config.mts's postgres project): a full disk under the SQLite file and its rollback.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../../../src/backend/db/sqlite/backupDatabase';
import { openStore } from '../../../../../src/backend/db/openStore';
import { createHandlers } from '../../../../../src/backend/handlers';
import { DISK_FULL_MESSAGE } from '../../../../../src/backend/services/import/diskFullMessage';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { call } from '../../../../helpers/invoke';
import { tempDir } from '../../../../helpers/tempDir';
import { writeBrandsCsv } from '../../../../helpers/brandsCsv';
import { databaseFacts } from '../../../../helpers/databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');

describe('a full disk during an import', () => {
  const dir = tempDir('kaoping-full-');

  it('rolls the import back, leaves the database as it was and tells the user why', async () => {
    const databasePath = path.join(dir, 'kaoping.sqlite');
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    const first = await importFile(store, writeBrandsCsv(path.join(dir, '品规目录_1.csv'), 0, 300), { now });
    expect(first.status).toBe('imported');
    const before = databaseFacts(databasePath);

    // The connection the import uses may grow the file by a few pages only: a disk that fills up.
    const pages = Number(store.sqlite.pragma('page_count', { simple: true }));
    store.sqlite.pragma(`max_page_count = ${pages + 4}`);
    const big = writeBrandsCsv(path.join(dir, '品规目录_2.csv'), 10_000, 5000);
    // Through the contract, as every host calls it: a backup first (the disk of the backups folder is not full).
    const handlers = createHandlers({ store, now: () => now, workDir: dir });
    const result = await call(handlers, 'import.run', { jobId: 'full', files: [{ fileName: path.basename(big), bytes: new Uint8Array(fs.readFileSync(big)) }] });
    await handlers.close();

    expect(result.ok).toBe(true);
    const [report] = result.ok ? result.data : [];
    expect(report?.status).toBe('refused');
    expect(report?.batchId).toBeNull();
    expect(report?.message).toContain(DISK_FULL_MESSAGE);
    expect(report?.message).toMatch(/disk is full/);
    expect(store.sqlite.inTransaction).toBe(false);
    expect(databaseFacts(databasePath)).toEqual(before);
    expect(listBackups(databasePath)).toHaveLength(1);

    // The connection is still usable: with room again, the same file imports.
    store.sqlite.pragma('max_page_count = 1073741823');
    const again = await importFile(store, big, { now });
    await store.close();
    expect(again.status).toBe('imported');
    expect(databaseFacts(databasePath).brands).toBe(before.brands + 5000);
  });
});

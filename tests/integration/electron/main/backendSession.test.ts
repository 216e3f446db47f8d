import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendSession, BusyError, preflight, recoverDamagedDatabase } from '../../../../electron/main/backendSession';
import { createLog } from '../../../../electron/main/logFile';
import { listBackups } from '../../../../src/backend/db/sqlite/backupDatabase';
import { checkDatabase } from '../../../../src/backend/db/sqlite/checkDatabase';
import type { FileImportReport } from '../../../../src/shared/importReport';
import { tempDir } from '../../../helpers/tempDir';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const ctx = { emit: () => undefined };

function upload(file: string) {
  return { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
}

/** The desktop app's backend (what Electron's main runs), on a real database, without Electron. */
function session(dir: string): BackendSession {
  fs.mkdirSync(dir, { recursive: true });
  return new BackendSession({ databasePath: path.join(dir, 'kaoping.sqlite'), workDir: dir, log: createLog(path.join(dir, 'logs', 'kaoping.log')) });
}

async function importBrands(backend: BackendSession, file: string): Promise<FileImportReport> {
  const result = await backend.invoke('import.run', { jobId: `j-${path.basename(file)}`, files: [upload(file)] }, ctx);
  if (!result.ok) throw new Error(result.error.message);
  const [report] = result.data as FileImportReport[];
  if (!report) throw new Error('no report');
  return report;
}

describe('the desktop backend session', () => {
  const root = tempDir('kaoping-session-');

  it('answers the contract, backs up before imports, restores a backup and keeps the file it replaced', async () => {
    const dir = path.join(root, 'a');
    const backend = session(dir);
    expect(preflight(backend.databasePath, createLog(path.join(dir, 'x.log')))).toEqual({ kind: 'ready' });
    await backend.open();

    const info = await backend.invoke('app.info', {}, ctx);
    expect(info).toMatchObject({ ok: true, data: { databasePath: backend.databasePath, empty: true } });
    expect(await backend.invoke('app.info', { unexpected: 1 }, ctx)).toMatchObject({ ok: true });
    expect(await backend.invoke('import.undo', { batchId: -1 }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    expect((await importBrands(backend, writeBrandsCsv(path.join(dir, 'b1.csv'), 0, 300))).status).toBe('imported');
    expect(listBackups(backend.databasePath)).toHaveLength(0);
    expect((await importBrands(backend, writeBrandsCsv(path.join(dir, 'b2.csv'), 1000, 200))).status).toBe('imported');
    const [beforeSecond] = listBackups(backend.databasePath);
    expect(databaseFacts(beforeSecond ?? '').brands).toBe(300);

    const restored = await backend.restore(beforeSecond ?? '');
    expect(databaseFacts(backend.databasePath).brands).toBe(300);
    expect(databaseFacts(restored.setAside ?? '').brands).toBe(500);
    expect(databaseFacts(restored.safetyBackup).brands).toBe(500);
    // The reopened store answers.
    expect(await backend.invoke('app.info', {}, ctx)).toMatchObject({ ok: true, data: { empty: true } });
    await backend.close();
    // Every connection is closed (the store's and the handlers' reader): SQLite removed the WAL.
    expect(fs.readdirSync(dir).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'logs', 'kaoping.log'), 'utf8')).toMatch(/backup before import: .*before-import-run/);
  });

  it('refuses to restore while a call is running', async () => {
    const backend = session(path.join(root, 'b'));
    await backend.open();
    const running = backend.invoke('app.info', {}, ctx);
    expect(backend.busy).toBe(true);
    await expect(backend.restore('/nowhere.sqlite')).rejects.toBeInstanceOf(BusyError);
    await running;
    expect(backend.busy).toBe(false);
    await backend.close();
  });

  it('after a failed start-up check: restores the newest healthy backup, or starts empty, keeping the damaged file', async () => {
    const dir = path.join(root, 'c');
    const backend = session(dir);
    const log = createLog(path.join(dir, 'logs', 'kaoping.log'));
    await backend.open();
    await importBrands(backend, writeBrandsCsv(path.join(dir, 'b1.csv'), 0, 400));
    await importBrands(backend, writeBrandsCsv(path.join(dir, 'b2.csv'), 1000, 400));
    await backend.close();

    const bytes = fs.readFileSync(backend.databasePath);
    bytes.fill(0x33, 4096 * 4, 4096 * 8);
    fs.writeFileSync(backend.databasePath, bytes);
    const found = preflight(backend.databasePath, log);
    expect(found.kind).toBe('corrupt');
    if (found.kind !== 'corrupt' || !found.latestBackup) throw new Error('expected a damaged database with a backup');

    const aside = await recoverDamagedDatabase(backend.databasePath, { kind: 'restore', backup: found.latestBackup }, new Date(), log);
    expect(fs.readFileSync(aside ?? '').equals(bytes)).toBe(true);
    expect(checkDatabase(backend.databasePath)).toEqual({ status: 'ok' });
    expect(databaseFacts(backend.databasePath).brands).toBe(400);

    fs.writeFileSync(backend.databasePath, bytes);
    const again = await recoverDamagedDatabase(backend.databasePath, { kind: 'startEmpty' }, new Date(Date.now() + 1000), log);
    expect(fs.existsSync(again ?? '')).toBe(true);
    expect(fs.existsSync(backend.databasePath)).toBe(false);
    await backend.open();
    expect(await backend.invoke('app.info', {}, ctx)).toMatchObject({ ok: true, data: { empty: true } });
    await backend.close();
    expect(fs.readFileSync(path.join(dir, 'logs', 'kaoping.log'), 'utf8')).toMatch(/found damage/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { BACKUPS_KEPT, backupsFolder, listBackups } from './backupDatabase';
import { checkDatabase } from './checkDatabase';

class BackupError extends Error {
  constructor(
    readonly code: 'busy' | 'failed' | 'target_is_database',
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface VerifiedBackupOptions {
  /** How long to wait for a write transaction on this connection to end (default 30 minutes). */
  idleTimeoutMs?: number;
}

const POLL_MS = 25;
/** Pages per backup step after the first: all of them, so another connection's writes cannot restart it. */
const ALL_PAGES = 0x7fffffff;

/**
 * SQLite's online backup in one step: a writer on another connection between steps would restart
 * a stepwise backup (forever, under steady writes). The one step holds a read snapshot; writers
 * in WAL mode carry on meanwhile.
 */
async function copyDatabase(sqlite: BetterSqlite3.Database, target: string): Promise<void> {
  await sqlite.backup(target, { progress: () => ALL_PAGES });
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** A backups-folder name listBackups recognises, not taken yet. */
function backupName(databasePath: string, reason: string, now: Date): string {
  const folder = backupsFolder(databasePath);
  for (let ms = now.getTime(); ; ms += 1) {
    const file = path.join(folder, `kaoping-${stamp(new Date(ms))}-${reason.replace(/[^\w-]/g, '-')}.sqlite`);
    if (!fs.existsSync(file)) return file;
  }
}

/**
 * Resolves when the connection has no open transaction. SQLite's backup API, run on the same
 * connection while it is inside a write transaction, ends at once with nothing written
 * (better-sqlite3 reports 0 pages and creates no file), so every backup waits for this first.
 */
async function waitForIdle(sqlite: BetterSqlite3.Database, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (sqlite.inTransaction) {
    if (Date.now() > until) throw new BackupError('busy', '数据库正在写入（例如正在导入），请等当前任务完成后再备份。');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function isGood(file: string): boolean {
  return fs.existsSync(file) && checkDatabase(file).status === 'ok';
}

/**
 * An online backup into the backups folder (named and rotated like backupDatabase's: the newest
 * 10 are kept) that is known to be there and readable afterwards: waits for the connection to be
 * idle, copies in one step, checks the copy with `quick_check`, and tries once more if a write on
 * this connection slipped in before the copy began.
 */
export async function verifiedBackup(
  sqlite: BetterSqlite3.Database,
  databasePath: string,
  reason: string,
  now: Date,
  opts: VerifiedBackupOptions = {},
): Promise<string> {
  const timeout = opts.idleTimeoutMs ?? 30 * 60_000;
  fs.mkdirSync(backupsFolder(databasePath), { recursive: true });
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await waitForIdle(sqlite, timeout);
    const file = backupName(databasePath, reason, now);
    try {
      await copyDatabase(sqlite, file);
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw new BackupError('failed', `备份没有成功：${err instanceof Error ? err.message : String(err)}`);
    }
    if (isGood(file)) {
      rotate(databasePath);
      return file;
    }
    fs.rmSync(file, { force: true });
  }
  throw new BackupError('failed', '备份没有成功：生成的备份文件不完整。请稍后再试。');
}

function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}

/**
 * An online backup to a file the user chose (a USB stick, another folder). Written under a
 * temporary name first and renamed when it checks out, so an interrupted backup never looks
 * complete. Refuses the database itself and its -wal/-shm/-journal files.
 */
export async function backupToFile(
  sqlite: BetterSqlite3.Database,
  databasePath: string,
  target: string,
  opts: VerifiedBackupOptions = {},
): Promise<string> {
  for (const own of ['', '-wal', '-shm', '-journal']) {
    if (sameFile(target, databasePath + own)) {
      throw new BackupError('target_is_database', '不能把备份保存为正在使用的数据库文件本身，请换一个文件名或文件夹。');
    }
  }
  const temp = `${target}.part-${process.pid}`;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await waitForIdle(sqlite, opts.idleTimeoutMs ?? 30 * 60_000);
    fs.rmSync(temp, { force: true });
    try {
      await copyDatabase(sqlite, temp);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw new BackupError('failed', `备份没有成功：${err instanceof Error ? err.message : String(err)}`);
    }
    if (isGood(temp)) {
      fs.renameSync(temp, target);
      return target;
    }
  }
  fs.rmSync(temp, { force: true });
  throw new BackupError('failed', '备份没有成功：生成的备份文件不完整。请稍后再试。');
}

function rotate(databasePath: string): void {
  const all = listBackups(databasePath);
  for (const file of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) fs.rmSync(file, { force: true });
}

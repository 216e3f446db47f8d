import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { listBackups } from './backupDatabase';
import { checkDatabase } from './checkDatabase';

class RestoreError extends Error {
  constructor(
    readonly code: 'backup_missing' | 'backup_damaged' | 'copy_failed',
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreResult {
  /** The backup the database now holds. */
  restoredFrom: string;
  databasePath: string;
  /** Where the file that was replaced now is (with its -wal/-shm, if any); null when there was none. */
  setAside: string | null;
}

export interface RestoreOptions {
  now: Date;
  /** Names the file that is moved aside: '…-damaged-…' after a failed check, '…-replaced-…' otherwise. */
  reason: 'damaged' | 'replaced';
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

function baseName(databasePath: string): string {
  return path.basename(databasePath).replace(/\.(sqlite3?|db)$/i, '');
}

function restoringPrefix(databasePath: string): string {
  return `${baseName(databasePath)}.restoring-`;
}

/** A name next to `file` that does not exist yet: name-<stamp>.sqlite, name-<stamp>-2.sqlite, … */
function freshName(dir: string, stem: string): string {
  for (let i = 1; ; i += 1) {
    const candidate = path.join(dir, `${stem}${i === 1 ? '' : `-${i}`}.sqlite`);
    if (!SIDE_FILES.some((s) => fs.existsSync(candidate + s)) && !fs.existsSync(candidate)) return candidate;
  }
}

/**
 * The newest backup that passes `PRAGMA quick_check` (a backup cut short by a crash or a full
 * disk is skipped), or null.
 */
export function latestHealthyBackup(databasePath: string): string | null {
  for (const file of [...listBackups(databasePath)].reverse()) {
    if (checkDatabase(file).status === 'ok') return file;
  }
  return null;
}

/**
 * Puts a backup in place of the database without ever overwriting or deleting the current file:
 * 1. the backup is checked (`integrity_check`) and copied through SQLite's backup API into a new
 *    file `<name>.restoring-<stamp>.sqlite` beside the database, which is checked again;
 * 2. the current database (and its -wal/-shm) is renamed to `<name>-damaged|replaced-<stamp>.sqlite`;
 * 3. the new file is renamed to the database's name.
 * Renames on one volume are atomic; a crash between 2 and 3 is finished by finishInterruptedRestore.
 * Every connection to databasePath must be closed first.
 */
export async function restoreBackup(backupFile: string, databasePath: string, opts: RestoreOptions): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new RestoreError('backup_missing', `找不到备份文件：${backupFile}`);
  const health = checkDatabase(backupFile, { full: true });
  if (health.status !== 'ok') {
    const why = health.status === 'corrupt' || health.status === 'unreadable' ? health.message : '文件为空';
    throw new RestoreError('backup_damaged', `备份文件不能用来恢复：${why}`);
  }
  const dir = path.dirname(path.resolve(databasePath));
  fs.mkdirSync(dir, { recursive: true });
  const temp = freshName(dir, `${restoringPrefix(databasePath)}${stamp(opts.now)}`);
  const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new RestoreError('copy_failed', `复制备份时出错：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    source.close();
  }
  const copied = checkDatabase(temp, { full: true });
  if (copied.status !== 'ok') {
    fs.rmSync(temp, { force: true });
    throw new RestoreError('copy_failed', '复制出的数据库没有通过完整性检查，已放弃恢复，原数据库未改动。');
  }

  const setAside = setDatabaseAside(databasePath, opts);
  fs.renameSync(temp, databasePath);
  return { restoredFrom: backupFile, databasePath, setAside };
}

/**
 * Renames the database (with its -wal/-shm/-journal, so the set stays readable) to
 * `<name>-damaged|replaced-<stamp>.sqlite` beside it; nothing is deleted or overwritten. Returns
 * the new name, or null when there was no database. Every connection to it must be closed first.
 */
export function setDatabaseAside(databasePath: string, opts: RestoreOptions): string | null {
  if (!fs.existsSync(databasePath)) return null;
  const dir = path.dirname(path.resolve(databasePath));
  const setAside = freshName(dir, `${baseName(databasePath)}-${opts.reason}-${stamp(opts.now)}`);
  // Side files first: a crash in between leaves no stray -wal under the old name, where SQLite
  // would pair it with whatever file takes that name next.
  for (const side of SIDE_FILES) {
    if (fs.existsSync(databasePath + side)) fs.renameSync(databasePath + side, setAside + side);
  }
  fs.renameSync(databasePath, setAside);
  return setAside;
}

/**
 * Run at start, before the database is opened. When a restore was cut off after the old file was
 * moved aside and before the copy took its name, the copy (already checked) takes the name now.
 * Copies left over from a restore cut off earlier are removed (the backup they came from remains).
 * Returns the file that was put in place, or null.
 */
export function finishInterruptedRestore(databasePath: string): string | null {
  const dir = path.dirname(path.resolve(databasePath));
  if (!fs.existsSync(dir)) return null;
  const prefix = restoringPrefix(databasePath);
  const leftovers = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .sort()
    .map((f) => path.join(dir, f));
  if (leftovers.length === 0) return null;
  let placed: string | null = null;
  if (!fs.existsSync(databasePath)) {
    for (const file of [...leftovers].reverse()) {
      if (checkDatabase(file, { full: true }).status === 'ok') {
        fs.renameSync(file, databasePath);
        placed = file;
        break;
      }
    }
  }
  for (const file of leftovers) {
    if (file !== placed) fs.rmSync(file, { force: true });
  }
  return placed;
}

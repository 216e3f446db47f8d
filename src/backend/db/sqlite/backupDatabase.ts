import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export const BACKUPS_KEPT = 10;

export function backupsFolder(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/**
 * An online backup through SQLite's backup API (never a raw copy of an open WAL database),
 * then rotation so that the newest BACKUPS_KEPT remain.
 */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  databasePath: string,
  reason: string,
  now: Date,
): Promise<string> {
  const folder = backupsFolder(databasePath);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `kaoping-${stamp(now)}-${reason}.sqlite`);
  await sqlite.backup(target);
  rotateBackups(folder);
  return target;
}

export function listBackups(databasePath: string): string[] {
  const folder = backupsFolder(databasePath);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => /^kaoping-\d{8}-\d{6}-\d{3}-.*\.sqlite$/.test(f))
    .sort()
    .map((f) => path.join(folder, f));
}

function rotateBackups(folder: string): void {
  const all = fs
    .readdirSync(folder)
    .filter((f) => /^kaoping-\d{8}-\d{6}-\d{3}-.*\.sqlite$/.test(f))
    .sort();
  for (const f of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) fs.rmSync(path.join(folder, f));
}

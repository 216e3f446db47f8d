import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export type DatabaseHealth =
  | { status: 'missing' }
  | { status: 'ok' }
  /** SQLite says the file is damaged (or is not a database at all). */
  | { status: 'corrupt'; problems: string[]; message: string }
  /** The file could not be checked (locked by another program, no permission, …); not known to be damaged. */
  | { status: 'unreadable'; message: string };

export interface CheckDatabaseOptions {
  /** `PRAGMA integrity_check` (slower, also checks indexes' contents) instead of `quick_check`. */
  full?: boolean;
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);
const MAX_PROBLEMS = 20;

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
}

function corrupt(problems: string[]): DatabaseHealth {
  return {
    status: 'corrupt',
    problems,
    message: `数据库文件已损坏（SQLite 检查发现 ${problems.length} 处问题）。损坏的文件会原样保留，可以用最近的备份恢复。`,
  };
}

/**
 * Checks a database file before the app opens it for writing: `PRAGMA quick_check` on a
 * read-only connection, so a damaged file is never written to (no WAL checkpoint, no migration).
 */
export function checkDatabase(file: string, opts: CheckDatabaseOptions = {}): DatabaseHealth {
  if (!fs.existsSync(file)) return { status: 'missing' };
  if (fs.statSync(file).size === 0) return { status: 'ok' };
  // A read-only connection to a WAL-mode file (backups are copies of one) creates an empty -wal
  // and a -shm it cannot remove on close; remove the ones this check created, when still empty.
  const created = ['-wal', '-shm'].filter((s) => !fs.existsSync(file + s));
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma(opts.full ? 'integrity_check' : 'quick_check') as Record<string, unknown>[];
    const messages = rows.map((r) => String(Object.values(r)[0] ?? ''));
    if (messages.length === 1 && messages[0] === 'ok') return { status: 'ok' };
    return corrupt(messages.slice(0, MAX_PROBLEMS));
  } catch (err) {
    const code = errorCode(err);
    const text = err instanceof Error ? err.message : String(err);
    if (CORRUPTION_CODES.has(code) || /malformed|not a database|corrupt/i.test(text)) return corrupt([text]);
    return { status: 'unreadable', message: `无法检查数据库文件（${text}）。文件可能正被其他程序占用，或没有读取权限。` };
  } finally {
    sqlite?.close();
    if (created.includes('-wal') && fs.existsSync(file + '-wal') && fs.statSync(file + '-wal').size === 0) {
      fs.rmSync(file + '-wal', { force: true });
      if (created.includes('-shm')) fs.rmSync(file + '-shm', { force: true });
    }
  }
}

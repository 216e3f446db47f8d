import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../src/backend/db/defaultDatabasePath';
import { isNetworkPath } from '../../src/backend/db/openStore';

export type DatabaseLocation =
  | { ok: true; path: string; note: string | null }
  | { ok: false; path: string; reason: string };

export interface DatabaseLocationInput {
  /** Electron's app.getPath('userData'). */
  userData: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

const NETWORK_REASON =
  'SQLite 的 WAL 模式在网络共享目录上不可靠，数据可能损坏。请把数据放在本机磁盘上（例如设置环境变量 KAOPING_DB 为本机磁盘上的文件路径）。';

/**
 * Where the desktop app keeps its database: KAOPING_DB when set (as for the command line), else
 * kaoping.sqlite in the userData folder. Offices often redirect the roaming profile (%APPDATA%)
 * to a server share; then the database goes to the local profile (%LOCALAPPDATA%) instead, and
 * the note says so. A network path that cannot be avoided is refused with the reason.
 */
export function databaseLocation({ userData, env, platform }: DatabaseLocationInput): DatabaseLocation {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const chosen = env.KAOPING_DB;
  if (chosen) {
    const file = p.resolve(chosen);
    if (isNetworkPath(chosen)) return { ok: false, path: chosen, reason: `数据库文件不能放在网络共享目录（${chosen}）。${NETWORK_REASON}` };
    return { ok: true, path: file, note: null };
  }
  const inUserData = p.join(userData, DATABASE_FILE_NAME);
  if (!isNetworkPath(userData)) return { ok: true, path: inUserData, note: null };
  const local = platform === 'win32' ? env.LOCALAPPDATA : undefined;
  if (local && !isNetworkPath(local)) {
    const file = p.join(local, p.basename(userData), DATABASE_FILE_NAME);
    return { ok: true, path: file, note: `用户配置文件夹在网络共享上（${userData}），数据库改放在本机：${file}` };
  }
  return { ok: false, path: inUserData, reason: `用户配置文件夹在网络共享目录上（${userData}）。${NETWORK_REASON}` };
}

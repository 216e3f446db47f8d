import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for its userData folder (package.json productName). */
export const APP_FOLDER_NAME = '考评工作台';
export const DATABASE_FILE_NAME = 'kaoping.sqlite';

/**
 * Where the desktop app keeps its database: Electron's userData folder, computed without
 * importing Electron so that the CLI finds the same file.
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KAOPING_DB) return env.KAOPING_DB;
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, APP_FOLDER_NAME, DATABASE_FILE_NAME);
}

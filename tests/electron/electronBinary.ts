import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

function executableName(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * The Electron executable, found the way the electron package finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), WITHOUT requiring the package: its index.js downloads the binary
 * when missing, and Playwright's launch crashes the process when there is none.
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): ElectronBinary {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? executableName(platform));
    return fs.existsSync(file) ? { found: true, path: file } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${file}` };
  }
  if (!fs.existsSync(pkg)) return { found: false, reason: 'the electron package is not installed' };
  if (relative === null) {
    return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; npm start downloads it on a PC with internet)' };
  }
  const file = path.join(pkg, 'dist', relative);
  return fs.existsSync(file) ? { found: true, path: file } : { found: false, reason: `node_modules/electron/dist/${relative} is missing` };
}

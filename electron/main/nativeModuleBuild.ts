import fs from 'node:fs';
import path from 'node:path';

/**
 * Which runtime better-sqlite3's compiled module is for. Node and Electron use different
 * NODE_MODULE_VERSIONs (the ABI: Node 20 is 115, Electron 45 is 150); a module built for one
 * does not load in the other. Nothing here loads the module or Electron.
 */

/** Where better-sqlite3's compiled module lives (node-gyp's output folder). */
function betterSqliteBinary(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/**
 * The NODE_MODULE_VERSION a compiled module was built for, read from its exported entry symbol
 * `node_register_module_v<N>` (the same name in ELF, PE and Mach-O files), or null.
 */
export function moduleVersionOfBinary(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = /node_register_module_v(\d{2,4})/.exec(text);
  return found?.[1] ? Number(found[1]) : null;
}

export function builtModuleVersion(projectRoot: string): number | null {
  const file = betterSqliteBinary(projectRoot);
  if (!fs.existsSync(file)) return null;
  return moduleVersionOfBinary(fs.readFileSync(file));
}

/** Electron's NODE_MODULE_VERSION, from the electron package's abi_version file, or null. */
export function electronModuleVersion(projectRoot: string): number | null {
  try {
    const text = fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

export type NativeBuildDecision =
  | { action: 'none'; built: number }
  | { action: 'rebuild'; built: number | null; wanted: number; reason: string }
  | { action: 'unknown'; reason: string };

/** Whether better-sqlite3 must be rebuilt before Electron (wanted = Electron's ABI) can load it. */
export function decideElectronBuild(built: number | null, wanted: number | null): NativeBuildDecision {
  if (wanted === null) return { action: 'unknown', reason: 'Electron 的 ABI 版本未知（node_modules/electron/abi_version 不存在）' };
  if (built === wanted) return { action: 'none', built };
  return {
    action: 'rebuild',
    built,
    wanted,
    reason: built === null ? 'better-sqlite3 还没有编译好的模块' : `better-sqlite3 是为 ABI ${built} 编译的，Electron 需要 ABI ${wanted}`,
  };
}

/** True for the error a module built for another runtime raises when loaded. */
export function isAbiMismatch(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|not a valid Win32 application|invalid ELF header/i.test(text);
}

/** What the app tells the user when its database module does not load (Chinese, for the dialog). */
export function explainNativeLoadError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (isAbiMismatch(err)) {
    return `数据库组件（better-sqlite3）是为另一个运行环境编译的，本程序无法加载它。开发环境请用 npm start 启动（会自动为 Electron 重新编译）；安装版请重新安装。\n\n${text}`;
  }
  return `数据库组件（better-sqlite3）无法加载：${text}`;
}

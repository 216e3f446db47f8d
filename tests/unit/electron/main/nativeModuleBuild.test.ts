import { describe, expect, it } from 'vitest';
import {
  builtModuleVersion,
  decideElectronBuild,
  electronModuleVersion,
  explainNativeLoadError,
  isAbiMismatch,
  moduleVersionOfBinary,
} from '../../../../electron/main/nativeModuleBuild';

const root = process.cwd();

describe('which runtime better-sqlite3 is built for', () => {
  it('reads the ABI from the compiled module; in npm test it is this Node', () => {
    // npm test's pretest hook makes sure the module loads here.
    expect(builtModuleVersion(root)).toBe(Number(process.versions.modules));
  });

  it("reads Electron's ABI from the electron package", () => {
    const abi = electronModuleVersion(root);
    expect(abi).toBeGreaterThan(Number(process.versions.modules));
  });

  it('finds the entry symbol in any binary format, or nothing', () => {
    const bytes = Buffer.concat([Buffer.from([0x4d, 0x5a, 0, 0]), Buffer.from('\0node_register_module_v150\0', 'latin1')]);
    expect(moduleVersionOfBinary(bytes)).toBe(150);
    expect(moduleVersionOfBinary(Buffer.from('napi_register_module_v1'))).toBeNull();
  });

  it('rebuilds only when the ABIs differ', () => {
    expect(decideElectronBuild(150, 150)).toEqual({ action: 'none', built: 150 });
    expect(decideElectronBuild(115, 150)).toMatchObject({ action: 'rebuild', built: 115, wanted: 150 });
    expect(decideElectronBuild(null, 150)).toMatchObject({ action: 'rebuild', built: null });
    expect(decideElectronBuild(115, null).action).toBe('unknown');
  });

  it('explains a module built for the other runtime in Chinese', () => {
    const err = new Error(
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.",
    );
    expect(isAbiMismatch(err)).toBe(true);
    expect(explainNativeLoadError(err)).toMatch(/^数据库组件.*npm start/);
    expect(isAbiMismatch(new Error('SQLITE_CANTOPEN'))).toBe(false);
    expect(explainNativeLoadError('boom')).toBe('数据库组件（better-sqlite3）无法加载：boom');
  });
});

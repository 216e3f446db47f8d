import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tempDir';
import { findElectronBinary } from '../../electron/electronBinary';

describe('finding the Electron binary without loading the electron package', () => {
  it('reports why it is missing (as on this machine: the download never happened)', () => {
    const root = tempDir('kaoping-electron-bin-');
    expect(findElectronBinary(root, {})).toEqual({ found: false, reason: 'the electron package is not installed' });
    fs.mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(findElectronBinary(root, {})).toMatchObject({ found: false, reason: expect.stringContaining('path.txt') });
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toMatchObject({ found: false, reason: expect.stringContaining('dist/electron') });
  });

  it('finds a downloaded binary, or the one ELECTRON_OVERRIDE_DIST_PATH names', () => {
    const root = tempDir('kaoping-electron-bin-');
    const pkg = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toEqual({ found: true, path: path.join(pkg, 'dist', 'electron') });
    const local = tempDir('kaoping-electron-local-');
    fs.writeFileSync(path.join(local, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: local })).toEqual({ found: true, path: path.join(local, 'electron') });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(local, 'none') }).found).toBe(false);
  });

  it('on this checkout, says whether the Electron test can run', () => {
    const here = findElectronBinary(process.cwd());
    expect(here.found ? here.path : here.reason).toBeTruthy();
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, tsFiles } from '../../helpers/importGraph';

/** Files that may load Electron at run time; everything else is plain Node that tests load. */
const ELECTRON_RUNTIME = new Set(['electron/main/index.ts', 'electron/main/registerContract.ts', 'electron/preload/index.ts']);

describe('who may import whom in the shell', () => {
  it('only the entry points load electron; the pure modules import its types at most', () => {
    for (const file of [...tsFiles('electron'), ...tsFiles('src')]) {
      for (const imp of importsOf(file)) {
        if (imp.from !== 'electron' && !imp.from.startsWith('electron/')) continue;
        if (!imp.typeOnly) expect(ELECTRON_RUNTIME.has(file), `${file} loads electron at run time`).toBe(true);
      }
    }
  });

  it('the preload imports Electron and src/shared only', () => {
    for (const file of tsFiles('electron/preload')) {
      for (const imp of importsOf(file)) {
        const resolved = imp.resolved ?? imp.from;
        const allowed = resolved === 'electron' || resolved.startsWith('src/shared/') || resolved.startsWith('electron/preload/');
        expect(allowed, `${file} imports ${imp.from}`).toBe(true);
      }
    }
  });

  it('ipcMain is touched in registerContract.ts only', () => {
    for (const file of [...tsFiles('electron'), ...tsFiles('src')]) {
      if (/\bipcMain\b/.test(fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) {
        expect(file).toBe('electron/main/registerContract.ts');
      }
    }
  });

  it('src/ never imports from electron/', () => {
    for (const file of tsFiles('src')) {
      for (const imp of importsOf(file)) expect(imp.from, file).not.toMatch(/(^|\/)electron\/(main|preload)\//);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Import {
  from: string;
  typeOnly: boolean;
}

/** The import statements of a TypeScript file (static, side-effect and dynamic). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
    found.push({ from: m[3] ?? '', typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push({ from: m[1] ?? '', typeOnly: false });
  return found;
}

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
    .map((f) => path.join(dir, f));
}

/** Files that may load Electron at run time; everything else is plain Node that tests load. */
const ELECTRON_RUNTIME = new Set(['electron/main/index.ts', 'electron/main/registerContract.ts', 'electron/preload/index.ts']);

describe('who may import whom in the shell', () => {
  it('only the entry points load electron; the pure modules import its types at most', () => {
    for (const file of [...tsFiles('electron'), ...tsFiles('src')]) {
      const rel = file.split(path.sep).join('/');
      for (const imp of importsOf(file)) {
        if (imp.from !== 'electron' && !imp.from.startsWith('electron/')) continue;
        if (!imp.typeOnly) expect(ELECTRON_RUNTIME.has(rel), `${rel} loads electron at run time`).toBe(true);
      }
    }
  });

  it('the preload imports Electron and src/shared only', () => {
    for (const file of tsFiles('electron/preload')) {
      for (const imp of importsOf(file)) {
        const resolved = imp.from.startsWith('.') ? path.relative('.', path.resolve(path.dirname(file), imp.from)).split(path.sep).join('/') : imp.from;
        const allowed = resolved === 'electron' || resolved.startsWith('src/shared/') || resolved.startsWith('electron/preload/');
        expect(allowed, `${file} imports ${imp.from}`).toBe(true);
      }
    }
  });

  it('ipcMain is touched in registerContract.ts only', () => {
    for (const file of [...tsFiles('electron'), ...tsFiles('src')]) {
      const rel = file.split(path.sep).join('/');
      if (/\bipcMain\b/.test(fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) {
        expect(rel).toBe('electron/main/registerContract.ts');
      }
    }
  });

  it('src/ never imports from electron/', () => {
    for (const file of tsFiles('src')) {
      for (const imp of importsOf(file)) expect(imp.from, file).not.toMatch(/(^|\/)electron\/(main|preload)\//);
    }
  });
});

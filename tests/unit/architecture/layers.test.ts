import { describe, expect, it } from 'vitest';
import { importsOf, tsFiles, type Import } from '../../helpers/importGraph';

/**
 * The layer table of ../shared/design/architecture.md: shared ← core ← backend ← {cli, electron/main};
 * the renderer imports core and shared; the preload imports shared only.
 */
const LAYERS: { name: string; folder: string; mayImport: string[]; packages: 'any' | 'no-node' }[] = [
  { name: 'shared', folder: 'src/shared', mayImport: ['src/shared'], packages: 'no-node' },
  { name: 'core', folder: 'src/core', mayImport: ['src/shared', 'src/core'], packages: 'no-node' },
  { name: 'backend', folder: 'src/backend', mayImport: ['src/shared', 'src/core', 'src/backend'], packages: 'any' },
  { name: 'cli', folder: 'src/cli', mayImport: ['src/shared', 'src/core', 'src/backend', 'src/cli'], packages: 'any' },
  { name: 'renderer', folder: 'src/renderer', mayImport: ['src/shared', 'src/core', 'src/renderer'], packages: 'no-node' },
  { name: 'electron/main', folder: 'electron/main', mayImport: ['src/shared', 'src/core', 'src/backend', 'electron/main'], packages: 'any' },
  { name: 'electron/preload', folder: 'electron/preload', mayImport: ['src/shared', 'electron/preload'], packages: 'any' },
];

const under = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);
/** Shipped data (holiday calendars, icons) is not code: any layer may read it. */
const isShippedData = (file: string) => under(file, 'resources') && !/\.(ts|tsx|mts)$/.test(file);
const isNodeBuiltin = (imp: Import) => imp.from.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'].includes(imp.from);

describe('who may import whom (architecture.md)', () => {
  for (const layer of LAYERS) {
    it(`${layer.name} imports only ${layer.mayImport.join(', ')}`, () => {
      const files = tsFiles(layer.folder);
      expect(files.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const file of files) {
        for (const imp of importsOf(file)) {
          if (imp.resolved !== null && !isShippedData(imp.resolved) && !layer.mayImport.some((allowed) => under(imp.resolved as string, allowed))) wrong.push(`${file} → ${imp.resolved}`);
          if (layer.packages === 'no-node' && isNodeBuiltin(imp) && !imp.typeOnly) wrong.push(`${file} → ${imp.from} (Node built-in)`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('every source file belongs to a layer', () => {
    const all = [...tsFiles('src'), ...tsFiles('electron')];
    const orphans = all.filter((f) => !LAYERS.some((l) => under(f, l.folder)));
    expect(orphans).toEqual([]);
  });

  it('finds a wrong import when there is one', () => {
    // The checker itself: core reaching into the backend must be caught.
    const imp: Import = { from: '../../backend/db/openStore', resolved: 'src/backend/db/openStore.ts', typeOnly: false };
    const core = LAYERS.find((l) => l.name === 'core');
    expect(core?.mayImport.some((allowed) => under(imp.resolved as string, allowed))).toBe(false);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExportUsage, unusedExports } from '../../helpers/exportUsage';
import { repoPath, tsFiles } from '../../helpers/importGraph';

/** Everything that may import app code: the app itself, and the tests, bench and scripts around it. */
const CONSUMERS = ['src', 'electron', 'tests', 'bench', 'scripts'];

describe('dead exports', () => {
  it('every export of src/ and electron/ is imported somewhere (or not exported)', () => {
    const files = CONSUMERS.flatMap((dir) => tsFiles(dir));
    const outsideApp = new Set(files.filter((f) => !f.startsWith('src/') && !f.startsWith('electron/')));
    expect(unusedExports(collectExportUsage(files), outsideApp)).toEqual([]);
  });

  it('finds an unused export, an unused re-export and a dead type, and accepts used ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-dead-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), 'export function used() {}\nexport const unused = 1;\nexport type Dead = string;\nexport type Param = number;\nexport function take(p: Param) { return p; }\n');
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { used, take } from './a';\nexport { used as again } from './a';\nused(); take(1);\n");
      const files = ['a.ts', 'b.ts'].map((f) => repoPath(path.join(dir, f)));
      const found = unusedExports(collectExportUsage(files), new Set())
        .map((line) => line.split(': ')[1])
        .sort();
      expect(found).toEqual(['Dead', 'again', 'unused']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

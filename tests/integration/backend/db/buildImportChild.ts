import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Bundles importChild.ts into one minified file (everything but the native better-sqlite3 inlined)
 * beside the project's node_modules: plain node starts it in a fraction of tsx's time (thousands
 * of small files). Returns its path and a function that removes it.
 */
export async function buildImportChild(name: string): Promise<{ script: string; remove: () => void }> {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const script = path.join(ROOT, '.tmp', `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, 'tests/integration/backend/services/import/importChild.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __kaopingRequire } from 'node:module'; const require = __kaopingRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return { script, remove: () => fs.rmSync(script, { force: true }) };
}

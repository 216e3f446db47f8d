#!/usr/bin/env node
/**
 * Makes better-sqlite3's compiled module fit the runtime about to use it, and does nothing when
 * it already does. Never run from postinstall (that would break plain-Node tests).
 *
 *   node scripts/ensureNativeBuild.mjs node      before npm test / the CLI: rebuilds for Node only
 *                                                when the module fails to load in this Node
 *   tsx scripts/ensureNativeBuild.mjs electron   before npm start / packaging: rebuilds for
 *                                                Electron when the module's ABI is not Electron's
 *                                                (tsx: it uses electron/main/nativeModuleBuild.ts)
 *
 * Rebuilds need the internet (prebuilt download) or a C++ toolchain (compiling takes a minute).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** Loads better-sqlite3 in a fresh Node process (this one may have cached a failed load). */
function loadsInNode() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').close();";
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, error: (result.stderr || '').trim() };
}

function ensureNode() {
  try {
    const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
    new Database(':memory:').close();
    return 0; // The usual case: nothing to do, nothing printed.
  } catch (err) {
    console.log(`better-sqlite3 does not load in Node ${process.version} (${String(err && err.message).split('\n')[0]}); rebuilding it for Node…`);
  }
  if (!run(npm, ['rebuild', 'better-sqlite3'])) return 1;
  const after = loadsInNode();
  if (!after.ok) {
    console.error(`better-sqlite3 still does not load in Node after the rebuild:\n${after.error}`);
    return 1;
  }
  console.log('better-sqlite3 is built for Node again.');
  return 0;
}

async function ensureElectron() {
  // The decision is typed and tested in TypeScript; this mode runs under tsx.
  const { builtModuleVersion, decideElectronBuild, electronModuleVersion } = await import('../electron/main/nativeModuleBuild');
  const decision = decideElectronBuild(builtModuleVersion(root), electronModuleVersion(root));
  if (decision.action === 'none') return 0;
  if (decision.action === 'unknown') {
    console.error(`Cannot tell which ABI Electron needs: ${decision.reason}. Run "npm ci" again.`);
    return 1;
  }
  console.log(`${decision.reason}; rebuilding better-sqlite3 for Electron…`);
  if (!run(npx, ['electron-builder', 'install-app-deps'])) return 1;
  const built = builtModuleVersion(root);
  if (built !== decision.wanted) {
    console.error(`After the rebuild better-sqlite3 is built for ABI ${built ?? '?'}, not Electron's ${decision.wanted}.`);
    return 1;
  }
  console.log(`better-sqlite3 is built for Electron (ABI ${built}).`);
  return 0;
}

if (mode === 'node') process.exit(ensureNode());
else if (mode === 'electron') process.exit(await ensureElectron());
else {
  console.error('usage: tsx scripts/ensureNativeBuild.mjs node|electron');
  process.exit(2);
}

#!/usr/bin/env node
/**
 * Provisions what the test suite needs beyond npm packages, so that `npm ci && npm test` works on
 * a fresh Debian machine: Chromium (end-to-end tests), a CJK font (report charts and screenshots),
 * LibreOffice and poppler (the report's PDF check), the PostgreSQL server (the integration suite
 * also runs on a throwaway cluster: tests/helpers/postgresGlobalSetup.ts). Run by `npm test` before
 * anything else.
 *
 * What is present is left alone. What is missing is installed with apt-get when this runs as root
 * on a Debian-like system; otherwise it stops at once with one line naming what to install,
 * instead of a stack trace deep in a test's setup.
 *
 *   node scripts/ensureTestPrerequisites.mjs          check, install where possible
 *   node scripts/ensureTestPrerequisites.mjs --check  check only (exit 1 and say what is missing)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Each prerequisite: how to tell it is there, and the Debian package that brings it. */
const PREREQUISITES = [
  { what: 'Chromium', apt: 'chromium', present: () => onPath('chromium') || fs.existsSync(process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium') },
  { what: 'LibreOffice Calc', apt: 'libreoffice-calc-nogui', present: () => onPath('soffice') },
  { what: 'pdftoppm', apt: 'poppler-utils', present: () => onPath('pdftoppm') },
  { what: 'a Chinese (CJK) font', apt: 'fonts-noto-cjk', present: hasCjkFont },
  // Optional: where it cannot be installed, the PostgreSQL tests skip and say why.
  { what: 'the PostgreSQL server', apt: 'postgresql', present: hasPostgresServer, optional: true },
];

function onPath(command) {
  return spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  const listed = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (listed.status === 0) return listed.stdout.trim() !== '';
  return ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'].some((f) => fs.existsSync(f));
}

/** initdb and pg_ctl: Debian keeps them off PATH, in /usr/lib/postgresql/N/bin (as tests/helpers/postgresCluster.ts looks). */
function hasPostgresServer() {
  const root = '/usr/lib/postgresql';
  const debian = fs.existsSync(root) && fs.readdirSync(root).some((v) => fs.existsSync(`${root}/${v}/bin/initdb`) && fs.existsSync(`${root}/${v}/bin/pg_ctl`));
  return debian || (onPath('initdb') && onPath('pg_ctl'));
}

function canInstallWithApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`> apt-get install ${packages.join(' ')}`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  return install.status === 0;
}

const checkOnly = process.argv.includes('--check');
let missing = PREREQUISITES.filter((p) => !p.present());
if (missing.length > 0 && !checkOnly && canInstallWithApt()) {
  // An optional package that fails to install must not take the required ones down with it.
  for (const group of [missing.filter((p) => !p.optional), missing.filter((p) => p.optional)]) {
    if (group.length > 0) aptInstall(group.map((p) => p.apt));
  }
  missing = PREREQUISITES.filter((p) => !p.present());
}
for (const p of missing.filter((p) => p.optional)) {
  console.warn(`Without ${p.what} its tests skip (Debian/Ubuntu: sudo apt-get install ${p.apt}).`);
}
missing = missing.filter((p) => !p.optional);
if (missing.length > 0) {
  const names = missing.map((p) => p.what).join(', ');
  const packages = missing.map((p) => p.apt).join(' ');
  console.error(`The tests need ${names}: install them first (Debian/Ubuntu: sudo apt-get install ${packages}).`);
  process.exit(1);
}

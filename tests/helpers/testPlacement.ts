import fs from 'node:fs';
import path from 'node:path';
import { importsOf, tsFiles } from './importGraph';

/**
 * Where a test belongs: tests/unit and tests/integration mirror the code's folders, so that the
 * test of a file is found without searching. A file under src/<dir>/ is tested in
 * tests/<tier>/<dir>/ (electron/<dir>/ in tests/<tier>/electron/<dir>/); the tier is the test's
 * own (unit: no database or files; integration: real SQLite, files, processes). tests/e2e,
 * tests/electron, tests/fixtures and tests/helpers keep their own layout.
 *
 * The rule, per file:
 * - x.test.ts where some code file is named x.ts/x.tsx: in that file's folder.
 * - any other test: in a code folder that holds, contains or lies inside a folder it imports
 *   (value imports of src/ or electron/); a test importing no code stays where it is.
 * - a support file (no .test.): beside the tests that use it, when they share one folder;
 *   in tests/helpers/ when tests of several folders use it.
 */
export const TIERS = ['tests/unit', 'tests/integration'] as const;

export interface Placement {
  /** Repository-relative, as it is now. */
  file: string;
  /** Where the rule puts it, repository-relative. */
  shouldBe: string;
}

const CODE_ROOTS = ['src', 'electron'];

function codeFiles(): string[] {
  return CODE_ROOTS.flatMap((root) => tsFiles(root));
}

/** The mirror folder of a code file: src/core/calendar/dates.ts → core/calendar; electron/main/x.ts → electron/main. */
function mirrorOf(codeFile: string): string {
  const dir = path.posix.dirname(codeFile);
  return dir.startsWith('src/') ? dir.slice(4) : dir === 'src' ? '' : dir;
}

function stemOf(file: string): string {
  return path.posix.basename(file).replace(/\.(test\.)?(ts|tsx|mts)$/, '');
}

function isTest(file: string): boolean {
  return /\.test\.(ts|tsx|mts)$/.test(file);
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || b === '' || a === '';
}

interface Located {
  tier: string;
  folder: string;
}

function locate(file: string): Located | null {
  for (const tier of TIERS) if (file.startsWith(`${tier}/`)) return { tier, folder: path.posix.dirname(file.slice(tier.length + 1)).replace(/^\.$/, '') };
  return null;
}

/** Every file of tests/unit and tests/integration with the place the rule gives it (placed or not). */
export function testPlacements(): Placement[] {
  const code = codeFiles();
  const mirrors = new Set(code.map(mirrorOf));
  for (const m of [...mirrors]) for (let d = m; d.includes('/'); d = d.slice(0, d.lastIndexOf('/'))) mirrors.add(d.slice(0, d.lastIndexOf('/')));
  const byStem = new Map<string, string[]>();
  for (const f of code) byStem.set(stemOf(f), [...(byStem.get(stemOf(f)) ?? []), f]);

  const files = TIERS.flatMap((tier) => (fs.existsSync(tier) ? tsFiles(tier) : [])).sort();
  const target = new Map<string, string>();
  const importCache = new Map<string, ReturnType<typeof importsOf>>();
  const importsOfCached = (file: string) => {
    let found = importCache.get(file);
    if (!found) importCache.set(file, (found = importsOf(file)));
    return found;
  };

  /** The folder the rule gives a file by what it imports (its own folder when that already fits). */
  const byImports = (file: string, folder: string): string => {
    const imports = importsOfCached(file).filter((i) => !i.typeOnly && i.resolved !== null && CODE_ROOTS.some((r) => i.resolved!.startsWith(`${r}/`)));
    const importFolders = imports.map((i) => mirrorOf(i.resolved!));
    const named = isTest(file) ? (byStem.get(stemOf(file)) ?? []) : [];
    if (named.length > 0) {
      const folders = named.map(mirrorOf);
      return folders.includes(folder) ? folder : (folders.find((f) => importFolders.includes(f)) ?? folders[0]!);
    }
    if (importFolders.length === 0 && !mirrors.has(folder)) {
      // Nothing imported to go by (a corpus, a config check): the one code folder of the same name, if any.
      const namesakes = [...mirrors].filter((m) => path.posix.basename(m) === path.posix.basename(folder));
      return namesakes.length === 1 ? namesakes[0]! : folder;
    }
    if (importFolders.length === 0 || (mirrors.has(folder) && importFolders.some((i) => related(folder, i)))) return folder;
    // Prefer the code folder named like the test's folder now (tests/integration/freeze → backend/services/freeze).
    const topical = [...mirrors].filter((m) => m !== '' && path.posix.basename(m) === path.posix.basename(folder) && importFolders.some((i) => related(m, i)));
    const counts = new Map<string, number>();
    for (const f of importFolders) counts.set(f, (counts.get(f) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
    return topical.sort((a, b) => b.length - a.length)[0] ?? busiest;
  };

  for (const file of files.filter(isTest)) {
    const { tier, folder } = locate(file)!;
    target.set(file, path.posix.join(tier, byImports(file, folder), path.posix.basename(file)));
  }

  for (const file of files.filter((f) => !isTest(f))) {
    const { tier, folder } = locate(file)!;
    const importers = files.filter((f) => f !== file && importsOfCached(f).some((i) => i.resolved === file));
    // The tests that use it decide; support files that use it follow their own tests.
    const users = importers.some(isTest) ? importers.filter(isTest) : importers;
    const userDirs = [...new Set(users.map((u) => path.posix.dirname(target.get(u) ?? u)))];
    let should = file;
    const here = path.posix.dirname(file);
    if (userDirs.length === 1 && userDirs[0] !== here) should = path.posix.join(userDirs[0]!, path.posix.basename(file));
    else if (userDirs.length > 1 && !userDirs.includes(here)) should = path.posix.join('tests/helpers', path.posix.basename(file));
    else if (userDirs.length === 0) should = path.posix.join(tier, byImports(file, folder), path.posix.basename(file));
    target.set(file, should);
  }
  return files.map((file) => ({ file, shouldBe: target.get(file)! }));
}

/** The files the rule would move, with where each belongs. */
export function misplacedTests(): Placement[] {
  return testPlacements().filter((p) => p.file !== p.shouldBe);
}

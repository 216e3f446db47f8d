import fs from 'node:fs';
import path from 'node:path';

export interface Import {
  /** The module specifier as written. */
  from: string;
  /** The repository-relative file it resolves to, for relative specifiers; null for packages. */
  resolved: string | null;
  typeOnly: boolean;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** The repository-relative path (forward slashes) of a file. */
export function repoPath(file: string): string {
  return path.relative('.', file).split(path.sep).join('/');
}

function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const ext of ['', ...EXTENSIONS]) {
    if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return repoPath(base + ext);
  }
  return repoPath(base);
}

/** The import and re-export statements of a TypeScript file (static, side-effect and dynamic). */
export function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  const add = (from: string, typeOnly: boolean) =>
    found.push({ from, typeOnly, resolved: from.startsWith('.') ? resolveRelative(file, from) : null });
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) add(m[3] ?? '', m[2] !== undefined);
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) add(m[1] ?? '', false);
  return found;
}

/** Every TypeScript file under a folder, repository-relative. */
export function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => repoPath(path.join(dir, f)));
}

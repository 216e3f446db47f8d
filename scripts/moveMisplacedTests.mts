// Moves every test file tests/unit/architecture/testPlacement.test.ts finds out of place (git mv) and
// rewrites the relative paths that pointed at or from it: imports, __dirname / import.meta paths,
// and repository paths named in README, bench and config files. Run: node --import tsx scripts/moveMisplacedTests.mts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
const { misplacedTests } = await import('../tests/helpers/testPlacement.ts');
const moves = new Map<string, string>(misplacedTests().map((m: { file: string; shouldBe: string }) => [m.file, m.shouldBe]));
const EXTS = ['', '.ts', '.tsx', '.mts', '/index.ts'];
function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.posix.join(dir, f.split(path.sep).join('/'))).filter((f) => /\.(ts|tsx|mts)$/.test(f) && fs.statSync(f).isFile());
}
const files = [...walk('tests'), ...walk('bench'), ...walk('scripts')].filter((f) => !f.includes('node_modules'));
const rel = (fromDir: string, to: string) => {
  let r = path.posix.relative(fromDir, to);
  if (!r.startsWith('.')) r = `./${r}`;
  return r;
};
/** old repo path of what `spec` (relative, from oldDir) points at → its new repo path (same style, no ext added). */
function remapTarget(oldDir: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(oldDir, spec));
  for (const ext of EXTS) {
    const moved = moves.get(base + ext);
    if (moved) return ext === '' ? moved : moved.slice(0, moved.length - ext.length);
  }
  // A folder or file that did not move (fixtures, helpers, src, node_modules).
  return base;
}
let changed = 0;
const newText = new Map<string, string>();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const oldDir = path.posix.dirname(file);
  const newDir = path.posix.dirname(moves.get(file) ?? file);
  const fix = (spec: string): string => {
    if (!spec.startsWith('.')) return spec;
    const target = remapTarget(oldDir, spec);
    const out = rel(newDir, target);
    // Keep a trailing slash or the exact spelling when nothing changed.
    return path.posix.normalize(path.posix.join(oldDir, spec)) === target && oldDir === newDir ? spec : out;
  };
  let out = text
    .replace(/(\bfrom\s+|\bimport\(\s*|\bimport\s+|\bvi\.mock\(\s*|\brequire\(\s*)'(\.[^']*)'/g, (_m, pre: string, spec: string) => `${pre}'${fix(spec)}'`)
    .replace(/((?:path\.)?(?:resolve|join)\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*)'(\.[^']*|[^'/][^']*)'/g, (_m, pre: string, spec: string) => `${pre}'${fix(spec.startsWith('.') ? spec : `./${spec}`).replace(/^\.\/(?=[^.])/, '')}'`)
    .replace(/(new URL\(\s*)'(\.[^']*)'(\s*,\s*import\.meta\.url)/g, (_m, pre: string, spec: string, post: string) => `${pre}'${fix(spec)}'${post}`);
  if (out !== text) {
    newText.set(file, out);
    changed++;
  }
}
for (const [from, to] of moves) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to]);
}
for (const [file, text] of newText) fs.writeFileSync(moves.get(file) ?? file, text);
// Paths named in prose (README, bench notes, comments): old repo paths → new.
const prose = execFileSync('git', ['ls-files', '*.md', '*.ts', '*.tsx', '*.mts', '*.json', '*.yml'], { encoding: 'utf8' }).split('\n').filter(Boolean);
for (const file of prose) {
  if (!fs.existsSync(file)) continue;
  let text = fs.readFileSync(file, 'utf8');
  const before = text;
  for (const [from, to] of moves) text = text.split(from).join(to);
  if (text !== before) {
    fs.writeFileSync(file, text);
    console.log(`prose: ${file}`);
  }
}
console.log(`moved ${moves.size}, rewrote ${changed}`);

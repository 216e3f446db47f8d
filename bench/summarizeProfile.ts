/**
 * `npx tsx bench/summarizeProfile.ts <file.cpuprofile> [top]`: where a profiled run spent its
 * CPU, as self time by function and by file (profiles come from `npm run bench -- --profile`,
 * written under the cache folder's profiles/).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.search(/\/(src|bench|tests)\//);
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '') || '(native)';
}

function top(map: Map<string, number>, count: number, total: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}

const args = process.argv.slice(2);
// A run under tsx writes two profiles: the main thread's (the big one) and the loader worker's.
const file = args.find((a) => a.endsWith('.cpuprofile'));
const countArg = args.find((a) => /^\d+$/.test(a));
if (!file) throw new Error('usage: summarizeProfile.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
const selfByNode = new Map<number, number>();
profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const [id, us] of selfByNode) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  total += us;
  const where = shortUrl(frame.url);
  const name = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
const count = Number(countArg ?? 25);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nself time by function:`);
console.log(top(byFunction, count, total).join('\n'));
console.log('\nself time by file:');
console.log(top(byFile, count, total).join('\n'));

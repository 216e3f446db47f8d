/**
 * `npm run bench [-- --quick] [--only xlsx,csv,xls,eval,nearcopy,report,grid,pgimport,pgeval] [--fresh] [--prepare] [--profile]`
 *   --fresh    rebuild the cached data sets; --prepare  build them and measure nothing;
 *   --profile  write a CPU profile of every measured run (summarise with bench/summarizeProfile.ts).
 *   KAOPING_BENCH_CACHE=<dir>  use that cache folder instead of $TMPDIR/kaoping-bench.
 *
 * Measures what Kaoping exists for, at district and city scale, each figure next to a baseline
 * measured in the same run (the machine is shared, so only same-run comparisons mean much).
 * Every run of every workload is a fresh child process (peak RSS is the workload's own); the
 * median of the runs is reported. Prints a table and writes bench/results.json.
 * Not a test: nothing here asserts a timing; only correctness (same near-copy pairs, imports
 * accepted) makes the exit code non-zero.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchConfig } from './benchConfig';
import { makeContext, type BenchContext } from './benchContext';
import { clearCache, Datasets } from './datasets';
import { machineInfo } from './machineInfo';
import { PREPARE } from './prepareSections';
import { runChild } from './runChild';
import { figuresTable, targetsTable, type SectionResult } from './resultTables';
import { csvImportSection } from './sections/csvImportSection';
import { evaluationSection } from './sections/evaluationSection';
import { gridSection } from './sections/gridSection';
import { nearCopySection } from './sections/nearCopySection';
import { postgresEvaluationSection } from './sections/postgresEvaluationSection';
import { postgresImportSection } from './sections/postgresImportSection';
import { reportSection } from './sections/reportSection';
import { xlsImportSection } from './sections/xlsImportSection';
import { xlsxImportSection } from './sections/xlsxImportSection';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<SectionResult>> = {
  xlsx: xlsxImportSection,
  csv: csvImportSection,
  xls: xlsImportSection,
  eval: evaluationSection,
  nearcopy: nearCopySection,
  report: reportSection,
  grid: gridSection,
  pgimport: postgresImportSection,
  pgeval: postgresEvaluationSection,
};

function parseArgs(argv: string[]): { quick: boolean; fresh: boolean; prepare: boolean; profile: boolean; only: string[] } {
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--only') only.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) only.push(...arg.slice('--only='.length).split(','));
    else if (!['--quick', '--fresh', '--prepare', '--profile'].includes(arg)) throw new Error(`unknown option ${arg}`);
  }
  const unknown = only.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  return {
    quick: argv.includes('--quick'),
    fresh: argv.includes('--fresh'),
    prepare: argv.includes('--prepare'),
    profile: argv.includes('--profile'),
    only,
  };
}

const args = parseArgs(process.argv.slice(2));
// KAOPING_BENCH_CACHE: a cache folder of one's own (a copy of the shared one), e.g. beside another run.
const config = benchConfig(args.quick, process.env.KAOPING_BENCH_CACHE || undefined);
const log = (line: string) => process.stderr.write(`${line}\n`);
if (args.fresh) clearCache(config);
const datasets = new Datasets(config, log);
const ctx = makeContext(config, datasets, log, args.profile);
const machine = machineInfo();
const started = new Date();
const title = `Kaoping bench — ${config.mode === 'quick' ? 'QUICK (reduced sizes, 1 run each: not comparable with the full run)' : `full, median of ${config.runs} runs`}`;
log(`${title}\n${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryMb} MB, Node ${machine.node}, load ${machine.loadAverage}; cache ${config.cacheRoot}`);

const selected = Object.keys(SECTIONS).filter((name) => args.only.length === 0 || args.only.includes(name));
if (args.prepare) {
  for (const name of selected) await PREPARE[name]?.(ctx);
  for (const d of datasets.notes) console.log(`${d.name}: ${d.path}${d.builtSeconds === null ? ' (cached)' : ` (built in ${d.builtSeconds.toFixed(0)} s)`}`);
  process.exit(0);
}

// What a child costs before its workload: Node, tsx and the bench's own modules.
const harness = await runChild('noop', {});
const harnessRssMb = harness.status === 'ok' && typeof harness.result.peakRssMb === 'number' ? harness.result.peakRssMb : null;

const results: Record<string, SectionResult> = {};
const errors: Record<string, string> = {};
for (const name of selected) {
  try {
    const section = SECTIONS[name];
    if (section) results[name] = await section(ctx);
  } catch (err) {
    errors[name] = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`section ${name} failed: ${errors[name]}`);
  }
}

const all = Object.values(results);
const figures = all.flatMap((r) => r.figures);
const targets = all.flatMap((r) => r.targets);
const notes = [...all.flatMap((r) => r.notes), ...datasets.notes.map((d) => `data set ${d.name}: ${d.source}${d.builtSeconds === null ? ' (cached)' : ` (built in ${d.builtSeconds.toFixed(0)} s)`}`)];
const finished = new Date();

console.log(`\n${title}`);
console.log(`${machine.cpuModel} · ${machine.cores} cores · ${machine.totalMemoryMb} MB · Node ${machine.node} · load ${machine.loadAverage} at start · ${started.toISOString()}`);
console.log(
  `Peak RSS is each child process's own; a child that does nothing peaks at ${harnessRssMb === null ? '?' : harnessRssMb.toFixed(0)} MB (Node + tsx). CPU is the measured region's user+system time.\n`,
);
console.log(figuresTable(figures));
console.log(`\n${targetsTable(targets)}\n`);
for (const note of notes) console.log(`- ${note}`);
for (const [name, error] of Object.entries(errors)) console.log(`- section ${name} FAILED: ${error.split('\n')[0] ?? ''}`);
console.log(`\n(${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s)`);

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsPath = path.join(benchDir, 'results.json');
writeFileSync(
  resultsPath,
  `${JSON.stringify(
    {
      mode: config.mode,
      runsPerFigure: config.runs,
      sections: Object.keys(results),
      date: started.toISOString(),
      durationSeconds: (finished.getTime() - started.getTime()) / 1000,
      machine,
      harnessPeakRssMb: harnessRssMb,
      config,
      figures,
      targets,
      notes,
      errors,
      datasets: datasets.notes,
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${path.relative(process.cwd(), resultsPath)}`);
const passed = Object.keys(errors).length === 0 && all.every((r) => r.passed);
process.exitCode = passed ? 0 : 1;

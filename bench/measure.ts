import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TaskParams, TaskResult } from './childProtocol';
import { median } from './median';
import { runChild, type ChildOutcome, type Guard } from './runChild';

/** The runs of one measured figure: each in its own process, summarised by the median. */
export interface Measured {
  task: string;
  outcomes: ChildOutcome[];
  ok: TaskResult[];
  /** The median of a numeric result field over the successful runs. */
  median(key: string): number | null;
  /** The first result's value of a field (counts that are the same in every run). */
  first(key: string): number | string | boolean | null;
  guarded: Extract<ChildOutcome, { status: 'guarded' }> | null;
  failed: Extract<ChildOutcome, { status: 'failed' }> | null;
}

export interface MeasureOptions {
  runs: number;
  guard?: Guard;
  /** Stop after a guarded run instead of repeating a run that cannot finish. */
  stopWhenGuarded?: boolean;
  /** Write a CPU profile of every run into this folder. */
  profileDir?: string;
  log: (line: string) => void;
  label: string;
}

export async function measure(task: string, params: TaskParams, opts: MeasureOptions): Promise<Measured> {
  const outcomes: ChildOutcome[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    const nodeArgs: string[] = [];
    if (opts.profileDir) {
      mkdirSync(opts.profileDir, { recursive: true });
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profileDir)}`);
    }
    const outcome = await runChild(task, params, { guard: opts.guard, nodeArgs });
    outcomes.push(outcome);
    const what =
      outcome.status === 'ok'
        ? `${outcome.wallSeconds.toFixed(1)} s wall, peak RSS ${Number(outcome.result.peakRssMb).toFixed(0)} MB`
        : `${outcome.status}: ${outcome.reason}`;
    opts.log(`  ${opts.label} run ${run}/${opts.runs}: ${what}`);
    if (outcome.status === 'guarded' && opts.stopWhenGuarded) break;
    if (outcome.status === 'failed') break;
  }
  const ok = outcomes.flatMap((o) => (o.status === 'ok' ? [o.result] : []));
  return {
    task,
    outcomes,
    ok,
    median: (key) => median(ok.flatMap((r) => (typeof r[key] === 'number' ? [r[key]] : []))),
    first: (key) => ok[0]?.[key] ?? null,
    guarded: outcomes.find((o): o is Extract<ChildOutcome, { status: 'guarded' }> => o.status === 'guarded') ?? null,
    failed: outcomes.find((o): o is Extract<ChildOutcome, { status: 'failed' }> => o.status === 'failed') ?? null,
  };
}

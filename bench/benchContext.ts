import path from 'node:path';
import type { BenchConfig } from './benchConfig';
import type { TaskParams } from './childProtocol';
import type { Datasets } from './datasets';
import { measure, type Measured } from './measure';
import type { Guard } from './runChild';

export interface MeasureExtra {
  guard?: Guard;
  stopWhenGuarded?: boolean;
  runs?: number;
}

/** What every section gets: the sizes, the data sets, a logger and the measuring loop. */
export interface BenchContext {
  config: BenchConfig;
  datasets: Datasets;
  log: (line: string) => void;
  measure(task: string, params: TaskParams, label: string, extra?: MeasureExtra): Promise<Measured>;
}

export function makeContext(config: BenchConfig, datasets: Datasets, log: (line: string) => void, profile: boolean): BenchContext {
  return {
    config,
    datasets,
    log,
    measure: (task, params, label, extra = {}) =>
      measure(task, params, {
        runs: extra.runs ?? config.runs,
        guard: extra.guard,
        stopWhenGuarded: extra.stopWhenGuarded,
        profileDir: profile ? path.join(config.cacheRoot, 'profiles', label.replace(/[^\w.-]+/g, '_')) : undefined,
        log,
        label,
      }),
  };
}

/** "3" or "1 of 3 (guarded)": how many runs the median is of. */
export function runsText(m: Measured, planned: number): string {
  if (m.guarded) return `${m.outcomes.length} (guarded)`;
  if (m.failed) return `${m.ok.length} of ${planned} (failed)`;
  return String(m.ok.length);
}

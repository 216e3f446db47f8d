/** What travels between bench/run.ts and a child: JSON params in argv, one JSON result line on stdout. */
export type Scalar = number | string | boolean | null;
export type TaskParams = Record<string, Scalar>;
export type TaskResult = Record<string, Scalar>;
export type TaskFn = (params: TaskParams) => Promise<TaskResult>;

/** The line a child prints last, followed by its result as JSON. */
export const RESULT_MARKER = '@@bench-result ';
/** A child announces long phases, so that a guarded kill can say what was running. */
export const PHASE_MARKER = '@@bench-phase ';

export function announcePhase(name: string): void {
  process.stdout.write(`${PHASE_MARKER}${name}\n`);
}

export function stringParam(params: TaskParams, key: string): string {
  const value = params[key];
  if (typeof value !== 'string') throw new Error(`bench task parameter ${key} must be a string`);
  return value;
}

export function numberParam(params: TaskParams, key: string): number {
  const value = params[key];
  if (typeof value !== 'number') throw new Error(`bench task parameter ${key} must be a number`);
  return value;
}

export function optionalStringParam(params: TaskParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Wall and CPU time of the measured region. CPU time is this process's own (user + system, all
 * threads): steadier than wall time on a shared machine, and it shows time spent waiting.
 */
export interface Clock {
  seconds(): number;
  cpuSeconds(): number;
}

export function startClock(): Clock {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return {
    seconds: () => (performance.now() - wall) / 1000,
    cpuSeconds: () => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1e6;
    },
  };
}

/** Seconds since `started` (a performance.now() reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

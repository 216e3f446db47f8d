import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHASE_MARKER, RESULT_MARKER, type TaskParams, type TaskResult } from './childProtocol';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.dirname(benchDir);

export interface Guard {
  timeoutSeconds: number;
  maxRssMb: number;
}

export type ChildOutcome =
  | { status: 'ok'; result: TaskResult; wallSeconds: number }
  | { status: 'guarded'; reason: string; wallSeconds: number; peakRssMb: number; phase: string | null }
  | { status: 'failed'; reason: string; wallSeconds: number; phase: string | null };

export interface ChildOptions {
  guard?: Guard;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Echo the child's stderr (progress of long preparations). */
  echo?: boolean;
}

/** VmRSS and VmHWM of a live process in MB, or null once it is gone. */
export function readProcessMemory(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** User + system CPU seconds a live process has used so far, or null once it is gone. */
export function readProcessCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses: state is field 3, utime 14, stime 15 (clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Runs one task in a fresh Node process and returns its JSON result. Under a guard the child is
 * killed when it passes the time or resident-memory limit (polled from /proc), and the outcome
 * says so instead of a figure.
 */
export function runChild(task: string, params: TaskParams, opts: ChildOptions = {}): Promise<ChildOutcome> {
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(benchDir, 'child.ts'), task, JSON.stringify(params)];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let phase: string | null = null;
  let guardHit: { reason: string; peakRssMb: number } | null = null;
  let peakSeenMb = 0;

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    for (const line of chunk.split('\n')) if (line.startsWith(PHASE_MARKER)) phase = line.slice(PHASE_MARKER.length).trim();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    if (opts.echo) process.stderr.write(chunk);
  });

  const guard = opts.guard;
  const poll =
    guard && child.pid !== undefined
      ? setInterval(() => {
          const memory = readProcessMemory(child.pid ?? -1);
          if (memory) peakSeenMb = Math.max(peakSeenMb, memory.hwmMb);
          const elapsed = (performance.now() - started) / 1000;
          const reason =
            memory && memory.rssMb > guard.maxRssMb
              ? `RSS passed ${guard.maxRssMb} MB after ${elapsed.toFixed(0)} s`
              : elapsed > guard.timeoutSeconds
                ? `still running after ${guard.timeoutSeconds} s`
                : null;
          if (reason && !guardHit) {
            guardHit = { reason, peakRssMb: peakSeenMb };
            child.kill('SIGKILL');
          }
        }, 200)
      : null;

  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      const wallSeconds = (performance.now() - started) / 1000;
      const hit: { reason: string; peakRssMb: number } | null = guardHit;
      if (hit) {
        resolve({ status: 'guarded', reason: hit.reason, wallSeconds, peakRssMb: hit.peakRssMb, phase });
        return;
      }
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        const tail = stderr.trim().split('\n').slice(-6).join('\n');
        resolve({ status: 'failed', reason: `exit ${code ?? signal}: ${tail}`, wallSeconds, phase });
        return;
      }
      resolve({ status: 'ok', result: JSON.parse(line.slice(RESULT_MARKER.length)) as TaskResult, wallSeconds });
    });
  });
}
